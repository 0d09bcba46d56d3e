"""Text as the player typed or pasted it, made safe to show: never markup, never terminal codes."""

from __future__ import annotations

import unicodedata

from textual.widgets import Input


def printable(text: str) -> str:
    """``text`` without control characters (ANSI escapes, bells, NULs): Rich and Textual pass
    ESC through to the terminal, so a pasted escape sequence would otherwise reach it. Tabs and
    line breaks become spaces. Markup such as ``[bold]`` stays: it is shown literally."""
    return "".join(" " if ch in "\t\n\r" else ch for ch in text
                   if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


class LiteralInput(Input):
    """An Input that drops control characters from what is typed or pasted, and keeps as much of
    an over-long paste as fits (a plain Input refuses the whole paste)."""

    def replace(self, text: str, start: int, end: int) -> None:
        text = printable(text)
        if self.max_length:
            room = self.max_length - (len(self.value) - (end - start))
            text = text[:max(room, 0)]
        super().replace(text, start, end)
