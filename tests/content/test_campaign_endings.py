"""The campaign's endings say only what the player did: two paths to the same ending get two
assessments, each with the lines for its own choices and none for the choices it did not
make; every line is tied to a choice, praise only to a sound one and lapses only to a lapse;
and what an ending says to everyone who reaches it is what every path there has earned."""

from __future__ import annotations

from game.content.assessment_paths import StoryWalk
from game.content.models import Condition
from game.engine import build_debrief

from .test_campaign import DIG_FORECASTS, DIG_PATH, EARLY_FORECASTS, EARLY_PATH, play_script

SLIPS = {  # the careful path with two slips in it (and the Monday option they leave): still strong
    '"US assessment: the drone was of Iranian origin':
        '"US intelligence says the drone that struck',
    "Set both counts side by side": "Give one total the reader can use",  # the brief's own example
    # no casualties-flagged without the side-by-side note: the statement check's option instead
    "Paste Saturday's checked note": "The article's six dead beside the Pentagon's statement",
}
SLIPS_PATH = [SLIPS.get(choice, choice) for choice in DIG_PATH]
assert len(set(SLIPS_PATH) - set(DIG_PATH)) == len(SLIPS)

OPERATORS_KEPT = "the drone's origin as the US assessment, militia operators kept"
SIDE_BY_SIDE = "the two casualty counts side by side with their categories"
PASTED = "Saturday's checked counts in the casualty paragraph"
OPERATORS_GONE = 'the drone called "Iranian", its militia operators gone'
SUMMED = "the two counts added into a total of 25"
BESIDE_STATEMENT = "the article's six dead beside the Pentagon's statement"
PRECISE = "five US troops and a US contractor in the first line"  # on both paths

# The other endings' routes, as the pack's walkthroughs 03 to 05 play them.
HEDGED_PATH = [
    '"Reports: drone strike in Hasakah, northeast Syria, kills six',
    '"US intelligence says the drone that struck', '"Iran has the means to react sharply',
    "Pull the Pentagon's statement", "Put the Pentagon's figures in the note",
    '"Retaliatory US airstrikes', "Use the caption:", '"Options that avoid new force',
    '"Another attack, at Al-Omar, wounded a US soldier; treat it', "Not at all:",
    "Tell Ellen the update slips an hour", 'Print "at least a dozen" as the floor',
    "\"We can't say", "Quote it as unnamed sources' claim",
    "The article's six dead beside the Pentagon's statement", '"Claims conflict on every point']
SOUND_PATH = [
    '"Reports: drone strike in Hasakah, northeast Syria, kills five',
    '"US assessment: the drone was of Iranian origin', '"US defense leaders say Iran has',
    "Send the note on time",
    '"Several US airstrikes, directed by President Biden, hit two adversarial',
    '"Brig. Gen. Patrick Ryder, Pentagon spokesman', '"Score each option on both stated aims',
    '"Another attack, at Al-Omar, wounded a US soldier; the article says',
    "As an unsigned, undated online article", "Brief Ellen on time with both counts",
    '"US intelligence assesses an Iranian-origin drone', "Quote it as unnamed sources' claim",
    "Six American dead as the article reports them, then both",
    "\"Tit-for-tat, in the article's words"]
SHAKY_PATH = [
    '"Reports: six US troops', '"Syrian militia groups are suspected',
    '"Iran faces great internal instability', "Stand by the line:", "Send the note on time",
    '"Several US airstrikes, directed by President Biden, hit two facilities near',
    "Copy the text as published", "\"Options should serve the President's stated aim",
    '"Another attack, at Al-Omar, wounded a US soldier; the article says', "Not at all:",
    "Tell Ellen the update slips an hour", "Give one total the reader can use", '"Probably:',
    "Leave it out:", "Put the right name in Monday's memo",
    "Six American dead as the article reports them; leave",
    '"No clashes since Friday, per the DoD']
EVEN_CHANCE = dict.fromkeys(DIG_FORECASTS, "roughly even chance")


def made(story) -> set[str]:
    return {f"{d.scene}.{d.choice_id}" for d in story.state.decisions}


