"""After a decision: why it was a strong or weak call, and what it did to each score track.
The feedback and what happened are the author's Markdown, drawn as such.

In presenter mode the verdict waits for the reveal key, and the reveal adds what the article
reports happened, for the class to discuss.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...content.models import Choice, Outcome
from ...prose import in_quotes
from ...score_words import effects_words
from ..markdown_content import markdown_content
from ..styles import GAME_CSS


def effects_text(effects, names: dict[str, str]) -> str:
    if not effects:
        return "No change to the scores."
    return effects_words(effects, names, sep="   ")


class FeedbackDialog(ModalScreen[None]):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("enter,escape,space", "close", "Continue"),
        Binding("r", "reveal", "Reveal", id="reveal"),
    ]

    def __init__(self, choice: Choice, track_names: dict[str, str], *, hidden: bool = False,
                 what_happened: Outcome | None = None) -> None:
        """``hidden``: presenter mode, where the verdict (and ``what_happened``) wait for R."""
        super().__init__()
        self.choice = choice
        self.track_names = track_names
        self.hidden = hidden
        self.what_happened = what_happened

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="feedback"):
            yield Static("You decided", classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Static(Content(self.choice.text), classes="choice-made")
                if self.hidden:
                    yield Static("Press R to reveal how the call scores and what the article "
                                 "reports, or Enter to go on.", id="reveal-prompt",
                                 classes="feedback-text", markup=False)
                verdict = [Static(markdown_content(self.choice.feedback), classes="feedback-text"),
                           Static(Content(effects_text(self.choice.effects, self.track_names)),
                                  classes="effects")]
                if self.what_happened and self.hidden:
                    verdict.append(Static(Content.assemble(
                        "What the article reports: ", markdown_content(self.what_happened.text),
                        f"\n{in_quotes(self.what_happened.source.strip())}"), classes="feedback-text"))
                for widget in verdict:
                    widget.display = not self.hidden
                    widget.add_class("verdict")
                    yield widget
            yield Button("Continue", variant="primary", id="continue")

    def on_mount(self) -> None:
        self.query_one("#continue").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.hidden if action == "reveal" else True

    def action_reveal(self) -> None:
        if self.hidden:
            self.hidden = False
            self.query_one("#reveal-prompt").display = False
            for widget in self.query(".verdict"):
                widget.display = True
            self.refresh_bindings()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
