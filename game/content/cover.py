"""A pack's cover: what the title screen shows, read from pack.yaml alone.

The title screen is the game's first frame, so it must not wait for every scene file to be
parsed and checked: the app shows the covers at once and compiles the packs in a worker. A
cover never decides whether a pack is playable; the compiler does, and says why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..terminal_text import terminal_safe
from .manifest_file import manifest_path

if TYPE_CHECKING:
    from .models import Pack

MANIFEST = "pack.yaml"  # or pack.yml: manifest_file.py
MAX_COVER_BYTES = 256 * 1024  # a manifest is a page or two; a bigger one waits for the compiler


@dataclass(frozen=True)
class PackCover:
    id: str  # as the compiled pack's: pack.yaml's id (the folder's name when there is none)
    folder: Path
    title: str
    role: str = ""
    first_day: str = ""
    last_day: str = ""

    @classmethod
    def of(cls, pack: Pack) -> PackCover:
        days = pack.manifest.days
        return cls(pack.id, Path(pack.root), pack.manifest.title, pack.manifest.role,
                   days[0] if days else "", days[-1] if days else "")

    @property
    def span(self) -> str:
        """'Thursday 23 March to Monday 27 March', or '' when the days are not known."""
        if not self.first_day or self.first_day == self.last_day:
            return self.first_day
        return f"{self.first_day} to {self.last_day}"


def read_cover(folder: Path) -> PackCover:
    """The cover of the pack in ``folder``; its folder name for a title when pack.yaml cannot
    be read or is not what the compiler expects (the compiler will report that)."""
    fallback = PackCover(folder.name, folder, folder.name)
    path = manifest_path(folder)
    try:
        if path is None:
            return fallback
        data = path.read_bytes()
        if len(data) > MAX_COVER_BYTES:
            return fallback
        manifest = parse_manifest(data.decode("utf-8"), str(path))
    except (OSError, UnicodeDecodeError, ValueError):
        return fallback
    days = [text(day) for day in manifest.get("days") or [] if text(day)] \
        if isinstance(manifest.get("days"), list) else []
    return PackCover(text(manifest.get("id")) or folder.name, folder,
                     text(manifest.get("title")) or folder.name,
                     text(manifest.get("role")), days[0] if days else "",
                     days[-1] if days else "")


def parse_manifest(source: str, file: str) -> dict[str, Any]:
    """pack.yaml as a mapping, after the same guards as the compiler's (deep nesting crashes
    libyaml outright, so nothing reaches the parser before the pre-scan)."""
    import yaml  # here, not at the top: the CLI's other commands never read a cover

    from .limits import prescan

    if prescan(source, file) is not None:
        raise ValueError("past the limits")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        manifest = yaml.load(source, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    if not isinstance(manifest, dict):
        raise ValueError("not a mapping")
    return manifest


def text(value: Any) -> str:
    """A cover's text on one line, without control characters: the title screen shows it
    before the compiler has read the pack (and refused any)."""
    return " ".join(terminal_safe(value).split()) if isinstance(value, str) else ""


def same_id_left_out(kept: Path, left_out: Path, pack_id: str) -> str:
    """What to say when two pack folders share an id: saves and results are filed by the id,
    so only the first can be offered."""
    # Folder names, not paths: under `briefing serve` this reaches students' screens.
    return (f"The pack in the folder '{left_out.name}' has the same id ('{pack_id}') as the "
            f"one in '{kept.name}' and was left out. Give it an id of its own in its "
            f"{MANIFEST} (id: …).")
