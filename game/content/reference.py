"""The scene format's field reference, written out from the models' own metadata.

docs/scene-format.md embeds this text between markers; a test keeps the two the same, so the
guide can never drift from what the loader accepts.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Union, get_args, get_origin

from .compiler import _MAPPINGS, format_fields, is_required, model_name, yaml_key
from .models import (
    Assessment,
    AssessmentPart,
    AssessmentSection,
    Band,
    Checks,
    Choice,
    Condition,
    Fact,
    GlossaryEntry,
    Manifest,
    OtherReport,
    Outcome,
    Pair,
    Question,
    Route,
    Scene,
    SceneFile,
    Skill,
    Track,
)

SECTIONS = [
    ("pack.yaml", Manifest), ("Track", Track), ("Band", Band), ("Glossary entry", GlossaryEntry),
    ("Other reporting (in pack.yaml's other_reporting)", OtherReport),
    ("Skill (in pack.yaml's skills)", Skill),
    ("Checks (pack.yaml's checks: items are questions)", Checks),
    ("Scene file", SceneFile), ("Scene", Scene), ("Fact", Fact), ("Question", Question),
    ("Pair (in a match question's pairs)", Pair),
    ("Choice", Choice), ("Route (in a list under next)", Route),
    ("Condition (under if)", Condition), ("What happened", Outcome),
    ("Assessment (an ending's assessment, in parts)", Assessment),
    ("Assessment section (in an assessment's sections)", AssessmentSection),
    ("Assessment part (in parts)", AssessmentPart),
]
BEGIN = "<!-- reference:begin (generated from game/content/models.py) -->"
END = "<!-- reference:end -->"


def type_name(hint: Any) -> str:
    origin = get_origin(hint)
    if origin is Union or type(hint).__name__ == "UnionType":
        return " or ".join(type_name(a) for a in get_args(hint) if a is not type(None))
    if dataclasses.is_dataclass(hint):
        return model_name(hint)
    if origin is tuple:
        return f"list of {type_name(get_args(hint)[0])}"
    if origin in _MAPPINGS:
        return f"mapping of name to {type_name(get_args(hint)[1])}"
    return {str: "text", bool: "true/false", float: "number", int: "whole number"}.get(hint, "value")


def example_cell(example: str) -> str:
    """An example as inline code in a table cell; a bare | would end the cell."""
    escaped = example.replace("|", "\\|")
    return f"`{escaped}`" if example else ""


def reference_markdown() -> str:
    out = [BEGIN]
    for title, model in SECTIONS:
        out += ["", f"### {title}", "", "| key | type | required | meaning | example |",
                "|---|---|---|---|---|"]
        for f, hint in format_fields(model):
            meaning = f.metadata.get("doc", "")
            if f.metadata.get("choices"):
                meaning += " One of: " + ", ".join(f"`{c}`" for c in f.metadata["choices"]) + "."
            required = "yes" if is_required(f) else ""
            example = example_cell(f.metadata.get("example", ""))
            out.append(f"| `{yaml_key(f)}` | {type_name(hint)} | {required} | {meaning} "
                       f"| {example} |")
    out += ["", END]
    return "\n".join(out)
