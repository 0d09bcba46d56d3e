"""Shown over the game while the terminal is smaller than the layout needs; gone when it grows.

It is a plain screen on top of the stack, so the game screen under it keeps everything (the
question, a half-typed answer, the focus) and no key reaches it until the terminal is big enough.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


def enlarge_text(width: int, height: int) -> str:
    return (f"Please enlarge the terminal: the game needs {MIN_WIDTH}x{MIN_HEIGHT}, "
            f"and it is now {width}x{height}.\n\n"
            "Nothing is lost: the game carries on when it fits. Ctrl+Q quits (your progress "
            "is saved).")


class TooSmallScreen(Screen):
    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size_now = (width, height)

    def compose(self) -> ComposeResult:
        yield Static(enlarge_text(*self.size_now), id="enlarge", markup=False)

    def show_size(self, width: int, height: int) -> None:
        self.size_now = (width, height)
        self.query_one("#enlarge", Static).update(enlarge_text(width, height))
