"""Autosaves on disk: one JSON file per pack, mode and player, written atomically, read back
defensively."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .classroom.identity import short_hash, slug
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


def save_slot(pack_id: str, mode: str = "practice", class_code: str = "", name: str = "") -> str:
    """The save's name for a pack, a mode and a player: ``<pack>`` for a practice game by
    nobody in particular, else ``<pack>--<mode>--<class>--<name>-<hash>``. Several students
    on one machine (a served class runs every browser session on the teacher's laptop) each
    get their own save; the hash of the exact class and name keeps "Ana" and "ana" apart."""
    slot = pack_id if mode == "practice" else f"{pack_id}--{mode}"
    if class_code or name:
        who = f"{class_code}\n{name}"
        slot += f"--{slug(class_code) or 'no-class'}--{slug(name) or 'player'}-{short_hash(who)}"
    return slot


class SaveStore:
    """The saves folder: ``<data dir>/saves/<slot>.json`` (see save_slot)."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / "saves"

    def path_for(self, slot: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('_', slot) or 'pack'}.json"

    def exists(self, slot: str) -> bool:
        return self.path_for(slot).is_file()

    def save(self, state: GameState, slot: str | None = None) -> Path:
        """Save under the state's own slot (pack, mode, player), or under ``slot`` (previews
        keep out of the real save)."""
        path = self.path_for(slot or save_slot(state.pack_id, state.mode, state.class_code,
                                               state.player))
        atomic_write(path, state.to_json())
        return path

    def load(self, slot: str) -> LoadedSave:
        """The saved state, or why it cannot be used; a corrupt file is kept aside as *.corrupt."""
        path = self.path_for(slot)
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
    def set_aside(path: Path, reason: str, suffix: str = ".corrupt") -> str:
        """Move an unusable save out of the way (``*.corrupt``, or ``*.old`` for one made with
        another version of the pack) and say why, in words for a player."""
        corrupt = path.with_suffix(suffix)
        try:
            os.replace(path, corrupt)
        except OSError:
            return f"The saved game cannot be used: {reason}."
        return f"The saved game cannot be used: {reason}. It was kept as {corrupt}."

    def delete(self, slot: str) -> None:
        self.path_for(slot).unlink(missing_ok=True)
