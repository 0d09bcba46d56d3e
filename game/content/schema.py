"""JSON Schema (draft 2020-12) for pack.yaml and scene files, generated from the models.

The loader and the schema read the same dataclasses, so an editor's YAML extension checks an
author's file the way `briefing validate` does (less the checks across files, like quotes).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Union, get_args, get_origin

from .compiler import _MAPPINGS, format_fields, is_required, yaml_key
from .models import Manifest, SceneFile

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = {"pack": Manifest, "scenes": SceneFile}


def field_schema(hint: Any, defs: dict) -> dict:
    origin = get_origin(hint)
    if origin is Union or type(hint).__name__ == "UnionType":
        schemas = []
        for option in get_args(hint):
            schema = {"type": "null"} if option is type(None) else field_schema(option, defs)
            if schema not in schemas:  # int and float are both "number"
                schemas.append(schema)
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # reserve first: Condition refers to itself
            defs[name] = model_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    if origin is tuple:
        return {"type": "array", "items": field_schema(get_args(hint)[0], defs)}
    if origin in _MAPPINGS:
        return {"type": "object", "additionalProperties": field_schema(get_args(hint)[1], defs)}
    if hint is bool:
        return {"type": "boolean"}
    if hint in (int, float):
        return {"type": "number"}
    return {"type": "string"}


def model_schema(model: type, defs: dict) -> dict:
    properties, required = {}, []
    for f, hint in format_fields(model):
        key = yaml_key(f)
        schema = {"description": f.metadata.get("doc", ""), **field_schema(hint, defs)}
        if f.metadata.get("choices"):
            schema["enum"] = list(f.metadata["choices"])
        properties[key] = schema
        if is_required(f):
            required.append(key)
    schema = {"type": "object", "description": (model.__doc__ or "").strip(),
              "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def json_schema(model: type) -> dict:
    defs: dict = {}
    root = model_schema(model, defs)
    return {"$schema": DRAFT, "$id": f"briefing-{model.__name__.lower()}.schema.json",
            "title": f"briefing {model.__name__}", **root, "$defs": defs}


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(SCHEMA_FILES[kind]), indent=2, ensure_ascii=False) + "\n"


SCHEMA_DIR = "docs/schema"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"
