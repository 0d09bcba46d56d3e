"""The debrief: scores and grade, the assessment, every decision and every answer reviewed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from ...debrief_text import debrief_markdown
from ...engine import Debrief


class DebriefScreen(Screen):
    BINDINGS = [
        Binding("t", "app.back_to_title", "Title screen", id="title"),
        Binding("pageup", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll(1)", "Scroll", key_display="PgDn"),
    ]

    def __init__(self, debrief: Debrief) -> None:
        super().__init__()
        self.debrief = debrief

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Markdown(debrief_markdown(self.debrief), id="debrief-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Debrief"
        self.query_one("#debrief").focus()

    def action_scroll(self, direction: int) -> None:
        area = self.query_one("#debrief", VerticalScroll)
        area.scroll_page_down() if direction > 0 else area.scroll_page_up()
