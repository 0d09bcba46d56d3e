"""Completion: what may be typed at the cursor, read from the half-typed line itself. Scene ids,
flags, tracks and days from the pack; field names and enum values from the models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.manifest_file import MANIFEST_NAMES
from .context import context_at
from .fields import field_at, field_doc, field_values, fields_of, is_required, model_at
from .pack_view import PackView
from .symbols import CHOICE, DAY, FLAG, SCENE, TRACK, role_of


@dataclass(frozen=True)
class Offer:
    label: str
    kind: str  # "field", "value", or a role: scene, flag, track, day, choice
    detail: str = ""
    documentation: str = ""
    insert: str = ""  # what to insert, when it is not the label


def offers_at(view: PackView, path: Path, line: int, column: int) -> tuple[str, list[Offer]]:
    """(the part of the word already typed, what may complete it)."""
    lines = view.lines(path) or [""]
    manifest = path.name in MANIFEST_NAMES
    context = context_at(lines, line, column)
    role = role_of(manifest, context.keys, context.is_key)
    if role is not None:
        return context.typed, named_offers(view, role[0])
    if context.is_key:
        model = model_at(manifest, context.keys)
        if model is None:
            return context.typed, []
        return context.typed, [
            Offer(key, "field", "required" if is_required(f) else "optional", field_doc(f),
                  f"{key}: ") for key, f in fields_of(model)]
    found = field_at(manifest, context.keys)
    if found is None:
        return context.typed, []
    return context.typed, [Offer(value, "value", context.keys[-1])
                           for value in field_values(found[1], found[0])]


def named_offers(view: PackView, role: str) -> list[Offer]:
    if role == SCENE:
        offers = []
        for name in view.names(SCENE):
            heading = view.scene_heading(name) or {}
            offers.append(Offer(name, SCENE, f"{heading.get('day', '')}: "
                                             f"{heading.get('title', '')}".strip(": ")))
        return offers
    if role in (FLAG, TRACK, DAY, CHOICE):
        return [Offer(name, role, role) for name in view.names(role)]
    return []
