"""The format's renames: what a pack written in an older format may still say, how it is read
today, and what `briefing upgrade` writes instead.

A pack keeps working when the format renames something: the loader reads the old value as the
new one, with a warning at the line that says the new name; `briefing upgrade` rewrites those
lines in place (see game/authoring/upgrade.py). A later rename of a value is one more row in
RENAMES. (The old value must still compile: `confirmed` is still a status. A renamed *key*
would need the compiler to read the old key too, and its position; none has been renamed yet.)
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Union, get_args, get_origin

from .codes import lookup
from .compiler import format_fields, yaml_key
from .diagnostics import Diagnostic
from .models import Fact, Loc, Manifest, SceneFile


@dataclass(frozen=True)
class Rename:
    """A value the format now calls by another name, in one key of one part of the format."""

    model: type  # the part of the format, e.g. Fact
    key: str  # the YAML key whose value is renamed
    old: str  # what a pack in an older format wrote
    new: str  # what it is called now
    since: int  # the format that renamed it: packs in an older format are read with it
    code: str  # the warning each such value gets (in the table of codes)
    message: str  # the warning, with {id} for the id of the model it is in
    applies: Callable[[Any], bool] = lambda model: True  # whether this one is renamed
    otherwise: str = ""  # in the hint, what else the author may write instead
    review: str = ""  # said after an upgrade that made it: what a machine cannot decide


RENAMES = (
    Rename(Fact, "status", "confirmed", "reported", since=2, code="confirmed-without-source",
           message="The fact '{id}' is `confirmed` but names no primary source, so it is read "
                   "as `reported`: what the article states in its own voice.",
           applies=lambda fact: not fact.confirmed_by,
           otherwise="name the primary source in `confirmed_by:`",
           review="Read each fact now `reported`: one the article attributes to someone is "
                  "`claimed` (name them in `claimed_by:`), one that a named primary source "
                  "bears out is `confirmed` (in `confirmed_by:`). `upgrade` cannot tell."),
)

HINT = ("Write `{key}: {new}` here{otherwise}; `briefing upgrade PACK` rewrites every such line "
        "and keeps your comments.")


@dataclass(frozen=True)
class PendingRename:
    """An old value in a pack's files, where the compiler found it."""

    rename: Rename
    loc: Loc
    owner: str  # the id of the model it is in, e.g. the fact's


def read_older_format(manifest: Manifest, files: list[SceneFile]) -> tuple[
        Manifest, list[SceneFile], list[PendingRename], list[Diagnostic]]:
    """pack.yaml and the scene files as today's format reads them, each old value renamed,
    and a warning for each. A pack in today's format is returned as it is."""
    renames = tuple(r for r in RENAMES if r.since > manifest.format)
    if not renames:
        return manifest, files, [], []
    pending: list[PendingRename] = []
    manifest = renamed(manifest, renames, pending)
    files = [renamed(scene_file, renames, pending) for scene_file in files]
    return manifest, files, pending, [warning(p) for p in pending]


def warning(pending: PendingRename) -> Diagnostic:
    rename, loc = pending.rename, pending.loc
    hint = HINT.format(key=rename.key, new=rename.new,
                       otherwise=f", or {rename.otherwise}" if rename.otherwise else "")
    return Diagnostic(loc.file, loc.line, loc.column, lookup(rename.code).severity, rename.code,
                      rename.message.format(id=pending.owner), hint)


def renamed(value: Any, renames: tuple[Rename, ...], pending: list[PendingRename]) -> Any:
    """``value`` with every rename applied; the same object when nothing in it changed."""
    if isinstance(value, tuple):
        items = tuple(renamed(item, renames, pending) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if not dataclasses.is_dataclass(value):
        return value
    targets = frozenset(r.model for r in renames)
    changes = {}
    for f, hint in format_fields(type(value)):
        if reaches(hint, targets):
            child = getattr(value, f.name)
            new_child = renamed(child, renames, pending)
            if new_child is not child:
                changes[f.name] = new_child
    for rename in renames:
        if type(value) is rename.model:
            name = field_name(rename.model, rename.key)
            if (name in value.locs and getattr(value, name) == rename.old
                    and rename.applies(value)):
                changes[name] = rename.new
                pending.append(PendingRename(rename, value.locs[name],
                                             str(getattr(value, "id", ""))))
    return dataclasses.replace(value, **changes) if changes else value


def field_name(model: type, key: str) -> str:
    return next(f.name for f, _hint in format_fields(model) if yaml_key(f) == key)


@lru_cache(maxsize=None)
def reaches(hint: Any, targets: frozenset, seen: frozenset = frozenset()) -> bool:
    """Whether a value of type ``hint`` may hold one of the models in ``targets``, so the walk
    goes only where a rename can be (a scene's facts, not its questions)."""
    if hint in targets:
        return True
    if dataclasses.is_dataclass(hint):
        if hint in seen:  # Condition holds Conditions
            return False
        return any(reaches(h, targets, seen | {hint}) for _f, h in format_fields(hint))
    if get_origin(hint) in (tuple, Union, types.UnionType):
        return any(reaches(a, targets, seen) for a in get_args(hint) if a is not Ellipsis)
    return False
