"""The plain launcher: one fresh process per game (what textual-serve itself does).

TEMPORARY, kept minimal in the i13-fork branch: the server's own SubprocessLauncher comes from
the i13-serve branch, and the lead keeps that one. The fork launcher (serve_fork.py) falls back
to whichever is there when it cannot fork (not Linux, or its warm process is gone).
"""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Mapping, Sequence


class PlainGame:
    """A game in an asyncio subprocess, in its own process group."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pid = process.pid
        self.stdin, self.stdout, self.stderr = process.stdin, process.stdout, process.stderr

    async def wait(self) -> int:
        return await self.process.wait()

    def kill(self) -> None:
        if self.process.returncode is not None:
            return
        try:
            if os.name == "posix":
                os.killpg(self.pid, signal.SIGKILL)
            else:
                self.process.kill()
        except ProcessLookupError:
            pass


class SubprocessLauncher:
    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self.games: set[PlainGame] = set()

    async def start(self) -> None:
        """Nothing to prepare."""

    async def spawn(self, width: int, height: int, environment: Mapping[str, str]) -> PlainGame:
        process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env={**os.environ, **environment},
            start_new_session=os.name == "posix")
        game = PlainGame(process)
        self.games.add(game)
        process_done = asyncio.ensure_future(process.wait())
        process_done.add_done_callback(lambda _: self.games.discard(game))
        return game

    async def close(self) -> None:
        games = list(self.games)
        for game in games:
            game.kill()
        await asyncio.gather(*(game.wait() for game in games), return_exceptions=True)
