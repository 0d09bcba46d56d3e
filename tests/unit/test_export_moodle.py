"""`briefing export --format moodle-xml`. Moodle publishes no schema for its XML format, so the
test checks the rules its documentation (docs.moodle.org, "Moodle XML format") and its question
forms set: a <quiz> of <question type="...">; a category's path in <category><text>; a name,
a question text with a format, and a general feedback in every question; the answer grades
Moodle offers; one full-mark answer for a single-answer question, full marks adding up to 100
for several; true and false for a true/false question; a number and a tolerance for a
numerical one; at least two items and three answers for matching. Then each question is read
back and compared with the pack."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from game.classroom.export import export

from .export_support import (  # noqa: F401  (fixtures)
    HOSTILE_CHOICE_FEEDBACK,
    campaign_pack,
    every_kind_pack,
    forecasts,
    hostile_pack,
    recall_questions,
    shown,
)

TYPES = {"category", "multichoice", "truefalse", "shortanswer", "matching", "numerical",
         "essay", "description", "cloze", "calculated"}
TEXT_FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown"}
# The grades Moodle offers an answer, in percent (question_bank::fraction_options_full).
GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
          14.28571, 12.5, 11.11111, 10, 5, 0}


def rule_breaks(xml_text: str) -> list[str]:
    """Where the file breaks the documented rules of Moodle XML, one line each."""
    root = ET.fromstring(xml_text)
    breaks = [] if root.tag == "quiz" else [f"the root is <{root.tag}>, not <quiz>"]
    for n, q in enumerate(root.findall("question"), 1):
        kind = q.get("type")
        where = f"question {n} ({q.findtext('name/text') or kind})"
        if kind not in TYPES:
            breaks.append(f"{where}: unknown type {kind!r}")
            continue
        if kind == "category":
            if not (q.findtext("category/text") or "").startswith("$course$/"):
                breaks.append(f"{where}: no category path under $course$")
            continue
        if not q.findtext("name/text"):
            breaks.append(f"{where}: no name")
        for field in ("questiontext", "generalfeedback"):
            element = q.find(field)
            if element is None or element.get("format") not in TEXT_FORMATS:
                breaks.append(f"{where}: no {field} with a format")
            elif not (element.findtext("text") or "").strip():
                breaks.append(f"{where}: an empty {field}")
        for number in ("defaultgrade", "penalty"):
            try:
                float(q.findtext(number))
            except (TypeError, ValueError):
                breaks.append(f"{where}: <{number}> is not a number")
        answers = q.findall("answer")
        grades = []
        for answer in answers:
            grade = float(answer.get("fraction", "nan"))
            if abs(grade) not in GRADES:
                breaks.append(f"{where}: the grade {answer.get('fraction')} is not one Moodle "
                              "offers")
            if answer.find("text") is None or answer.find("feedback/text") is None:
                breaks.append(f"{where}: an answer without its text and feedback")
            grades.append(grade)
        breaks += [f"{where}: {why}" for why in kind_rule_breaks(kind, q, answers, grades)]
    return breaks


def kind_rule_breaks(kind: str, q: ET.Element, answers: list, grades: list[float]) -> list[str]:
    breaks = []
    if kind == "multichoice":
        single = q.findtext("single")
        if single == "true" and grades.count(100) != 1:
            breaks.append("a single-answer question needs one answer worth 100")
        elif single == "false" and abs(sum(g for g in grades if g > 0) - 100) > 0.01:
            breaks.append("the positive grades do not add up to 100")
        elif single not in ("true", "false"):
            breaks.append("<single> is neither true nor false")
        if len(answers) < 2:
            breaks.append("fewer than two choices")
    elif kind == "truefalse":
        given = {a.findtext("text"): g for a, g in zip(answers, grades)}
        if set(given) != {"true", "false"} or sorted(given.values()) != [0, 100]:
            breaks.append("a true/false question needs true and false, one of them worth 100")
    elif kind in ("shortanswer", "numerical"):
        if 100 not in grades:
            breaks.append("no answer worth 100")
        if kind == "numerical":
            for answer in answers:
                try:
                    float(answer.findtext("text")), float(answer.findtext("tolerance"))
                except (TypeError, ValueError):
                    breaks.append("an answer or tolerance that is not a number")
    elif kind == "matching":
        subs = q.findall("subquestion")
        items = [s for s in subs if (s.findtext("text") or "").strip()]
        choices = {s.findtext("answer/text") for s in subs}
        if len(items) < 2 or len(choices) < 3:
            breaks.append("matching needs at least two items and three answers")
    return breaks


def moodle(pack) -> str:
    return export(pack, "moodle-xml").content


@pytest.mark.parametrize("pack_fixture", ["campaign_pack", "hostile_pack", "every_kind_pack"])
def test_the_export_keeps_every_documented_rule(request, pack_fixture):
    assert rule_breaks(moodle(request.getfixturevalue(pack_fixture))) == []


def test_the_rules_have_teeth(hostile_pack):
    text = moodle(hostile_pack)
    for broken, why in ((text.replace('fraction="33.33333"', 'fraction="33"', 1), "not one Moodle"),
                        (text.replace("<single>true</single>", "<single>yes</single>", 1),
                         "neither true nor false"),
                        (text.replace('<questiontext format="html">', "<questiontext>", 1),
                         "no questiontext with a format"),
                        (text.replace('type="matching"', 'type="match"', 1), "unknown type")):
        assert any(why in line for line in rule_breaks(broken)), why


def questions(xml_text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml_text)
    return {q.findtext("name/text"): q for q in root.findall("question")
            if q.get("type") != "category"}


def test_each_recall_question_once_in_a_category_for_its_day(campaign_pack):
    root = ET.fromstring(moodle(campaign_pack))
    assert set(questions(moodle(campaign_pack))) == {q.id for q in recall_questions(campaign_pack)}
    assert not set(forecasts(campaign_pack)) & set(questions(moodle(campaign_pack)))
    categories = [q.findtext("category/text") for q in root.findall("question")
                  if q.get("type") == "category"]
    title = campaign_pack.manifest.title
    assert categories == [f"$course$/top/{title}/{day}" for day in campaign_pack.manifest.days
                          if any(s.day == day and any(q.type != "forecast" for q in s.questions)
                                 for s in campaign_pack.scenes.values())]


def test_hostile_texts_come_back_unchanged(hostile_pack):
    exported = questions(moodle(hostile_pack))
    pack_questions = {q.id: q for q in recall_questions(hostile_pack)}
    assert set(exported) == set(pack_questions)
    for qid, element in exported.items():
        q = pack_questions[qid]
        assert q.ask in shown(element.findtext("questiontext/text")), qid
        assert q.source in shown(element.findtext("generalfeedback/text")), qid
        assert element.findtext("idnumber") == qid
        assert float(element.findtext("defaultgrade")) == q.points

    choice = exported["q-choice"]
    given = {shown(a.findtext("text")): a.get("fraction") for a in choice.findall("answer")}
    q = pack_questions["q-choice"]
    assert given == {option: "100" if option == q.answer else "0" for option in q.options}
    assert HOSTILE_CHOICE_FEEDBACK in shown(choice.findtext("generalfeedback/text"))

    several = exported["q-several"]
    given = {shown(a.findtext("text")): a.get("fraction") for a in several.findall("answer")}
    q = pack_questions["q-several"]
    assert given == {o: "33.33333" if o in q.answers else "-33.33333" for o in q.options}

    typed = exported["q-typed"]
    # '*' is Moodle's wildcard in a typed answer: an authored one is escaped to mean itself.
    assert [a.findtext("text") for a in typed.findall("answer")] == [
        "Bad Ödenburg", "Ödenburg {Bad}", "B\\*d Ödenburg #2"]

    number = exported["q-number"]
    assert [(a.findtext("text"), a.findtext("tolerance")) for a in number.findall("answer")] \
        == [("120", "2.5")]

    pairs = exported["q-pairs"]
    subs = [(shown(s.findtext("text")), s.findtext("answer/text"))
            for s in pairs.findall("subquestion")]
    q = pack_questions["q-pairs"]
    assert subs == [(p.left, p.right) for p in q.pairs] + [("", extra) for extra in q.extra]


def test_a_matching_question_moodle_cannot_take_is_listed_not_dropped(every_kind_pack):
    exported = export(every_kind_pack, "moodle-xml")
    assert [(one.id, "at least 2 items and 3 answers" in one.reason)
            for one in exported.left_out] == [("q-order", True)]
    assert "q-order" not in questions(exported.content)
    assert ("<!-- Not exported as Moodle XML: q-order: Moodle's matching question needs"
            in exported.content)
