"""Each question type's grading rule, including partial credit and input folding."""

import pytest

from game.content.models import Question
from game.engine import grade, InvalidAnswer, right_answer
from game.content.quotes import fold_text


def question(**fields):
    base = dict(id="q", ask="?", source="s", explanation="e", points=2.0)
    return Question(**{**base, **fields})


SINGLE = question(type="single-choice", options=("Five", "Six", "Seven"), answer="Five")
MULTI = question(type="multiple-select", options=("A", "B", "C", "D"), answers=("A", "B"))
NUMERIC = question(type="numeric", answer=19, tolerance=1)
TEXT = question(type="short-text", answer="Al-Omar", also_accept=("Al Omar oil field",))
TIMELINE = question(type="timeline", order=("one", "two", "three", "four"))
TRUE_FALSE = question(type="true-false", answer=False)


def test_single_choice_right_and_wrong():
    assert grade(SINGLE, "Five").points == 2 and grade(SINGLE, "Five").correct
    assert grade(SINGLE, "Six").points == 0


def test_single_choice_rejects_an_unknown_option():
    with pytest.raises(InvalidAnswer):
        grade(SINGLE, "Eight")


@pytest.mark.parametrize(
    "picked, points, correct",
    [
        (("A", "B"), 2.0, True),
        (("A",), 1.0, False),  # half the right options
        (("A", "C"), 0.0, False),  # one right, one wrong cancel out
        (("A", "B", "C"), 1.0, False),  # all right, one wrong
        ((), 0.0, False),
        (("C", "D"), 0.0, False),  # never below zero
    ],
)
def test_multiple_select_partial_credit(picked, points, correct):
    result = grade(MULTI, picked)
    assert (result.points, result.correct) == (points, correct)


def test_numeric_tolerance():
    assert grade(NUMERIC, 20).correct
    assert grade(NUMERIC, 18.0).correct
    assert not grade(NUMERIC, 21).correct
    with pytest.raises(InvalidAnswer):
        grade(NUMERIC, "nineteen")
    with pytest.raises(InvalidAnswer):
        grade(NUMERIC, True)


@pytest.mark.parametrize("typed", ["al-omar", "  AL   OMAR ", "Al Omar oil-field.", "al omar"])
def test_short_text_ignores_case_punctuation_and_spaces(typed):
    assert grade(TEXT, typed).correct


def test_short_text_wrong_answer():
    assert not grade(TEXT, "Hasakah").correct
    assert fold_text("“Al‑Omar”…") == "al omar"


@pytest.mark.parametrize(
    "order, points",
    [
        (("one", "two", "three", "four"), 2.0),
        (("two", "one", "three", "four"), round(2 * 5 / 6, 2)),  # one of six pairs swapped
        (("four", "three", "two", "one"), 0.0),
    ],
)
def test_timeline_partial_credit_by_pairs_in_order(order, points):
    assert grade(TIMELINE, order).points == points


def test_timeline_must_use_every_event_once():
    with pytest.raises(InvalidAnswer):
        grade(TIMELINE, ("one", "one", "three", "four"))


def test_true_false():
    assert grade(TRUE_FALSE, False).correct
    assert not grade(TRUE_FALSE, True).correct
    with pytest.raises(InvalidAnswer):
        grade(TRUE_FALSE, "false")


def test_right_answer_text():
    assert right_answer(TIMELINE) == "one → two → three → four"
    assert right_answer(NUMERIC) == "19 (±1)"
    assert right_answer(TRUE_FALSE) == "False"
