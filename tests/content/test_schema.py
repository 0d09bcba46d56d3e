"""The JSON Schema is generated from the models, kept in the repo, and agrees with an
independent validator (jsonschema) on the shipped files and on broken ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from game.content.schema import SCHEMA_DIR, schema_file_name, schema_text
from game.paths import packs_root

from ..conftest import MINI

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(packs_root().glob("*/*.yaml")) + sorted(MINI.glob("*.yaml"))


def kind_of(path: Path) -> str:
    return "pack" if path.name == "pack.yaml" else "scenes"


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads(schema_text(kind))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("kind", ["pack", "scenes"])
def test_schema_in_the_repo_is_the_generated_one(kind):
    kept = (ROOT / SCHEMA_DIR / schema_file_name(kind)).read_text(encoding="utf-8")
    assert kept == schema_text(kind), "run: briefing schema --write docs/schema"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_is_valid_and_names_its_schema(path):
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first.split("$schema=")[1]).resolve()
    assert schema_path == (ROOT / SCHEMA_DIR / schema_file_name(kind_of(path))).resolve()
    errors = list(validator(kind_of(path)).iter_errors(yaml.safe_load(text)))
    assert errors == []


BROKEN = [
    ("unknown key", "scenes", "    title: The river rises", "    tilte: The river rises"),
    ("missing field", "scenes", "        ask: How many villages flooded?\n", ""),
    ("wrong type", "scenes", "        points: 2\n", "        points: two\n"),
    ("unknown question type", "scenes", "type: single-choice", "type: single-choise"),
    ("fact status", "scenes", "status: claimed", "status: rumoured"),
    ("grades not a list", "pack", "grades:\n", "grades: A\nx:\n"),
]


@pytest.mark.parametrize("case, kind, old, new", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_are_rejected(case, kind, old, new):
    path = MINI / ("pack.yaml" if kind == "pack" else "scenes.yaml")
    text = path.read_text(encoding="utf-8")
    assert old in text
    data = yaml.safe_load(text.replace(old, new, 1))
    assert list(validator(kind).iter_errors(data)), f"{case} was not rejected"
