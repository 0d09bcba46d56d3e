"""validate follows the `if:` conditions: a scene, an ending, a choice or a route that no path
can reach is reported at the condition that blocks it (issue 14, item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

from game.cli import main
from game.content import compile_pack
from game.content import condition_reach
from game.content.diagnostics import Diagnostic

from ..conftest import FIXTURES, MINI
from .test_loader_errors import line_of

CONDITIONS = FIXTURES / "conditions" / "unreachable"
SCENES = CONDITIONS / "scenes.yaml"
OWN_CODES = {"unreachable-by-condition", "choice-never-offered", "route-never-taken",
             "conditions-undecided"}


def found(diagnostics: list[Diagnostic], code: str, words: str) -> Diagnostic:
    [match] = [d for d in diagnostics if d.code == code and words in d.message]
    return match


def mini_with(tmp_path: Path, *edits: tuple[str, str]) -> list[Diagnostic]:
    """The mini pack edited; its diagnostics (no error but this check's, or the check, which
    runs only on a pack without other errors, would not have run)."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    scenes.write_text(text)
    diagnostics = compile_pack(pack).diagnostics
    assert not [str(d) for d in diagnostics if d.is_error and d.code not in OWN_CODES]
    return diagnostics


def test_an_ending_reachable_only_through_an_impossible_condition_fails_validate(capsys):
    result = compile_pack(CONDITIONS)
    assert not result.ok
    ending = found(result.diagnostics, "unreachable-by-condition", "Ending 'end-strong'")
    assert ending.severity == "error"
    assert Path(ending.file).resolve() == SCENES
    assert ending.line == line_of(SCENES, "if: {at_least: {tradecraft: 40}}")
    assert ending.message == (
        "Ending 'end-strong' can never be reached: the route to 'end-strong' from 'tue-wrap' "
        "needs `at_least: {tradecraft: 40}`, but the most tradecraft any path can have there "
        "is 2.")
    assert ending.hint == "Lower it to 2 or less, or give more tradecraft on the way there."
    assert main(["validate", str(CONDITIONS)]) == 1
    out = capsys.readouterr().out
    assert f"scenes.yaml:{ending.line}:24: error[unreachable-by-condition]: Ending 'end-strong'" in out


def test_a_scene_no_path_reaches_and_the_ending_behind_it_name_the_same_condition():
    diagnostics = compile_pack(CONDITIONS).diagnostics
    line = line_of(SCENES, "if: {not_visited: [mon-alarm]}")
    scene = found(diagnostics, "unreachable-by-condition", "Scene 'tue-recheck'")
    assert (scene.line, scene.severity) == (line, "error")
    assert ("needs `not_visited: [mon-alarm]`, but every path there has passed through "
            "`mon-alarm`") in scene.message
    assert "It leaves 1 more scene(s) after it unreached." in scene.message
    ending = found(diagnostics, "unreachable-by-condition", "Ending 'end-hidden'")
    assert ending.line == line
    assert ending.message.startswith("Ending 'end-hidden' can never be reached: every way there "
                                     "passes through 'tue-recheck', which no path reaches: the "
                                     "route to 'tue-recheck' from 'tue-wrap' needs "
                                     "`not_visited: [mon-alarm]`")


def test_a_choice_never_offered_is_a_warning_with_its_reason():
    choice = found(compile_pack(CONDITIONS).diagnostics, "choice-never-offered", "ministry")
    assert choice.severity == "warning"
    assert choice.line == line_of(SCENES, "if: {flags: [careful]}")
    assert choice.message == (
        "The choice “Call the ministry for its own count” at 'mon-alarm' is never offered: it "
        "needs `flags: [careful]`, but no path there has set the flag `careful`.")


def test_a_route_after_one_that_always_holds_names_that_route():
    route = found(compile_pack(CONDITIONS).diagnostics, "route-never-taken", "'end-good'")
    assert route.severity == "warning"
    assert route.line == line_of(SCENES, "- to: end-good\n        if: {chose:")
    assert route.message == (
        "The route to 'end-good' from 'tue-wrap' is never taken: the route to 'end-weak' before "
        f"it (`below: {{escalation: 5}}`, line {line_of(SCENES, 'if: {below:')}) holds on every "
        "path there, and the first route that holds is taken.")


def test_nothing_else_is_reported_in_the_fixture():
    codes = sorted(d.code for d in compile_pack(CONDITIONS).diagnostics)
    assert codes == ["choice-never-offered", "route-never-taken", "unreachable-by-condition",
                     "unreachable-by-condition", "unreachable-by-condition"]


ROUTE = "if: {flags: [careful], at_least: {tradecraft: 2}}"


def test_wrong_answers_count_so_a_low_total_is_reachable(tmp_path):
    # Every answer right gives recall 6 or more at tue-wrap; a wrong one gives less.
    assert not OWN_CODES & {d.code for d in mini_with(tmp_path, (ROUTE, "if: {below: {recall: 1}}"))}


def test_the_most_a_total_can_be_counts_every_question_on_the_longest_way(tmp_path):
    diagnostics = mini_with(tmp_path, (ROUTE, "if: {at_least: {recall: 8}}"))
    ending = found(diagnostics, "unreachable-by-condition", "Ending 'end-good'")
    # q-villages 1 + q-day 2 at mon-alarm, q-who 1 at tue-radio, three of 1 at tue-wrap.
    assert "but the most recall any path can have there is 7." in ending.message
    assert not OWN_CODES & {d.code for d in mini_with(
        tmp_path / "seven", (ROUTE, "if: {at_least: {recall: 7}}"))}