def test_two_paths_to_the_strong_ending_get_assessments_of_what_each_did(campaign):
    careful = play_script(campaign, DIG_PATH, DIG_FORECASTS)
    slips = play_script(campaign, SLIPS_PATH, DIG_FORECASTS)
    assert careful.state.scene == slips.state.scene == "end-strong"
    first, second = build_debrief(campaign, careful.state), build_debrief(campaign, slips.state)
    assert first.assessment != second.assessment
    for text in (first.assessment, second.assessment):
        assert text.startswith("## Assessment: strong analysis\n\nYour key judgement was "
                               "calibrated")
        assert PRECISE in text
    for line in (OPERATORS_KEPT, SIDE_BY_SIDE, PASTED):
        assert line in first.assessment and line not in second.assessment
    for line in (OPERATORS_GONE, SUMMED, BESIDE_STATEMENT):
        assert line in second.assessment and line not in first.assessment
    # The careful path made every best choice: nothing under a lapse's lead.
    assert "**Where" not in first.assessment
    assert "**Where you said more than the evidence:**" in second.assessment
    assert "**Where something went out unchecked:**" in second.assessment
    assert "side by side" not in " ".join(p for p in second.assessment_parts if "count" in p)


def test_each_assessment_shows_exactly_the_lines_for_the_choices_made(campaign):
    # Every line of the campaign's endings names one choice, so the lines a path is shown
    # must be exactly those of its own choices, at each ending and on each path tried.
    paths = [(DIG_PATH, DIG_FORECASTS), (SLIPS_PATH, DIG_FORECASTS),
             (EARLY_PATH, EARLY_FORECASTS), (HEDGED_PATH, EVEN_CHANCE),
             (SOUND_PATH, DIG_FORECASTS), (SHAKY_PATH, EVEN_CHANCE)]
    endings = []
    for path, forecasts in paths:
        story = play_script(campaign, path, forecasts)
        ending = campaign.scenes[story.state.scene]
        endings.append(ending.id)
        expected = tuple(p.text.strip() for p in ending.assessment.all_parts()
                         if set(p.if_.chose) <= made(story))
        assert build_debrief(campaign, story.state).assessment_parts == expected
        assert expected, ending.id
    assert endings == ["end-strong", "end-strong", "end-overclaimed", "end-hedged",
                       "end-sound", "end-shaky"]


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
    # Left unnamed: the two timing trade-offs (their cost and gain show in what follows) and the
    # first line true to the article's opening that drops the split.
    assert decisions - named == {"fri-morning.note-now", "sat-quiet.dig-first",
                                 "thu-flash.six-americans"}


def test_what_every_player_at_an_ending_reads_is_earned_on_every_path_there(campaign):
    # The bodies and openings speak of the player's key judgement ("calibrated", "attributed",
    # "no judgement could be made"): at each ending, only those key judgements can precede it.
    walk = StoryWalk(campaign.scenes, campaign.manifest.start)
    drafts = {c.id: c.text for c in campaign.scenes["mon-bottomline"].choices}
    possible = {ending: {c for c in drafts if walk.could_hold(
        Condition(chose=(f"mon-bottomline.{c}",)), ending)}
        for ending in ("end-strong", "end-sound", "end-shaky", "end-hedged", "end-overclaimed")}
    assert possible == {"end-strong": {"calibrated"},
                        "end-sound": {"calibrated", "even-chance"},
                        "end-shaky": {"calibrated", "even-chance"},
                        "end-hedged": {"unclear"},
                        "end-overclaimed": set(drafts)}
    opening = {e: campaign.scenes[e].assessment.opening for e in possible}
    # Strong: "calibrated", and its body says the memo gives how likely each answer is.
    assert "calibrated" in opening["end-strong"]
    assert "likely" in drafts["calibrated"] and "per DoD" in drafts["calibrated"]
    assert "how likely each answer is" in campaign.scenes["end-strong"].body
    # Sound and shaky: a key judgement that attributes its claims; both drafts that lead there do.
    assert "each claim with its owner" in opening["end-sound"]
    assert "attributed its claims" in opening["end-shaky"]
    for draft in ("calibrated", "even-chance"):
        assert "per DoD" in drafts[draft] or "per the DoD" in drafts[draft], draft
    # Hedged: the draft that says no judgement can be made.
    assert "no judgement could be made" in opening["end-hedged"]
    assert "no judgement on further strikes can be made" in drafts["unclear"]
