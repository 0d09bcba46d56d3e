"""The format's fields at a place in a file, from the models (game/content/models.py) and their
doc metadata: the one description the compiler, the guide and the JSON Schema read too."""

from __future__ import annotations

import dataclasses
from typing import Any, get_args

from ..content.compiler import format_fields, yaml_key
from ..content.models import Manifest, SceneFile


def model_classes(hint: Any) -> list[type]:
    """The models a field's type may hold: Scene for tuple[Scene, ...], Route for
    Union[str, tuple[Route, ...], None]."""
    if dataclasses.is_dataclass(hint):
        return [hint]
    return [found for arg in get_args(hint) for found in model_classes(arg)]


def model_at(manifest: bool, keys: tuple[str, ...]) -> type | None:
    """The model whose mapping ``keys`` lead into, or None (a scalar, or not the format)."""
    model: type | None = Manifest if manifest else SceneFile
    for key in keys:
        found = field_named(model, key) if model else None
        if found is None:
            return None
        models = model_classes(found[1])
        model = models[0] if models else None
    return model


def field_named(model: type, key: str) -> tuple[dataclasses.Field, Any] | None:
    return next(((f, hint) for f, hint in format_fields(model) if yaml_key(f) == key), None)


def field_at(manifest: bool, keys: tuple[str, ...]) -> tuple[dataclasses.Field, Any] | None:
    """The field that the last of ``keys`` is, in the model the others lead to."""
    if not keys:
        return None
    model = model_at(manifest, keys[:-1])
    return field_named(model, keys[-1]) if model else None


def fields_of(model: type) -> list[tuple[str, dataclasses.Field]]:
    return [(yaml_key(f), f) for f, _ in format_fields(model)]


def field_values(hint: Any, f: dataclasses.Field) -> tuple[str, ...]:
    """The values a field allows when there are only a few: its choices, or true and false."""
    if f.metadata.get("choices"):
        return tuple(f.metadata["choices"])
    if hint is bool or bool in get_args(hint):
        return ("true", "false")
    return ()


def field_doc(f: dataclasses.Field) -> str:
    """A field's description and example, as Markdown."""
    text = f.metadata.get("doc", "")
    choices = f.metadata.get("choices")
    if choices:
        text += "\n\nOne of: " + ", ".join(f"`{c}`" for c in choices)
    example = f.metadata.get("example")
    if example:
        text += f"\n\n```yaml\n{example}\n```"
    return text


def is_required(f: dataclasses.Field) -> bool:
    return (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)