def test_a_loop_that_adds_points_can_reach_any_total(tmp_path):
    diagnostics = mini_with(
        tmp_path, (ROUTE, "if: {at_least: {tradecraft: 50}}"),
        ("    next: tue-wrap\n  - id: tue-wrap",
         "    choices:\n      - text: Call again\n        next: tue-radio\n"
         "        effects: {tradecraft: 1}\n        feedback: Again.\n"
         "      - text: Write it up\n        next: tue-wrap\n        effects: {tradecraft: 0}\n"
         "        feedback: Done.\n"
         "  - id: tue-wrap"))
    assert not OWN_CODES & {d.code for d in diagnostics}, [str(d) for d in diagnostics]


def test_a_condition_that_needs_a_flag_and_its_absence_never_holds(tmp_path):
    diagnostics = mini_with(tmp_path, (ROUTE, "if: {any: [{flags: [careful], not_flags: [careful]}, "
                                              "{below: {escalation: -3}}]}"))
    ending = found(diagnostics, "unreachable-by-condition", "Ending 'end-good'")
    assert "needs `any: [{flags: [careful], not_flags: [careful]}, {below: {escalation: -3}}]`" \
        in ending.message
    assert "none of its alternatives can hold" in ending.message
    assert "the least escalation any path can have there is 0" in ending.message


def test_parts_that_never_hold_together_are_named_together(tmp_path):
    diagnostics = mini_with(tmp_path, (ROUTE, "if: {flags: [careful], at_least: {escalation: 1}}"))
    ending = found(diagnostics, "unreachable-by-condition", "Ending 'end-good'")
    assert ending.line == line_of(tmp_path / "mini" / "scenes.yaml", "if: {flags: [careful], at_")
    assert ("needs `flags: [careful], at_least: {escalation: 1}`, but its parts never hold "
            "together on any path") in ending.message


def too_big_to_walk(tmp_path: Path | None = None) -> list[Diagnostic]:
    """The fixture's diagnostics with the walk's bound cut to 2 points."""
    with mock.patch.object(condition_reach, "MAX_POINTS", 2), \
            mock.patch.object(condition_reach, "POINTS_PER_SCENE", 0):
        return compile_pack(CONDITIONS).diagnostics


def test_a_story_too_big_to_walk_is_undecided_not_an_error():
    diagnostics = too_big_to_walk()
    assert [d.code for d in diagnostics] == ["conditions-undecided"]
    assert diagnostics[0].severity == "warning"
    assert diagnostics[0].message.startswith("validate could not decide which scenes, choices "
                                             "and routes a player can reach")


def test_the_campaign_has_no_condition_that_blocks_a_way():
    campaign = Path(__file__).resolve().parents[2] / "scenes" / "week-of-march-23"
    assert not OWN_CODES & {d.code for d in compile_pack(campaign).diagnostics}


def test_playtest_plays_such_a_pack_and_says_why_each_is_never_reached(capsys):
    assert main(["playtest", str(CONDITIONS), "--exhaustive"]) == 1  # unreached content fails
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("  never reached: scene end-strong")
    where = f"{SCENES.relative_to(Path.cwd()) if SCENES.is_relative_to(Path.cwd()) else SCENES}"
    assert lines[at + 1] == (
        f"    why: {where}:{line_of(SCENES, 'if: {at_least: {tradecraft: 40}}')}: Ending "
        "'end-strong' can never be reached: the route to 'end-strong' from 'tue-wrap' needs "
        "`at_least: {tradecraft: 40}`, but the most tradecraft any path can have there is 2.")
    at = lines.index("  never reached: choice mon-alarm #3: Call the ministry for its own count")
    assert lines[at + 1].startswith(f"    why: {where}:{line_of(SCENES, 'if: {flags: [careful]}')}: "
                                    "The choice “Call the ministry for its own count” at "
                                    "'mon-alarm' is never offered")
    assert "Result: FAIL: unreached content" in lines[-1]


def test_playtest_still_refuses_a_pack_with_other_errors(tmp_path, capsys):
    pack = tmp_path / "unreachable"
    shutil.copytree(CONDITIONS, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("    next: end-hidden", "    next: end-hiden"))
    assert main(["playtest", str(pack), "--exhaustive"]) == 1
    captured = capsys.readouterr()
    assert "error[unknown-scene]" in captured.err
    assert "never reached" not in captured.out


def test_the_walk_reaches_whatever_some_played_path_reaches(tmp_path):
    # Sound, checked against every path played out (answers right) through a synthetic pack
    # with flags, `any`, scores and scenes not visited in its conditions: each scene, choice
    # and route some path takes is one the walk says can be reached.
    from benchmarks.synthetic_pack import write_pack
    from game.authoring.exhaustive import enumerate_paths
    from game.content.condition_reach import ReachWalk

    pack = compile_pack(write_pack(tmp_path / "syn", scenes=40, per_file=10)).pack
    played = enumerate_paths(pack, 1_000_000)
    assert not played.bound_reached and played.runs > 10_000
    walk = ReachWalk(pack.scenes, pack.manifest.start)
    assert walk.whole and played.scenes_seen <= walk.reached
    conditional = {(s.id, i) for s in pack.scenes.values() for i, c in enumerate(s.choices)
                   if c.if_ is not None}
    taken = played.choices_taken & conditional
    assert taken and {(s, i) for s, kind, i in walk.offered if kind == "choice"} >= taken


def test_an_error_in_the_files_is_not_followed_by_what_it_leaves_unreachable(tmp_path):
    # `effects:` with no value scores nothing: end-good's 2 tradecraft is then out of reach,
    # but that is the missing value's doing, and only it is reported.
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("effects: {tradecraft: 2}", "effects:", 1))
    assert [d.code for d in compile_pack(pack).diagnostics] == ["missing-value"]
