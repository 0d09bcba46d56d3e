"""The authoring guide's field reference is the one generated from the models."""

from pathlib import Path

from game.content.reference import BEGIN, END, reference_markdown

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
    for kind in ("single-choice", "multiple-select", "numeric", "short-text", "timeline", "true-false"):
        assert f"`{kind}`" in reference
