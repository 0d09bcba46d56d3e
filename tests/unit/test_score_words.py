"""Scores read the same, and honestly, everywhere: points of what was on offer, a negative total
as it is with its band, an ungraded gauge as a level with what it means, never a percent."""

from __future__ import annotations

from game.debrief_text import debrief_markdown
from game.engine import Story, build_debrief
from game.plain.report import score_line, scorecard_lines
from game.score_words import Form, effects_words, overall_words, percent, points, track_words
from game.tui.status import Status, status_line

HASTY = "Report 55 moved"


def hasty(pack) -> Story:
    """The mini pack with the weak decision: tradecraft -1 of 2, escalation 1 (not graded)."""
    story = Story(pack, seed=3, clock=lambda: "t")
    story.answer(3)
    story.answer("Monday")
    story.choose([c.text for c in story.choices].index(HASTY))
    return story


def test_numbers_read_with_a_true_minus_sign():
    assert [points(v) for v in (2, 2.5, -6, 0, -0.5)] == ["2", "2.5", "−6", "0", "−0.5"]
    assert percent(-54.5) == "−54.5%" and percent(None) == "—"
    effects = effects_words({"a": 2, "b": -1, "c": 0}, {"a": "Tradecraft"})
    assert effects == "Tradecraft +2, b −1, c 0"


def test_each_form_of_a_negative_graded_track_and_a_gauge(mini_pack):
    card = hasty(mini_pack).scorecard()
    tradecraft, gauge = card.track("tradecraft"), card.track("escalation")
    assert track_words(tradecraft, Form.BAR) == "Tradecraft −1 of 2"
    assert track_words(tradecraft, Form.CELL) == "−1 of 2 (−50%)"
    assert track_words(tradecraft, Form.LINE) == "Tradecraft: −1 of 2 points (−50%), Shaky"
    assert track_words(tradecraft, Form.COLUMN) == "−50%"
    assert track_words(gauge, Form.BAR) == "Escalation risk 1"
    assert track_words(gauge, Form.CELL) == "1, not graded"
    assert track_words(gauge, Form.COLUMN) == "1"
    assert "%" not in track_words(gauge, Form.LINE)


def test_a_gauge_says_what_its_level_means(campaign):
    story = Story(campaign, seed=1, clock=lambda: "t")
    gauge = story.scorecard().track("escalation")
    assert track_words(gauge, Form.LINE) == "Escalation risk: 0, not graded"  # nothing on offer
    from dataclasses import replace
    pushed = replace(gauge, earned=4, available=6,
                     band="Your calls added noticeable escalation pressure")
    assert track_words(pushed, Form.LINE) == (
        "Escalation risk: 4, not graded (your calls added noticeable escalation pressure)")


def test_nothing_on_offer_yet_is_said_so(mini_pack):
    card = Story(mini_pack, seed=3, clock=lambda: "t").scorecard()
    assert track_words(card.track("tradecraft"), Form.BAR) == "Tradecraft 0"
    assert track_words(card.track("tradecraft"), Form.LINE) == "Tradecraft: 0, none on offer yet"
    assert overall_words(card.percent, card.grade) == "Overall: nothing graded yet"


def test_the_status_bar_plain_mode_and_the_debrief_say_the_same(mini_pack):
    story = hasty(mini_pack)
    status = status_line(story)
    assert status.scores == "Tradecraft −1 of 2 · Escalation risk 1 · Recall 3 of 3"
    assert score_line(story) == "Scores: Tradecraft −1 of 2, Escalation risk 1, Recall 3 of 3."
    lines = scorecard_lines(story.scorecard())
    assert lines[0] == "Tradecraft: −1 of 2 points (−50%), Shaky."
    assert lines[1].startswith("Escalation risk: 1, not graded") and "%" not in lines[1]
    # (-1 + 3) of (2 + 3): the negative track counts as it is, not as 0
    assert lines[-1] == "Overall: 40%, grade C."
    markdown = debrief_markdown(build_debrief(story.pack, story.state))
    assert "| Tradecraft | −1 of 2 (−50%) | Shaky |" in markdown
    assert "| Escalation risk | 1, not graded |" in markdown
    assert "**Overall: 40%, grade C**" in markdown


def test_a_full_status_bar_closes_up_rather_than_cut_a_number():
    parts = ("Tradecraft −25 of 29", "Judgement −14 of 21", "Escalation risk 8",
             "Recall 37.5 of 42")
    tight = ("Tradecraft −25/29", "Judgement −14/21", "Escalation risk 8", "Recall 37.5/42")
    status = Status("Monday", " · ".join(parts), parts=parts, tight=tight)
    assert len(status.scores) == 82
    assert status.scores_within(82) == status.scores  # room: as it is
    assert status.scores_within(80) == "  ".join(parts)  # separators closed up: 79 columns
    assert status.scores_within(78) == "  ".join(tight)  # 80x24: the tightest form, 70
    assert status.scores_within(50) == "  ".join(tight)  # cut at its end, never mid-number
