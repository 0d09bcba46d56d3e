"""Position words: feedback of shuffled options that names an option by its place is flagged at
its file:line; words about the story, about time in a timeline, or in quotes are not."""

from __future__ import annotations

import pytest

from game.content import compile_pack
from game.content.kinds import KINDS
from game.content.models import Question
from game.content.position_words import position_phrase
from game.packs import compile_pack as compile_shipped
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID, FIXTURES
from .cue_packs import cue_pack, question_yaml, single_choice, true_false
from .test_loader_errors import line_of


@pytest.mark.parametrize("text, phrase", [
    ("Only the first two. The threat comes from unnamed sources.", "the first two"),
    ("The first three are the author's own judgements.", "The first three"),
    ("The last one was the strongest call.", "The last one"),
    ("The second option overstates it.", "The second option"),
    ("the first and third are both claims", "the first and third"),
    ("The last of the options is a claim.", "The last of the options"),
    ("Pick the top one.", "the top one"),
    ("Option 3 is the DoD's.", "Option 3"),
    ("Answers 1 and 3 are right.", "Answers 1"),
    ("Choice B keeps the source.", "Choice B"),
    ("Only (b) names the source.", "(b)"),
    ("All of the above are claims.", "All of the above"),
    ("The option above is a claim.", "The option above"),
    ("It sits at the top of the list.", "top of the list"),
    # about the story, not an option
    ("Sam reads you the first report.", None),
    ("The last two weeks were quiet.", None),
    ("She was the first one to arrive.", None),
    ("The first and last time it happened.", None),
    ("The other three are US government claims.", None),
    ("Read the options below before you pick.", None),
    ("Answer a question about the week.", None),
    ("Two of the names on the right are close.", None),
    # someone else's words, in quotes
    ('The article says "the last option is force".', None),
    ("He called it “the first two steps”.", None),
])
def test_position_phrases(text, phrase):
    assert position_phrase(text) == phrase


def test_ordinals_speak_of_time_in_a_timeline_but_labels_do_not():
    assert position_phrase("The first two happened on Thursday.", ordinals=False) is None
    assert position_phrase("Option 2 happened first.", ordinals=False) == "Option 2"


def found(pack) -> list:
    return [d for d in compile_pack(pack).diagnostics if d.code == "position-words"]


def test_an_explanation_naming_options_by_place_is_flagged_at_its_line(tmp_path):
    body = ("        options: [Officials, Local radio, The mayor]\n"
            "        answers: [Officials, Local radio]")
    question = question_yaml("q-who", "multiple-select", body,
                             explanation="Only the first two gave a figure.")
    pack = cue_pack(tmp_path, questions=[question])
    [warning] = found(pack)
    assert warning.severity == "warning"
    assert warning.line == line_of(pack / "scenes.yaml", "explanation: \"Only the first two")
    assert warning.message == ('The explanation says "the first two", but the game shuffles '
                               "the options: each player sees them in another order.")
    assert warning.hint == ('Name the option by a few of its own words, in quotes, e.g. '
                            '"Officials".')


def test_hints_options_and_choice_feedback_are_checked_too(tmp_path):
    hinted = single_choice("q-day", ["Monday", "Tuesday", "All of the above"], "Monday",
                           hint="Look at option 2 first.")
    choices = [("Report the officials' count", 2), ("Report the radio's count", -1)]
    pack = cue_pack(tmp_path, [choices], questions=[hinted],
                    feedback="Better than the second one, which drops the source.",
                    prompt="Which do you file? The top one is quickest.")
    where = {(d.line, d.message.split(" says ")[0]) for d in found(pack)}
    scenes = pack / "scenes.yaml"
    assert where == {
        (line_of(scenes, "        options:"), "An option"),
        (line_of(scenes, "        hint:"), "The hint"),
        (line_of(scenes, "    prompt:"), "The decision's prompt"),
        (line_of(scenes, "        feedback:"), "A choice's feedback"),
        (line_of(scenes, "        feedback:") + 3, "A choice's feedback"),
    }
    assert all("the game shuffles the choices" in d.message
               for d in found(pack) if d.message.startswith("A choice"))


def test_unshuffled_kinds_and_story_words_are_not_flagged(tmp_path):
    order = question_yaml("q-order", "timeline", "        order: [River rose, Officials counted]",
                          explanation="The first two came on Monday, the first report says.")
    pack = cue_pack(tmp_path, questions=[
        order, true_false("q-tf", True, explanation="The first two reports agree."),
        question_yaml("q-n", "numeric", "        answer: 3", explanation="The first one."),
    ])
    assert found(pack) == []


def test_only_shuffled_kinds_say_they_are_shuffled():
    """The check trusts each kind's `shuffled`: it must say what present() does."""
    options = tuple(f"Option text {n}" for n in range(6))
    q = Question(id="q", type="single-choice", ask="?", source="s", explanation="e",
                 options=options, answer=options[0], answers=options[:2], order=options)
    for name, kind in KINDS.items():
        if name == "match":
            continue  # its pairs are shuffled on both sides: see test_match_everywhere
        shown = {kind.present(Question(**{**q.__dict__, "type": name}), f"key-{n}").options
                 for n in range(8)}
        assert (len(shown) > 1) is kind.shuffled, name
    assert KINDS["match"].shuffled and KINDS["timeline"].ordinals_tell_time


def test_the_campaign_and_the_fixtures_name_no_option_by_its_place():
    packs = [packs_root() / CAMPAIGN_ID, *sorted(p.parent for p in FIXTURES.glob("*/pack.yaml"))]
    for pack in packs:
        result = compile_shipped(pack)
        assert [str(d) for d in result.diagnostics if d.code == "position-words"] == [], pack
