"""What the debrief's summary lists for a known play: the decisions furthest short of the best
call that was on offer then, the questions that lost the most points, and an honest line when
there is nothing to revisit; the same summary first in Markdown, HTML and plain mode."""

from __future__ import annotations

from game.debrief_html import debrief_html
from game.debrief_summary import ALL_RIGHT, summarise
from game.debrief_text import debrief_markdown
from game.engine import (
    build_debrief,
    decisions_to_revisit,
    play,
    questions_to_revisit,
    right_response,
    Story,
)
from game.plain.report import debrief_lines

from .test_story import choose_text, play_careful, play_hasty

CAREFUL_CALL = "Report 40 moved, and note the radio's 55"


def test_a_hasty_play_revisits_its_one_weak_call_and_its_misses_most_points_first(mini_pack):
    debrief = build_debrief(mini_pack, play_hasty(mini_pack).state)
    [decision] = decisions_to_revisit(debrief)
    assert (decision.scene_title, decision.choice) == ("The river rises", "Report 55 moved")
    # tradecraft +2 on offer against the -1 taken; escalation is not graded, so it does not count
    assert decision.better.text == CAREFUL_CALL and decision.better.short_by == 3
    assert decision.better.feedback == "Both figures, each with its source."
    missed = [(q.ask, q.points, q.lost) for q in questions_to_revisit(debrief)]
    assert missed == [("How many villages flooded?", 0, 1), ("Put in order.", 0, 1),
                      ("The radio's figure was confirmed.", 0, 1),
                      ("Who gave a figure?", 0.5, 0.5)]  # partly right, half a point lost
    assert [q.ask for q in questions_to_revisit(debrief, limit=2)] == [
        "How many villages flooded?", "Put in order."]


def test_the_summary_says_the_better_call_and_the_articles_words(mini_pack):
    summary = summarise(build_debrief(mini_pack, play_hasty(mini_pack).state))
    assert summary.scores == ("Tradecraft: −1 of 2 points (−50%), Shaky",
                              "Escalation risk: 1, not graded", "Recall: 3.5 of 7 points (50%)")
    assert summary.overall == "Overall: 27.8%, grade C"  # (−1 + 3.5) of (2 + 7)
    assert summary.ending == "Ending: A shaky note"
    assert summary.decisions_heading == ("Decisions most worth revisiting (1 of 1 below the "
                                         "best call)")
    [entry] = summary.decisions
    assert entry.title == "The river rises — 3 points below the best call"
    assert [(line.label, line.text) for line in entry.lines] == [
        ("You chose", "Report 55 moved"), ("A better call", CAREFUL_CALL)]
    assert entry.quote == "Officials said 40 people were moved."
    first = summary.questions[0]
    assert (first.mark, first.title, first.quote) == (
        "✗", "How many villages flooded? (0 of 1)", "flooding three villages")
    assert [(line.label, line.text, line.typed) for line in first.lines] == [
        ("Your answer", "4", True), ("Right answer", "3", False)]
    assert summary.questions[-1].mark == "◐"
    assert not summary.nothing_to_revisit


def test_a_player_who_did_everything_right_is_told_so_and_nothing_more(mini_pack):
    debrief = build_debrief(mini_pack, play_careful(mini_pack).state)
    assert decisions_to_revisit(debrief) == () and questions_to_revisit(debrief) == ()
    summary = summarise(debrief)
    assert summary.nothing_to_revisit and not summary.decisions and not summary.questions
    markdown = debrief_markdown(debrief)
    summary_part = markdown[markdown.index("## Summary"):markdown.index("## A sound note")]
    assert ALL_RIGHT in summary_part and "better call" not in summary_part
    assert ALL_RIGHT in debrief_html(debrief)
    plain = "\n".join(debrief_lines(play_careful(mini_pack)))
    assert " ".join(plain.split()).count(ALL_RIGHT) == 1


def test_a_game_not_over_has_nothing_to_boast_of(mini_pack):
    debrief = build_debrief(mini_pack, Story(mini_pack, seed=1).state)
    summary = summarise(debrief)
    assert not summary.nothing_to_revisit
    assert summary.decisions_note == "No decisions yet."
    assert summary.questions_note == "No questions answered yet."
    assert summary.ending == "The week is not over yet: these are the scores so far."


