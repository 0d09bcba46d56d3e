"""Packs as this installation finds them. The compiler (game.content) compiles whatever folder
it is given and knows nothing of where the game is installed; this is where it is told that a
pack's article may also be among the shipped ones (seeds/, see game/paths.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from .paths import seeds_root

if TYPE_CHECKING:
    from .content import CompileResult

# Packs compiled once by `briefing serve`'s warm process before it forks the games: each game
# then finds its pack here instead of compiling it again (see game/serve_zygote.py),
# unless a file in the pack's folder changed since.
_kept: dict[Path, tuple[tuple, CompileResult]] = {}


def compile_pack(pack_dir: Path, unsaved: Mapping[Path, str] | None = None) -> CompileResult:
    """``game.content.compile_pack`` with the shipped seed articles beside the pack's own folder:
    what every command and screen compiles a pack with (and the language server, with the
    ``unsaved`` text of an editor's open files, by resolved path)."""
    if _kept and not unsaved:
        folder = Path(pack_dir).resolve()
        signature, kept = _kept.get(folder, (None, None))
        if kept is not None and signature == files_signature(folder):
            return kept
    from .content import compile_pack as compile_with  # late: the title screen waits for no parser

    return compile_with(pack_dir, seeds_dirs=[seeds_root()], unsaved=unsaved)


def keep_compiled(folders: Iterable[Path]) -> list[CompileResult]:
    """Compile ``folders`` now and answer ``compile_pack`` for them from memory from now on, in
    this process and in every process forked from it."""
    results = []
    for folder in folders:
        signature = files_signature(Path(folder).resolve())
        result = compile_pack(folder)
        _kept[Path(folder).resolve()] = (signature, result)
        results.append(result)
    return results


def files_signature(folder: Path) -> tuple:
    """Every file under ``folder`` with its size and modification time: what an edit changes."""
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            status = path.stat()
        except OSError:
            continue
        found.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(found)
