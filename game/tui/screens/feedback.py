"""After a decision: why it was a strong or weak call, and what it did to each score track."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...content.models import Choice
from ..status import format_points


def effects_text(effects, names: dict[str, str]) -> str:
    if not effects:
        return "No change to the scores."
    return "   ".join(f"{names.get(track, track)} {'+' if value > 0 else ''}{format_points(value)}"
                       for track, value in effects.items())


class FeedbackDialog(ModalScreen[None]):
    BINDINGS = [Binding("enter,escape,space", "close", "Continue")]

    def __init__(self, choice: Choice, track_names: dict[str, str]) -> None:
        super().__init__()
        self.choice = choice
        self.track_names = track_names

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="feedback"):
            yield Static("You decided", classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Static(Content(self.choice.text), classes="choice-made")
                yield Static(Content(self.choice.feedback.strip()), classes="feedback-text")
                yield Static(Content(effects_text(self.choice.effects, self.track_names)), classes="effects")
            yield Button("Continue", variant="primary", id="continue")

    def on_mount(self) -> None:
        self.query_one("#continue").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
