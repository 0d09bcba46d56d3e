"""Issue 13, finding 8: `.nan`, `.inf`, `-.inf` and huge numbers are refused where YAML reads
them (number-out-of-range, at file:line), so no game reaches the decision or the question they
would break, and no result file is left that cannot be written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import compile_pack
from game.content.text_checks import MAX_NUMBER
from game.session import Settings
from game.tui.app import make_app

from .test_escaped_controls import hostile_copy

ROOT = Path(__file__).resolve().parents[2]
EFFECT = "effects: {tradecraft: 2}"
HUGE_INT = "9" * 5000  # past Python's 4,300 digits for int(): a traceback before

# where, the text as the mini pack has it, the same with a number no game can use
PLACES = [
    ("effect NaN", "scenes.yaml", EFFECT, "effects: {tradecraft: .nan}"),
    ("effect infinite", "scenes.yaml", EFFECT, "effects: {tradecraft: .inf}"),
    ("effect minus infinity", "scenes.yaml", EFFECT, "effects: {tradecraft: -.inf}"),
    ("effect 1e308", "scenes.yaml", EFFECT, "effects: {tradecraft: 1.0e+308}"),
    ("effect too long an int", "scenes.yaml", EFFECT, f"effects: {{tradecraft: {HUGE_INT}}}"),
    ("points 1e308", "scenes.yaml", "points: 2", "points: 1.0e+308"),
    ("answer NaN", "scenes.yaml", "answer: 3", "answer: .nan"),
    ("answer infinite", "scenes.yaml", "answer: 3", "answer: -.inf"),
    ("tolerance infinite", "scenes.yaml", "answer: 3", "answer: 3\n        tolerance: .inf"),
    ("tolerance NaN", "scenes.yaml", "answer: 3", "answer: 3\n        tolerance: .NaN"),
    ("threshold in a condition", "scenes.yaml", "at_least: {tradecraft: 2}",
     "at_least: {tradecraft: .inf}"),
    ("band", "pack.yaml", "{min: 75, label: Solid}", "{min: .nan, label: Solid}"),
]


@pytest.mark.parametrize("case, file, old, new", PLACES, ids=[p[0] for p in PLACES])
def test_a_number_no_game_can_use_is_an_error_at_its_line(tmp_path, capsys, case, file, old,
                                                          new):
    pack = hostile_copy(tmp_path, (file, old, new))
    text = (pack / file).read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index(new.split("\n")[-1])) + 1
    found = [d for d in compile_pack(pack).diagnostics if d.code == "number-out-of-range"]
    assert [(Path(d.file).name, d.line, d.severity) for d in found] == [(file, line, "error")]
    assert f"between -{MAX_NUMBER:,} and {MAX_NUMBER:,}" in found[0].message
    assert main(["validate", str(pack)]) == 1
    assert f"{file}:{line}:" in capsys.readouterr().out


def test_numbers_at_the_bounds_are_fine(tmp_path):
    # Both ends (the escalation, not the tradecraft, at the lowest: end-good needs tradecraft 2,
    # and validate would say that no path then reaches it).
    pack = hostile_copy(tmp_path, ("scenes.yaml", EFFECT, "effects: {tradecraft: 1000000000000.0, "
                                   "escalation: -1000000000000.0}"),
                        ("scenes.yaml", "answer: 3", "answer: 1000000000000\n"
                         "        tolerance: 0.5"))
    result = compile_pack(pack)
    assert result.ok, [str(d) for d in result.diagnostics]
    assert result.pack.questions()["q-villages"].answer == MAX_NUMBER


def test_plain_play_refuses_the_pack_before_the_decision(tmp_path):
    """Before: the game crashed at this decision ('internal error') and it was never saved."""
    pack = hostile_copy(tmp_path, ("scenes.yaml", EFFECT, "effects: {tradecraft: .nan}"))
    run = subprocess.run([sys.executable, "-m", "game", "play", "--plain", "--pack", str(pack),
                          "--data-dir", str(tmp_path / "data")], input="3\n1\n1\n" * 4,
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode != 0 and "number-out-of-range" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout and "internal error" not in run.stdout
    assert "The river rises" not in run.stdout  # no scene was shown


async def test_the_tui_refuses_the_pack_before_it_starts(tmp_path, data_dir):
    pack = hostile_copy(tmp_path, ("scenes.yaml", EFFECT, "effects: {tradecraft: .inf}"))
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), folders=[pack], strict=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1 and app.story is None
