"""Plain line mode (`briefing play --plain`): the whole game with print and input, for screen
readers, dumb terminals, SSH from a phone, and scripts. Imports no textual and no rich."""

from __future__ import annotations

import signal
import sys
import threading
from typing import TextIO

from ..content.models import Pack
from ..session import Settings
from .console import STOP_SIGNALS, Console
from .game import SAVED, PlainGame

__all__ = ["SAVED", "PlainGame", "play_plain"]


def play_plain(packs: list[Pack], settings: Settings, *, inp: TextIO | None = None,
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
    console = Console(inp, out)
    if threading.current_thread() is not threading.main_thread():
        return PlainGame(console, packs, settings).run()  # signals go to the main thread only
    before = {signum: signal.signal(signum, console.on_stop_signal) for signum in STOP_SIGNALS}
    try:
        return PlainGame(console, packs, settings).run()
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
