"""Assessments in parts, as the loader checks them: choice ids, `chose:` naming a scene's choice
(each mistake at its file:line, with a did-you-mean), and `validate`'s warning about a part no
path to its ending can make true, checked against playing every path."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content import compile_pack as compile_alone
from game.content.assessment_paths import never_shown
from game.content.models import Assessment
from game.engine import Phase, Story, holds, totals
from game.packs import compile_pack
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID, MINI
from .test_loader_errors import line_of

IDS = [("      - text: Report 40 moved, and note the radio's 55\n",
        "      - text: Report 40 moved, and note the radio's 55\n        id: both-figures\n"),
       ("      - text: Report 55 moved\n", "      - text: Report 55 moved\n        id: radio-figure\n")]


def mini(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    scenes.write_text(text, encoding="utf-8")
    return folder


def with_part(tmp_path: Path, condition: str, *edits: tuple[str, str]) -> Path:
    """The mini pack with choice ids and a one-part assessment at end-good."""
    part = ("    assessment:\n      heading: A sound note\n      parts:\n"
            f"        - text: One line.\n          if: {condition}\n")
    return mini(tmp_path, *IDS, ("    assessment: Careful work.\n", part), *edits)


def found(folder: Path, code: str):
    return [d for d in compile_alone(folder).diagnostics if d.code == code]


@pytest.mark.parametrize("condition, code, words", [
    ("{chose: [mon-alarm.both-figure]}", "unknown-choice",
     "has no choice with the id 'both-figure'. Did you mean 'both-figures'? Its choices' ids: "
     "both-figures, radio-figure."),
    ("{chose: [both-figures]}", "unknown-choice", "'both-figures' does not name a choice"),
    ("{not_chose: [mon-alarn.both-figures]}", "unknown-scene",
     "No scene has the id 'mon-alarn'. Did you mean 'mon-alarm'?"),
    ("{chose: [tue-radio.call-back]}", "unknown-choice", "The scene 'tue-radio' has no choices."),
    ("{flags: [carefull]}", "unknown-flag", "Did you mean 'careful'?"),
    ("{any: [{chose: [mon-alarm.radio-figures]}]}", "unknown-choice",
     "Did you mean 'radio-figure'?"),
])
def test_a_parts_condition_is_checked_at_its_line(tmp_path, condition, code, words):
    folder = with_part(tmp_path, condition)
    [problem] = found(folder, code)
    assert words in problem.message and problem.hint and problem.severity == "error"
    assert problem.file.endswith("mini/scenes.yaml")
    assert problem.line == line_of(folder / "scenes.yaml", f"if: {condition}")


def test_a_choice_named_where_no_choice_of_the_scene_has_an_id(tmp_path):
    folder = mini(tmp_path, ("if: {flags: [careful], at_least: {tradecraft: 2}}",
                             "if: {chose: [mon-alarm.careful]}"))
    [problem] = found(folder, "unknown-choice")
    assert "No choice of 'mon-alarm' has an id" in problem.message
    assert "id:" in problem.hint


def test_two_choices_of_a_scene_with_one_id(tmp_path):
    folder = mini(tmp_path, IDS[0], ("      - text: Report 55 moved\n",
                                     "      - text: Report 55 moved\n        id: both-figures\n"))
    [problem] = found(folder, "duplicate-id")
    first = line_of(folder / "scenes.yaml", "id: both-figures")
    assert f"Two choices of 'mon-alarm' have the id 'both-figures'; the first is at " \
           f"{problem.file}:{first}." == problem.message
    text = (folder / "scenes.yaml").read_text()
    second = text[: text.index("id: both-figures", text.index("Report 55 moved"))].count("\n") + 1
    assert problem.line == second


def test_the_same_choice_id_in_two_scenes_is_fine(tmp_path):
    folder = mini(tmp_path, *IDS, ("    next: tue-wrap\n  - id: tue-wrap",
                                   "    choices:\n      - text: Call back\n        id: both-figures\n"
                                   "        effects: {}\n"
                                   "    next: tue-wrap\n  - id: tue-wrap"))
    assert compile_alone(folder).diagnostics == []


@pytest.mark.parametrize("assessment, code, marker", [
    ("    assessment:\n      parts:\n        - if: {flags: [careful]}\n", "missing-field",
     "- if: {flags: [careful]}"),
    ("    assessment: [Careful work.]\n", "wrong-type", "assessment: [Careful work.]"),
    ("    assessment:\n      heading: A sound note\n      part: []\n", "unknown-key", "part: []"),
])
def test_a_malformed_assessment_is_reported_at_its_line(tmp_path, assessment, code, marker):
    folder = mini(tmp_path, ("    assessment: Careful work.\n", assessment))
    [problem] = found(folder, code)
    assert problem.line == line_of(folder / "scenes.yaml", marker)


def test_a_list_repeated_with_an_alias_is_built_and_checked_once(tmp_path):
    listed = ("    assessment:\n      sections:\n        - &lines\n          lead: Lines\n"
              "          parts:\n            - if: {flags: [careful]}\n"
              "            - text: Careful.\n              if: {flags: [carefull]}\n")
    folder = mini(tmp_path, ("    assessment: Careful work.\n", listed),
                  ("    assessment: Check your sources.\n",
                   "    assessment:\n      sections: [*lines]\n"))
    result = compile_alone(folder)
    # each problem once, where the list is written, though two endings hold the list
    assert sorted((d.code, d.line) for d in result.diagnostics) == sorted([
        ("missing-field", line_of(folder / "scenes.yaml", "- if: {flags: [careful]}")),
        ("unknown-flag", line_of(folder / "scenes.yaml", "if: {flags: [carefull]}"))])


def test_an_alias_gives_the_same_list_at_each_ending(campaign):
    # end-strong writes the owners list with an anchor; every other ending repeats it by alias
    owners = campaign.scenes["end-strong"].assessment.sections[0]
    assert owners.lead == "**You kept claims with their owners:**"
    for ending in ("end-sound", "end-hedged", "end-overclaimed", "end-shaky"):
        [same] = [s for s in campaign.scenes[ending].assessment.sections if s.lead == owners.lead]
        assert same is owners, ending


def test_an_assessment_compiles_into_its_parts_and_a_plain_one_stays_text(campaign, mini_pack):
    strong = campaign.scenes["end-strong"].assessment
    assert isinstance(strong, Assessment) and strong.heading == "Assessment: strong analysis"
    assert strong.sections[0].lead == "**You kept claims with their owners:**"
    assert all(part.if_ is not None for part in strong.all_parts())
    assert mini_pack.scenes["end-good"].assessment == "Careful work."


# -- the warning about a part no player sees -------------------------------------------------

def campaign_with(tmp_path: Path, ending: str, *conditions: str) -> Path:
    """A copy of the campaign with one more list at ``ending``: a part per condition."""
    folder = tmp_path / CAMPAIGN_ID
    shutil.copytree(packs_root() / CAMPAIGN_ID, folder)
    endings = folder / "06-endings.yaml"
    text = endings.read_text(encoding="utf-8")
    start = text.index(f"  - id: {ending}\n")
    at = text.index("      sections:\n", start) + len("      sections:\n")
    parts = "".join(f"            - text: Planted {n}.\n              if: {c}\n"
                    for n, c in enumerate(conditions))
    endings.write_text(text[:at] + '        - lead: "Planted:"\n          parts:\n' + parts
                       + text[at:], encoding="utf-8")
    return folder


def warnings_at(folder: Path) -> dict[str, str]:
    """The never-shown warnings, by the text of the line their `if` is on."""
    result = compile_pack(folder)
    assert not result.errors, [str(d) for d in result.errors]
    lines = (folder / "06-endings.yaml").read_text(encoding="utf-8").splitlines()
    return {lines[d.line - 1].strip(): d.message for d in result.diagnostics
            if d.code == "assessment-part-never-shown"}


def test_the_shipped_campaign_has_no_part_that_no_player_sees(campaign):
    assert list(never_shown(campaign.scenes, campaign.manifest.start)) == []


def test_a_part_needing_a_key_judgement_that_cannot_precede_the_ending(tmp_path):
    folder = campaign_with(tmp_path, "end-hedged", "{chose: [mon-bottomline.calibrated]}",
                           "{chose: [mon-bottomline.unclear]}")
    warned = warnings_at(folder)
    assert list(warned) == ["if: {chose: [mon-bottomline.calibrated]}"]
    assert warned["if: {chose: [mon-bottomline.calibrated]}"] == (
        "No player sees this part of the assessment of 'end-hedged': no path to 'end-hedged' "
        "makes its `if` true. It could hold at: end-overclaimed, end-shaky, end-sound, "
        "end-strong.")


def test_parts_at_the_strong_ending_checked_against_its_routes(tmp_path):
    folder = campaign_with(
        tmp_path, "end-strong",
        "{flags: [picked-19]}",                                   # the route refuses it
        "{chose: [sat-casualty-dig.dozen-floor]}",                # sets picked-dozen: refused
        "{chose: [sun-sources.threat-as-fact, fri-alomar.retaliation-as-fact]}",  # overclaimed
        "{chose: [sun-sources.threat-as-fact]}",                  # alone, it can come here
        "{chose: [sat-casualty-dig.sum-25]}",                     # sets no flag: it can
        "{chose: [sat-quiet.brief-both-flagged, sat-casualty-dig.side-by-side]}",  # two branches
        "{visited: [sun-correction], not_chose: [sun-correction.correct]}",
        "{at_least: {tradecraft: 40}}")                           # scores: taken as possible
    assert sorted(warnings_at(folder)) == sorted([
        "if: {flags: [picked-19]}", "if: {chose: [sat-casualty-dig.dozen-floor]}",
        "if: {chose: [sun-sources.threat-as-fact, fri-alomar.retaliation-as-fact]}",
        "if: {chose: [sat-quiet.brief-both-flagged, sat-casualty-dig.side-by-side]}"])


def test_a_part_that_only_some_route_combinations_allow_is_not_reported(tmp_path):
    folder = campaign_with(
        tmp_path, "end-overclaimed",
        "{chose: [sun-sources.threat-dropped, fri-alomar.separate-until-evidence, "
        "mon-bottomline.calibrated]}",
        "{any: [{chose: [mon-bottomline.unclear]}, {flags: [casualties-flagged]}]}")
    assert warnings_at(folder) == {}


def test_validate_reports_it_as_a_warning_and_strict_fails(tmp_path, capsys):
    folder = campaign_with(tmp_path, "end-sound", "{chose: [mon-bottomline.episode-over]}")
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    line = line_of(folder / "06-endings.yaml", "if: {chose: [mon-bottomline.episode-over]}")
    assert f"06-endings.yaml:{line}:19: warning[assessment-part-never-shown]" in out
    assert main(["validate", "--strict", str(folder)]) == 1


def test_no_such_warning_while_the_pack_has_errors(tmp_path):
    folder = with_part(tmp_path, "{visited: [tue-radio]}",
                       ("    title: The river rises", "    tilte: The river rises"))
    codes = {d.code for d in compile_alone(folder).diagnostics}
    assert "unknown-key" in codes and "assessment-part-never-shown" not in codes


# -- against playing every path ---------------------------------------------------------------

BRANCHY = """# yaml-language-server: $schema=../../../docs/schema/scenes.schema.json
scenes:
  - id: mon-alarm
    day: Monday
    time: "07:40"
    title: The river rises
    body: The river has risen.
    choices:
      - {id: both, text: Both figures, effects: {}, next: mon-radio, set: [careful]}
      - {id: radio, text: The radio's figure, effects: {}, next: mon-radio, set: [rash]}
      - {id: none, text: No figure yet, effects: {}, next: mon-mayor}
  - id: mon-radio
    day: Monday
    time: Noon
    title: The radio calls
    body: The radio station calls.
    choices:
      - {id: correct, text: Correct the figure, effects: {}, if: {flags: [rash]}, set: [corrected]}
      - {id: stand, text: Stand by it, effects: {}}
      - {id: ask, text: Ask the mayor, effects: {}, next: mon-mayor, if: {not_flags: [careful]}}
    next:
      - {to: end-good, if: {flags: [careful]}}
      - {to: tue-wrap}
  - id: mon-mayor
    day: Monday
    time: Evening
    title: The mayor
    body: The mayor speaks.
    choices:
      - {id: quote, text: Quote her, effects: {}, set: [quoted]}
      - {id: skip, text: Skip her, effects: {}}
    next:
      - {to: end-weak, if: {any: [{chose: [mon-radio.ask]}, {not_flags: [quoted]}]}}
      - {to: tue-wrap}
  - id: tue-wrap
    day: Tuesday
    time: Morning
    title: Wrap up
    body: Time to write.
    next:
      - {to: end-good, if: {flags: [corrected], not_visited: [mon-mayor]}}
      - {to: end-weak, if: {chose: [mon-radio.stand]}}
      - {to: end-mixed}
"""
ATOMS = [("chose", c) for c in (
    "mon-alarm.both", "mon-alarm.radio", "mon-alarm.none", "mon-radio.correct",
    "mon-radio.stand", "mon-radio.ask", "mon-mayor.quote", "mon-mayor.skip")] + [
    ("flags", f) for f in ("careful", "rash", "corrected", "quoted")] + [
    ("visited", s) for s in ("mon-radio", "mon-mayor", "tue-wrap")] + [
    ("not_chose", "mon-alarm.none"), ("not_visited", "tue-wrap"), ("not_flags", "careful")]


def condition(*atoms: tuple[str, str]) -> str:
    """A condition in YAML's flow style, every atom under its key: {chose: [a, b], flags: [c]}."""
    keys: dict[str, list[str]] = {}
    for key, value in atoms:
        keys.setdefault(key, []).append(value)
    return "{" + ", ".join(f"{key}: [{', '.join(values)}]" for key, values in keys.items()) + "}"


def branchy_pack(tmp_path: Path) -> Path:
    """Three endings reached through flags, choices and scenes seen (no scores), each with a
    part for every atom, every pair of atoms, and either of every pair of choices."""
    conditions = [condition(atom) for atom in ATOMS]
    conditions += [condition(one, two) for one, two in itertools.combinations(ATOMS, 2)]
    conditions += ["{any: [%s, %s]}" % (condition(one), condition(two))
                   for one, two in itertools.combinations(ATOMS[:8], 2)]
    folder = mini(tmp_path)
    text = BRANCHY
    for ending in ("end-good", "end-weak", "end-mixed"):
        parts = "".join(f"        - text: Part {n}.\n          if: {c}\n"
                        for n, c in enumerate(conditions))
        text += (f"  - id: {ending}\n    day: Tuesday\n    time: Night\n    title: {ending}\n"
                 f"    body: The end.\n    ending: true\n    assessment:\n      parts:\n{parts}")
    (folder / "scenes.yaml").write_text(text, encoding="utf-8")
    return folder


def every_ending_state(pack):
    """The state at the end of every path, by playing every choice at every step."""
    todo = [Story(pack, seed=1, clock=lambda: "")]
    while todo:
        story = todo.pop()
        if story.phase is Phase.ENDED:
            yield story.state
            continue
        for index in range(len(story.choices)):
            branch = story.fork()
            branch.choose(index)
            todo.append(branch)


def test_the_warning_is_exact_where_no_condition_reads_a_score(tmp_path):
    # Without scores nothing is unknown to the walk, so it must find exactly the parts that
    # no path, played out, ever shows.
    result = compile_alone(branchy_pack(tmp_path))
    assert not result.errors, [str(d) for d in result.errors]
    pack = result.pack
    shown = set()
    for state in every_ending_state(pack):
        for n, part in enumerate(pack.scenes[state.scene].assessment.parts):
            if holds(part.if_, state, totals(state)):
                shown.add((state.scene, n))
    expected = {(e, n) for e in ("end-good", "end-weak", "end-mixed")
                for n in range(len(pack.scenes[e].assessment.parts)) if (e, n) not in shown}
    reported = {(d.ending, pack.scenes[d.ending].assessment.parts.index(d.part))
                for d in never_shown(pack.scenes, pack.manifest.start)}
    assert 0 < len(reported) < len(expected) + len(shown)
    assert reported == expected
