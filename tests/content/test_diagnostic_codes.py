"""The table of diagnostic codes: every code in it has a fixture that reports it, at the table's
severity; no diagnostic can carry a code the table lacks; the guide's tables are the table's."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from game.authoring.walkthrough import run_all
from game.content import compile_pack
from game.content.codes import CODES, SECTIONS, UnknownCode
from game.content.codes.render import TABLE_END, markdown_table, table_begin
from game.content.compiler import parse_yaml
from game.content.diagnostics import ERROR, WARNING, Diagnostic

from ..conftest import MINI, OLD_FORMAT, mini_with_other_reporting
from ..unit.test_question_kinds import kind_fixtures
from .cue_packs import cue_fixtures
from .test_learning_checks import CHECK_CASES, edited_checks
from .test_hostile_content import FIXTURE_CASES, GENERATED_CASES, HOSTILE, pack_with
from .test_condition_checks import CONDITIONS, too_big_to_walk
from .test_loader_errors import BEFORE_TF, CASES, MAP_CASES, MORE_CASES, asked_again, broken_pack

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
Fixture = Callable[[Path], list[Diagnostic]]


def edited(file: str, old: str | None, new: str, *more: tuple[str, str]) -> Fixture:
    """The mini pack with ``old`` replaced by ``new`` in ``file`` (the whole file when old is
    None), and any more (old, new) edits after it; its diagnostics."""
    def fixture(tmp_path: Path) -> list[Diagnostic]:
        pack = broken_pack(tmp_path, file, "" if old is None else old, "" if old is None else new)
        if old is None:
            (pack / file).write_text(new)
        for before, after in more:
            text = (pack / file).read_text()
            assert before in text, f"the fixture no longer contains {before!r}"
            (pack / file).write_text(text.replace(before, after, 1))
        return compile_pack(pack).diagnostics
    return fixture


def extra_file(data: bytes) -> Fixture:
    """The mini pack with one more scene file holding ``data``; its diagnostics."""
    return lambda tmp_path: compile_pack(pack_with(tmp_path, data)[0]).diagnostics


def walkthrough(text: str) -> Fixture:
    """The mini pack with one walkthrough; the diagnostics of loading and running it."""
    def fixture(tmp_path: Path) -> list[Diagnostic]:
        pack = tmp_path / "mini"
        shutil.copytree(MINI, pack)
        (pack / "walkthroughs").mkdir()
        (pack / "walkthroughs" / "w.yaml").write_text(text)
        compiled = compile_pack(pack)
        assert compiled.ok
        return [d for _path, _walk, problems in run_all(compiled.pack, pack) for d in problems]
    return fixture


def no_manifest(tmp_path: Path) -> list[Diagnostic]:
    return compile_pack(tmp_path).diagnostics


def unreadable_file(tmp_path: Path) -> list[Diagnostic]:
    pack = broken_pack(tmp_path, "scenes.yaml", "", "")
    (pack / "folder.yaml").mkdir()  # listed like a scene file, but cannot be read as one
    return compile_pack(pack).diagnostics


def question_quoting_other_reporting(tmp_path: Path) -> Path:
    """The mini pack with other reporting, and a question citing it instead of the article."""
    pack = mini_with_other_reporting(tmp_path)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace(
        'source: "flooding three villages"\n        explanation: Three.',
        'source: "The flood reached four villages"\n        explanation: Three.'))
    return pack


def two_manifests(tmp_path: Path) -> list[Diagnostic]:
    pack = broken_pack(tmp_path, "pack.yaml", "", "")
    (pack / "pack.yml").write_text((pack / "pack.yaml").read_text())
    return compile_pack(pack).diagnostics


def source_outside_pack(tmp_path: Path) -> list[Diagnostic]:
    pack = broken_pack(tmp_path, "pack.yaml", "source: seed.txt", "source: ../elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("An article outside the pack.", encoding="utf-8")
    return compile_pack(pack).diagnostics


def fixtures() -> dict[str, Fixture]:
    """code -> the first fixture that reports it, from the cases of test_loader_errors.py and
    test_hostile_content.py, then the few that have tests of their own there."""
    found: dict[str, Fixture] = {}
    for _case, file, old, new, code, *_rest in (*CASES, *MORE_CASES):
        found.setdefault(code, edited(file, old, new))
    for _case, old, new, code, *_rest in MAP_CASES:
        found.setdefault(code, edited("scenes.yaml", old, new))
    for name, (code, *_rest) in sorted(FIXTURE_CASES.items()):
        found.setdefault(code, extra_file((HOSTILE / name).read_bytes()))
    for make, code, _line in GENERATED_CASES.values():
        found.setdefault(code, lambda tmp_path, make=make: extra_file(make())(tmp_path))
    own = {
        "no-manifest": no_manifest,
        "unreadable-file": unreadable_file,
        "recursive-alias": edited("scenes.yaml",
                                  "if: {flags: [careful], at_least: {tradecraft: 2}}",
                                  "if: {any: &loop [{any: *loop}]}"),
        "source-outside-pack": source_outside_pack,
        "markdown-too-long": edited("scenes.yaml", "body: The radio station calls.",
                                    "body: |\n" + "      The radio calls.\n" * 250),
        "bad-points": edited("scenes.yaml", "        points: 2\n", "        points: 0\n"),
        "all-choices-conditional": edited(  # as test_all_conditional_choices_need_a_fallback
            "scenes.yaml", "        next: tue-wrap\n        effects: {tradecraft: 2}",
            "        next: tue-wrap\n        if: {flags: [careful]}\n"
            "        effects: {tradecraft: 2}",
            ("        next: tue-radio\n",
             "        next: tue-radio\n        if: {flags: [careful]}\n")),
        "walkthrough-failed": walkthrough("name: lost\nsteps:\n  - answer_all: right\n"
                                          "  - choose: Report 40\n  - expect_scene: tue-radio\n"),
        "step-keys": walkthrough("name: two at once\nsteps:\n  - {answer: 3, expect_scene: x}\n"),
        "confirmed-without-source": lambda tmp_path: compile_pack(OLD_FORMAT).diagnostics,
        "asks-again-points": edited("scenes.yaml", BEFORE_TF,
                                    asked_again("q-villages", points=1) + BEFORE_TF),
        "no-ending": edited("scenes.yaml", "    ending: true\n    assessment: Careful work.",
                            "    assessment: Careful work.",
                            ("    ending: true\n    assessment: Check", "    assessment: Check")),
        "two-manifests": two_manifests,
        "source-from-other-reporting": lambda tmp_path: compile_pack(
            question_quoting_other_reporting(tmp_path)).diagnostics,
        **dict.fromkeys(("unreachable-by-condition", "choice-never-offered", "route-never-taken"),
                        lambda tmp_path: compile_pack(CONDITIONS).diagnostics),
        "conditions-undecided": too_big_to_walk,
    }
    for _case, old, new, code, *_rest in CHECK_CASES:
        found.setdefault(code, lambda tmp_path, old=old, new=new: compile_pack(
            edited_checks(tmp_path, old, new)).diagnostics)
    for code, fixture in {**own, **cue_fixtures()}.items():
        found.setdefault(code, fixture)
    for path, code, _line in kind_fixtures():  # one broken question of a kind each
        found.setdefault(code, extra_file(path.read_bytes()))
    return found


FIXTURES = fixtures()


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_in_the_table_has_a_fixture_that_reports_it(tmp_path, code):
    assert code in FIXTURES, f"add a fixture for '{code}' (a case in test_loader_errors.py)"
    reported = FIXTURES[code](tmp_path)
    found = [d for d in reported if d.code == code]
    assert found, f"the fixture for '{code}' reports {[str(d) for d in reported]}"
    assert {d.severity for d in found} == {CODES[code].severity}


def test_every_fixture_is_for_a_code_in_the_table():
    assert set(FIXTURES) - set(CODES) == set()


def test_a_diagnostic_with_a_code_not_in_the_table_cannot_be_made():
    with pytest.raises(KeyError, match="unknown-scen"):
        Diagnostic("a.yaml", 1, 1, ERROR, "unknown-scen", "No scene.")
    with pytest.raises(UnknownCode):
        Diagnostic("a.yaml", 1, 1, WARNING, "", "No code at all.")


def test_a_diagnostic_with_another_severity_than_the_tables_cannot_be_made():
    with pytest.raises(ValueError, match="says error"):
        Diagnostic("a.yaml", 1, 1, WARNING, "unknown-scene", "No scene.")


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_entry_says_what_and_how_in_a_line_each(code):
    entry = CODES[code]
    assert entry.name == code and entry.severity in (ERROR, WARNING)
    for line in (entry.meaning, entry.fix):
        assert line and "\n" not in line and line.endswith((".", ")")), line
    assert not entry.details.startswith(" ") and "\n\n\n" not in entry.details


@pytest.mark.parametrize("code", sorted(c for c in CODES if CODES[c].before or CODES[c].after))
def test_each_example_fix_is_yaml_that_reads_cleanly(code):
    entry = CODES[code]
    assert entry.before and entry.after and entry.before != entry.after
    assert entry.after.endswith("\n") and entry.before.endswith("\n")
    node, problems = parse_yaml(entry.after, "after.yaml")
    assert node is not None and problems == [], [str(d) for d in problems]


def test_the_sections_hold_each_code_once():
    listed = [code.name for section in SECTIONS for code in section.codes]
    assert len(listed) == len(set(listed)) == len(CODES)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.key)
def test_the_guides_tables_of_codes_are_generated_from_the_table(section):
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(table_begin(section))
    embedded = text[start: text.index(TABLE_END, start) + len(TABLE_END)]
    assert embedded == markdown_table(section), (
        f"docs/authoring.md's table '{section.title}' is out of date: paste in the output of "
        "python -c 'from game.content.codes import SECTIONS; from game.content.codes.render "
        f"import markdown_table; print(markdown_table(SECTIONS[{SECTIONS.index(section)}]))'")
