"""The forecast kind: its scale and scoring rule, and how the engine settles forecasts later."""

from __future__ import annotations

import json

import pytest

from game.content import compile_pack
from game.content.kinds import KINDS, BadResponse, guess_kind
from game.content.kinds.forecast import TERM_WORDS, TERMS, skill
from game.content.models import Question
from game.engine import GameState, Story, scorecard, totals
from game.engine.forecasts import settled_forecasts

from ..conftest import FIXTURES

FORECAST = KINDS["forecast"]
PACK_DIR = FIXTURES / "forecast"


@pytest.fixture(scope="module")
def pack():
    result = compile_pack(PACK_DIR)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def forecast_question(outcome=True, **changes) -> Question:
    fields = dict(id="f", type="forecast", ask="How likely?", source="s", explanation="e",
                  outcome=outcome, resolves_in="later")
    fields.update(changes)
    return Question(**fields)


# -- the kind -------------------------------------------------------------------------------

def test_the_seven_terms_in_order_with_their_midpoints():
    assert TERM_WORDS == ("almost no chance", "very unlikely", "unlikely", "roughly even chance",
                          "likely", "very likely", "almost certain")
    assert [t.probability for t in TERMS] == [0.03, 0.125, 0.325, 0.5, 0.675, 0.875, 0.97]
    for term in TERMS:
        assert term.low / 100 <= term.probability <= term.high / 100


def test_the_scale_is_never_shuffled():
    q = forecast_question()
    assert {FORECAST.present(q, f"{seed}/f").options for seed in range(50)} == {TERM_WORDS}


@pytest.mark.parametrize("words, happened, fraction", [
    ("almost no chance", True, 1 - 4 * 0.97 ** 2),
    ("very unlikely", True, 1 - 4 * 0.875 ** 2),
    ("unlikely", True, 1 - 4 * 0.675 ** 2),
    ("roughly even chance", True, 0.0),
    ("roughly even chance", False, 0.0),
    ("likely", True, 1 - 4 * 0.325 ** 2),
    ("very likely", True, 1 - 4 * 0.125 ** 2),
    ("almost certain", True, 1 - 4 * 0.03 ** 2),
    ("almost certain", False, 1 - 4 * 0.97 ** 2),
    ("likely", False, 1 - 4 * 0.675 ** 2),
])
def test_fraction_is_the_brier_skill_score_against_even_chance(words, happened, fraction):
    assert FORECAST.fraction(forecast_question(happened), words) == pytest.approx(fraction)


def test_the_expected_score_is_best_for_the_term_nearest_the_true_probability():
    """Propriety: a player who believes q scores best on average by saying the term nearest q."""
    for step in range(101):
        q = step / 100
        expected = {t: q * skill(t, True) + (1 - q) * skill(t, False) for t in TERMS}
        best = max(expected.values())
        nearest = min(abs(t.probability - q) for t in TERMS)
        assert {t for t in TERMS if expected[t] == pytest.approx(best)} == {
            t for t in TERMS if abs(t.probability - q) == pytest.approx(nearest)}


def test_a_forecast_takes_only_the_seven_terms():
    q = forecast_question()
    assert FORECAST.fraction(q, "Very  Likely") == FORECAST.fraction(q, "very likely")
    for response in ("probably", 0.7, True, None):
        with pytest.raises(BadResponse, match="seven likelihoods"):
            FORECAST.fraction(q, response)


def test_automatic_players_and_walkthroughs():
    happens, does_not = forecast_question(True), forecast_question(False)
    assert FORECAST.right_response(happens, ()) == "almost certain"
    assert FORECAST.wrong_response(happens, ()) == "almost no chance"
    assert FORECAST.right_response(does_not, ()) == "almost no chance"
    assert FORECAST.from_walkthrough(happens, "Likely") == "likely"
    assert FORECAST.describe(happens, "likely") == "likely (55–80%)"


def test_a_forecast_defaults_to_two_points_on_judgement():
    q = forecast_question()
    assert q.points == 2 and FORECAST.track_of(q) == "judgement"
    assert forecast_question(track="tradecraft").points == 2
    assert KINDS["numeric"].track_of(Question(id="n", type="numeric", ask="?", source="s",
                                              explanation="e", answer=3)) == "recall"


def test_a_report_without_the_pack_tells_stored_terms_from_single_choices():
    assert guess_kind(["likely", "almost certain"]).name == "forecast"
    assert guess_kind(["likely", "Monday"]).name == "single-choice"


# -- the engine ------------------------------------------------------------------------------

def play_to_decision(pack, first="almost no chance", second="likely", **story_args) -> Story:
    story = Story(pack, seed=3, **story_args)
    story.answer(3)
    story.answer(first)
    story.answer(second)
    return story