def test_only_the_three_furthest_short_are_listed_in_order(campaign):
    story = play(campaign, lambda s: len(s.choices) - 1, seed=4)  # the last choice on offer
    debrief = build_debrief(campaign, story.state)
    short = [d for d in debrief.decisions if d.better is not None]
    listed = decisions_to_revisit(debrief)
    assert len(short) > 3 and len(listed) == 3
    gaps = [d.better.short_by for d in listed]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] >= max(d.better.short_by for d in short if d not in listed)
    graded = {t.id for t in campaign.manifest.tracks if t.graded}
    for d in listed:  # each gap is the graded points between the better call and the one made
        made = sum(v for k, v in d.effects.items() if k in graded)
        best = sum(v for k, v in d.better.effects.items() if k in graded)
        assert d.better.short_by == best - made > 0
    assert summarise(debrief).decisions_heading.endswith(
        f"({len(short)} of {len(debrief.decisions)} below the best call)")


def choose_at(picks: dict[str, str]):
    """Pick the choice starting with ``picks[scene]`` where given, else the first on offer."""
    def pick(story) -> int:
        wanted = picks.get(story.scene.id)
        if wanted is None:
            return 0
        return next(n for n, c in enumerate(story.choices) if c.text.startswith(wanted))
    return pick


FLAG_IT = "Set both counts side by side"  # Saturday: sets casualties-flagged
ADD_UP = "Give one total the reader can use"
SIDE_BY_SIDE = "Six American dead as the article reports them, then both"  # Monday, +2
PASTE = "Paste Saturday's checked note"  # Monday, +4, only with casualties-flagged
# The morning note sent on time: no checked-statement flag, so Monday's other +4 option (the
# statement beside the article) is not on offer either.
ON_TIME = "Send the note on time"
DIG = "Tell Ellen the update slips an hour"


def test_a_better_call_is_only_one_that_was_on_offer_then(campaign):
    for saturday, better in ((ADD_UP, None), (FLAG_IT, PASTE)):
        story = play(campaign, choose_at({"fri-morning": ON_TIME, "sat-quiet": DIG,
                                          "sat-casualty-dig": saturday,
                                          "mon-casualties": SIDE_BY_SIDE}), right_response, 2)
        assert "sat-casualty-dig" in story.state.visited and "mon-casualties" in story.state.visited
        debrief = build_debrief(campaign, story.state)
        monday = next(d for d in debrief.decisions if d.choice.startswith(SIDE_BY_SIDE))
        if better is None:  # the +4 choice needs Saturday's flag: without it, +2 was the best
            assert monday.better is None
        else:
            assert monday.better.text.startswith(better) and monday.better.short_by == 2


def test_the_better_call_is_found_from_the_choice_made_whatever_order_was_shown(mini_pack):
    for seed in (1, 2, 3, 11):
        story = Story(mini_pack, seed=seed, clock=lambda: "t")
        story.answer(3)
        story.answer("Monday")
        choose_text(story, "Report 55 moved")
        [decision] = decisions_to_revisit(build_debrief(mini_pack, story.state))
        assert decision.better.text == CAREFUL_CALL


def test_a_choice_offered_for_an_earlier_choice_is_judged_by_that_choice(campaign):
    """A condition may name a decision made earlier (chose:): the walk keeps the decisions too."""
    from dataclasses import replace

    from game.content.models import Condition

    monday = campaign.scenes["mon-casualties"]
    paste = next(c for c in monday.choices if c.text.startswith(PASTE))
    needs = replace(paste, if_=Condition(chose=("sat-casualty-dig.side-by-side",)))
    choices = tuple(needs if c is paste else c for c in monday.choices)
    pack = replace(campaign, scenes={**campaign.scenes,
                                     "mon-casualties": replace(monday, choices=choices)})
    for saturday, better in ((ADD_UP, None), (FLAG_IT, PASTE)):
        story = play(pack, choose_at({"fri-morning": ON_TIME, "sat-quiet": DIG,
                                      "sat-casualty-dig": saturday,
                                      "mon-casualties": SIDE_BY_SIDE}), right_response, 2)
        debrief = build_debrief(pack, story.state)
        monday_call = next(d for d in debrief.decisions if d.choice.startswith(SIDE_BY_SIDE))
        assert (monday_call.better.text[:len(PASTE)] if monday_call.better else None) == better
