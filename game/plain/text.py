"""Plain text for a screen reader or a dumb terminal: no markup, no colour, no box drawing,
lines that fit the terminal, and player text shown literally."""

from __future__ import annotations

import re
import shutil
import textwrap
import unicodedata

from ..prose import ProseLine, labelled, linked_words, prose_lines, shows_its_address
from ..score_words import points  # every number of points reads the same (a true minus sign)

DEFAULT_WIDTH = 80  # when the output is not a terminal (a pipe, a file) and COLUMNS is unset
NARROWEST = 20  # below this a line holds too few words to read; wrap as if it were this wide

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
# What a wrapped line's continuation is indented under: its indent and a list marker
# ("- ", "1. ", "a. " for a match target), so an item's words line up under its first word.
_HANGING = re.compile(r"^ *(?:[-*+•] +|\d{1,9}[.)] +|[a-z][.)] +)?")


class Heading(str):
    """A line that heads what follows (a scene's title, a debrief's section): printed as any
    line; the accessible web page makes it a heading of ``level`` (2 or 3). Any change to the
    text (wrapping, stripping) gives a plain str, so only the line as made is a heading."""

    level: int

    def __new__(cls, text: str, level: int = 3):
        line = super().__new__(cls, text)
        line.level = level
        return line


def literal(text: str) -> str:
    """Player text as it is echoed: ANSI escapes and other control characters taken out, the
    rest (``[bold]``, ``**``, ``../``) kept exactly as typed."""
    text = _ANSI.sub("", str(text))
    return "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else ""
                   for ch in text)


def one_line(text: str) -> str:
    """Player text on one line (a name, an answer)."""
    return " ".join(literal(text).split())


def terminal_width() -> int:
    """The terminal's width (COLUMNS when set), DEFAULT_WIDTH when there is no terminal."""
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(NARROWEST, columns or DEFAULT_WIDTH)


def fit(line: str, width: int) -> list[str]:
    """One line as lines of at most ``width`` characters, broken between words, continuations
    indented under a list item's first word. A word longer than the line (a folder, a web
    address) stays whole on a line of its own: cut, it could not be copied or read aloud."""
    if len(line) <= width:
        return [line]
    hang = " " * len(_HANGING.match(line).group(0))
    if len(hang) > width // 2:  # a deep indent in a narrow terminal: room for words first
        hang = ""
    return textwrap.wrap(line, width, subsequent_indent=hang, break_long_words=False,
                         break_on_hyphens=False) or [""]


def markdown_text(markdown: str) -> list[str]:
    """Authored Markdown as clean lines of text, for a screen reader as much as for the eye:
    emphasis and code marks dropped, list items as "- " lines (numbered ones keep their
    number), a heading as its words with a blank line after it, a link as "words (address)",
    escapes read as the characters they escape, and a ``*`` that is not emphasis kept. Lines
    are not wrapped: the console fits them to the terminal."""
    return [prose_text(line) for line in prose_lines(markdown)]


def prose_text(line: ProseLine) -> str:
    words = []
    for text, address in linked_words(line.runs):
        words.append(text)
        if address and not shows_its_address(text, address):
            words.append(f" ({address})")
    text = "".join(words)
    return line.lead + (text if line.verbatim else " ".join(text.split()))


def labelled_text(label: str, markdown: str) -> list[str]:
    """'Label: ' and authored Markdown as text: on the first line when that is a paragraph's,
    above the text when it opens with a list or a heading."""
    prose = prose_lines(markdown)
    if not prose:
        return []
    lines = [prose_text(line) for line in prose]
    if prose[0].lead or prose[0].heading:
        return [labelled(label, "").rstrip(), *lines]
    return [labelled(label, lines[0]), *lines[1:]]


def plural(count: float, word: str) -> str:
    return f"{points(count)} {word}{'' if count == 1 else 's'}"
