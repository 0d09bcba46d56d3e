"""Moodle XML (docs.moodle.org, "Moodle XML format"): a <quiz> of <question type="...">
elements, one category question before each day's questions. Texts are HTML, escaped as XML
text by ElementTree (no CDATA section to break out of)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from ...content.kinds.lms import Choices, Matching, Numerical, ShortAnswer, TrueOrFalse
from .bank import Bank, BankItem, LeftOut, number
from .moodle_rules import category_path, matching_too_small, percent

PENALTY = "0.3333333"  # taken off for each retry in Moodle's interactive mode, its default


def text_in(parent: ET.Element, tag: str, text: str, format: str | None = None) -> ET.Element:
    """<tag format="..."><text>text</text></tag>"""
    element = ET.SubElement(parent, tag, {"format": format} if format else {})
    ET.SubElement(element, "text").text = text
    return element


def answer(parent: ET.Element, text: str, fraction: str, format: str = "html") -> ET.Element:
    element = text_in(parent, "answer", text, format)
    element.set("fraction", fraction)
    text_in(element, "feedback", "", "html")
    return element


def html_of(text: str) -> str:
    return html.escape(text.strip(), quote=False)


def question(quiz: ET.Element, bank: Bank, item: BankItem) -> ET.Element | LeftOut:
    shape = item.answer
    kinds = {Choices: "multichoice", TrueOrFalse: "truefalse", ShortAnswer: "shortanswer",
             Numerical: "numerical", Matching: "matching"}
    if isinstance(shape, Matching) and (why := matching_too_small(shape)):
        return LeftOut(item.id, why)
    q = ET.SubElement(quiz, "question", {"type": kinds[type(shape)]})
    text_in(q, "name", item.id)
    text_in(q, "questiontext", item.prompt_html, "html")
    text_in(q, "generalfeedback", bank.feedback_html(item), "html")
    ET.SubElement(q, "defaultgrade").text = number(item.points)
    ET.SubElement(q, "penalty").text = PENALTY
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = item.id
    if isinstance(shape, Choices):
        ET.SubElement(q, "single").text = "false" if shape.multiple else "true"
        ET.SubElement(q, "shuffleanswers").text = "true"
        ET.SubElement(q, "answernumbering").text = "abc"
        for option in shape.options:
            answer(q, html_of(option.text), percent(option.fraction))
    elif isinstance(shape, TrueOrFalse):
        answer(q, "true", "100" if shape.answer else "0", "moodle_auto_format")
        answer(q, "false", "0" if shape.answer else "100", "moodle_auto_format")
    elif isinstance(shape, ShortAnswer):
        ET.SubElement(q, "usecase").text = "0"
        for text in shape.accepted:  # '*' is Moodle's wildcard; an authored one means itself
            answer(q, " ".join(text.split()).replace("*", "\\*"), "100", "moodle_auto_format")
    elif isinstance(shape, Numerical):
        given = answer(q, number(shape.answer), "100", "moodle_auto_format")
        ET.SubElement(given, "tolerance").text = number(shape.tolerance)
        ET.SubElement(q, "unitgradingtype").text = "0"  # the unit is said in the question
        ET.SubElement(q, "showunits").text = "3"  # and not asked for
    elif isinstance(shape, Matching):
        ET.SubElement(q, "shuffleanswers").text = "true"
        for left, right in (*shape.pairs, *(("", extra) for extra in shape.extra)):
            sub = text_in(q, "subquestion", html_of(left) and f"<p>{html_of(left)}</p>", "html")
            text_in(sub, "answer", " ".join(right.split()))
    return q


def write_moodle_xml(bank: Bank) -> tuple[str, tuple[LeftOut, ...]]:
    """The bank as a Moodle XML file, and the questions Moodle could not take."""
    quiz = ET.Element("quiz")
    left_out: list[LeftOut] = []
    category = None
    for item in bank.items:
        if item.category != category:
            category = item.category
            marker = ET.SubElement(quiz, "question", {"type": "category"})
            text_in(marker, "category", category_path(bank.title, category))
        made = question(quiz, bank, item)
        if isinstance(made, LeftOut):
            left_out.append(made)
    notes = (f"{bank.title} ({bank.pack_id}): recall questions exported by briefing",
             *bank.not_exported(), *(f"Not exported as Moodle XML: {one}" for one in left_out))
    for n, note in enumerate(notes):
        # "--" may not stand in an XML comment
        quiz.insert(n, ET.Comment(" " + re.sub(r"-{2,}", lambda m: " ".join(m.group()), note)
                                  + " "))
    ET.indent(quiz)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            # <text></text>, never <text />: as Moodle's own exports write an empty text
            + ET.tostring(quiz, encoding="unicode", short_empty_elements=False) + "\n",
            tuple(left_out))
