"""Resume codes (``play --resume-codes``): the dialog that asks for one before a protected save
continues, and the notice that shows a new game's code, once."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ...classroom.resume_codes import RETRY_PAUSE
from ..widgets.literal_input import LiteralInput


class ResumeCodeDialog(ModalScreen[str | None]):
    """Asks for the code until ``try_code(code)`` opens the save (it returns "", else what to
    tell): dismisses with the code, or with None on Escape (back to the title screen). After a
    wrong code the box is closed for RETRY_PAUSE seconds, so guessing is slow."""

    BINDINGS = [Binding("escape", "back", "Back to the title screen")]

    def __init__(self, try_code: Callable[[str], str]) -> None:
        super().__init__()
        self.check = try_code

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="resume-code"):
            yield Static("This saved game is protected by a resume code", classes="dialog-title",
                         markup=False)
            yield Static("Type the code you were given when this game started (as K7P-X3Q), "
                         "then Enter. Escape goes back to the title screen.", markup=False)
            yield LiteralInput(placeholder="Resume code", id="resume-code", max_length=20)
            yield Static("", id="resume-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Back", id="back")
                yield Button("Continue", variant="primary", id="try")

    def on_mount(self) -> None:
        self.query_one("#resume-code").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#try")
    def try_code(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        box = self.query_one("#resume-code", Input)
        if box.disabled:
            return  # still waiting after a wrong code
        typed = box.value
        problem = self.check(typed)
        if not problem:
            self.dismiss(typed)
            return
        box.value = ""
        box.disabled = True
        self.query_one("#resume-problem", Static).update(Content(problem))
        self.pause_before_retry()

    def pause_before_retry(self) -> None:
        """Reopen the box after RETRY_PAUSE seconds on the app's clock. Tests put their own in
        its place, to see the pause asked for and end it themselves without waiting."""
        self.set_timer(RETRY_PAUSE, self.reopen)

    def reopen(self) -> None:
        box = self.query_one("#resume-code", Input)
        box.disabled = False
        box.focus()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)


class ResumeCodeNotice(ModalScreen[None]):
    """A new game's resume code, shown once (the save keeps only its hash)."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="resume-code"):
            yield Static("Your resume code", classes="dialog-title", markup=False)
            yield Static(Content(self.message), id="resume-code-shown")
            with Horizontal(classes="buttons"):
                yield Button("I have written it down", variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
