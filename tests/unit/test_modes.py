"""The modes in the engine: practice retries and hints with their costs, exam refusing both, and
records that still sum to the scores."""

import pytest

from game.engine import (
    HINT_COST,
    RETRY_SHARE,
    available,
    build_debrief,
    GameState,
    InvalidChoice,
    NotAllowed,
    Story,
    totals,
    WrongPhase,
)

CAREFUL = "Report 40 moved, and note the radio's 55"


def new(pack, mode="practice"):
    return Story(pack, seed=11, clock=lambda: "t", mode=mode, class_code="7B", player="Ana",
                 attempt_id="a1")


def recall(story):
    track = story.scorecard().track("recall")
    return track.earned, track.available


def test_the_rules_are_the_documented_ones():
    assert (RETRY_SHARE, HINT_COST) == (0.5, 0.25)


def test_a_wrong_answer_then_a_right_retry_earns_the_retry_share(mini_pack):
    story = new(mini_pack)
    first = story.answer(4)  # q-villages, 1 point: wrong
    assert (first.points, first.correct) == (0, False)
    assert story.retry_question.id == "q-villages"
    assert story.retry_ceiling(story.retry_question) == 0.5
    after = story.retry(3)
    assert (after.points, after.max_points, after.correct) == (0.5, 1, True)
    assert recall(story) == (0.5, 1)  # the retry never adds to what was available
    assert [(a.attempt, a.points, a.max_points) for a in story.state.answers] == [
        (1, 0, 1), (2, 0.5, 0)]
    assert story.retry_question is None  # one retry only
    with pytest.raises(WrongPhase):
        story.retry(3)
    assert story.pending_question.id == "q-day"  # the retry did not move the story on


def test_a_retry_keeps_the_better_of_the_two_tries(mini_pack):
    story = new(mini_pack)
    story.answer(4)
    story.retry(5)  # wrong again: the question stays at 0, never below
    assert recall(story) == (0, 1)
    story.answer("Sunday")  # q-day, 2 points, wrong
    assert story.retry_ceiling(story.retry_question) == 1
    story.retry("Monday")
    assert recall(story) == (1, 3)


def test_no_retry_is_offered_when_it_could_not_add_anything(mini_pack):
    story = new(mini_pack)
    story.answer(3)
    story.answer("Monday")
    story.choose([c.text for c in story.choices].index("Report 55 moved"))
    story.answer(("Officials",))  # half right: 0.5 of 1, and a retry could earn at most 0.5
    assert story.retry_question is None


def test_no_retry_after_a_right_answer_or_once_the_story_moved_on(mini_pack):
    story = new(mini_pack)
    story.answer(3)
    assert story.retry_question is None
    story.answer("Sunday")
    assert story.retry_question is not None
    story.choose(0)
    assert story.retry_question is None  # a decision closes the second try


def to_true_false(story):
    """On to q-tf, the mini pack's true-false question, with every answer right."""
    story.answer(3)
    story.answer("Monday")
    story.choose([c.text for c in story.choices].index(CAREFUL))
    story.answer("mayor")
    story.answer(["River rose", "Officials counted", "Mayor spoke"])
    assert story.pending_question.id == "q-tf"


def test_no_retry_where_the_answer_would_then_be_certain(mini_pack):
    story = new(mini_pack)
    to_true_false(story)
    story.answer(True)  # wrong: False is the only answer left, a retry would be a free half
    assert story.retry_question is None and story.retry_withheld
    with pytest.raises(WrongPhase):
        story.retry(False)
    assert recall(story) == (5, 6)


def test_a_retry_that_is_still_a_test_is_not_withheld(mini_pack):
    story = new(mini_pack)
    story.answer(3)
    story.answer("Sunday")  # q-day: three options, two left after this one
    assert story.retry_question.id == "q-day" and not story.retry_withheld
    story.retry("Monday")
    assert not story.retry_withheld  # nothing is withheld once the retry is used
    exam = new(mini_pack, mode="exam")
    exam.answer(4)
    assert not exam.retry_withheld  # exam mode has no retries to withhold


