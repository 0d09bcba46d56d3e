"""The answer key's route map: which scenes only some players see and why, where the week
branches, and how each ending is reached, in words; none of it on the students' sheet."""

from __future__ import annotations

import shutil

import pytest

from game.classroom.handout import handout_html, handout_markdown, markdown_block
from game.classroom.handout_routes import RouteMap
from game.content import compile_pack

from ..conftest import FIXTURES

ROUTES = FIXTURES / "routes"


@pytest.fixture(scope="module")
def routes_pack():
    result = compile_pack(ROUTES)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def scene_text(handout: str, title: str) -> str:
    """One scene's part of a Markdown handout, from its heading to the next heading."""
    start = handout.index(f"· {title}\n")
    end = handout.find("\n#", start)
    return handout[start:end if end > 0 else None]


def test_a_branch_scene_says_who_sees_it_and_where_the_others_go(routes_pack):
    key = handout_markdown(routes_pack)
    assert ("**Branch:** Only some players see this scene: after The river rises (Monday, "
            "07:40), for players who choose “Call the officials for their count”; the others go "
            "on to Noon briefing (Monday, 12:00).") in scene_text(key, "On the phone")
    assert ("**Branch:** Only some players see this scene: after On the phone (Monday, 08:30), "
            "for every player who saw that scene.") in scene_text(key, "Writing it up")
    assert ("**Branch:** Only some players see this scene: after Noon briefing (Monday, 12:00), "
            "when Escalation risk is at least 3; the others go on to Wrap up (Tuesday, "
            "17:00).") in scene_text(key, "Pressure from upstairs")
    for everyone_sees in ("The river rises", "Noon briefing", "Wrap up"):
        assert "**Branch:**" not in scene_text(key, everyone_sees), everyone_sees


def test_where_the_week_branches_is_said_at_the_scene_in_the_order_routes_are_tried(routes_pack):
    key = handout_markdown(routes_pack)
    assert ("**Where the week branches:**\n\n"
            "- **On the phone (Monday, 08:30):** choosing “Call the officials for their count”\n"
            "- **Noon briefing (Monday, 12:00):** choosing “Report the radio's 55 moved”"
            ) in scene_text(key, "The river rises")
    assert ("**Where the week branches:**\n\n"
            "1. **Pressure from upstairs (Tuesday, 08:00):** if Escalation risk is at least 3\n"
            "2. **Wrap up (Tuesday, 17:00):** otherwise") in scene_text(key, "Noon briefing")
    assert "Where the week branches" not in scene_text(key, "On the phone")  # straight on


def test_each_ending_is_reached_by_the_choices_and_flags_in_words(routes_pack):
    key = handout_markdown(routes_pack)
    routes = key[key.index("### How each ending is reached"):key.index("## How the week can end")]
    assert routes == (
        "### How each ending is reached\n\n"
        "**At Wrap up (Tuesday, 17:00), where the routes are tried in order and the first that "
        "holds decides:**\n\n"
        "1. **A corrected note:** choosing “Retract the radio's figure” (offered only if the "
        "player chose “Report the radio's 55 moved” at The river rises (flag radio-figure))\n"
        "2. **A solid note:** any other choice, if the player chose “Call the officials for "
        "their count” at The river rises (flag called)\n"
        "3. **A shaky note:** any other choice, otherwise\n\n")
    # the route map sits between the last day and the endings; the summary lists the branches
    summary = key[key.index("## Route map"):key.index("### How each ending is reached")]
    assert summary.count("**After ") == 2
    assert "**After The river rises (Monday, 07:40)**" in summary
    assert "**After Noon briefing (Monday, 12:00)**" in summary


def test_the_students_sheet_has_no_route_map(routes_pack, campaign):
    for pack in (routes_pack, campaign):
        for render in (handout_markdown, handout_html):
            sheet = render(pack, student=True)
            for giveaway in ("Route map", "Branch", "Where the week branches",
                             "How each ending is reached", "Only some players see"):
                assert giveaway not in sheet, (pack.id, giveaway)


def test_endings_and_scenes_no_player_reaches_are_named(tmp_path):
    # a pack with errors gets no handout from the CLI, but the map itself still holds
    pack = compile_pack(FIXTURES / "conditions" / "unreachable").pack
    routes = RouteMap(pack)
    text = "\n\n".join(markdown_block(b) for b in routes.map_blocks())
    assert "**Never:** No player reaches A model note, A note rewritten." in text
    assert "1. **A sound note:** if the player chose “Report 40 moved, and note the radio's 55” " \
           "at The river rises (flag careful)" in text
    assert "A model note:" not in text  # its route needs more tradecraft than any path has
    assert routes.entry(pack.scenes["tue-recheck"]) == (
        "No player reaches this scene (`briefing validate` says why).")


def test_the_campaign_marks_its_five_branch_scenes(campaign):
    routes = RouteMap(campaign)
    branches = {s.id for s in campaign.scenes.values() if routes.on_a_branch(s)}
    assert branches == {"fri-flash-fix", "fri-statement", "sat-strike-options",
                        "sat-casualty-dig", "sun-correction"}
    key = handout_markdown(campaign)
    assert ("**Branch:** Only some players see this scene: after What can Iran do? (Thursday 23 "
            "March, 23:30), when the player chose ‘\"Reports: six US troops killed by a drone "
            "strike in…’ at Flash traffic from Hasakah; the others go on to Before the morning "
            "note (Friday 24 March, 06:50).") in scene_text(key, "Six troops?")
    assert ("when Escalation risk is at least 4; the others go on to The piece everyone is "
            "forwarding (Saturday 25 March, 08:00).") in scene_text(key, "Read upstairs")
    assert ("when the player chose “Copy the text as published: \"Pentagon Press Secretary…” at "
            "Two titles, one general (flag cited-holds)") in scene_text(key, "A polite, pointed "
                                                                         "email")


