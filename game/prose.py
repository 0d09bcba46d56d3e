"""Authored prose for both front ends: Markdown parsed once into lines of styled runs (the TUI
styles them, plain mode prints their words), and a sentence ended only when it is not already.

Which fields are Markdown is said in the scene format (game/content/models.py); player text
never comes here. Imports no Textual and no Rich: markdown-it-py is the parser both use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from markdown_it import MarkdownIt

from .quote_marks import in_quotes  # noqa: F401  (shown prose's quotes, used with it)
from .terminal_text import terminal_safe

QUOTE_LEAD = "  "  # a block quote is indented; a screen reader reads no "greater than"
CODE_LEAD = "    "
CELL_GAP = " | "


@dataclass(frozen=True)
class Run:
    """Words with one style. ``link`` is the address of the link they are the text of."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    struck: bool = False
    link: str = ""


@dataclass(frozen=True)
class ProseLine:
    """One line of a block: ``lead`` is what comes before its words (a list marker on an item's
    first line, spaces under it after; the indent of a quote or a code block), and ``hang`` the
    spaces that start the line's continuation when it is wrapped. A line with no runs and no
    lead is the blank line between blocks."""

    runs: tuple[Run, ...] = ()
    lead: str = ""
    heading: int = 0  # a heading's level, 0 for any other line
    quoted: bool = False
    verbatim: bool = False  # a line of a code block: its spaces are kept

    @property
    def hang(self) -> str:
        return " " * len(self.lead)

    @property
    def blank(self) -> bool:
        return not self.runs and not self.lead


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with tables and strikethrough: what Textual's Markdown widget and Rich's
    # Markdown read, less linkify (a bare address reads the same as text either way).
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Item:
    def __init__(self, marker: str):
        self.marker = marker
        self.shown = False  # the marker goes on the item's first line only


def prose_lines(markdown: str, bullet: str = "- ") -> list[ProseLine]:
    """``markdown`` as lines: paragraphs and headings separated by a blank line, list items one
    a line with ``bullet`` (or their number), nested lists and quotes indented."""
    lines: list[ProseLine] = []
    containers: list[_Item | str] = []  # open list items and quotes, outermost first
    lists: list[bool] = []  # for each open list: whether it is numbered
    cells: list[tuple[Run, ...]] | None = None  # the row of a table being read
    header_row = False
    heading = 0  # the level of the heading being read
    gap = False  # a blank line is due before the next block

    def lead() -> str:
        parts = []
        for container in containers:
            if isinstance(container, _Item):
                parts.append(container.marker if not container.shown else
                             " " * len(container.marker))
                container.shown = True
            else:
                parts.append(container)
        return "".join(parts)

    def emit(runs: Iterable[Run], extra: str = "", verbatim: bool = False) -> None:
        nonlocal gap
        if gap and lines and not lines[-1].blank:
            lines.append(ProseLine())
        gap = False
        quoted = any(isinstance(container, str) for container in containers)
        lines.append(ProseLine(tuple(runs), lead() + extra, heading, quoted, verbatim))

    tokens = _parser().parse(terminal_safe(markdown or ""))
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if cells is not None:
                runs = _runs(token.children or [])
                cells.append(tuple(_strong(runs) if header_row else runs))
                continue
            for row in _broken(_runs(token.children or [])):
                emit(row)
        elif kind == "heading_open":
            heading, gap = int(token.tag[1:]), True
        elif kind == "heading_close":
            heading, gap = 0, True
        elif kind == "paragraph_close":
            gap = gap or not token.hidden  # a tight list's items are not spaced out
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
            if len(lists) == 1:
                gap = True
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                gap = True
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup} " if lists and lists[-1] else bullet
            containers.append(_Item(marker))
        elif kind == "list_item_close":
            containers.pop()
        elif kind == "blockquote_open":
            gap = True
            containers.append(QUOTE_LEAD)
        elif kind == "blockquote_close":
            containers.pop()
            gap = True
        elif kind in ("fence", "code_block"):
            gap = True
            for text in token.content.rstrip("\n").split("\n"):
                emit([Run(text, code=True)] if text else [], CODE_LEAD if text else "", True)
            gap = True
        elif kind in ("hr", "table_open", "table_close", "html_block"):
            # HTML is left out, as Textual's Markdown widget leaves it out
            gap = True
        elif kind == "tr_open":
            cells = []
        elif kind == "th_open":
            header_row = True
        elif kind == "tr_close":
            row: list[Run] = []
            for n, cell in enumerate(cells or []):
                row += ([Run(CELL_GAP)] if n else []) + list(cell)
            cells, header_row = None, False
            emit(row)
    return lines


