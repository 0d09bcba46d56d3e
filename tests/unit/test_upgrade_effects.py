"""A pack from before every choice had to say what it scores: its choices without `effects`
are errors now (`no-effects`), and `briefing upgrade` writes `effects: {}` into each, which is
what they scored before, keeping every other byte (issue 14)."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.cli import main
from game.packs import compile_pack

from ..conftest import MINI

BLOCK = "        effects: {tradecraft: -1, escalation: 1}\n"


def pack_without_effects(tmp_path: Path) -> Path:
    """The mini pack with one block-style choice and one flow-style choice without effects."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text().replace(BLOCK, "")
    text = text.replace("    next: tue-wrap\n  - id: tue-wrap",
                        "    choices:\n      - {text: Call back, id: call}\n"
                        "    next: tue-wrap\n  - id: tue-wrap")
    scenes.write_text(text)
    return pack


def test_choices_without_effects_are_errors_whose_hint_names_upgrade(tmp_path):
    result = compile_pack(pack_without_effects(tmp_path))
    assert [d.code for d in result.diagnostics] == ["no-effects", "no-effects"]
    assert all("briefing upgrade" in d.hint for d in result.diagnostics)


def test_upgrade_writes_empty_effects_into_each_and_nothing_else(tmp_path, capsys):
    pack = pack_without_effects(tmp_path)
    before = (pack / "scenes.yaml").read_text()
    assert main(["upgrade", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.count("effects: {} added") == 2
    after = (pack / "scenes.yaml").read_text()
    assert after == before.replace(
        "      - text: Report 55 moved\n",
        "      - effects: {}\n        text: Report 55 moved\n").replace(
        "      - {text: Call back, id: call}", "      - {effects: {}, text: Call back, id: call}")
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []
    assert dict(result.pack.scene("mon-alarm").choices[1].effects) == {}


def test_check_lists_them_and_writes_nothing(tmp_path, capsys):
    pack = pack_without_effects(tmp_path)
    before = (pack / "scenes.yaml").read_bytes()
    assert main(["upgrade", str(pack), "--check"]) == 1
    assert "effects: {} added" in capsys.readouterr().out
    assert (pack / "scenes.yaml").read_bytes() == before


def test_other_errors_still_stop_the_upgrade(tmp_path, capsys):
    pack = pack_without_effects(tmp_path)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("day: Tuesday", "day: Tusday", 1))
    assert main(["upgrade", str(pack)]) == 1
    assert "has errors" in capsys.readouterr().err
