"""The handout's building blocks: the pack becomes a list of these once, and each format (Markdown,
HTML) renders the same list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class AuthorMarkdown:
    """Markdown an author wrote for players (a scene body, the intro), kept as written."""

    text: str


@dataclass(frozen=True)
class Line:
    text: str
    label: str = ""  # shown in bold before the text, e.g. "Answer"
    quiet: bool = False  # secondary information, shown smaller
    strong: bool = False  # the text itself in bold (a question)
    detail: str = ""  # shown quietly after the text, in brackets


@dataclass(frozen=True)
class Quote:
    text: str  # the article's own words


@dataclass(frozen=True)
class Items:
    items: tuple[tuple[str, str], ...]  # (bold lead, rest): either may be ""
    ordered: bool = False


@dataclass(frozen=True)
class Box:
    """Blocks that belong together on paper (a question and its answer)."""

    kind: str
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class WriteIn:
    """Space for a student to write in: a labelled line for each field, then ``lines`` more
    ruled lines under them (an answer's room)."""

    fields: tuple[str, ...]
    lines: int = 0


@dataclass(frozen=True)
class Reading:
    """The article itself, paragraph by paragraph, on sheets of its own."""

    paragraphs: tuple[str, ...]


Block = Union[Heading, AuthorMarkdown, Line, Quote, Items, Box, WriteIn, Reading]
