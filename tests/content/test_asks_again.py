"""Compile checks on spaced retrieval (asks_again) beyond the errors of test_loader_errors.py."""

from __future__ import annotations

from pathlib import Path

from game.content import compile_pack
from game.content.diagnostics import WARNING

from .test_loader_errors import BEFORE_TF, asked_again, broken_pack, line_of

RETRIEVAL = Path(__file__).parent.parent / "fixtures" / "retrieval"


def test_the_retrieval_fixture_compiles_clean():
    result = compile_pack(RETRIEVAL)
    assert result.ok and result.diagnostics == []
    assert result.pack.questions()["q-villages-again"].asks_again == "q-villages"
    assert result.pack.scenes_asking_again == {"wed-wrap"}


def test_as_many_points_as_the_original_is_a_warning_at_the_points(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", BEFORE_TF,
                       asked_again("q-day", points=2) + BEFORE_TF)
    result = compile_pack(pack)
    [found] = [d for d in result.diagnostics if d.code == "asks-again-points"]
    assert result.ok and found.severity == WARNING
    assert found.line == line_of(pack / "scenes.yaml", "points: 2\n        ask: How many")
    assert "worth 2 point(s), and 'q-day' 2" in found.message
    assert "e.g. 1" in found.hint


def test_a_share_of_the_points_on_a_later_day_is_clean(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", BEFORE_TF,
                       asked_again("q-day", points=1) + BEFORE_TF)
    assert compile_pack(pack).diagnostics == []


def test_asking_again_a_question_of_a_later_day_is_an_error(tmp_path):
    """The Monday scene names a Tuesday question: a player meets it after, not before."""
    pack = broken_pack(tmp_path, "scenes.yaml", "      - id: q-day\n",
                       asked_again("q-mayor") + "      - id: q-day\n")
    [found] = [d for d in compile_pack(pack).diagnostics if d.code == "asks-again-not-earlier"]
    assert "on a later day (Tuesday, in 'tue-wrap'), not before Monday" in found.message
    assert found.line == line_of(pack / "scenes.yaml", "asks_again: q-mayor")
