"""The pack's intro, before the first scene of a new game: who you are, what the week holds,
how it is scored. Continue skips it; the player has read it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, Static

from ..widgets.header import GameHeader
from ...content.models import Manifest
from ...prose import sentence
from ..widgets.keys_footer import KeysFooter
from ..paging import page_keys, turn_page
from ..styles import GAME_CSS


class IntroScreen(Screen[None]):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("enter", "begin", "Begin", id="begin", priority=True),
        *page_keys("scroll"),
    ]

    def __init__(self, manifest: Manifest) -> None:
        super().__init__()
        self.manifest = manifest

    def compose(self) -> ComposeResult:
        yield GameHeader()
        with VerticalScroll(id="intro-area"):
            title = Static(Content(self.manifest.title), id="intro-title")
            # An intro that opens with its own heading already shows the title.
            title.display = not self.manifest.intro.lstrip().startswith("#")
            yield title
            yield Markdown(self.manifest.intro, id="intro-text")
        days = self.manifest.days
        first = f" on {days[0]}" if days else ""
        yield Static(Content(sentence(f"Press Enter to begin{first}")), id="intro-begin")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Your briefing · {self.manifest.role}"
        self.query_one("#intro-area").focus()

    def action_begin(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: int) -> None:
        turn_page(self.query_one("#intro-area", VerticalScroll), direction)
