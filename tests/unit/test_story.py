"""The engine's host API on the small fixture pack: phases, errors, routing, scores, replays."""

import pytest

from game.engine import (
    GameState,
    IncompatibleSave,
    InvalidChoice,
    Phase,
    Story,
    WrongPhase,
    build_debrief,
)

CAREFUL = "Report 40 moved, and note the radio's 55"
HASTY = "Report 55 moved"


def choose_text(story, text):
    texts = [c.text for c in story.choices]
    return story.choose(texts.index(text))


def play_careful(pack):
    story = Story(pack, seed=11, clock=lambda: "t")
    story.answer(3)
    story.answer("Monday")
    choose_text(story, CAREFUL)
    story.answer("The Mayor")
    story.answer(("River rose", "Officials counted", "Mayor spoke"))
    story.answer(False)
    story.choose(0)
    return story


def play_hasty(pack):
    story = Story(pack, seed=11, clock=lambda: "t")
    story.answer(4)
    story.answer("Monday")
    choose_text(story, HASTY)
    story.answer(("Officials",))
    story.choose(0)
    story.answer("mayor")
    story.answer(("Mayor spoke", "Officials counted", "River rose"))
    story.answer(True)
    story.choose(0)
    return story


def test_a_new_story_starts_at_the_start_scene_awaiting_answers(mini_pack):
    story = Story(mini_pack, seed=1)
    assert story.scene.id == "mon-alarm"
    assert story.phase is Phase.AWAITING_ANSWER
    assert story.question.question.id == "q-villages"
    assert story.question.number == 1 and story.question.of == 2
    assert story.state.notebook == ["villages", "moved-radio"]


def test_calls_in_the_wrong_phase_raise_typed_errors(mini_pack):
    story = Story(mini_pack, seed=1)
    with pytest.raises(WrongPhase):
        story.choose(0)
    story.answer(3)
    story.answer("Monday")
    with pytest.raises(WrongPhase):
        story.answer(3)
    with pytest.raises(InvalidChoice):
        story.choose(5)


def test_careful_path_hand_computed(mini_pack):
    story = play_careful(mini_pack)
    assert story.phase is Phase.ENDED
    assert story.state.visited == ["mon-alarm", "tue-wrap", "end-good"]
    card = story.scorecard()
    assert (card.track("tradecraft").earned, card.track("tradecraft").available) == (2, 2)
    assert (card.track("escalation").earned, card.track("escalation").available) == (0, 1)
    assert (card.track("recall").earned, card.track("recall").available) == (6, 6)
    assert card.track("tradecraft").band == "Solid"
    assert card.percent == 100.0 and card.grade == "A"
    with pytest.raises(WrongPhase):
        story.choose(0)


def test_hasty_path_hand_computed(mini_pack):
    story = play_hasty(mini_pack)
    assert story.state.visited == ["mon-alarm", "tue-radio", "tue-wrap", "end-weak"]
    card = story.scorecard()
    # a negative total is shown as it is, in the band a 0 would earn
    tradecraft = card.track("tradecraft")
    assert (tradecraft.earned, tradecraft.percent, tradecraft.band) == (-1, -50, "Shaky")
    assert card.track("escalation").earned == 1
    # 0 + 2 + 0.5 (one of two right picks) + 1 + 0 + 0, of 1 + 2 + 1 + 1 + 1 + 1
    assert (card.track("recall").earned, card.track("recall").available) == (3.5, 7)
    # graded: tradecraft -1 of 2 counts as it is, recall 3.5 of 7 -> 2.5 / 9
    assert card.percent == 27.8 and card.grade == "C"


def test_state_round_trips_through_json_and_resumes_in_place(mini_pack):
    story = Story(mini_pack, seed=5)
    story.answer(3)
    saved = story.state.to_json()
    resumed = Story(mini_pack, GameState.from_json(saved))
    assert resumed.state == story.state
    assert resumed.question.question.id == "q-day"
    assert resumed.question.options == story.question.options


def test_the_seed_fixes_option_order(mini_pack):
    first, again = Story(mini_pack, seed=42), Story(mini_pack, seed=42)
    first.answer(3)
    again.answer(3)
    assert first.question.options == again.question.options
    orders = set()
    for seed in range(30):
        story = Story(mini_pack, seed=seed)
        story.answer(3)
        orders.add(story.question.options)
    assert len(orders) > 1


def test_timeline_is_never_handed_out_in_order(mini_pack):
    for seed in range(40):
        story = play_careful_until_timeline(mini_pack, seed)
        assert list(story.question.options) != list(story.question.question.order)


def play_careful_until_timeline(pack, seed):
    story = Story(pack, seed=seed)
    story.answer(3)
    story.answer("Monday")
    choose_text(story, CAREFUL)
    story.answer("mayor")
    return story


def test_resuming_a_save_for_a_missing_scene_is_refused(mini_pack):
    state = Story(mini_pack, seed=1).state
    state.scene = "gone"
    with pytest.raises(IncompatibleSave):
        Story(mini_pack, state)


def test_a_save_from_a_newer_format_is_refused():
    with pytest.raises(IncompatibleSave):
        GameState.from_json('{"format_version": 9, "min_compatible_version": 9}')
    with pytest.raises(IncompatibleSave):
        GameState.from_json("{not json")


def test_debrief_lists_every_answer_and_decision_with_sources(mini_pack):
    debrief = build_debrief(mini_pack, play_hasty(mini_pack).state)
    assert len(debrief.questions) == 6
    assert debrief.ending_title == "A shaky note"
    decision = debrief.decisions[0]
    assert decision.choice == HASTY
    assert decision.what_happened == "Officials said 40."
    assert decision.source == "Officials said 40 people were moved."
    partial = next(q for q in debrief.questions if q.ask == "Who gave a figure?")
    assert (partial.your_answer, partial.right_answer, partial.points) == (
        "Officials", "Officials; Local radio", 0.5)
