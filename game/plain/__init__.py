"""Plain line mode (`briefing play --plain`): the whole game with print and input, for screen
readers, dumb terminals, SSH from a phone, and scripts. Imports no textual and no rich."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..content.models import Pack
from ..saves import SaveStore
from .console import Console
from .game import SAVED, PlainGame

__all__ = ["SAVED", "PlainGame", "play_plain"]


def play_plain(packs: list[Pack], *, data_dir: Path, results_dir: Path | None,
               seed: int | None = None, mode: str = "practice", class_code: str = "",
               name: str = "", same_order: bool = False, start_at: str | None = None,
               resume_codes: bool = False, inp: TextIO | None = None,
               out: TextIO | None = None) -> int:
    """Play on standard input and output (or the streams given); returns the exit status."""
    if inp is None:
        inp = sys.stdin
        if hasattr(inp, "reconfigure"):
            inp.reconfigure(errors="replace")  # bytes that are not text are not a crash
    if out is None:
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(errors="replace")  # an ASCII terminal still gets every line
    game = PlainGame(Console(inp, out), packs, SaveStore(data_dir), seed=seed, mode=mode,
                     class_code=class_code, name=name, same_order=same_order,
                     results_dir=results_dir, start_at=start_at, resume_codes=resume_codes)
    return game.run()
