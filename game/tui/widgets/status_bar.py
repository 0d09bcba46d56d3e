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
        self.query_one("#scores", Static).update(status.scores)
        who = self.query_one("#who", Static)
        who.update(printable(status.who))
        who.display = bool(status.who)