def test_the_campaigns_five_endings_are_each_reached_as_send_decides(campaign):
    key = handout_markdown(campaign)
    routes = key[key.index("### How each ending is reached"):key.index("## How the week can end")]
    lines = [line for line in routes.splitlines() if line[:3] in {f"{n}. " for n in range(1, 6)}]
    assert [line.split(":**")[0] for line in lines] == [
        "1. **Said more, or less, than the evidence", "2. **The memo nobody could use",
        "3. **Right answer, shaky workings", "4. **Forwarded untouched",
        "5. **Sound, with dents"]
    assert "At Send (Monday 27 March, 16:55), where the routes are tried in order" in routes
    overclaimed, hedged, shaky, strong, sound = lines
    assert overclaimed.endswith(
        ":** if one of these holds: the player chose ‘\"Iran is waging a drone war on US forces "
        "through its…’ at The key judgement (flag bottom-line-overstated); or the player chose "
        "‘\"The exchange has likely run its course: no clashes since…’ at The key judgement "
        "(flag bottom-line-complacent); or the player chose “Lead with its plain sense, "
        "\"Iran-backed groups will take…” at Sources who? (flag threat-as-fact) and the player "
        "chose ‘\"In retaliation for the US strikes, Iran-backed militants…’ at Al-Omar (flag "
        "causal-as-fact); or the player chose “Leave it out: a threat from sources nobody names "
        "can't be…” at Sources who? (flag threat-dismissed) and the player chose ‘\"Another "
        "attack, at Al-Omar, wounded a US soldier; treat…’ at Al-Omar (flag link-dismissed)")
    assert hedged.endswith(":** if the player chose ‘\"Claims conflict on every point that "
                           "matters; no judgement…’ at The key judgement (flag "
                           "bottom-line-hedged)")
    assert shaky.endswith(":** if Tradecraft is below 12")
    for part in ("if the player chose ‘\"Tit-for-tat, in the article's words; quiet since "
                 "Friday,…’ at The key judgement",
                 "the player did not choose “Brief Ellen on time with the later count, 19 "
                 "killed: it is…” at A quiet morning, two tolls nor “Give Ellen her one number, "
                 "19 killed: the later and more…” at The paragraph everyone copies (flag "
                 "picked-19)", "Tradecraft is at least 21 and Judgement is at least 17",
                 "(flag checked-statement); or the player chose “Set both counts side by side "
                 "in the article's words, with…” at Running down the numbers (flag "
                 "casualties-flagged)"):
        assert part in strong, part
    assert sound.endswith(":** otherwise")


def test_the_route_map_is_escaped_in_html(tmp_path):
    pack_dir = tmp_path / "routes"
    shutil.copytree(ROUTES, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(
        "Call the officials for their count", "Call <b>the</b> officials & count"),
        encoding="utf-8")
    result = compile_pack(pack_dir)
    assert result.ok, [str(d) for d in result.diagnostics]
    page = handout_html(result.pack)
    assert "<b>the</b>" not in page
    assert ("for players who choose “Call &lt;b&gt;the&lt;/b&gt; officials &amp; count”; the "
            "others go on to Noon briefing (Monday, 12:00).") in page
    assert '<div class="branch">' in page


def test_a_scene_reached_by_the_other_choices_otherwise_says_so(tmp_path):
    # Wrap up's own-next choice (retract) goes to its ending; the other choice takes the routes,
    # whose last now leads to a scene of its own before the weak ending
    pack_dir = tmp_path / "routes"
    shutil.copytree(ROUTES, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(
        "      - {to: end-weak}\n",
        "      - {to: tue-late}\n"
        "  - id: tue-late\n    day: Tuesday\n    time: Night\n    title: Working late\n"
        "    body: Still writing.\n    next: end-weak\n"), encoding="utf-8")
    result = compile_pack(pack_dir)
    assert result.ok, [str(d) for d in result.diagnostics]
    routes = RouteMap(result.pack)
    assert routes.entry(result.pack.scenes["tue-late"]) == (
        "Only some players see this scene: after Wrap up (Tuesday, 17:00), for players who make "
        "any other choice, unless the player chose “Call the officials for their count” at The "
        "river rises (flag called); the others go on to A corrected note (Tuesday, Evening) or "
        "A solid note (Tuesday, Evening).")
    assert routes.exits(result.pack.scenes["tue-wrap"]) == [
        ("A corrected note:", "choosing “Retract the radio's figure” (offered only if the player "
                              "chose “Report the radio's 55 moved” at The river rises (flag "
                              "radio-figure))"),
        ("A solid note:", "any other choice, if the player chose “Call the officials for their "
                          "count” at The river rises (flag called)"),
        ("Working late (Tuesday, Night):", "any other choice, otherwise")]


def test_a_flag_set_by_many_choices_is_told_by_their_number(routes_pack):
    routes = RouteMap(routes_pack)
    routes.setters["called"] = routes.setters["called"] * 5
    assert routes.flag_words("called", True) == (
        "the player made one of the 5 choices that set the flag called")
    assert routes.flag_words("called", False) == (
        "the player made none of the 5 choices that set the flag called")
