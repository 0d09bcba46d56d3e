"""A pack's article as text: its headline (`briefing new` titles a pack with it, the handouts
open with it) and its paragraphs (the student's reading sheet)."""

from __future__ import annotations

import re

from .quotes import normalise


def headline(article: str) -> str:
    """The article's first line, as a pack's title: a Markdown '#' taken off, cut at a word
    before 80 characters."""
    first = next((line for line in article.splitlines() if line.strip()), "")
    title = normalise(first.strip().lstrip("#").strip())
    if len(title) > 80:
        title = title[:79].rsplit(" ", 1)[0] + "…"
    return title


def paragraphs(article: str) -> list[str]:
    """The article's paragraphs (split at blank lines), each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", article) if p.strip()]
