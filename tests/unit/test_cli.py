"""The front door: validate's text and JSON output and exit codes; play's refusals in words."""

from __future__ import annotations

import json
import shutil

from game.cli import main

from ..conftest import CAMPAIGN_ID, MINI


def test_validate_shipped_packs_json_shape(capsys):
    assert main(["validate", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # The shipped packs are clean: not one diagnostic, the answer-cue checks' included.
    assert report["diagnostics"] == []
    assert set(report["stats"]) == {"scenes", "days", "decisions", "questions", "question_types",
                                    "endings"}
    assert report["packs"][0]["id"] == CAMPAIGN_ID


def test_validate_json_diagnostic_fields(tmp_path, capsys):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("    title: The river rises", "    titel: x"))
    assert main(["validate", str(pack), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    first = report["diagnostics"][0]
    assert set(first) == {"file", "line", "column", "severity", "code", "message", "hint"}
    # One mistake, reported once: no knock-on "no scene has the id" for the scene it broke.
    assert [(d["line"], d["code"]) for d in report["diagnostics"]] == [
        (3, "missing-field"), (6, "unknown-key")]


def test_validate_text_names_file_line_and_column(tmp_path, capsys):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("next: tue-wrap\n  - id: tue-wrap",
                                                 "next: tue-rap\n  - id: tue-wrap"))
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "scenes.yaml:64:11: error[unknown-scene]: No scene has the id 'tue-rap'." in out
    assert "hint: Check the spelling" in out
    assert "1 error(s)" in out


def test_validate_a_single_file_checks_its_pack(capsys):
    assert main(["validate", str(MINI / "scenes.yaml")]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_unknown_pack_is_a_usage_error_in_words(capsys):
    assert main(["validate", "no-such-pack"]) == 2
    err = capsys.readouterr().err
    assert "neither a pack folder nor a shipped pack" in err and "Traceback" not in err


def test_play_refuses_a_broken_pack_with_its_errors(tmp_path, capsys):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    (pack / "scenes.yaml").write_text("scenes: [")
    assert main(["play", "--pack", str(pack)]) == 1
    err = capsys.readouterr().err
    assert "yaml-syntax" in err and "briefing validate" in err


def test_play_needs_a_terminal(capsys):
    assert main(["play", "--pack", str(MINI)]) == 2  # pytest's stdin is not a terminal
    assert "interactive terminal" in capsys.readouterr().err


def test_options_without_a_command_mean_play(capsys):
    assert main(["--pack", str(MINI)]) == 2
    assert "interactive terminal" in capsys.readouterr().err


def test_strict_makes_warnings_fail(tmp_path, capsys):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text() + "  - id: orphan\n    day: Tuesday\n    time: Late\n"
                      "    title: Alone\n    body: Alone.\n    ending: true\n")
    assert main(["validate", str(pack)]) == 0
    assert "warning[unreachable]" in capsys.readouterr().out
    assert main(["validate", str(pack), "--strict"]) == 1


def test_piping_into_a_closed_reader_is_quiet(tmp_path):
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-m", "game", "validate", "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={"BRIEFING_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    child.stdout.close()  # the reader goes away before the child has printed anything
    err = child.stderr.read().decode()
    child.wait()
    assert err == ""
    assert not (tmp_path / "logs").exists()


def test_schema_prints_the_scene_file_schema_by_default(capsys):
    import json

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "briefing SceneFile"
