"""Autosaves on disk: one JSON file per pack, written atomically, read back defensively."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .engine.errors import IncompatibleSave
from .engine.state import GameState

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def atomic_write(path: Path, text: str) -> None:
    """Write through a temp file, fsync and rename, so a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class LoadedSave:
    state: GameState | None
    problem: str = ""  # why there is no state, in words for a player


class SaveStore:
    """The saves folder: ``<data dir>/saves/<pack id>.json``."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / "saves"

    def path_for(self, pack_id: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('_', pack_id) or 'pack'}.json"

    def exists(self, pack_id: str) -> bool:
        return self.path_for(pack_id).is_file()

    def save(self, state: GameState, slot: str | None = None) -> Path:
        """Save under the pack's id, or under ``slot`` (previews keep out of the real save)."""
        path = self.path_for(slot or state.pack_id)
        atomic_write(path, state.to_json())
        return path

    def load(self, pack_id: str) -> LoadedSave:
        """The saved state, or why it cannot be used; a corrupt file is kept aside as *.corrupt."""
        path = self.path_for(pack_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LoadedSave(None, "There is no saved game yet.")
        except (OSError, UnicodeDecodeError) as exc:
            return LoadedSave(None, self.set_aside(path, f"the save could not be read ({exc})"))
        try:
            return LoadedSave(GameState.from_json(text))
        except IncompatibleSave as exc:
            return LoadedSave(None, self.set_aside(path, str(exc)))

    @staticmethod
    def set_aside(path: Path, reason: str) -> str:
        corrupt = path.with_suffix(".corrupt")
        try:
            os.replace(path, corrupt)
        except OSError:
            return f"The saved game cannot be used: {reason}."
        return f"The saved game cannot be used: {reason}. It was kept as {corrupt}."

    def delete(self, pack_id: str) -> None:
        self.path_for(pack_id).unlink(missing_ok=True)
