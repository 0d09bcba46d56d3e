"""Autosaves on disk: one JSON file per pack, mode and player, written atomically, read back
defensively. A save may carry a resume code lock (see classroom.resume_codes) beside the game
state: a key of the file's JSON object that only this module reads and writes."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .classroom.identity import short_hash, slug
from .classroom.resume_codes import BadLock, ResumeLock, new_code
from .engine import GameState, IncompatibleSave, Mode

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
LOCK_KEY = "resume_lock"  # in the save's JSON, beside the GameState's own fields


@dataclass(frozen=True)
class LoadedSave:
    state: GameState | None
    problem: str = ""  # why there is no state, in words for a player
    lock: ResumeLock | None = None  # the save asks for its resume code before it continues


def save_slot(pack_id: str, mode: Mode = Mode.PRACTICE, class_code: str = "",
              name: str = "") -> str:
    """The save's name for a pack, a mode and a player: ``<pack>`` for a practice game by
    nobody in particular, else ``<pack>--<mode>--<class>--<name>-<hash>``. Several students
    on one machine (a served class runs every browser session on the teacher's laptop) each
    get their own save; the hash of the exact class and name keeps "Ana" and "ana" apart."""
    slot = pack_id if mode == Mode.PRACTICE else f"{pack_id}--{mode}"
    if class_code or name:
        who = f"{class_code}\n{name}"
        slot += f"--{slug(class_code) or 'no-class'}--{slug(name) or 'player'}-{short_hash(who)}"
    return slot


class SaveStore:
    """The saves folder: ``<data dir>/saves/<slot>.json`` (see save_slot)."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / "saves"
        # The lock each save file keeps: learnt when it is loaded or protected, and written
        # again with every save of that file, so continuing a game never drops its lock.
        self.locks: dict[Path, ResumeLock] = {}

    def path_for(self, slot: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('_', slot) or 'pack'}.json"

    def exists(self, slot: str) -> bool:
        return self.path_for(slot).is_file()

    def save(self, state: GameState, slot: str | None = None) -> Path:
        """Save under the state's own slot (pack, mode, player), or under ``slot`` (previews
        keep out of the real save)."""
        path = self.path_for(slot or save_slot(state.pack_id, state.mode, state.class_code,
                                               state.player))
        lock = self.locks.get(path)
        if lock is None:
            atomic_write(path, state.to_json())
        else:
            data = {**state.to_dict(), LOCK_KEY: lock.to_dict()}
            atomic_write(path, json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
        return path

    def load(self, slot: str) -> LoadedSave:
        """The saved state (with its lock, if it has one), or why it cannot be used; a corrupt
        file is kept aside as *.corrupt."""
        path = self.path_for(slot)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LoadedSave(None, "There is no saved game yet.")
        except (OSError, UnicodeDecodeError) as exc:
            return LoadedSave(None, self.set_aside(path, f"the save could not be read ({exc})"))
        try:
            data, lock = split_lock(text)
            state = GameState.from_dict(data)
        except IncompatibleSave as exc:
            return LoadedSave(None, self.set_aside(path, str(exc)))
        if lock is not None:
            self.locks[path] = lock
        return LoadedSave(state, lock=lock)

    def lock_on(self, slot: str) -> ResumeLock | None:
        """The lock of the save in ``slot`` as it is on disk; None when it has none or cannot
        be read (nothing is moved: load() deals with damaged files)."""
        try:
            return split_lock(self.path_for(slot).read_text(encoding="utf-8"))[1]
        except (OSError, UnicodeDecodeError, IncompatibleSave):
            return None

    def start_over(self, slot: str, with_code: bool = False) -> tuple[Path | None, str | None]:
        """Before a new game in ``slot``: (where the old save was kept, the new code).

        A save protected by a resume code is never overwritten but kept aside as *.replaced
        (OSError when it cannot be moved); an unprotected one is simply replaced by the new
        game's first save. ``with_code``: the new game gets a fresh code, returned to be shown
        once; only its salted hash is kept, and written with every save from now on."""
        path = self.path_for(slot)
        self.locks.pop(path, None)
        kept = self.keep_aside(path, ".replaced") if self.lock_on(slot) else None
        code = new_code() if with_code else None
        if code is not None:
            self.locks[path] = ResumeLock.for_code(code)
        return kept, code

    @staticmethod
    def keep_aside(path: Path, suffix: str) -> Path:
        """Move ``path`` to ``*<suffix>``, or ``*-2<suffix>``... so nothing kept earlier is
        overwritten; returns where it went (OSError when it could not be moved)."""
        kept, number = path.with_suffix(suffix), 1
        while kept.exists():
            number += 1
            kept = path.with_name(f"{path.stem}-{number}{suffix}")
        os.replace(path, kept)
        return kept

    @classmethod
    def set_aside(cls, path: Path, reason: str, suffix: str = ".corrupt") -> str:
        """Move an unusable save out of the way (``*.corrupt``, or ``*.old`` for one made with
        another version of the pack) and say why, in words for a player."""
        try:
            kept = cls.keep_aside(path, suffix)
        except OSError:
            return f"The saved game cannot be used: {reason}."
        return f"The saved game cannot be used: {reason}. It was kept as {kept}."

    def delete(self, slot: str) -> None:
        self.path_for(slot).unlink(missing_ok=True)


def split_lock(text: str) -> tuple[Any, ResumeLock | None]:
    """A save file's JSON object without its lock, and the lock; IncompatibleSave when the
    text is not JSON or the lock is damaged (a damaged lock never opens a save unasked)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise IncompatibleSave(f"the save is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or LOCK_KEY not in data:
        return data, None
    try:
        return data, ResumeLock.from_dict(data.pop(LOCK_KEY))
    except BadLock as exc:
        raise IncompatibleSave(f"the save's {exc}") from None
