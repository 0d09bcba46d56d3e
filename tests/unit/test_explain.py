"""`briefing validate --explain`: every code's meaning and example fix, a list of every code, and
a did-you-mean for a code that does not exist."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from game.cli import main
from game.content.codes import CODES

from ..conftest import MINI


@pytest.mark.parametrize("code", sorted(CODES))
def test_explain_prints_each_codes_meaning_and_fix(capsys, code):
    entry = CODES[code]
    assert main(["validate", "--explain", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{entry.severity}[{code}]: {entry.meaning}\n")
    flat = " ".join(out.split())  # the fix and the details are wrapped to the terminal
    assert f"How to fix it: {' '.join(entry.fix.split())}" in flat
    assert " ".join(entry.details.split()) in flat
    for example in (entry.before, entry.after):
        assert textwrap.indent(textwrap.dedent(example), "    ") in out


def test_explain_takes_a_code_as_validate_prints_it(capsys):
    assert main(["validate", "--explain", "warning[Unreachable]"]) == 0
    assert capsys.readouterr().out.startswith("warning[unreachable]: ")


def test_an_unknown_code_is_a_usage_error_with_a_suggestion(capsys):
    assert main(["validate", "--explain", "unknown-scen"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "'unknown-scen' is not a diagnostic code. Did you mean 'unknown-scene'?" in captured.err
    assert "briefing validate --explain` lists them all" in captured.err
    assert "Traceback" not in captured.err


def test_explain_without_a_code_lists_every_code_with_its_meaning(capsys):
    assert main(["validate", "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for code, entry in CODES.items():
        assert any(line.split()[:2] == [code, entry.severity] and line.endswith(entry.meaning)
                   for line in lines), code


def test_explain_as_json(capsys):
    assert main(["validate", "--explain", "yaml-boolean", "--format", "json"]) == 0
    entry = json.loads(capsys.readouterr().out)
    assert entry["code"] == "yaml-boolean" and entry["after"] == CODES["yaml-boolean"].after
    assert main(["validate", "--explain", "--format", "json"]) == 0
    assert [e["code"] for e in json.loads(capsys.readouterr().out)] == list(CODES)


def test_explain_checks_no_pack(capsys):
    assert main(["validate", str(MINI), "--explain", "dead-end"]) == 2
    assert "--explain checks no pack" in capsys.readouterr().err


def test_validate_points_to_explain_only_when_there_is_something_to_explain(tmp_path, capsys):
    assert main(["validate", str(MINI)]) == 0
    assert "--explain" not in capsys.readouterr().out
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("    title: The river rises", "    titel: x"))
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == ("More on a code, with an example fix: "
                                    "briefing validate --explain CODE")
