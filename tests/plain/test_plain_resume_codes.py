"""`briefing play --plain --resume-codes`: the code printed once, asked for on Continue, and a new
game that keeps the protected save aside, all from a scripted stdin."""

from __future__ import annotations

import io
import json
import re

from game.classroom.identity import class_seed
from game.classroom.resume_codes import RETRY_PAUSE
from game.cli import main
from game.saves import SaveStore, save_slot
from tests.conftest import MINI
from tests.plain.scripts import run_plain, script_for

ANA = ["--pack", str(MINI), "--class", "7B", "--name", "Ana Lee", "--resume-codes"]
CODE = re.compile(r"Your resume code is ([A-Z0-9]{3}-[A-Z0-9]{3})\. Write it down")
PROMPT = "Resume code (Enter alone to go back)? "


def ana_slot() -> str:
    return save_slot("mini", "practice", "7B", "Ana Lee")


def ana_starts(mini_pack, tmp_path, cut: int = 3):
    """Ana's first run: her code is printed once; the input ends part way through."""
    lines, expected = script_for(mini_pack, class_seed("7B", "Ana Lee", False))
    done = run_plain(ANA, "\n".join(lines[:cut]) + "\n", tmp_path)
    assert done.returncode == 0, done.stderr
    codes = CODE.findall(done.stdout)
    assert len(codes) == 1, done.stdout
    return codes[0], lines, expected


def test_continue_needs_the_code_and_a_wrong_one_shows_nothing(mini_pack, tmp_path):
    code, lines, expected = ana_starts(mini_pack, tmp_path)
    save = SaveStore(tmp_path).path_for(ana_slot())
    assert code not in save.read_text() and code.replace("-", "") not in save.read_text()
    done = run_plain(ANA, "\n".join(["y", "ABCDEF" if code != "ABC-DEF" else "ABCDEG",
                                     "x9", code.lower().replace("-", " - "), *lines[3:]]) + "\n",
                     tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    refused, accepted = out.index("That is not the resume code"), out.index("Continuing: ")
    assert "has 6 letters and digits" in out[refused:accepted]
    assert refused < accepted and out.count(PROMPT) == 3
    assert "Back in:" not in out[:refused]  # nothing of Ana's game before the right code
    assert "Continuing: 2 answers and 1 decision so far." in out
    assert "End of the debrief." in out and not CODE.search(out)  # shown once, at the start
    loaded = SaveStore(tmp_path).load(ana_slot())
    assert loaded.state.ended and loaded.lock.opens(code)
    assert [a.question for a in loaded.state.answers] == \
        [a.question for a in expected.state.answers]
    [result] = list((tmp_path / "results").rglob("*.json"))
    text = result.read_text(encoding="utf-8")
    assert code not in text and code.replace("-", "") not in text and "resume_lock" not in text
    assert json.loads(text)["completed"] is True


def test_each_wrong_code_asks_for_the_pause_after_saying_why(mini_pack, tmp_path, monkeypatch,
                                                              capsys):
    """In process, with the clock's sleep recorded instead of slept: the pause is asked for,
    RETRY_PAUSE seconds, once a wrong try has been answered, and the test does not wait."""
    code, _, _ = ana_starts(mini_pack, tmp_path)
    asked = []
    monkeypatch.setattr("game.plain.game.time.sleep",
                        lambda seconds: asked.append((seconds, capsys.readouterr().out)))
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nABCDEF\nx9\n\n"))
    capsys.readouterr()
    assert main(["play", "--plain", "--data-dir", str(tmp_path), *ANA]) == 0
    assert [seconds for seconds, _ in asked] == [RETRY_PAUSE, RETRY_PAUSE]
    assert "not the resume code" in asked[0][1] and asked[0][1].rstrip().endswith("moment.")
    assert "has 6 letters and digits" in asked[1][1]
    assert PROMPT in capsys.readouterr().out  # asked again; Enter alone then went back


def test_going_back_then_a_new_game_keeps_the_old_save_aside(mini_pack, tmp_path):
    code, _, _ = ana_starts(mini_pack, tmp_path)
    path = SaveStore(tmp_path).path_for(ana_slot())
    before = path.read_text()
    done = run_plain(ANA, "y\n\nn\n", tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert out.count("Continue saved game? [Y/n] ") == 2  # Enter alone went back
    assert "Starting a new game." in out and "replaces the saved one" not in out
    kept = path.with_suffix(".replaced")
    assert f"kept as {kept.name}" in " ".join(out.split())
    assert "teacher can" in out
    assert kept.read_text() == before
    [new_code] = CODE.findall(out)
    assert new_code != code
    loaded = SaveStore(tmp_path).load(ana_slot())
    assert loaded.state.answers == [] and loaded.lock.opens(new_code)


def test_input_ending_at_the_code_prompt_starts_nothing(mini_pack, tmp_path):
    ana_starts(mini_pack, tmp_path)
    path = SaveStore(tmp_path).path_for(ana_slot())
    before = path.read_text()
    done = run_plain(ANA, "y\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Input ended; no game was started.")
    assert path.read_text() == before


def test_without_the_flag_a_named_game_has_no_code(mini_pack, tmp_path):
    done = run_plain(ANA[:-1], "q\n", tmp_path)
    assert done.returncode == 0 and not CODE.search(done.stdout)
    assert "resume_lock" not in SaveStore(tmp_path).path_for(ana_slot()).read_text()
    again = run_plain(ANA, "y\nq\n", tmp_path)
    assert PROMPT not in again.stdout and "Continuing: 0 answers" in again.stdout
