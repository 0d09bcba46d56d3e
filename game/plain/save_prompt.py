"""At the end of a plain game: the offer to save the debrief as a file. Nothing is written
unless the player says yes and names a file (or takes the name offered); a file already there
is replaced only when the player says so; every problem is one sentence, then the offer again.
After a save it offers another file (both formats, say)."""

from __future__ import annotations

from pathlib import Path

from ..debrief_file import Format, suggested_name, target, write
from ..engine import Debrief
from .console import Console, InputEnded, Unusable


def yes_or_no(line: str) -> bool:
    word = line.strip().casefold()
    if word in ("y", "yes"):
        return True
    if word in ("", "n", "no"):
        return False
    raise Unusable("Type y for yes or n for no (Enter alone is no).")


def offer_save(io: Console, debrief: Debrief, pack_id: str, here: Path | None = None) -> bool:
    """Ask whether to save the debrief, and where, until the player says no (or input ends);
    after a save, whether to save another file too. False when input ended."""
    suggested = suggested_name(debrief, pack_id)
    question = "Save this debrief to a file? [y/N] "
    try:
        while io.ask(question, yes_or_no):
            io.say("A name ending .md saves Markdown; .html, a web page you can print. "
                   f"Enter alone saves {suggested} here, in {here or Path.cwd()}.")
            typed = io.ask("File name? ", str)
            where = target(typed.strip() or suggested, Format.MARKDOWN, here)
            if where.problem:
                io.say(where.problem)
                continue
            if where.exists and not io.ask(
                    f"{where.path.name} is already in {where.path.parent}. Replace it? [y/N] ",
                    yes_or_no):
                io.say(f"Kept {where.path.name} as it was.")
                continue
            problem = write(debrief, where.path, where.fmt)
            if problem:
                io.say(problem)
                continue
            io.say("Saved the debrief to this file:", str(where.path))  # the path on its own
            question = "Save it to another file too (the other format, say)? [y/N] "
    except InputEnded:
        return False  # the end of a script: nothing saved, nothing more to say
    return True
