"""Hostile and broken files: each gives a diagnostic naming the file, never a traceback or a crash.

Small cases are files in tests/fixtures/hostile/; large ones are written by the test. Each goes
into a copy of the fixture pack as one more scene file, and `briefing validate` must exit 1.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import compile_pack
from game.content.limits import (MAX_ALIASES, MAX_ANCHORS, MAX_FILE_BYTES, MAX_FLOW_DEPTH,
                                 MAX_INDENT_COLUMNS, MAX_LINE_CHARS, prescan)

FIXTURES = Path(__file__).parent.parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
ROOT = Path(__file__).resolve().parents[2]

# fixture file -> (code, line of the diagnostic, words in its message)
FIXTURE_CASES = {
    "billion-laughs.yaml": ("too-many-aliases", None, "aliases"),
    "python-tag.yaml": ("unknown-tag", 2, "!!python/object/apply:os.system"),
    "utf16-bom.yaml": ("not-utf8", 1, "UTF-16"),
    "invalid-utf8.yaml": ("not-utf8", 2, "not UTF-8"),
    "nul.yaml": ("control-character", 2, "NUL"),
    "control-character.yaml": ("control-character", 2, "U+0007"),
    "binary.yaml": ("not-utf8", None, "not UTF-8"),
    "empty.yaml": ("empty-file", 1, "no YAML"),
    "top-level-list.yaml": ("wrong-type", 1, "should be a mapping"),
    "top-level-scalar.yaml": ("wrong-type", 1, "should be a mapping"),
    "tabs.yaml": ("yaml-syntax", 2, "YAML syntax"),
    "unclosed-quote.yaml": ("yaml-syntax", None, "YAML syntax"),
    "unhashable-complex-key.yaml": ("bad-key", 2, "not plain text"),
    "unhashable-flow-key.yaml": ("bad-key", 2, "not plain text"),
    "several-documents.yaml": ("several-documents", 2, "more than one YAML document"),
}


def deep_flow() -> bytes:
    """~50 KB that segfaults libyaml's C parser without the limits (checked by hand: exit 139)."""
    return b"scenes:\n" + (b"  " + b"[" * 1000 + b"\n") * 25 + (b"  " + b"]" * 1000 + b"\n") * 25


def alias_flood() -> bytes:
    anchors = "".join(f"k{i}: &a{i} x\n" for i in range(MAX_ANCHORS + 1))
    return (anchors + "scenes: []\n").encode()


