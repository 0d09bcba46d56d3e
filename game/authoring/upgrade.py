"""`briefing upgrade PACK`: rewrite a pack's files in today's format, keeping comments and layout.

Nothing is re-dumped: each renamed value is replaced in the source text at the position the
compiler recorded for it (the table of renames is game/content/renames.py), and pack.yaml gets
today's `format:`. Every other byte of the files stays as the author wrote it. The rewritten
pack is compiled in a scratch copy first; the files are written (each atomically) only when
that copy compiles with no error and nothing left to rename.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..content.loader import CompileResult
from ..content.models import CURRENT_FORMAT, Loc, Manifest, Pack
from ..packs import compile_pack

BOM = "\ufeff"
# What YAML counts as a line break (the compiler's line numbers count these).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# An anchor (&name) or a tag (!!str) before a value: the compiler's position is theirs.
PROPERTIES = re.compile(r"(?:[&!][^\s,\]}]*[ \t]+)*")
# What may follow a plain scalar: the end of its line or file, a comment, or a flow item's end.
PLAIN_END = re.compile("(?=[ \t]*(?:[#,}\\]\r\n\x85\u2028\u2029]|\\Z))")


# Errors that upgrading itself mends: a pack written before every choice had to say what it
# scores gets `effects: {}` (what those choices scored then) in each choice without it.
MENDED_BY_UPGRADE = frozenset({"no-effects"})


def blocking_errors(result: CompileResult) -> list:
    """The errors that stop an upgrade: all but those the upgrade mends."""
    return [d for d in result.errors if d.code not in MENDED_BY_UPGRADE]


class UpgradeError(Exception):
    """Why a pack cannot be upgraded, in words (the pack is left as it was)."""


@dataclass(frozen=True)
class Change:
    """One edit: ``old`` at line:column of a file becomes ``new`` (an insertion when old is "")."""

    file: str  # as the compiler names it, e.g. scenes/my-week/01-monday.yaml
    line: int
    column: int
    old: str
    new: str
    what: str  # what changed, in words

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.what}"


@dataclass(frozen=True)
class Plan:
    """The changes that bring a pack up to date, and the files' new text."""

    changes: tuple[Change, ...]
    texts: dict[Path, bytes]  # each file changed, with its new bytes
    reviews: tuple[str, ...] = ()  # what the author should still read, once each


def plan_upgrade(result: CompileResult) -> Plan:
    """Every change ``result`` (the pack compiled) calls for; UpgradeError when there is a
    problem, before anything is written."""
    if result.pack is None or blocking_errors(result):
        raise UpgradeError("the pack has errors, so it cannot be upgraded; fix them first "
                           "(`briefing validate` lists them)")
    # one change per place: a value that aliases (*name) refer to is written, and renamed, once
    changes = list({pending.loc: renamed_value(pending.rename, pending.loc)
                    for pending in result.renamed}.values())
    changes += effects_added(result.pack)
    manifest = result.pack.manifest
    if manifest.format < CURRENT_FORMAT:
        changes.append(format_change(manifest))
    texts = {}
    for file in sorted({c.file for c in changes}):
        path = Path(file)
        texts[path] = edited(path, [c for c in changes if c.file == file])
    reviews = tuple(dict.fromkeys(p.rename.review for p in result.renamed if p.rename.review))
    return Plan(tuple(sorted(changes, key=lambda c: (c.file, c.line, c.column))), texts,
                reviews)


def renamed_value(rename, loc: Loc) -> Change:
    return Change(loc.file, loc.line, loc.column, rename.old, rename.new,
                  f"{rename.key}: {rename.old} → {rename.new}")


def effects_added(pack: Pack) -> list[Change]:
    """`effects: {}` in every choice written without effects (a no-effects error today)."""
    return [Change(choice.locs[""].file, choice.locs[""].line, choice.locs[""].column, "",
                   "effects: {}", "effects: {} added (the choice scored nothing, as before; "
                   "give it points if it should score)")
            for scene in pack.scenes.values() for choice in scene.choices
            if "effects" not in choice.locs]


