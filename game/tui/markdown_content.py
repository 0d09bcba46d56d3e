"""Authored Markdown as styled Content, for text shown inside a box of other lines (the feedback
on an answer or a decision): the same parse as plain mode's text (game/prose.py), with bold,
italics, code and links drawn instead of dropped. Longer texts (a scene, the intro) use
Textual's Markdown widget, which reads CommonMark and its tables the same way."""

from __future__ import annotations

import re

from textual.content import Content
from textual.style import Style

from ..prose import ProseLine, Run, prose_lines

BULLET = "• "


def run_style(run: Run, heading: bool, quoted: bool) -> Style | str:
    style = Style(bold=run.strong or heading or None, italic=run.emphasis or quoted or None,
                  strike=run.struck or None, underline=bool(run.link) or None,
                  link=run.link or None)
    return style + Style(reverse=True) if run.code and not heading else style


def line_content(line: ProseLine) -> Content:
    heading = bool(line.heading)
    return Content.assemble(line.lead, *((run.text if line.verbatim else
                                          re.sub(r"\s+", " ", run.text),
                                          run_style(run, heading, line.quoted))
                                         for run in line.runs))


def markdown_content(markdown: str) -> Content:
    """``markdown`` drawn as Content: one line a paragraph (the widget wraps it), a blank line
    between blocks, "• " for a bullet. Player text must never be passed here."""
    return Content("\n").join(line_content(line) for line in prose_lines(markdown, BULLET))
