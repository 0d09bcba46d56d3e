"""Plain mode against hostile input and a hostile environment (issue 13, finding 14): a 50 MB
line, a closed stdin or stdout, a reader that goes away, SIGTERM and SIGHUP. Each ends in one
clear line (or silently, when nobody can read it), never "internal error", with the game saved
as a quit saves it; a crash log goes inside --data-dir."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.cli import main
from game.plain import console as plain_console
from game.plain.console import Console
from game.saves import SaveStore, save_slot
from tests.conftest import MINI
from tests.plain.scripts import ROOT, run_plain, script_for

GENEROUS = 60  # seconds: only a hang gets near it, and then the test fails


class EndlessLine(io.TextIOBase):
    """Standard input holding one line of ``size`` characters, then ``after``: made up as it
    is read, so the test itself never holds 50 MB. Records the largest piece asked for."""

    def __init__(self, size: int, after: str):
        self.left, self.after, self.largest = size, after, 0

    def readable(self) -> bool:
        return True

    def readline(self, limit: int = -1) -> str:
        if self.left:
            piece = self.left if limit is None or limit < 0 else min(limit, self.left)
            self.largest = max(self.largest, piece)
            self.left -= piece
            return "x" * piece + ("\n" if not self.left else "")
        line, _, self.after = self.after.partition("\n")
        return line + "\n" if line or self.after else line


def test_a_50_mb_line_is_refused_without_being_read_whole():
    stdin, out = EndlessLine(50_000_000, "ok\n"), io.StringIO()
    console = Console(stdin, out, echo=False, width=80)
    assert console.ask("Your answer, in a few words? ", plain_console.some_text) == "ok"
    limit = plain_console.MAX_LINE
    assert stdin.largest <= max(limit + 1, plain_console.DISCARD_CHUNK)
    assert (f"That answer is too long (over {limit:,} characters); type a shorter one."
            in out.getvalue())
    assert out.getvalue().count("Your answer, in a few words?") == 2


def test_a_long_line_through_a_real_pipe_is_refused_and_the_game_goes_on(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 3)
    done = run_plain(["--pack", str(MINI), "--seed", "3"],
                     "\n".join(["y" * 3_000_000, *lines[:2]]) + "\n", tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "That answer is too long" in done.stdout
    assert done.stdout.count("Saved.") == 2


def play_with_shell_redirect(redirect: str, data_dir: Path, stdin: str = "") -> \
        subprocess.CompletedProcess:
    """`briefing play --plain` with one of its standard streams closed by the shell."""
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir / "elsewhere"), "NO_COLOR": "1"}
    env.pop("TEXTUAL_DRIVER", None)
    command = (f'exec "{sys.executable}" -m game play --plain --pack "{MINI}" --seed 3 '
               f'--data-dir "{data_dir}" {redirect}')
    return subprocess.run(["sh", "-c", command], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=GENEROUS)


def saved_answers(data_dir: Path) -> int | None:
    loaded = SaveStore(data_dir).load(save_slot("mini", "practice", "", ""))
    return None if loaded.state is None else len(loaded.state.answers)


def test_a_closed_stdin_ends_the_game_in_one_line(tmp_path):
    done = play_with_shell_redirect("<&-", tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.rstrip().splitlines()[-1] == "Input ended; your game is saved."
    assert not (tmp_path / "elsewhere").exists()


def test_a_closed_stdout_plays_on_silently_and_saves(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 3)
    done = play_with_shell_redirect(">&-", tmp_path, "\n".join(lines[:2]) + "\n")
    assert done.returncode == 0 and done.stderr == ""
    assert saved_answers(tmp_path) == 2


class Running:
    """A plain game in a subprocess whose output is read on a thread as it comes."""

    def __init__(self, data_dir: Path):
        env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
        env.pop("TEXTUAL_DRIVER", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "play", "--plain", "--pack", str(MINI), "--seed", "3"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
            env=env)
        self.output = b""
        self.changed = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self) -> None:
        while chunk := os.read(self.process.stdout.fileno(), 65536):
            with self.changed:
                self.output += chunk
                self.changed.notify_all()

    def wait_for(self, text: bytes, count: int = 1) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: self.output.count(text) >= count, GENEROUS), \
                self.output.decode()

    def send(self, line: str) -> None:
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def finish(self) -> tuple[int, str]:
        code = self.process.wait(GENEROUS)
        return code, self.process.stderr.read().decode()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_stop_the_game_with_one_line_after_saving(mini_pack, tmp_path,
                                                                      signum):
    lines, _ = script_for(mini_pack, 3)
    game = Running(tmp_path)
    game.send(lines[0])
    game.wait_for(b"Saved.")
    game.process.send_signal(signum)
    code, err = game.finish()
    assert code == 128 + signum and err == ""
    last = game.output.decode().rstrip().splitlines()[-1]
    assert last == "Stopped. Your game is saved; `briefing play` continues it."
    assert saved_answers(tmp_path) == 1


def test_a_reader_that_goes_away_ends_the_game_quietly_saved_as_on_quit(mini_pack, tmp_path):
    """`briefing play --plain | head -1`: the reader leaves mid-game; the next line the game
    prints (the echo of the next answer, before it is graded) fails, and the game ends with
    exit status 0 and nothing on stderr, saved as a quit saves it: every answer it confirmed,
    and not the one it could not show."""
    lines, _ = script_for(mini_pack, 3)
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp_path), "NO_COLOR": "1"}
    env.pop("TEXTUAL_DRIVER", None)
    game = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--plain", "--pack", str(MINI), "--seed", "3"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env=env)
    game.stdin.write(lines[0].encode() + b"\n")
    game.stdin.flush()
    output = b""
    # up to the next prompt (read in this thread alone, so that closing ends the reading)
    while b"Saved." not in output or not output.endswith(b"? "):
        ready, _, _ = select.select([game.stdout], [], [], GENEROUS)
        assert ready, output.decode()
        chunk = os.read(game.stdout.fileno(), 65536)
        assert chunk, output.decode()
        output += chunk
    game.stdout.close()  # the reader goes away, as `head -1` does
    game.stdin.write(lines[1].encode() + b"\n")
    game.stdin.close()
    assert game.wait(GENEROUS) == 0
    assert game.stderr.read() == b""
    assert saved_answers(tmp_path) == 1


def test_a_crash_log_goes_inside_the_data_dir_given(tmp_path, monkeypatch, capsys):
    from game.plain.game import PlainGame

    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(PlainGame, "play", broken)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    data = tmp_path / "data"
    assert main(["play", "--plain", "--pack", str(MINI), "--data-dir", str(data)]) == 1
    logs = list((data / "logs").glob("crash-*.txt"))
    assert len(logs) == 1 and "a bug" in logs[0].read_text()
    assert f"Details were written to {logs[0]}" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_written_is_never_called_saved(tmp_path):
    """Finding 15. A file where the data folder should be makes every save and result fail, as
    a read-only folder does (and unlike chmod, also when the tests run as root)."""
    (tmp_path / "blocker").write_text("not a folder", encoding="utf-8")
    blocked = tmp_path / "blocker"
    done = run_plain(["--pack", str(MINI), "--class", "7B", "--name", "Ana", "--data-dir",
                      str(blocked / "data"), "--results", str(blocked / "results")],
                     "1\n1\n", tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    out = " ".join(done.stdout.split())
    assert "Could not save your progress" in out
    assert "Could not write your result file for the teacher (Not a directory). Tell your " \
           "teacher." in out
    assert "is saved" not in out
    assert done.stdout.rstrip().splitlines()[-1] == "Input ended; your game is not saved."
