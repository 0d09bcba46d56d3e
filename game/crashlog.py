"""Where unexpected errors go: a log file for whoever fixes the bug, never the player's screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def write_crash_log(folder: Path, text: str) -> Path | None:
    """Save ``text`` as logs/crash-<time>.txt under ``folder``; None when even that fails."""
    try:
        logs = Path(folder) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        path = logs / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None
