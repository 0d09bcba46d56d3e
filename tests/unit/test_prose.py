"""game/prose.py: sentences ended once, and Markdown parsed into lines both front ends draw."""

from __future__ import annotations

import pytest

from game.prose import labelled, prose_lines, sentence


@pytest.mark.parametrize("text, ended", [
    ("What can Iran do?", "What can Iran do?"),
    ("Flash traffic from Hasakah", "Flash traffic from Hasakah."),
    ("Stop!", "Stop!"),
    ("Already done.", "Already done."),
    ("To be continued…", "To be continued…"),
    ("Read this:", "Read this:"),
    ('He said "stop."', 'He said "stop."'),
    ("She asked “why?”", "She asked “why?”"),
    ("(see the notes.)", "(see the notes.)"),
    ('The caption reads "Raisi rallies crowds"', 'The caption reads "Raisi rallies crowds".'),
    ("Thursday 23 March, 21:10", "Thursday 23 March, 21:10."),
    ("trailing space   ", "trailing space."),
    ("", ""),
])
def test_a_sentence_gets_its_full_stop_only_when_it_has_none(text, ended):
    assert sentence(text) == ended


def test_a_label_is_not_given_a_colon_after_its_own_punctuation():
    assert labelled("CLAIMED by US intelligence", "x") == "CLAIMED by US intelligence: x"
    assert labelled("Who sent it?", "Iran") == "Who sent it? Iran"
    assert sentence("Why", ":") == "Why:"


def test_lines_carry_their_lead_and_heading_for_any_bullet():
    lines = prose_lines("# Title\n\n- one **b**\n  - two\n\n1. three", bullet="• ")
    assert [(line.lead, line.heading, "".join(r.text for r in line.runs)) for line in lines] == [
        ("", 1, "Title"), ("", 0, ""), ("• ", 0, "one b"), ("  • ", 0, "two"), ("", 0, ""),
        ("1. ", 0, "three")]
    assert [r.strong for r in lines[2].runs] == [False, True]
    assert lines[1].blank and lines[3].hang == "    "
