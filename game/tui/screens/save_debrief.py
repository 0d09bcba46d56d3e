"""Saving the debrief: a dialog that asks for a file name (prefilled, in the current folder)
and a format, asks before replacing a file, and says in a sentence what is wrong with a name
it cannot write. Dismisses with the path written, or None (Escape, Cancel).

In a browser (``download``, under `briefing serve`) the name is the download's: the file goes
to the student's browser, never onto the computer serving the game."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from ...debrief_file import Format, Target, download_target, format_of, target, with_format
from ..styles import GAME_CSS
from ..widgets.literal_input import LiteralInput
from .confirm import ConfirmDialog

WriteDebrief = Callable[[Path, Format], str]  # writes; "" when done, else why not



class FormatButton(RadioButton):
    """A radio button whose dot shows only when it is on: Textual draws the same dot in both
    and tells them apart by colour alone, which NO_COLOR (and colour blindness) takes away."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802  (Textual's name, read by ToggleButton)
        return RadioButton.BUTTON_INNER if self.value else " " * len(RadioButton.BUTTON_INNER)


class SaveDebriefDialog(ModalScreen[Path | None]):
    CSS_PATH = GAME_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, write: WriteDebrief, download: bool = False) -> None:
        super().__init__()
        self.suggested = name  # in the current folder, or the download's name
        self.write = write
        self.download = download

    @property
    def folder(self) -> Path:
        return Path.cwd()

    @property
    def chosen_format(self) -> Format:
        pressed = self.query_one("#save-format", RadioSet).pressed_button
        return Format.HTML if pressed is not None and pressed.id == "format-html" \
            else Format.MARKDOWN

    def compose(self) -> ComposeResult:
        named = format_of(self.suggested) or Format.MARKDOWN
        with Vertical(id="dialog", classes="save-debrief"):
            yield Static("Save the debrief", classes="dialog-title", markup=False)
            where = ("File name: it downloads to your browser's downloads folder."
                     if self.download else
                     f"File name, in {self.folder} unless you type a path:")
            yield Static(Content(where), id="save-where")
            yield LiteralInput(value=self.suggested, id="save-name", max_length=1024)
            with RadioSet(id="save-format"):
                yield FormatButton("Markdown (.md)", value=named is Format.MARKDOWN,
                                  id="format-md")
                yield FormatButton("HTML, a web page you can print (.html)",
                                  value=named is Format.HTML, id="format-html")
            yield Static("", id="save-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        # The whole name is selected (Textual's way): typing replaces it, and a name typed
        # without an ending gets the chosen format's.
        self.query_one("#save-name", Input).focus()

    @on(Input.Changed, "#save-name")
    def name_changed(self, event: Input.Changed) -> None:
        """A name ending in .md or .html picks its format."""
        named = format_of(event.value)
        if named is not None and named is not self.chosen_format:
            self.query_one(f"#format-{named.value}", RadioButton).value = True

    @on(RadioSet.Changed, "#save-format")
    def format_changed(self) -> None:
        """Another format changes the name's ending to match."""
        box = self.query_one("#save-name", Input)
        fmt = self.chosen_format
        if format_of(box.value) is not fmt and box.value.strip():
            box.value = with_format(box.value, fmt)

    def tell(self, problem: str) -> None:
        self.query_one("#save-problem", Static).update(Content(problem))

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save")
    def save(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        typed = self.query_one("#save-name", Input).value
        where = (download_target(typed, self.chosen_format) if self.download
                 else target(typed, self.chosen_format, self.folder))
        if where.problem:
            self.tell(where.problem)
            return
        if where.exists:
            question = (f"{where.path.name} is already in {where.path.parent}. "
                        "Replace it with this debrief?")
            self.app.push_screen(ConfirmDialog(question, yes="Replace", no="Keep it"),
                                 lambda replace: self.write_to(where) if replace else
                                 self.tell("Not saved: the file is kept as it was. Type "
                                           "another name, or Save again to replace it."))
            return
        self.write_to(where)

    def write_to(self, where: Target) -> None:
        problem = self.write(where.path, where.fmt)
        if problem:
            self.tell(problem)
        else:
            self.dismiss(where.path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