def test_each_kind_says_whether_a_retry_still_tests(mini_pack):
    from game.content.kinds import kind_of
    from game.content.models import Question

    def q(kind, **fields):
        return Question(id="q", type=kind, ask="?", source="s", explanation="e", **fields)

    cases = [
        (q("true-false", answer=True), False, False),
        (q("single-choice", options=("A", "B"), answer="A"), "B", False),
        (q("single-choice", options=("A", "B", "C"), answer="A"), "B", True),
        (q("timeline", order=("one", "two")), ["two", "one"], False),
        (q("timeline", order=("one", "two", "three")), ["two", "one", "three"], True),
        (q("multiple-select", options=("A", "B"), answers=("A",)), ["B"], True),
        (q("numeric", answer=3), 4, True),
        (q("short-text", answer="mayor"), "x", True),
    ]
    for question, first, tests in cases:
        assert kind_of(question).retry_is_a_test(question, first) is tests, question.type


def test_a_hint_costs_its_share_of_the_answer_and_of_a_retry(mini_pack):
    story = new(mini_pack)
    assert story.take_hint() == "Count the villages, not the people."
    assert story.take_hint() == "Count the villages, not the people."  # shown again, no more cost
    assert story.state.hints == ["q-villages"]
    grade = story.answer(3)
    assert grade.points == 1 * (1 - HINT_COST) and story.state.answers[0].hinted
    assert recall(story) == (0.75, 1)


def test_a_hinted_retry_pays_both_costs(mini_pack):
    story = new(mini_pack)
    story.take_hint()
    story.answer(9)
    assert story.retry_ceiling(story.retry_question) == 0.38  # 1 x 0.5 x 0.75, rounded
    story.retry(3)
    assert recall(story) == (0.38, 1)


def test_a_question_without_a_hint_has_none_to_give(mini_pack):
    story = new(mini_pack)
    story.answer(3)
    with pytest.raises(NotAllowed):
        story.take_hint()  # q-day has no hint


def test_exam_mode_refuses_hints_and_retries(mini_pack):
    story = new(mini_pack, mode="exam")
    with pytest.raises(NotAllowed):
        story.take_hint()
    story.answer(4)
    assert story.retry_question is None
    with pytest.raises(NotAllowed):
        story.retry(3)
    assert recall(story) == (0, 1) and story.state.hints == []


def test_presenter_mode_gives_hints_but_no_retries(mini_pack):
    story = new(mini_pack, mode="presenter")
    story.take_hint()
    story.answer(4)
    with pytest.raises(NotAllowed):
        story.retry(3)


def test_records_sum_to_the_scorecard_with_retries_and_hints(mini_pack):
    story = new(mini_pack)
    story.take_hint()
    story.answer(4)
    story.retry(3)
    story.answer("Sunday")
    story.retry("Monday")
    story.choose([c.text for c in story.choices].index(CAREFUL))
    story.answer("nobody")
    story.retry("mayor")
    story.answer(("Mayor spoke", "River rose", "Officials counted"))
    story.answer(False)
    story.choose(0)
    state = story.state
    assert state.ended
    assert totals(state)["recall"] == round(sum(a.points for a in state.answers), 2)
    assert available(state)["recall"] == sum(
        q.points for s in ("mon-alarm", "tue-wrap") for q in mini_pack.scenes[s].questions)
    assert story.totals() == totals(state)  # the running sums agree with the records
    resumed = Story(mini_pack, GameState.from_json(state.to_json()))
    assert resumed.totals() == totals(state) and resumed.scorecard() == story.scorecard()


def test_the_debrief_shows_a_retry_with_its_first_try(mini_pack):
    story = new(mini_pack)
    story.take_hint()
    story.answer(4)
    story.retry(3)
    (review,) = build_debrief(mini_pack, story.state).questions
    assert (review.your_answer, review.retry_answer, review.retry_correct) == ("4", "3", True)
    assert review.points == 0.38 and review.max_points == 1 and review.hinted


def test_a_new_story_records_who_plays_and_how(mini_pack):
    story = new(mini_pack, mode="exam")
    state = story.state
    assert (state.mode, state.class_code, state.player, state.attempt_id) == (
        "exam", "7B", "Ana", "a1")
    with pytest.raises(InvalidChoice):
        Story(mini_pack, mode="quiz")


def test_forks_keep_their_own_hints(mini_pack):
    story = new(mini_pack)
    twin = story.fork()
    twin.take_hint()
    assert story.state.hints == [] and twin.state.hints == ["q-villages"]