# Large cases, written by the test: name -> (bytes, code, line)
GENERATED_CASES = {
    "deep-flow-lists": (lambda: b"scenes: " + b"[" * 200 + b"]" * 200 + b"\n", "too-deep", 1),
    "deep-flow-maps": (lambda: b"scenes: " + b"{a: " * 200 + b"1" + b"}" * 200 + b"\n",
                       "too-deep", 1),
    "deep-block-lists": (lambda: b"scenes:\n" + b"".join(b" " * i + b"-\n" for i in range(150)),
                         "too-deep", 2 + MAX_INDENT_COLUMNS),
    "deep-block-maps": (lambda: b"".join(b" " * i + b"a:\n" for i in range(150)),
                        "too-deep", 1 + MAX_INDENT_COLUMNS),
    "deep-compact-lists": (lambda: b"scenes:\n" + b"- " * 150 + b"x\n", "too-deep", 2),
    "huge-file": (lambda: b"scenes:\n" + b"  # padding padding padding\n"
                  * (MAX_FILE_BYTES // 28 + 1), "file-too-large", 1),
    "huge-scalar": (lambda: b"scenes:\n  - id: " + b"a" * (MAX_FILE_BYTES + 10) + b"\n",
                    "file-too-large", 1),
    "long-line": (lambda: b"scenes:\n  - id: a\n    body: " + b"word " * MAX_LINE_CHARS + b"\n",
                  "line-too-long", 3),
    "many-anchors": (alias_flood, "too-many-aliases", 1),
}


def pack_with(tmp_path: Path, data: bytes, name: str = "zz-hostile.yaml") -> tuple[Path, Path]:
    pack = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    (pack / name).write_bytes(data)
    return pack, pack / name


def check(tmp_path, capsys, data: bytes, code: str, line: int | None, words: str = "") -> None:
    pack, target = pack_with(tmp_path, data)
    result = compile_pack(pack)
    found = [d for d in result.diagnostics if d.file.endswith(target.name) and d.code == code]
    assert found, [str(d) for d in result.diagnostics]
    assert found[0].is_error and found[0].hint and not result.ok
    assert words in found[0].message
    if line is not None:
        assert found[0].line == line
    # the rest of the pack is still checked: its own files give nothing
    assert not [d for d in result.diagnostics if not d.file.endswith(target.name)]
    assert main(["validate", str(pack)]) == 1
    assert target.name in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(FIXTURE_CASES))
def test_each_hostile_fixture_is_a_diagnostic(tmp_path, capsys, name):
    code, line, words = FIXTURE_CASES[name]
    check(tmp_path, capsys, (HOSTILE / name).read_bytes(), code, line, words)


def test_every_hostile_fixture_is_covered():
    assert {p.name for p in HOSTILE.glob("*.yaml")} == set(FIXTURE_CASES)


@pytest.mark.parametrize("name", sorted(GENERATED_CASES))
def test_each_generated_hostile_file_is_a_diagnostic(tmp_path, capsys, name):
    make, code, line = GENERATED_CASES[name]
    check(tmp_path, capsys, make(), code, line)


def test_a_python_tag_is_never_constructed(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr("os.system", lambda *args: calls.append(args))
    pack, _ = pack_with(tmp_path, (HOSTILE / "python-tag.yaml").read_bytes())
    assert "unknown-tag" in {d.code for d in compile_pack(pack).diagnostics}
    assert calls == []


@pytest.mark.parametrize("text, code", [
    ("!!python/name:os.system : x\nscenes: []\n", "unknown-tag"),  # on a key
    ("scenes: !local []\n", "unknown-tag"),
])
def test_other_tags_are_refused(tmp_path, text, code):
    pack, _ = pack_with(tmp_path, text.encode())
    assert code in {d.code for d in compile_pack(pack).diagnostics}


def test_standard_tags_still_work(tmp_path):
    pack = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("points: 2", "points: !!int 2", 1))
    assert compile_pack(pack).ok


def test_deep_nesting_does_not_crash_the_process(tmp_path):
    """libyaml segfaults on this file without the limits; a crash would end pytest itself."""
    pack, target = pack_with(tmp_path, deep_flow())
    run = subprocess.run([sys.executable, "-c", "import sys; from game.cli import main; "
                          "sys.exit(main(sys.argv[1:]))", "validate", "--format", "json",
                          str(pack)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    found = [d for d in json.loads(run.stdout)["diagnostics"] if d["file"].endswith(target.name)]
    assert [d["code"] for d in found] == ["too-deep"]


def test_nesting_just_inside_the_limits_compiles_without_recursion_error(tmp_path):
    # Conditions nest ({any: [...]}) so the compiler recurses as deep as the file goes.
    depth = MAX_FLOW_DEPTH // 2 - 1  # two brackets a level, and two more inside
    condition = "{any: [" * depth + "{flags: [careful]}" + "]}" * depth
    pack = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text()
    old = "if: {flags: [careful], at_least: {tradecraft: 2}}"
    assert old in text
    scenes.write_text(text.replace(old, f"if: {condition}"))
    result = compile_pack(pack)
    assert "too-deep" not in {d.code for d in result.diagnostics}


def test_limits_leave_real_packs_alone(campaign, mini_pack):
    assert campaign.scenes and mini_pack.scenes  # both compiled clean under the limits


def test_stray_brackets_in_text_do_not_hide_deep_nesting(tmp_path):
    data = b"# " + b"]" * 500 + b"\n" + deep_flow()
    pack, _ = pack_with(tmp_path, data)
    assert "too-deep" in {d.code for d in compile_pack(pack).diagnostics}


def test_a_long_markdown_rule_is_not_deep_nesting():
    assert prescan("body: |\n  " + "-" * 300 + "\n  " + "- " * 30 + "\n", "f.yaml") is None


def test_limits_are_documented():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for number in (f"{MAX_FILE_BYTES // (1024 * 1024)} MB", f"{MAX_LINE_CHARS:,}",
                   f"{MAX_FLOW_DEPTH}", f"{MAX_INDENT_COLUMNS}", f"{MAX_ANCHORS}",
                   f"{MAX_ALIASES:,}"):
        assert number in guide, number
