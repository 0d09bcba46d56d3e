"""The authoring guide's field reference is the one generated from the models."""

from pathlib import Path

import pytest
import yaml

from game.content.compiler import NodeCompiler, format_fields, parse_yaml, yaml_key
from game.content.reference import BEGIN, END, SECTIONS, reference_markdown

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "scene-format.md"


def test_guide_reference_matches_the_models():
    text = GUIDE.read_text(encoding="utf-8")
    embedded = text[text.index(BEGIN): text.index(END) + len(END)]
    assert embedded == reference_markdown(), (
        "docs/scene-format.md is out of date: paste in the output of "
        "python -c 'from game.content.reference import reference_markdown; print(reference_markdown())'"
    )


def test_reference_lists_every_question_type():
    reference = reference_markdown()
    for kind in ("single-choice", "multiple-select", "numeric", "short-text", "timeline", "true-false",
                 "match"):
        assert f"`{kind}`" in reference


def every_field():
    for title, model in SECTIONS:
        for f, hint in format_fields(model):
            yield pytest.param(f, hint, id=f"{model.__name__}.{yaml_key(f)}")


@pytest.mark.parametrize("f, hint", every_field())
def test_every_field_has_an_example_that_compiles_as_that_field(f, hint):
    example = f.metadata.get("example")
    assert example, f"add example=... to the doc() of '{yaml_key(f)}' in game/content/models.py"
    assert "\n" not in example, "one line, so that it fits the reference's table"
    parsed = yaml.safe_load(example)
    assert isinstance(parsed, dict) and list(parsed) == [yaml_key(f)]
    node, problems = parse_yaml(example, "example")
    assert problems == []
    [(_key, value_node)] = node.value
    compiler = NodeCompiler("example")
    compiler.checked_choice(f, compiler.value(hint, value_node, yaml_key(f)), value_node)
    assert compiler.diagnostics == [], [str(d) for d in compiler.diagnostics]


def test_the_reference_shows_each_example():
    reference = reference_markdown()
    assert "| `next` | text |  | The scene this leads to; the scene's own next when left out. | " \
           "`next: thu-origin` |" in reference
