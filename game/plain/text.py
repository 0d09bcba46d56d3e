"""Plain text for a screen reader or a dumb terminal: no markup, no colour, no box drawing,
short lines, and player text shown literally."""

from __future__ import annotations

import re
import textwrap
import unicodedata

WIDTH = 72  # short lines: a phone over SSH, a braille display, a screen reader's line review

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]+)`")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def literal(text: str) -> str:
    """Player text as it is echoed: ANSI escapes and other control characters taken out, the
    rest (``[bold]``, ``../``) kept exactly as typed."""
    text = _ANSI.sub("", str(text))
    return "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else ""
                   for ch in text)


def one_line(text: str) -> str:
    """Player text on one line (a name, an answer)."""
    return " ".join(literal(text).split())


def unmark(text: str) -> str:
    """Markdown from content as plain words: emphasis dropped, a link as its text and address."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4), text)


def wrap(text: str, indent: str = "") -> list[str]:
    """One paragraph or list item wrapped to WIDTH."""
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent,
                         subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False) or [""]


def paragraphs(markdown: str) -> list[str]:
    """A Markdown body as wrapped lines: paragraphs split by a blank line, list items kept one
    a line, headings as their words."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", unmark(markdown).strip()):
        if lines:
            lines.append("")
        items: list[list[str]] = []
        for raw in block.splitlines():
            raw = raw.strip()
            if raw.startswith("#"):  # a heading: a line of its own
                items += [[raw.lstrip("#").strip()], []]
                continue
            if _LIST_ITEM.match(raw) or not items:
                items.append([_LIST_ITEM.sub("- ", raw)] if _LIST_ITEM.match(raw) else [raw])
            else:
                items[-1].append(raw)
        for item in filter(None, items):
            text = " ".join(item)
            if text.startswith("- "):
                first, *rest = wrap(text[2:], "    ")
                lines += ["  - " + first.strip(), *rest]
            else:
                lines += wrap(text)
    return lines


def points(value: float) -> str:
    return f"{value:g}"


def plural(count: float, word: str) -> str:
    return f"{points(count)} {word}{'' if count == 1 else 's'}"
