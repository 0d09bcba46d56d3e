"""Waiting, as a player does, until the game shows what the next key acts on (see
game/tui/key_gate.py). No pytest here: the benchmarks drive the game with these helpers too."""

from __future__ import annotations

import math


async def until_keys_open(pilot, turns: int = 500) -> None:
    for _ in range(turns):
        if getattr(pilot.app, "keys_open_at", 0.0) != math.inf:
            return
        await pilot.pause()
