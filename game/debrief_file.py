"""Saving the debrief to a file the player names, as Markdown or HTML, for both front ends.

The rules in one place: a sensible name to offer, the format from the name's ending (or the
player's choice, whose ending is then added), and a sentence for every way a path can be wrong.
Writing is atomic (game/atomic.py); no error leaves here as a traceback, only as words. A game
played in a browser (`briefing serve`) names a download instead: a student never writes a file
on the teacher's computer.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .atomic import atomic_write
from .debrief_html import debrief_html
from .debrief_text import debrief_markdown
from .engine import Debrief


class Format(str, Enum):
    MARKDOWN = "md"
    HTML = "html"

    @property
    def label(self) -> str:
        return {"md": "Markdown", "html": "HTML (a web page you can print)"}[self.value]


ENDINGS = {".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN,
           ".html": Format.HTML, ".htm": Format.HTML}
RENDERERS = {Format.MARKDOWN: debrief_markdown, Format.HTML: debrief_html}
_NOT_IN_A_NAME = re.compile(r"[^a-z0-9]+")


def suggested_name(debrief: Debrief, pack_id: str, fmt: Format = Format.MARKDOWN) -> str:
    """debrief-<pack>[-<player>].md: what the player is offered, in the current folder."""
    parts = ["debrief", pack_id, debrief.player]
    slug = "-".join(filter(None, (_NOT_IN_A_NAME.sub("-", p.casefold()).strip("-")[:40]
                                  for p in parts)))
    return f"{slug}.{fmt.value}"


def format_of(name: str) -> Format | None:
    """The format a file name asks for by its ending, if it names one."""
    return ENDINGS.get(Path(name.strip()).suffix.casefold())


def with_format(name: str, fmt: Format) -> str:
    """The name ending as ``fmt`` asks: its ending changed if it had a known one, else added."""
    name = name.strip()
    path = Path(name)
    if not name or name.endswith(("/", os.sep)):
        return name
    if path.suffix.casefold() in ENDINGS:
        return name[: -len(path.suffix)] + f".{fmt.value}"
    return f"{name}.{fmt.value}"


@dataclass(frozen=True)
class Target:
    """Where a typed name would be written, or why it cannot be."""

    path: Path | None
    fmt: Format | None
    problem: str = ""

    @property
    def exists(self) -> bool:
        return self.path is not None and self.path.exists()


def target(typed: str, fmt: Format = Format.MARKDOWN, here: Path | None = None) -> Target:
    """The file a typed name means (relative to ``here``, the current folder; ~ is the home
    folder) and its format: from the name's ending, else ``fmt``, whose ending is added."""
    name = typed.strip()
    if not name:
        return Target(None, None, "Type a file name, for example debrief.md or debrief.html.")
    if "\x00" in name:
        return Target(None, None, "A file name cannot hold that character.")
    named = format_of(name)
    if named is None and not name.endswith(("/", os.sep)):
        name = with_format(name, fmt)
    try:
        path = Path(name).expanduser()
    except RuntimeError:  # ~someone who is not known here
        return Target(None, None, f"There is no home folder for {name.split(os.sep)[0]}.")
    path = (here or Path.cwd()) / path
    if name.endswith(("/", os.sep)) or path.is_dir():
        return Target(None, None, f"{path} is a folder: add a file name, such as "
                                  "debrief.md.")
    folder = path.parent
    if not folder.exists():
        return Target(None, None, f"There is no folder {folder}. Check the name, or create "
                                  "the folder first.")
    if not folder.is_dir():
        return Target(None, None, f"{folder} is a file, not a folder.")
    return Target(path, named or fmt)


def download_target(typed: str, fmt: Format = Format.MARKDOWN) -> Target:
    """A download's file name (played in a browser, under `briefing serve`): a name alone, for
    the browser's downloads folder; nothing is written on the computer serving the game."""
    name = Path(typed.strip().replace("\\", "/")).name.strip()
    if not name or name in (".", ".."):
        return Target(None, None, "Type a file name, for example debrief.md or debrief.html.")
    named = format_of(name)
    return Target(Path(name if named else with_format(name, fmt)), named or fmt)


def render(debrief: Debrief, fmt: Format) -> str:
    return RENDERERS[fmt](debrief)


MIME_TYPES = {Format.MARKDOWN: "text/markdown", Format.HTML: "text/html"}


def write(debrief: Debrief, path: Path, fmt: Format) -> str:
    """Write the debrief to ``path`` (atomically); "" when it is on disk, else why not."""
    try:
        atomic_write(path, render(debrief, fmt), mode=file_mode(path))
    except OSError as exc:
        return write_problem(path, exc)
    return ""


def file_mode(path: Path) -> int:
    """A document's permissions, not a save's: those of the file it replaces, else what the
    player's umask gives a new file (readable by others, usually)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~umask()


def umask() -> int:
    """The process's umask, read without setting it (os.umask would change it for a moment,
    for every thread); 022 where the system does not say."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_problem(path: Path, exc: OSError) -> str:
    """An OSError as a sentence a player can act on."""
    folder = path.parent
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return (f"You cannot write in {folder}: it is read-only for you. Choose another "
                "folder (your home folder, for example).")
    if code == errno.EROFS:
        return f"{folder} is on a read-only disk. Choose another folder."
    if code == errno.ENOSPC or code == errno.EDQUOT:
        return f"The disk holding {folder} is full. Free some space or choose another folder."
    if code == errno.ENAMETOOLONG:
        return "That file name is too long. Choose a shorter one."
    if code == errno.ENOENT:
        return f"There is no folder {folder}. Check the name, or create the folder first."
    if code in (errno.EISDIR, errno.ENOTDIR, errno.EEXIST):  # EEXIST: a file where a folder is
        return f"{path} cannot be written: part of that path is not a folder."
    reason = exc.strerror or exc.__class__.__name__
    return f"Could not save to {path}: {reason}."
