"""The bar under the header: the scores so far, and who is playing in which mode."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..status import Status
from .literal_input import printable


class StatusBar(Horizontal):
    """The day and time are in the header above, so the scores get the width; the player's
    name (shown literally, never as markup) and the mode sit at the right."""

    # What the name keeps when the scores take the line: #who's min-width and padding-left.
    WHO_KEEPS = 14

    def __init__(self, status: Status, **kwargs) -> None:
        super().__init__(**kwargs)
        self.status = status

    def compose(self) -> ComposeResult:
        yield Static(self.status.scores, id="scores", markup=False)
        who = Static(printable(self.status.who), id="who", markup=False)
        who.display = bool(self.status.who)
        yield who

    def update(self, status: Status) -> None:
        self.status = status
        self.query_one("#scores", Static).update(self.scores_text())
        who = self.query_one("#who", Static)
        who.update(printable(status.who))
        who.display = bool(status.who)

    def scores_text(self) -> str:
        width = self.content_size.width - (self.WHO_KEEPS if self.status.who else 0)
        return self.status.scores_within(width) if width > 0 else self.status.scores

    def on_resize(self) -> None:
        self.query_one("#scores", Static).update(self.scores_text())
