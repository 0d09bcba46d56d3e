"""The pre/post check and skills in pack.yaml: each mistake reported at its file and line, with
its code; the fixture pack compiles clean and reads as the author wrote it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import compile_pack
from game.content.models import SAME_REORDERED

from ..conftest import CHECKS
from .test_loader_errors import broken_pack, line_of

# (case, old text in pack.yaml, new text, code, severity, the line's marker, words in the message)
CHECK_CASES = [
    ("forecast", "      type: true-false\n      ask: The radio's",
     "      type: forecast\n      ask: The radio's", "forecast-in-check", "error",
     "type: forecast", "'pre-radio' is a forecast"),
    ("post-word", "  post:\n    - id: post-villages", "  post: same\n  later:\n"
     "    - id: post-villages", "unknown-post-check", "error", "post: same",
     "'post: same' is neither"),
    ("unpaired", "    - id: post-rebuild\n", "    - id: post-extra\n      type: true-false\n"
     "      ask: x\n      answer: true\n      source: \"flooding three villages\"\n"
     "      explanation: x\n    - id: post-rebuild\n", "check-items-unpaired", "error",
     "    - id: post-villages", "has 5 item(s) and the pre-check 4"),
    ("empty", "  pre:\n    - id: pre-villages", "  pre: []\n  old:\n    - id: pre-villages",
     "empty-check", "error", "pre: []", "no items"),
    ("skill-typo", "      skills: [precision]\n    - id: pre-moved",
     "      skills: [precison]\n    - id: pre-moved", "unknown-skill", "warning",
     "skills: [precison]", "Did you mean 'precision'?"),
    ("quote", 'source: "flooding three villages"\n      explanation: Three.\n      skills: '
     '[precision]\n    - id: pre-moved', 'source: "flooding four villages"\n      explanation: '
     'Three.\n      skills: [precision]\n    - id: pre-moved', "quote-not-found", "error",
     'source: "flooding four', "not in the article"),
    ("check-item-kind-field", "      answer: 3\n      source", "      answer: 3\n      options: "
     "[a, b]\n      source", "unused-field", "warning", "options: [a, b]", "'options'"),
]


def edited_checks(tmp_path: Path, old: str, new: str, file: str = "pack.yaml") -> Path:
    return broken_pack(tmp_path, file, old, new, CHECKS)


def test_the_fixture_pack_compiles_clean_and_reads_its_checks_and_skills():
    result = compile_pack(CHECKS)
    assert result.diagnostics == []
    pack = result.pack
    assert [q.id for q in pack.checks.pre] == ["pre-villages", "pre-moved", "pre-radio",
                                               "pre-rebuild"]
    assert [q.id for q in pack.checks.post_items] == ["post-villages", "post-moved",
                                                      "post-radio", "post-rebuild"]
    assert pack.checks.pre[1].skills == ("sourcing", "precision")
    assert pack.scenes["mon-alarm"].skills == ("attribution", "sourcing")
    assert dict(pack.skill_names) == {"sourcing": "Sourcing", "attribution": "Attribution",
                                      "precision": "Precision"}


def test_same_reordered_asks_the_pre_items_again(tmp_path):
    text = (CHECKS / "pack.yaml").read_text(encoding="utf-8")
    pack_dir = tmp_path / "checks"
    shutil.copytree(CHECKS, pack_dir)
    (pack_dir / "pack.yaml").write_text(text[:text.index("  post:")]
                                        + f"  post: {SAME_REORDERED}\n", encoding="utf-8")
    result = compile_pack(pack_dir)
    assert result.diagnostics == []
    assert result.pack.checks.post_items == result.pack.checks.pre
    assert result.pack.checks.same_items


def test_skills_without_a_table_are_free_and_named_by_their_ids(tmp_path):
    pack_dir = edited_checks(tmp_path, "skills:\n  - {id: sourcing, name: Sourcing, description: "
                             "Saying where a figure comes from.}\n  - {id: attribution, name: "
                             "Attribution}\n  - {id: precision, name: Precision}\n", "")
    result = compile_pack(pack_dir)
    assert result.diagnostics == []
    assert result.pack.skill_names["attribution"] == "attribution"


@pytest.mark.parametrize("case, old, new, code, severity, marker, words", CHECK_CASES,
                         ids=[c[0] for c in CHECK_CASES])
def test_each_check_mistake_is_reported_at_its_line(tmp_path, case, old, new, code, severity,
                                                     marker, words):
    pack = edited_checks(tmp_path, old, new)
    result = compile_pack(pack)
    found = [d for d in result.diagnostics if d.code == code]
    assert found, f"no {code} in: {[str(d) for d in result.diagnostics]}"
    first = found[0]
    assert first.severity == severity
    assert first.file.endswith("checks/pack.yaml")
    assert first.line == line_of(pack / "pack.yaml", marker)
    assert words in first.message and first.hint


def test_a_scene_naming_an_unlisted_skill_is_told_where(tmp_path):
    pack = edited_checks(tmp_path, "    skills: [attribution, sourcing]",
                         "    skills: [atribution]", file="scenes.yaml")
    found = [d for d in compile_pack(pack).diagnostics if d.code == "unknown-skill"]
    assert len(found) == 1 and found[0].file.endswith("scenes.yaml")
    assert "The scene 'mon-alarm' names the skill 'atribution'" in found[0].message
    assert found[0].line == line_of(pack / "scenes.yaml", "skills: [atribution]")
