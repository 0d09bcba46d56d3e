"""The debrief: scores and grade, the assessment, every decision and every answer reviewed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Header, Static

from ...debrief_text import debrief_markdown
from ...engine import Debrief
from ..widgets.keys_footer import KeysFooter
from ..paging import page_keys, turn_page
from ..styles import GAME_CSS


class DebriefText(Static):
    """The whole debrief as one widget. Rich draws the Markdown: Textual's Markdown widget
    builds a widget per block, some four hundred for a full campaign's debrief, which cost
    about 25 MB, as much again as the rest of the game."""

    def __init__(self, source: str, **kwargs) -> None:
        super().__init__(RichMarkdown(source), **kwargs)
        self.source = source


class DebriefScreen(Screen):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("t", "app.back_to_title", "Title screen", id="title"),
        *page_keys("scroll"),
    ]

    def __init__(self, debrief: Debrief) -> None:
        super().__init__()
        self.debrief = debrief

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield DebriefText(debrief_markdown(self.debrief), id="debrief-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Debrief"
        self.query_one("#debrief").focus()

    def action_scroll(self, direction: int) -> None:
        turn_page(self.query_one("#debrief", VerticalScroll), direction)
