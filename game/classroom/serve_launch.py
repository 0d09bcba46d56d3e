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
from typing import Mapping, Protocol


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
