"""Issue 13, finding 9: characters that show nothing (zero-width spaces and joiners, direction
marks and overrides, the soft hyphen, the byte-order mark) are an error in what a player picks
or types and a warning in prose; two options that look the same are one option listed twice;
and a typed answer is matched as it looks, without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import compile_pack
from game.content.kinds.text_match import match_answer

from .test_escaped_controls import hostile_copy

OPTIONS = "options: [Monday, Tuesday, Sunday]"

# case, file, old, new, code
PLACES = [
    ("zero-width space in an option", "scenes.yaml", OPTIONS,
     r'options: [Monday, "Tues\u200bday", Sunday]', "invisible-character"),
    ("byte-order mark in an answer", "scenes.yaml", "answer: Monday",
     'answer: "Monday\\ufeff"', "invisible-character"),
    ("word joiner in a short answer", "scenes.yaml", "answer: the mayor",
     r'answer: "the\u2060mayor"', "invisible-character"),
    ("direction override in also_accept", "scenes.yaml", "also_accept: [mayor]",
     r'also_accept: ["\u202eroyam"]', "invisible-character"),
    ("soft hyphen in a timeline event", "scenes.yaml", "order: [River rose,",
     r'order: ["River\u00adrose",', "invisible-character"),
    ("zero-width space in a decision's option", "scenes.yaml", "- text: Report 55 moved",
     r'- text: "Report 55\u200b moved"', "invisible-character"),
    ("invisible id", "scenes.yaml", "- id: q-day", r'- id: "q-day\u200c"', "invisible-character"),
    ("left-to-right isolate in a body", "scenes.yaml", "body: The radio station calls.",
     r'body: "The radio \u2066station\u2069 calls."', "invisible-character-in-prose"),
    ("right-to-left override in a title", "pack.yaml", "title: The Flood",
     r'title: "The \u202edoolF"', "invisible-character-in-prose"),
    ("soft hyphen in an explanation", "scenes.yaml", "explanation: Three.",
     r'explanation: "Thr\u00adee."', "invisible-character-in-prose"),
]


@pytest.mark.parametrize("case, file, old, new, code", PLACES, ids=[p[0] for p in PLACES])
def test_an_invisible_character_is_reported_where_it_is(tmp_path, case, file, old, new, code):
    pack = hostile_copy(tmp_path, (file, old, new))
    text = (pack / file).read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index(new)) + 1
    found = [d for d in compile_pack(pack).diagnostics if d.code.startswith("invisible-")]
    severity = "warning" if code.endswith("prose") else "error"
    assert [(d.code, Path(d.file).name, d.line, d.severity) for d in found] == [
        (code, file, line, severity)]


def test_two_options_that_look_the_same_are_a_duplicate(tmp_path):
    pack = hostile_copy(tmp_path, ("scenes.yaml", OPTIONS,
                                   r'options: [Monday, "Mon\u200bday", Sunday]'))
    codes = [d.code for d in compile_pack(pack).diagnostics]
    assert "duplicate-option" in codes and "invisible-character" in codes


def test_variation_selectors_and_plain_text_are_fine(tmp_path):
    pack = hostile_copy(tmp_path, ("scenes.yaml", "title: The river rises",
                                   'title: "The river rises \\u2764\\ufe0f"'))
    result = compile_pack(pack)
    assert result.ok and not result.diagnostics


@pytest.mark.parametrize("typed", [
    "the ma\u200byr",  # a typo, and a zero-width space that split the word in two
    "\ufeffthe mayr",
    "the\u00ad ma\u2060yr",
    "the mayor\u200b",
])
def test_a_typed_answer_is_matched_as_it_looks(typed):
    assert match_answer(typed, ("the mayor",)).right


def test_a_stored_answer_is_matched_as_it_looks():
    assert match_answer("the mayr", ("the ma\u200byor",)).right