def _strong(runs: list[Run]) -> list[Run]:
    return [Run(r.text, True, r.emphasis, r.code, r.struck, r.link) for r in runs]


_OPENS = {"strong_open": "strong", "em_open": "emphasis", "s_open": "struck"}
_CLOSES = {"strong_close": "strong", "em_close": "emphasis", "s_close": "struck"}


def _runs(children) -> list[Run]:
    """An inline token's children as runs; a hard line break is a run of "\\n"."""
    runs: list[Run] = []
    depth = {"strong": 0, "emphasis": 0, "struck": 0}  # how many of each are open
    link = ""

    def add(text: str, code: bool = False, address: str | None = None) -> None:
        if text:
            runs.append(Run(text, depth["strong"] > 0, depth["emphasis"] > 0, code,
                            depth["struck"] > 0, link if address is None else address))

    for child in children:
        kind = child.type
        if kind in ("text", "text_special"):  # an HTML tag is left out (see html_block)
            add(child.content)
        elif kind == "code_inline":
            add(child.content, code=True)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            runs.append(Run("\n"))
        elif kind in _OPENS:
            depth[_OPENS[kind]] += 1
        elif kind in _CLOSES:
            depth[_CLOSES[kind]] -= 1
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            link = ""
        elif kind == "image":  # its words, and where it is
            add(child.content, address=str(child.attrs.get("src", "")))
    return runs


def _broken(runs: list[Run]) -> list[list[Run]]:
    """Runs split at hard line breaks, one list a line."""
    rows: list[list[Run]] = [[]]
    for run in runs:
        if run.text == "\n":
            rows.append([])
        else:
            rows[-1].append(run)
    return rows


def linked_words(runs: Iterable[Run]) -> list[tuple[str, str]]:
    """Runs grouped by link: (the words, the address or "") in order."""
    groups: list[tuple[str, str]] = []
    for run in runs:
        if groups and groups[-1][1] == run.link:
            groups[-1] = (groups[-1][0] + run.text, run.link)
        else:
            groups.append((run.text, run.link))
    return groups


def shows_its_address(words: str, address: str) -> bool:
    """True when a link's words already are its address (<https://x>, a mail address)."""
    return words.strip() in (address, address.removeprefix("mailto:"))


# -- sentence endings --------------------------------------------------------------------------

_ENDED = re.compile(r"[.?!:…][\"'”’»)\]]*$")


def ended(text: str) -> bool:
    """True when ``text`` already ends a sentence: . ? ! : or …, maybe inside closing quotes."""
    return bool(_ENDED.search(text.rstrip()))


def sentence(text: str, mark: str = ".") -> str:
    """``text`` ended with ``mark``, unless it already ends with its own punctuation ("What can
    Iran do?" stays as it is)."""
    text = text.rstrip()
    return text if not text or ended(text) else text + mark


def labelled(label: str, text: str) -> str:
    """'Label: text', or 'Label? text' where the label ends its own sentence."""
    return f"{sentence(label, ':')} {text}"


def title_and_byline(title: str, author: str | None, dress: Callable[[str], str] = str) -> str:
    """How a citation names a piece: '“Title”, by Author', '“Title”', 'by Author', or '' for
    neither (a page may be quoted without its headline at hand). ``dress`` escapes each."""
    bits = [f"“{dress(title)}”"] if title.strip() else []
    if author and author.strip():
        bits.append(f"by {dress(author)}")
    return ", ".join(bits)
