"""While live authoring: the pack no longer compiles, so show its errors instead of crashing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...content.diagnostics import Diagnostic
from ..styles import GAME_CSS


class PackErrorsDialog(ModalScreen[None]):
    """Stays up until the files are fixed; the app closes it when the pack compiles again."""
    CSS_PATH = GAME_CSS

    BINDINGS = [("ctrl+q", "app.quit", "Quit")]

    def __init__(self, errors: list[Diagnostic]) -> None:
        super().__init__()
        self.errors = errors

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="pack-errors"):
            yield Static(f"The pack has {len(self.errors)} error(s). Fix them and save: the game "
                         "reloads by itself.", classes="dialog-title", markup=False)
            with VerticalScroll():
                for diagnostic in self.errors:
                    yield Static(Content(str(diagnostic)), classes="diagnostic")
