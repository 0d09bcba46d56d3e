"""The typed checks that saves and result files share: every record field is checked, and a
damaged save says which field of which record is wrong."""

from __future__ import annotations

import json
import math
import re
from dataclasses import fields

import pytest

from game.engine import AnswerRecord, DecisionRecord, GameState, IncompatibleSave, Story
from game.file_fields import BY_ANNOTATION, is_number


@pytest.mark.parametrize("record", [AnswerRecord, DecisionRecord])
def test_every_field_of_a_record_has_a_check(record):
    unchecked = [f"{f.name}: {f.type}" for f in fields(record) if f.type not in BY_ANNOTATION]
    assert unchecked == [], f"add these annotations to file_fields.BY_ANNOTATION: {unchecked}"


@pytest.mark.parametrize("value, finite", [
    (1, True), (-2.5, True), (0.0, True), (True, False), (math.nan, False), (math.inf, False),
    ("1", False), (None, False),
])
def test_a_number_is_a_finite_int_or_float_and_never_a_bool(value, finite):
    assert is_number(value) is finite


def played(pack) -> dict:
    story = Story(pack, seed=3, clock=lambda: "t")
    story.answer(3)
    story.answer("Monday")
    story.choose(0)
    return json.loads(story.state.to_json())


@pytest.mark.parametrize("record, key, value, problem", [
    ("answers", "points", "lots", "the save's answers[1].points is not a number"),
    ("answers", "correct", "yes", "the save's answers[1].correct is not true or false"),
    ("answers", "colour", "red", "the save's answers[1].colour is not a field it can have"),
    ("decisions", "choice", 0.5, "the save's decisions[0].choice is not a whole number"),
    ("decisions", "effects", [], "the save's decisions[0].effects is not a number per track"),
])
def test_a_damaged_save_record_is_named_field_by_field(mini_pack, record, key, value, problem):
    data = played(mini_pack)
    data[record][-1][key] = value
    with pytest.raises(IncompatibleSave, match=f"^{re.escape(problem)}$"):
        GameState.from_dict(data)


def test_a_save_record_may_leave_out_a_field_with_a_default(mini_pack):
    data = played(mini_pack)
    del data["answers"][0]["attempt"], data["answers"][0]["hinted"]
    state = GameState.from_dict(data)
    assert (state.answers[0].attempt, state.answers[0].hinted) == (1, False)
    del data["decisions"][0]["at"]
    with pytest.raises(IncompatibleSave, match=r"decisions\[0\]\.at is missing"):
        GameState.from_dict(data)
