"""What both command modules need (cli.py, and cli_classroom.py for the classroom's commands):
exit statuses, the errors that become them, and finding and compiling the pack a command
names. Kept apart so that the two import it and never each other."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .content.manifest_file import is_pack
from .paths import pack_dirs, packs_root

if TYPE_CHECKING:
    from .content import CompileResult

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem with what the user asked for, said in words (exit status 2)."""


def resolve_pack_dirs(names: list[str]) -> list[Path]:
    """Pack folders from ids of shipped packs or paths; all shipped packs when none are named."""
    if not names:
        found = pack_dirs()
        if not found:
            raise CliError(f"no packs found in {packs_root()}")
        return found
    folders = []
    for name in names:
        path = Path(name)
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            path = path.parent  # a single file is checked as part of its pack
        if path.is_dir():
            folders.append(path)
        elif is_pack(packs_root() / name):
            folders.append(packs_root() / name)
        elif is_pack(Path("scenes") / name):  # where `briefing new` puts it
            folders.append(Path("scenes") / name)
        else:
            shipped = ", ".join(p.name for p in pack_dirs()) or "none"
            raise CliError(f"'{name}' is neither a pack folder nor a shipped pack (shipped: {shipped})")
    return folders


def summary_line(result: CompileResult, folder: Path) -> str:
    from .content.loader import display_path

    errors = len(result.errors)
    warnings = len(result.diagnostics) - errors
    s = result.stats()
    counts = (f"{s['scenes']} scenes, {s['days']} days, {s['decisions']} decisions, "
              f"{s['questions']} questions, {s['endings']} endings")
    return f"{display_path(folder)}: {errors} error(s), {warnings} warning(s); {counts}"


def load_one_pack(name: str | None, allow_errors: bool = False,
                  playable_despite: frozenset[str] = frozenset()):
    """The pack named (or the only shipped one), compiled; refuses a pack with errors unless
    ``allow_errors`` (the story map still helps find them), when it only reports them, or
    unless every error has a code in ``playable_despite`` (the caller reports those)."""
    from .packs import compile_pack

    folders = resolve_pack_dirs([name] if name else [])
    if len(folders) > 1:
        raise CliError("several packs are shipped; name one: "
                       + ", ".join(f.name for f in folders))
    result = compile_pack(folders[0])
    if allow_errors and result.pack is not None:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        return result.pack
    if result.pack is not None and all(d.code in playable_despite for d in result.errors):
        return result.pack
    if not result.ok:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        raise PackHasErrors(summary_line(result, folders[0]))
    return result.pack


def keep_until_exit() -> None:
    """The packs just compiled live until the command ends and hold no garbage: move them out
    of the cyclic collector's way (gc.freeze), which would otherwise walk every object of them,
    some 700,000 at 10,000 scenes, twice, collecting nothing (a tenth of validate's time
    there). For one-shot commands only: a long-lived process replaces its packs."""
    import gc

    gc.freeze()


class PackHasErrors(Exception):
    """The pack does not compile; its errors were printed (exit status 1)."""
