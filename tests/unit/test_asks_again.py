"""Spaced retrieval in the engine: a question with asks_again is asked only to a player who
missed the question it names on the first try, and only then counts as on offer."""

from __future__ import annotations

import json

import pytest

from game.content import compile_pack
from game.engine import GameState, Mode, Phase, Story, available, build_debrief
from game.engine.state import AnswerRecord

from ..conftest import FIXTURES

RETRIEVAL = FIXTURES / "retrieval"


@pytest.fixture(scope="module")
def pack():
    result = compile_pack(RETRIEVAL)
    assert result.ok, result.diagnostics
    return result.pack


def to_wednesday(pack, villages, route: str, radio=False, mode=Mode.PRACTICE) -> Story:
    """Answer Monday's question with ``villages`` (3 is right), take ``route``, and answer
    Tuesday's, if the route has it, with ``radio`` (false is right)."""
    story = Story(pack, seed=1, clock=lambda: "", mode=mode)
    story.answer(villages)
    story.choose(next(i for i, c in enumerate(story.choices) if c.text.startswith(route)))
    if story.pending_question is not None:
        story.answer(radio)
    story.choose(0)  # Continue
    assert story.state.scene == "wed-wrap"
    return story


def asked_ids(story: Story) -> list[str]:
    return [q.id for q in story.questions]


def test_a_missed_question_is_asked_again_on_the_later_day(pack):
    story = to_wednesday(pack, 4, "Drive north", radio=False)
    assert asked_ids(story) == ["q-villages-again", "q-mayor"]
    shown = story.question
    assert shown.question.id == "q-villages-again"
    assert (shown.number, shown.of, shown.missed_on) == (1, 2, "Monday")


def test_a_question_right_the_first_time_is_not_asked_again(pack):
    story = to_wednesday(pack, 3, "Drive north", radio=True)
    assert asked_ids(story) == ["q-radio-again", "q-mayor"]
    assert story.question.missed_on == "Tuesday"


def test_a_question_the_player_never_met_is_not_asked_again(pack):
    """The south route skips Tuesday's radio question, so it never comes back."""
    story = to_wednesday(pack, 3, "Stay south")
    assert asked_ids(story) == ["q-mayor"]
    assert story.question.missed_on == ""


def test_only_the_questions_asked_are_on_offer(pack):
    missed = to_wednesday(pack, 4, "Drive north", radio=True)
    while missed.phase is Phase.AWAITING_ANSWER:
        missed.answer(3 if missed.pending_question.type == "numeric" else
                      False if missed.pending_question.type == "true-false" else "mayor")
    # q-villages 2 + q-radio 1 + q-villages-again 1 + q-radio-again 0.5 + q-mayor 1
    assert available(missed.state)["recall"] == 5.5
    right = to_wednesday(pack, 3, "Stay south")
    right.answer("mayor")
    assert available(right.state)["recall"] == 3  # q-villages 2 + q-mayor 1: nothing asked again
    assert right.phase is Phase.AWAITING_CHOICE


def test_a_partly_right_or_retried_first_try_still_counts_as_missed(pack):
    """Practice mode: a second try that gets it right does not undo the miss."""
    story = Story(pack, seed=1, clock=lambda: "", mode=Mode.PRACTICE)
    story.answer(4)
    assert story.retry_question is not None
    story.retry(3)
    story.choose(next(i for i, c in enumerate(story.choices) if c.text.startswith("Stay")))
    story.choose(0)
    assert asked_ids(story) == ["q-villages-again", "q-mayor"]


def test_a_retry_is_offered_on_a_question_asked_again(pack):
    story = to_wednesday(pack, 4, "Stay south")
    story.answer(5)
    assert story.retry_question is not None and story.retry_question.id == "q-villages-again"


def test_a_saved_game_resumes_with_the_same_questions(pack):
    story = to_wednesday(pack, 4, "Drive north", radio=False)  # the radio question right
    story.answer(3)
    saved = GameState.from_json(story.state.to_json())
    resumed = Story(pack, saved)
    assert resumed.pending_question.id == "q-mayor"
    assert (resumed.question.number, resumed.question.of) == (2, 2)


def test_the_debrief_marks_the_question_asked_again(pack):
    story = to_wednesday(pack, 4, "Stay south")
    story.answer(3)
    story.answer("mayor")
    story.choose(0)
    reviews = build_debrief(pack, story.state).questions
    assert [r.missed_on for r in reviews] == ["", "Monday", ""]


def test_the_saved_debrief_gives_the_question_asked_again_its_label(pack):
    from game.debrief_html import debrief_html
    from game.debrief_text import debrief_markdown

    story = to_wednesday(pack, 4, "Stay south")
    story.answer(3)
    story.answer("mayor")
    story.choose(0)
    debrief = build_debrief(pack, story.state)
    markdown = debrief_markdown(debrief)
    assert markdown.count("**Asked again:** you missed it on Monday.") == 1
    block = markdown[markdown.index("The river flooded how many villages?"):]
    assert block.index("Asked again") < block.index("**Your answer:** 3")
    assert '<span class="label">Asked again:</span> you missed it on Monday.' in \
        debrief_html(debrief)