def choose(story: Story, choice_id: str) -> None:
    texts = {"field": "In the valley, with the rescuers", "desk": "At the desk, with the wires"}
    story.choose([c.text for c in story.choices].index(texts[choice_id]))


def continue_(story: Story) -> None:
    story.choose(0)


def test_a_forecast_is_recorded_at_once_but_not_counted_until_settled(pack):
    story = play_to_decision(pack)
    assert [a.response for a in story.state.answers] == [3, "almost no chance", "likely"]
    assert story.state.answers[1].track == "judgement"
    assert story.state.answers[1].resolves_in == "tue-field"
    assert story.totals() == {"recall": 1}
    card = story.scorecard()
    assert card.track("judgement").available == 0
    assert story.state.settled == []


def test_arriving_at_the_resolving_scene_settles_and_counts_it(pack):
    story = play_to_decision(pack)
    choose(story, "field")
    assert story.state.scene == "tue-field"
    [settled] = story.settled_here
    assert (settled.question.id, settled.term.words, settled.happened) == (
        "f-more-rain", "almost no chance", False)
    assert settled.brier == pytest.approx(0.0009)
    assert settled.points == pytest.approx(round(2 * (1 - 4 * 0.03 ** 2), 2))
    # the decision's 2 and the forecast's 1.99, of 2 + 2 on offer
    assert story.totals()["judgement"] == pytest.approx(3.99)
    assert story.scorecard().track("judgement").available == 4
    assert totals(story.state) == story.totals()
    continue_(story)
    [settled] = story.settled_here
    assert settled.question.id == "f-cleared"
    # "likely" of something that happened, on 4 points: 4 * (1 - 4 * 0.325**2) = 2.31
    assert settled.points == pytest.approx(2.31)
    assert story.scorecard().track("judgement").available == 8
    continue_(story)
    assert story.state.ended
    assert story.settled_here == ()


def test_a_route_that_never_reaches_the_resolving_scene_settles_at_the_end(pack):
    story = play_to_decision(pack, first="almost certain", second="almost certain")
    choose(story, "desk")
    assert story.totals().get("judgement", 0) == 0
    continue_(story)
    assert story.state.ended
    assert story.state.settled == ["f-more-rain", "f-cleared"]
    found = settled_forecasts(pack, story.state)
    assert [f.scene for f in found] == ["", ""]
    # almost certain of what did not happen: 2 * (1 - 4 * 0.97**2) = -5.53; of what did: 3.99
    assert [f.points for f in found] == pytest.approx([-5.53, 3.99])
    assert story.totals()["judgement"] == pytest.approx(-1.54)
    assert story.scorecard().track("judgement").available == 2 + 2 + 4
    assert totals(story.state) == story.totals()


def test_a_saved_game_resumes_with_the_same_settled_totals(pack):
    story = play_to_decision(pack)
    choose(story, "field")
    saved = GameState.from_json(story.state.to_json())
    resumed = Story(pack, saved)
    assert resumed.totals() == story.totals()
    assert [f.question.id for f in resumed.settled_here] == ["f-more-rain"]
    continue_(resumed)
    assert resumed.totals()["judgement"] == pytest.approx(2 + 1.99 + 2.31)


def test_a_save_from_before_forecasts_loads_as_recall(pack):
    data = json.loads(Story(pack, seed=1).state.to_json())
    data.pop("settled")
    data["format_version"] = data["min_compatible_version"] = 2
    data["answers"] = [{"scene": "mon-rain", "question": "q-villages", "response": 3,
                        "points": 1, "max_points": 1, "correct": True, "at": ""}]
    data["question_index"] = 1
    state = GameState.from_dict(data)
    assert state.answers[0].track == "recall" and state.settled == []
    assert Story(pack, state).totals() == {"recall": 1}


def test_no_second_try_and_no_reveal_of_a_forecast_in_practice(pack):
    story = Story(pack, seed=3)
    story.answer(3)
    story.answer("likely")  # not the outcome, but a forecast is not "wrong"
    assert story.retry_question is None
    assert not story.retry_withheld


def test_a_fork_settles_on_its_own(pack):
    story = play_to_decision(pack)
    twin = story.fork()
    choose(twin, "field")
    assert twin.state.settled == ["f-more-rain"] and story.state.settled == []


def test_the_scorecard_from_the_records_agrees_with_the_story(pack):
    story = play_to_decision(pack, first="very likely", second="unlikely")
    choose(story, "field")
    continue_(story)
    continue_(story)
    assert scorecard(pack, story.state) == story.scorecard()
    assert totals(story.state) == story.totals()


