"""Reading time: the words a player reads on a played path, counted by hand on a small pack, and
the minutes at 200 words a minute plus 15 seconds an interaction."""

from __future__ import annotations

import pytest

from game.authoring.reading_time import (
    ReadingTime,
    careful_path,
    offered_choices,
    reading_time,
    word_count,
)
from game.content import compile_pack
from game.engine import Story, play, right_response, wrong_response

from ..conftest import FIXTURES

READING = FIXTURES / "reading"


@pytest.fixture(scope="module")
def pack():
    result = compile_pack(READING)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def played(pack, *starts: str, answer=right_response) -> Story:
    """A game whose decisions take, in turn, the choice whose text starts with each of
    ``starts``, and Continue where there is no decision."""
    wanted = iter(starts)

    def pick(story: Story) -> int:
        if not story.scene.choices:
            return 0
        start = next(wanted)
        return next(i for i, o in enumerate(story.choices) if o.text.startswith(start))

    return play(pack, pick, answer)


def test_words_are_what_a_reader_meets():
    assert word_count("The river **rose** fast.") == 4
    assert word_count("Time to write the note — now.") == 6  # a dash is not a word
    assert word_count("## How it went\n\n- You were precise.") == 6
    assert word_count("Say 55 moved") == 3


# By hand, for the careful path (the fixture's texts):
#   scenes: "River rises" 2 + "The river rose fast." 4 + the fact "Three villages flooded." 3,
#           "Radio calls" 2 + "The radio says 55." 4, "Write up" 2 + "Time to write the note —
#           now." 6, "The note" 2 + "Your note is done." 4                                = 29
#   questions: "When did it rise?" 4 + options Monday, Tuesday, Sunday 3 + "On Monday." 2;
#              "The radio figure was confirmed." 5 + "It was a claim." 4                  = 18
#   first decision: "What do you write?" 4 + the two choices 3 + 3 + "Precise." 1        = 11
#   second: "Which line?" 2 + the two on offer to a careful player, "Say radio claims 55" 4
#           and "Say 55 moved" 3 (not "Say officials counted 40") + "Attributed." 1      = 10
#   the assessment as composed: "How it went" 3 + "You were precise." 3                  =  6
CAREFUL_WORDS = 29 + 18 + 11 + 10 + 6
# Two answers, one decision, a Continue, one decision.
INTERACTIONS = 2 + 3


def test_the_careful_path_reads_what_was_counted_by_hand(pack):
    story = played(pack, "Write three", "Say radio")
    assert story.state.scene == "mon-end"
    assert reading_time(story) == ReadingTime(CAREFUL_WORDS, INTERACTIONS)
    # 74 words at 200 a minute, and 5 interactions at 15 seconds.
    assert reading_time(story).minutes == pytest.approx(74 / 200 + 5 * 15 / 60)


def test_a_careless_path_reads_other_choices_feedback_and_assessment(pack):
    story = played(pack, "Write many", "Say 55", answer=wrong_response)
    # First decision: feedback "Vague and wrong." 3, not "Precise." 1 (+2). Second: on offer
    # "Say 55 moved" 3 and "Say officials counted 40" 4 (7, as for the careful player), and
    # feedback "A claim as fact." 4, not "Attributed." 1 (+3). The assessment: "You were
    # vague." 3, as many as "You were precise.". Wrong answers read the same explanations.
    assert reading_time(story) == ReadingTime(CAREFUL_WORDS + 2 + 3, INTERACTIONS)


def test_the_choices_on_offer_are_those_whose_conditions_held_then(pack):
    careful = played(pack, "Write three", "Say radio")
    assert list(offered_choices(pack, careful.state)) == [
        ("Write three villages", "Write many villages"),
        ("Say radio claims 55", "Say 55 moved")]
    careless = played(pack, "Write many", "Say officials")
    assert sorted(list(offered_choices(pack, careless.state))[1]) == [
        "Say 55 moved", "Say officials counted 40"]


def test_a_second_try_is_an_interaction_that_reads_nothing_new(pack):
    story = Story(pack, seed=1, clock=lambda: "")
    question = story.question
    story.answer("Tuesday")
    story.retry("Monday")
    first = next(i for i, o in enumerate(story.choices) if o.text.startswith("Write three"))
    story.choose(first)
    story.answer(False)
    story.choose(0)
    story.choose(next(i for i, o in enumerate(story.choices) if o.text.startswith("Say radio")))
    assert question.question.id == "q-day"
    assert reading_time(story) == ReadingTime(CAREFUL_WORDS, INTERACTIONS + 1)


def test_an_unfinished_game_reads_no_assessment(pack):
    story = Story(pack, seed=1, clock=lambda: "")
    story.answer("Monday")
    # The first scene only: 2 + 4 + 3, and its question 9; one answer.
    assert reading_time(story) == ReadingTime(9 + 9, 1)


def test_the_careful_path_takes_right_answers_and_the_best_choices(pack):
    story = careful_path(pack)
    assert [d.text for d in story.state.decisions] == ["Write three villages",
                                                       "Say radio claims 55"]
    assert all(a.correct for a in story.state.answers)
    assert reading_time(story) == ReadingTime(CAREFUL_WORDS, INTERACTIONS)
