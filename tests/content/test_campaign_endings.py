"""The campaign's endings say only what the player did: two paths to the same ending get two
assessments, each with the lines for its own choices and none for the choices it did not
make; every line is tied to a choice, praise only to a sound one and lapses only to a lapse;
and what an ending says to everyone who reaches it is what every path there has earned."""

from __future__ import annotations

from game.content.assessment_paths import StoryWalk
from game.content.models import Condition
from game.engine import build_debrief

from .test_campaign import DIG_PATH, EARLY_PATH, play_script

SLIPS = {  # the careful path with three slips in it: it still ends strong
    '"Drone strike in Hasakah, northeast Syria, kills five US': '"Six US troops killed',
    "Put them side by side": "Add them up for a total",  # the brief's own example
    "Paste in Saturday's side-by-side note": "Give the six American dead as confirmed",
}
SLIPS_PATH = [SLIPS.get(choice, choice) for choice in DIG_PATH]
assert len(set(SLIPS_PATH) - set(DIG_PATH)) == len(SLIPS)

PRECISE = "five US troops and a US contractor, in Hasakah, northeast Syria"
SIX_TROOPS = '"six US troops" in the first line'
SIDE_BY_SIDE = "the two casualty counts side by side, with their categories"
SUMMED = "the two counts added into a total of 25"
PASTED = "Saturday's side-by-side note in the casualty paragraph"
BOTH_COUNTS = "the six American dead as confirmed and both other counts side"


def made(story) -> set[str]:
    return {f"{d.scene}.{d.choice_id}" for d in story.state.decisions}


def test_two_paths_to_the_strong_ending_get_assessments_of_what_each_did(campaign):
    careful, slips = play_script(campaign, DIG_PATH), play_script(campaign, SLIPS_PATH)
    assert careful.state.scene == slips.state.scene == "end-strong"
    first, second = build_debrief(campaign, careful.state), build_debrief(campaign, slips.state)
    assert first.assessment != second.assessment
    for text in (first.assessment, second.assessment):
        assert text.startswith("## Assessment: strong analysis\n\nYour key judgement was "
                               "calibrated")
    for line in (PRECISE, SIDE_BY_SIDE, PASTED):
        assert line in first.assessment and line not in second.assessment
    for line in (SIX_TROOPS, SUMMED, BOTH_COUNTS):
        assert line in second.assessment and line not in first.assessment
    # The careful path made every best choice: nothing under a lapse's lead.
    assert "**Where" not in first.assessment
    assert "**Where a figure was smoothed over:**" in second.assessment
    assert "flagged" not in " ".join(p for p in second.assessment_parts if "count" in p)


def test_each_assessment_shows_exactly_the_lines_for_the_choices_made(campaign):
    # Every line of the campaign's endings names one choice, so the lines a path is shown
    # must be exactly those of its own choices, at each ending and on each path tried.
    paths = [DIG_PATH, SLIPS_PATH, EARLY_PATH, [
        '"Mass-casualty attack', "Leave Iran out", '"Iran\'s great internal instability',
        '"US conducts airstrikes', "Use the caption's version", '"Options that avoid',
        '"Treat Al-Omar as a separate incident', "Tell Ellen the update will be an hour late",
        'Use "at least a dozen"', '"The non-Syrian dead were probably Iranians',
        "Report it as what it is", "Approve it with Graphics' caption",
        "Give only the six American dead", '"The picture is unclear']]
    endings = set()
    for path in paths:
        story = play_script(campaign, path)
        ending = campaign.scenes[story.state.scene]
        endings.add(ending.id)
        expected = tuple(p.text.strip() for p in ending.assessment.all_parts()
                         if set(p.if_.chose) <= made(story))
        assert build_debrief(campaign, story.state).assessment_parts == expected
        assert expected, ending.id
    assert endings == {"end-strong", "end-overclaimed", "end-hedged"}


def sound(campaign, ref: str) -> bool:
    """A choice that gains tradecraft: the only kind the endings may praise."""
    scene_id, _, choice_id = ref.partition(".")
    choice = next(c for c in campaign.scenes[scene_id].choices if c.id == choice_id)
    return choice.effects.get("tradecraft", 0) > 0


def test_every_line_is_tied_to_a_choice_praise_to_sound_ones_lapses_to_lapses(campaign):
    endings = [s for s in campaign.scenes.values() if s.ending]
    for ending in endings:
        assessment = ending.assessment
        assert not assessment.parts, "every line sits in a list under its lead"
        for section in assessment.sections:
            for part in section.parts:
                condition = part.if_
                assert condition is not None and len(condition.chose) == 1, part.text
                assert condition == Condition(chose=condition.chose), part.text
                if section.lead.startswith("**You "):
                    assert sound(campaign, condition.chose[0]), (ending.id, part.text)
                elif section.lead.startswith("**Where "):
                    assert not sound(campaign, condition.chose[0]), (ending.id, part.text)
                else:
                    assert section.lead == "**Your key judgement:**"
    # every decision's choices are all accounted for: each sound one praised, each lapse named
    named = {p.if_.chose[0] for e in endings for p in e.assessment.all_parts()}
    decisions = {f"{s.id}.{c.id}" for s in campaign.scenes.values() for c in s.choices}
    assert decisions - named == {"sun-photo.plain-cover", "sat-quiet.dig-first"}


def test_what_every_player_at_an_ending_reads_is_earned_on_every_path_there(campaign):
    # The bodies and openings speak of the player's key judgement ("calibrated", "unclear",
    # "every 'per DoD' in it"): at each ending, only those key judgements can precede it.
    walk = StoryWalk(campaign.scenes, campaign.manifest.start)
    bottom_lines = [c.id for c in campaign.scenes["mon-bottomline"].choices]
    possible = {ending: {c for c in bottom_lines if walk.could_hold(
        Condition(chose=(f"mon-bottomline.{c}",)), ending)}
        for ending in ("end-strong", "end-sound", "end-shaky", "end-hedged", "end-overclaimed")}
    assert possible == {"end-strong": {"calibrated"}, "end-sound": {"calibrated"},
                        "end-shaky": {"calibrated"}, "end-hedged": {"unclear"},
                        "end-overclaimed": set(bottom_lines)}
    calibrated = next(c.text for c in campaign.scenes["mon-bottomline"].choices
                      if c.id == "calibrated")
    assert "per US intelligence" in calibrated and "per DoD" in calibrated
    assert 'every "per US intelligence" and "per DoD" in it' in campaign.scenes["end-strong"].body
    for ending in ("end-strong", "end-sound", "end-shaky"):
        assert "calibrated" in campaign.scenes[ending].assessment.opening
    assert "unclear" in campaign.scenes["end-hedged"].assessment.opening
