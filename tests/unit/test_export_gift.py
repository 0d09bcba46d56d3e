"""`briefing export --format gift`, parsed by gift-pegjs: the PEG grammar of GIFT (MIT licence,
npm; `make` installs it into .venv/node), the parser several GIFT editors use, written from
Moodle's documentation of the format. Every question must parse, and parse back to what the
pack says: GIFT's marks ~ = # { } : and the backslash escaped, HTML where Moodle reads HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from game.classroom.export import build_bank, export
from game.classroom.export.gift import escaped, write_gift
from game.content.kinds.lms import Matching

from .export_support import (  # noqa: F401  (fixtures)
    HOSTILE_CHOICE_FEEDBACK,
    campaign_pack,
    every_kind_pack,
    forecasts,
    hostile_pack,
    recall_questions,
    shown,
)

PARSER = Path(sys.prefix) / "node" / "node_modules" / "gift-pegjs" / "lib" / "gift-parser.js"
PARSE = """
const parser = require(process.argv[1]);
const text = require("fs").readFileSync(0, "utf8");
try {
  process.stdout.write(JSON.stringify(parser.parse(text)));
} catch (error) {
  const where = error.location ? `line ${error.location.start.line}: ` : "";
  process.stderr.write(where + error.message);
  process.exit(1);
}
"""


class GiftError(Exception):
    pass


def parse(text: str) -> list[dict]:
    """The GIFT text as gift-pegjs reads it; GiftError with its message where it cannot."""
    node = shutil.which("node")
    assert node and PARSER.is_file(), (
        f"the GIFT grammar is not installed ({PARSER}): run `make .venv/node/.installed`")
    run = subprocess.run([node, "-e", PARSE, str(PARSER)], input=text, capture_output=True,
                         text=True, encoding="utf-8", timeout=60)
    if run.returncode:
        raise GiftError(run.stderr)
    return json.loads(run.stdout)


# gift-pegjs 1.0.2 stands these in for escaped marks while it parses; its rule for the answers
# to match (PlainText) forgets to put the marks back, as its other texts do and Moodle does.
PLACEHOLDERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{",
                "&&125;": "}", "&&126;": "~", "&&010": "\n"}


def answer_to_match(pair: dict) -> str:
    text = pair["subanswer"]
    for placeholder, mark in PLACEHOLDERS.items():
        text = text.replace(placeholder, mark)
    return text


def gift_questions(text: str) -> dict[str, dict]:
    return {q["title"]: q for q in parse(text) if q["type"] != "Category"}


@pytest.mark.parametrize("pack_fixture", ["campaign_pack", "hostile_pack", "every_kind_pack"])
def test_every_question_parses_by_the_gift_grammar(request, pack_fixture):
    pack = request.getfixturevalue(pack_fixture)
    exported = export(pack, "gift")
    parsed = gift_questions(exported.content)
    left_out = {one.id for one in exported.left_out}
    assert set(parsed) == {q.id for q in recall_questions(pack)} - left_out
    assert not set(forecasts(pack)) & set(parsed)


def test_the_grammar_has_teeth(hostile_pack):
    text = export(hostile_pack, "gift").content
    for broken in (text.replace("\\{pick one\\}", "{pick one}"),  # an unescaped brace
                   text.replace("{#120:2.5", "{#120:x")):  # no number
        with pytest.raises(GiftError):
            parse(broken)


def test_hostile_texts_come_back_unchanged(hostile_pack):
    parsed = gift_questions(export(hostile_pack, "gift").content)
    pack_questions = {q.id: q for q in recall_questions(hostile_pack)}
    for qid, question in parsed.items():
        q = pack_questions[qid]
        assert question["stem"]["format"] == "html" and q.ask in shown(question["stem"]["text"])
        assert q.source in shown(question["globalFeedback"]["text"]), qid

    choice = parsed["q-choice"]
    q = pack_questions["q-choice"]
    assert choice["type"] == "MC"
    assert {shown(c["text"]["text"]): c["isCorrect"] for c in choice["choices"]} == {
        option: option == q.answer for option in q.options}
    assert HOSTILE_CHOICE_FEEDBACK in shown(choice["globalFeedback"]["text"])

    several = parsed["q-several"]
    q = pack_questions["q-several"]
    assert {shown(c["text"]["text"]): c["weight"] for c in several["choices"]} == {
        o: 33.33333 if o in q.answers else -33.33333 for o in q.options}

    typed = parsed["q-typed"]
    assert typed["type"] == "Short"
    # typed answers are plain text in Moodle; '*', its wildcard, is escaped to mean itself
    assert [c["text"]["text"] for c in typed["choices"]] == [
        "Bad Ödenburg", "Ödenburg {Bad}", "B\\*d Ödenburg #2"]

    number = parsed["q-number"]
    assert number["type"] == "Numerical"
    assert number["choices"] == {"type": "range", "number": 120, "range": 2.5}

    assert parsed["q-true"]["type"] == "TF" and parsed["q-true"]["isTrue"] is True

    pairs = parsed["q-pairs"]
    q = pack_questions["q-pairs"]
    assert [(shown(p["subquestion"]["text"]), answer_to_match(p)) for p in pairs["matchPairs"]] == (
        [(p.left, p.right) for p in q.pairs] + [("", extra) for extra in q.extra])

    order = parsed["q-order"]
    assert [(shown(p["subquestion"]["text"]), answer_to_match(p)) for p in order["matchPairs"]] == [
        ("The report #1", "1st"), ("Winds = 120", "2nd"), ("The ferry ~ late", "3rd")]


def test_each_question_keeps_its_id_and_the_days_are_categories(campaign_pack):
    parsed = parse(export(campaign_pack, "gift").content)
    assert [q["id"] for q in parsed if q["type"] != "Category"] == [
        q["title"] for q in parsed if q["type"] != "Category"]
    title = campaign_pack.manifest.title
    assert [q["title"] for q in parsed if q["type"] == "Category"][:1] == [
        f"$course$/top/{title}/{campaign_pack.manifest.days[0]}"]


@pytest.mark.parametrize("text", ["a ~ b = c # d { e } f : g \\ h", "line one\nline two",
                                  "::title:: {T}", "\\n is not a line break", "// not a comment"])
def test_escaped_text_reads_back_as_itself(text):
    [question] = parse(f"::t::{escaped(text)}{{TRUE}}\n")
    assert question["stem"]["text"] == text


def test_what_gift_cannot_write_is_listed_not_dropped(every_kind_pack, hostile_pack):
    text, left_out = write_gift(build_bank(every_kind_pack))
    assert [(one.id, "at least 2 items and 3 answers" in one.reason) for one in left_out] == [
        ("q-order", True)]
    assert "\n// Not exported as GIFT: q-order: Moodle's matching question needs" in text
    assert "\n// Not exported: 1 decision (decisions are scored choices" in text
    bank = build_bank(hostile_pack)
    arrow = [replace(item, answer=Matching((("a -> b", "x"), ("c", "y"), ("d", "z"))))
             if item.id == "q-pairs" else item for item in bank.items]
    text, left_out = write_gift(replace(bank, items=tuple(arrow)))
    assert [(one.id, "'->'" in one.reason) for one in left_out] == [("q-pairs", True)]
    assert "q-pairs" not in gift_questions(text)