def format_change(manifest: Manifest) -> Change:
    """Today's `format:` in pack.yaml: the value replaced, or a line added before the first key."""
    loc = manifest.locs.get("format")
    if loc is not None:
        return Change(loc.file, loc.line, loc.column, str(manifest.format), str(CURRENT_FORMAT),
                      f"format: {manifest.format} → {CURRENT_FORMAT}")
    first = manifest.locs[""]  # where the mapping starts: its first key, or a '{'
    return Change(first.file, first.line, first.column, "", f"format: {CURRENT_FORMAT}",
                  f"format: {CURRENT_FORMAT} added (the version of the format it is written in)")


def edited(path: Path, changes: list[Change]) -> bytes:
    """The file's bytes with ``changes`` made, from the last one back so positions hold."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom):]  # the compiler's columns count from after it
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    newline = "\r\n" if "\r\n" in text else "\n"
    for change in sorted(changes, key=lambda c: (c.line, c.column), reverse=True):
        at = starts[change.line - 1] + change.column - 1
        if change.old:
            text = replaced(text, at, change)
        else:
            text = inserted(text, at, starts[change.line - 1], change.new, newline)
    return (bom + text).encode("utf-8")


def replaced(text: str, at: int, change: Change) -> str:
    """``change.old`` at ``at`` replaced, in the same quotes it was written in, if any."""
    at = PROPERTIES.match(text, at).end()
    for quote in ('"', "'", ""):
        written = f"{quote}{change.old}{quote}"
        if text.startswith(written, at) and (quote or PLAIN_END.match(text, at + len(written))):
            return text[:at] + f"{quote}{change.new}{quote}" + text[at + len(written):]
    found = text[at: at + len(change.old) + 2].split("\n")[0]
    raise UpgradeError(f"{change.file}:{change.line}:{change.column}: expected "
                       f"'{change.old}' there but found '{found}'; the file may have changed "
                       "since it was read. Nothing was written")


def inserted(text: str, at: int, line_start: int, line: str, newline: str) -> str:
    """A key added to the mapping that starts at ``at``: inside its '{' for a flow mapping, or
    as a line of its own before its first key, indented as that key is (after the '- ' of a
    list item, the first key moving to the next line)."""
    if text.startswith("{", at):
        return text[: at + 1] + line + ", " + text[at + 1:]
    indent = text[line_start:at]
    if indent.strip() and set(indent) <= {" ", "-"}:  # an item of a list: '- text: ...'
        return text[:at] + line + newline + " " * len(indent) + text[at:]
    if indent.strip():  # the first key shares its line with something else: add at the end
        end = "" if text.endswith(("\n", "\r")) or not text else newline
        return text + end + line + newline
    return text[:line_start] + indent + line + newline + text[line_start:]


def check_rewritten(pack_dir: Path, plan: Plan) -> None:
    """Compile the rewritten pack in a scratch copy; UpgradeError unless it is clean of errors
    and has nothing left to rename."""
    with tempfile.TemporaryDirectory(prefix="briefing-upgrade-") as scratch:
        copy = Path(scratch) / pack_dir.resolve().name  # the folder name is the pack's id
        shutil.copytree(pack_dir, copy, ignore=shutil.ignore_patterns(".*"))
        for path, data in plan.texts.items():
            (copy / path.resolve().relative_to(pack_dir.resolve())).write_bytes(data)
        result = compile_pack(copy)
    problems = [str(d) for d in result.errors]
    if result.pack is None or problems or result.renamed:
        detail = "; ".join(problems) or "some old values were not rewritten"
        raise UpgradeError(f"the rewritten pack would not compile cleanly ({detail}). Nothing "
                           "was written: please report this, and edit the lines listed by hand")


def write(plan: Plan) -> None:
    for path, data in plan.texts.items():
        atomic_write_bytes(path, data, mode=os.stat(path).st_mode & 0o7777)
