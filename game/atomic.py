"""Writing a file so that a crash leaves either the old file or the new one, never half of it.

The one atomic writer, for saves, result files and the files the CLI writes. It imports
nothing of the game's, so every layer that writes files can use it (see the import-linter
contract in pyproject.toml)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, text: str, mode: int | None = None) -> None:
    """Write through a temp file, fsync and rename, so a crash leaves the old file or the new one.
    The file is private to its owner (the temp file's 0600) unless ``mode`` says otherwise."""
    _write_and_replace(path, lambda fd: os.fdopen(fd, "w", encoding="utf-8"), text, mode)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """The same for bytes kept exactly as given (no newline translation): an author's file
    rewritten in place. ``mode`` gives the new file the permissions the old one had (a temp
    file is made readable by its owner only)."""
    _write_and_replace(path, lambda fd: os.fdopen(fd, "wb"), data, mode)


def _write_and_replace(path: Path, open_temp, content, mode: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open_temp(fd) as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