def test_the_debrief_lists_forecasts_apart_from_the_recall_questions(pack):
    from game.engine import build_debrief

    story = play_to_decision(pack, first="very unlikely", second="very likely")
    choose(story, "desk")
    continue_(story)
    debrief = build_debrief(pack, story.state)
    assert [q.ask for q in debrief.questions] == ["How many villages flooded?"]
    assert [(f.question.id, f.term.words, f.happened, f.scene) for f in debrief.forecasts] == [
        ("f-more-rain", "very unlikely", False, ""), ("f-cleared", "very likely", True, "")]
    assert [f.brier for f in debrief.forecasts] == pytest.approx([0.0156, 0.0156])


def finished_at_the_desk(pack) -> Story:
    story = play_to_decision(pack, first="likely", second="very likely")
    choose(story, "desk")
    continue_(story)
    return story


def test_the_debrief_in_words_shows_each_forecast_beside_its_outcome(pack):
    from game.debrief_html import debrief_html
    from game.debrief_text import debrief_markdown
    from game.engine import build_debrief

    debrief = build_debrief(pack, finished_at_the_desk(pack).state)
    markdown = debrief_markdown(debrief)
    forecasts = markdown[markdown.index("## Your forecasts"):markdown.index("## Your notebook")]
    assert "**Your forecast:** likely (55–80%)" in forecasts
    assert ("**Outcome:** It did not happen (settled at the end of the week). No more rain "
            "fell on Tuesday.") in forecasts
    assert "> “No more rain fell on Tuesday”" in forecasts
    # likely of what did not happen: Brier 0.675² = 0.46; 2 × (1 − 4 × 0.455625) = −1.65
    assert "**Brier score:** 0.46 — −1.65 of 2 Judgement" in forecasts
    assert "**Brier score:** 0.02 — +3.75 of 4 Judgement" in forecasts
    assert "The army had been sent in on Monday." in forecasts
    assert "How likely" not in markdown[:markdown.index("## Your forecasts")]
    page = debrief_html(debrief)
    assert "<h2>Your forecasts</h2>" in page and "0.46 — −1.65 of 2 Judgement" in page


def test_plain_debrief_lists_the_forecasts(pack):
    from game.plain.report import debrief_lines

    text = " ".join(" ".join(debrief_lines(finished_at_the_desk(pack))).split())
    assert "Your forecasts: 2." in text
    assert ("Forecast 1: How likely is it that more rain falls on Tuesday? Your forecast: "
            "likely (55–80%). Outcome: It did not happen (settled at the end of the week).") in text
    assert "Brier score: 0.46; −1.65 of 2 Judgement." in text


def test_the_fixture_walkthrough_gives_forecasts_by_their_words_and_checks_the_scores(pack):
    from game.authoring.walkthrough import run_all

    results = run_all(pack, PACK_DIR)
    assert len(results) == 1
    assert [problems for _path, _walk, problems in results] == [[]]


def test_automatic_play_gives_the_extremes_and_settles_every_forecast(pack):
    from game.engine import play, right_response, wrong_response

    right = play(pack, lambda story: 0, right_response)
    wrong = play(pack, lambda story: 0, wrong_response)
    assert [a.response for a in right.state.answers[1:]] == ["almost no chance", "almost certain"]
    assert [a.response for a in wrong.state.answers[1:]] == ["almost certain", "almost no chance"]
    for story in (right, wrong):
        assert story.state.ended and story.state.settled == ["f-more-rain", "f-cleared"]
    assert wrong.totals()["judgement"] < 0 < right.totals()["judgement"]


def test_the_debriefs_summary_gives_the_forecasts_in_one_line():
    from game.debrief_summary import summarise
    from game.debrief_text import debrief_markdown
    from game.engine import build_debrief, play

    pack = compile_pack(FIXTURES / "forecast").pack

    def answer(q, options):  # "likely" for both: one came true, one did not
        return "likely" if q.type == "forecast" else KINDS[q.type].right_response(q, options)

    story = play(pack, lambda s: 0, answer, seed=3)
    debrief = build_debrief(pack, story.state)
    # likely = 0.675: f-cleared happened, 4 × (1 − 4 × 0.325²) = 2.31; f-more-rain did not,
    # 2 × (1 − 4 × 0.675²) = −1.645 (each kept to two places, as saves keep points); the Brier
    # scores 0.105625 and 0.455625 average 0.28.
    line = ("Forecasts: 2 settled, +0.66 Judgement (mean Brier score 0.28; 0 is perfect). The "
            "detail shows each beside what happened.")
    assert summarise(debrief).forecasts == line
    assert line in debrief_markdown(debrief)
