"""The kill test (issue 5): SIGKILL the game at random moments, over 100 runs and more, and
check after each kill that the save parses, nothing is set aside as corrupt, no answer or
decision the game confirmed ("Saved.") is lost, and the result file still parses.

The game runs in plain mode as a subprocess. The harness answers each prompt as it appears,
with lines every prompt of the small fixture pack can use or refuse ("1 2 3" for a timeline,
"1" for the rest, "y" to continue the saved game), and kills the game after a random number of
lines and a random short delay: before the first prompt, while it grades, while it writes the
save (temp file, fsync, rename) or the result, or while it prints.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom.results import read_results
from game.saves import SaveStore, save_slot
from tests.conftest import MINI
from tests.plain.scripts import ROOT

CHAINS = 8  # games played side by side, each killed again and again
KILLS_PER_CHAIN = 14  # 112 kills in all
SEED = 20230323
CLASS, NAME = "K1", "Kim"
SLOT = save_slot("mini", "practice", CLASS, NAME)
PROMPT_ENDS = (b"? ", b"] ")
ANSWERS = ("1 2 3", "1")  # each prompt takes one of the two, and refuses the other in words


class Game:
    """One run of the game, its stdout read on a thread as it comes."""

    def __init__(self, data: Path):
        env = {**os.environ, "BRIEFING_DATA_DIR": str(data), "NO_COLOR": "1"}
        env.pop("TEXTUAL_DRIVER", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "play", "--plain", "--pack", str(MINI), "--class",
             CLASS, "--name", NAME, "--results", str(data / "results")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=ROOT, env=env)
        self.output = bytearray()
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self) -> None:
        fd = self.process.stdout.fileno()
        while chunk := os.read(fd, 65536):
            with self.changed:
                self.output += chunk
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for_prompt(self, after: int, timeout: float = 120) -> bool:
        """True once a new prompt waits (output past ``after`` that ends in a question);
        False when the game has stopped. ``timeout`` only guards against a hang: a loaded
        machine may be slow to prompt, never that slow."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                if len(self.output) > after and bytes(self.output).endswith(PROMPT_ENDS):
                    return True
                if not self.reader.is_alive():
                    return False
                left = deadline - time.monotonic()
                assert left > 0, f"no prompt came:\n{bytes(self.output[-500:]).decode()}"
                self.changed.wait(left)

    def send(self, line: str) -> bool:
        try:
            self.process.stdin.write(line.encode() + b"\n")
            self.process.stdin.flush()
            return True
        except BrokenPipeError:
            return False

    def finish(self, kill: bool) -> str:
        if kill:
            self.process.send_signal(signal.SIGKILL)
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)
        self.process.stdout.close()
        return bytes(self.output).decode("utf-8", "replace")


@dataclass
class Chain:
    """One game killed again and again; what it has confirmed so far."""

    folder: Path
    rng: random.Random
    games: int = 0
    confirmed: int = 0  # "Saved." lines read, over every run of this game
    records: list = field(default_factory=list)  # the save's records after the last run
    kills: int = 0
    finished: int = 0

    @property
    def data(self) -> Path:
        return self.folder / f"game-{self.games}"

    def run(self, kill: bool) -> None:
        resume = SaveStore(self.data).exists(SLOT)
        game = Game(self.data)
        lines = self.rng.randint(0, 8) if kill else 10_000
        sent = at = 0
        answers = iter(["y"] * resume + [ANSWERS[n % 2] for n in range(lines)])
        for line in answers:
            if not game.wait_for_prompt(at):
                break
            at = len(game.output)
            if not game.send(line):
                break
            sent += 1
            if kill and sent >= lines:
                break
        if kill:
            time.sleep(self.rng.choice((0, 0, self.rng.uniform(0, 0.015))))
        alive = game.process.poll() is None
        out = game.finish(kill=kill)
        assert kill or game.process.returncode == 0, out[-800:]
        self.kills += kill and alive
        self.check(out)

    def check(self, out: str) -> None:
        saves = self.data / "saves"
        assert not list(saves.glob("*.corrupt")) if saves.is_dir() else True
        self.confirmed += out.count("\nSaved.\n")
        loaded = SaveStore(self.data).load(SLOT)
        if loaded.state is None:
            assert "There is no saved game yet" in loaded.problem, loaded.problem
            assert self.confirmed == 0
            return
        assert not list(saves.glob("*.corrupt")), "a save was set aside as corrupt"
        state = loaded.state
        records = ([("answer", a.question, repr(a.response), a.attempt) for a in state.answers]
                   + [("decision", d.scene, d.choice) for d in state.decisions])
        assert len(state.answers) + len(state.decisions) >= self.confirmed, out[-800:]
        previous_answers = [r for r in self.records if r[0] == "answer"]
        previous_decisions = [r for r in self.records if r[0] == "decision"]
        assert records[:len(previous_answers)] == previous_answers  # kept, in order
        decisions = [r for r in records if r[0] == "decision"]
        assert decisions[:len(previous_decisions)] == previous_decisions
        self.records = records
        found = read_results(self.data / "results")
        assert not found.skipped, found.skipped
        if "End of the debrief." in out:
            assert state.ended and found.results[0].document.completed
            self.finished += 1
            self.games += 1
            self.confirmed, self.records = 0, []


def play_chain(folder: Path, index: int) -> Chain:
    chain = Chain(folder, random.Random(SEED + index))
    while chain.kills < KILLS_PER_CHAIN:
        chain.run(kill=True)
    chain.run(kill=False)  # then play on to the end: the kills cost nothing confirmed
    return chain


def test_sigkill_at_random_moments_loses_nothing_confirmed(tmp_path):
    with ThreadPoolExecutor(max_workers=CHAINS) as pool:
        chains = list(pool.map(lambda i: play_chain(tmp_path / f"chain-{i}", i),
                               range(CHAINS)))
    assert sum(c.kills for c in chains) >= 100
    assert all(c.finished for c in chains)
