"""Every limit `briefing serve` puts on one browser session and on the server itself, in one
place (docs/security.md explains each). Imports nothing, so the game (which clamps its own
screen when served, as a second line of defence) can read them without loading the server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The accessible version's address on the server (game/plain/web.py), which the full-screen
# game's page links to first and its notice for a too-small window names.
ACCESSIBLE_PATH = "/plain"

# Screen: a 4K screen at a small font. Bigger only costs the laptop (every cell is redrawn).
MAX_COLUMNS, MAX_ROWS = 400, 150

# Input from the browser. A long answer pasted at once is a few thousand characters; a fast
# typist's burst of 200 keys is well under 2 KB. Over either limit the message is dropped.
MAX_MESSAGE_BYTES = 32 * 1024  # no more than the bucket below holds
MAX_FRAME_BYTES = 2 * 1024 * 1024  # bigger websocket frames end the session at once (aiohttp)
# Sustained: far above typing (a fast typist sends under 30 bytes a second; a mouse moved
# without stop about 700, as escape sequences) and low enough that a script sending at the
# limit costs its game under half a core (measured: 2 KB/s of keys into a text box, about 40%
# of one core; 16 KB/s took more than a whole core).
INPUT_BYTES_PER_SECOND = 2 * 1024  # refilled continuously...
INPUT_BURST_BYTES = 32 * 1024  # ...into a bucket this big (a paste of a long answer, twice)
REFUSALS_BEFORE_END = 5  # dropped messages before the session ends with a word to the student
MAX_LOGGED_BAD_MESSAGES = 1  # malformed messages logged per session (the rest are ignored)

# Memory: one game at the title screen takes about 60 MB RSS, in a long scene about 80 MB.
MAX_GAME_MEMORY_BYTES = 400 * 1024 * 1024
MEMORY_CHECK_SECONDS = 1.0
# All games together (their proportional share, PSS, so memory forked games share counts once)
# may hold at most this share of the computer's memory; over it, the largest game is stopped.
GAMES_MEMORY_SHARE = 0.5

# The connection.
SEND_TIMEOUT_SECONDS = 20.0  # a browser that takes longer to accept the screen has gone
HEARTBEAT_SECONDS = 15.0  # a websocket ping; no pong within half of it ends the session
IDLE_CONNECTION_SECONDS = 10.0  # a TCP connection that sends no request is dropped
GAME_START_SECONDS = 60.0  # from spawn to the game's first packet
MAX_GAME_PACKET_BYTES = 64 * 1024 * 1024  # from our own game; larger means it is broken


@dataclass(frozen=True)
class SessionLimits:
    """The per-session limits as one value, so a test can make one smaller."""

    max_message_bytes: int = MAX_MESSAGE_BYTES
    bytes_per_second: float = INPUT_BYTES_PER_SECOND
    burst_bytes: int = INPUT_BURST_BYTES
    refusals_before_end: int = REFUSALS_BEFORE_END
    max_game_memory_bytes: int = MAX_GAME_MEMORY_BYTES
    memory_check_seconds: float = MEMORY_CHECK_SECONDS
    games_memory_bytes: int | None = None  # all games together; None: GAMES_MEMORY_SHARE of RAM
    send_timeout_seconds: float = SEND_TIMEOUT_SECONDS


def clamp_size(width: Any, height: Any) -> tuple[int, int] | None:
    """A terminal size within bounds, or None when either is not a whole number."""
    if isinstance(width, bool) or isinstance(height, bool):
        return None
    try:
        columns, rows = int(width), int(height)
    except (TypeError, ValueError, OverflowError):
        return None
    return max(1, min(columns, MAX_COLUMNS)), max(1, min(rows, MAX_ROWS))


def games_memory_budget(limits: SessionLimits) -> int | None:
    """What all games together may hold: the limit given, else a share of this computer's
    memory (Linux's /proc/meminfo), else None (no budget: the per-game ceiling only)."""
    if limits.games_memory_bytes is not None:
        return limits.games_memory_bytes
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(int(line.split()[1]) * 1024 * GAMES_MEMORY_SHARE)
    except (OSError, ValueError, IndexError):
        pass
    return None
