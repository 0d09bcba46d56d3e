"""How `briefing serve` starts a student's game: the contract between the server (which speaks
to browsers) and a launcher (which makes game processes). The server never starts a process
itself, so a launcher that forks games from one warm process can replace the plain one without
the server changing.

The server counts a session from a successful ``spawn`` until ``GameProcess.wait`` returns:
processes, not connections. Whatever ends a session (the student leaving, a reset connection,
a limit), the server calls ``kill`` and then awaits ``wait``; ``close`` at shutdown kills and
reaps every game the launcher still has.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import Mapping, Protocol, Sequence


class GameProcess(Protocol):
    """One running game, speaking textual-serve's packet protocol on its standard streams."""

    pid: int
    stdin: asyncio.StreamWriter
    stdout: asyncio.StreamReader
    stderr: asyncio.StreamReader

    async def wait(self) -> int:
        """The exit status, once the process has ended and been reaped."""
        ...

    def kill(self) -> None:
        """Stop the game now (SIGKILL); safe to call more than once, or after it ended."""
        ...


class Launcher(Protocol):
    async def start(self) -> None:
        """Get ready to spawn (once, as the server starts)."""
        ...

    async def spawn(self, width: int, height: int, environment: Mapping[str, str]) -> GameProcess:
        """A new game of ``width`` x ``height`` cells. ``environment`` holds only what differs
        from the server's own environment for this game (the driver, COLUMNS, ROWS, ...)."""
        ...

    async def close(self) -> None:
        """Kill and reap every game still running, and whatever the launcher itself runs."""
        ...


class SubprocessGame:
    """A game started by SubprocessLauncher: an asyncio subprocess in a process group of its
    own, so that ``kill`` takes whatever the game may have started too."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pid = process.pid
        self.stdin, self.stdout, self.stderr = process.stdin, process.stdout, process.stderr

    async def wait(self) -> int:
        return await self.process.wait()

    def kill(self) -> None:
        if self.process.returncode is not None:
            return  # reaped: its pid (and group) may belong to another process by now
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (OSError, AttributeError):  # gone already, or no process groups (Windows)
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()


class SubprocessLauncher:
    """Starts each game as a new ``python -m game play ...`` (``argv``), with no shell.

    ``-P`` (Python 3.11+) keeps the current folder off the game's import path, and the game
    runs in ``cwd`` (the folder holding the real ``game`` package): a ``game/`` folder where
    the teacher started `serve` (a downloads folder, a USB stick) is never imported."""

    def __init__(self, argv: Sequence[str], cwd: str | os.PathLike | None = None) -> None:
        self.argv = list(argv)
        if sys.version_info >= (3, 11) and self.argv[1:3] == ["-m", "game"]:
            self.argv.insert(1, "-P")
        self.cwd = Path(cwd) if cwd is not None else Path(__file__).resolve().parents[2]
        self.games: set[SubprocessGame] = set()

    async def start(self) -> None:
        """Nothing to get ready: each game is a process of its own."""

    async def spawn(self, width: int, height: int,
                    environment: Mapping[str, str]) -> SubprocessGame:
        process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, cwd=self.cwd, env={**os.environ, **environment},
            start_new_session=True)
        game = SubprocessGame(process)
        self.games.add(game)
        asyncio.get_running_loop().create_task(self._forget_when_done(game))
        return game

    async def _forget_when_done(self, game: SubprocessGame) -> None:
        await game.wait()
        self.games.discard(game)

    async def close(self) -> None:
        games = list(self.games)
        for game in games:
            game.kill()
        await asyncio.gather(*(game.wait() for game in games), return_exceptions=True)
