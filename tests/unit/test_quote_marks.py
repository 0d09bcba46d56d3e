"""Quotes are shown in quote marks once: an author's quote that starts or ends with its own
marks (the article's words as printed) never shows doubled ones (issue 14)."""

from __future__ import annotations

import dataclasses

from game.debrief_text import fact_markdown
from game.prose import in_quotes


def test_plain_words_get_curly_double_quotes():
    assert in_quotes("flooding three villages") == "“flooding three villages”"


def test_a_quote_wholly_in_its_own_marks_is_shown_as_it_is():
    assert in_quotes("“We will rebuild.”") == "“We will rebuild.”"
    assert in_quotes('"We will rebuild."') == '"We will rebuild."'


def test_a_quote_starting_or_ending_with_a_quote_mark_goes_in_single_marks():
    assert in_quotes("“We will rebuild,” he said") == "‘“We will rebuild,” he said’"
    assert in_quotes("The mayor said: “We will rebuild…fast.”") == \
        "‘The mayor said: “We will rebuild…fast.”’"


def test_no_doubled_marks_in_the_debrief_file(mini_pack):
    fact = mini_pack.scene("mon-alarm").facts[0]
    shown = fact_markdown(1, dataclasses.replace(fact, source="“Three villages,” officials said"))
    assert "““" not in shown and "‘“Three villages,” officials said’" in shown


def test_validate_quotes_a_choice_that_starts_with_its_own_mark_once(mini_pack):
    from game.content.reach_findings import way_name

    scene = mini_pack.scene("mon-alarm")
    choice = dataclasses.replace(scene.choices[0], text='"We will rebuild", says the mayor')
    scene = dataclasses.replace(scene, choices=(choice, *scene.choices[1:]))
    assert way_name(scene, (scene.id, "choice", 0)) == \
        "the choice ‘\"We will rebuild\", says the mayor’ at 'mon-alarm'"
