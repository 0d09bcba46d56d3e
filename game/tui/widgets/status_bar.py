"""The bar under the header: the scores so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..status import Status


class StatusBar(Horizontal):
    """Scores only: the day and time are in the header above, so the scores get the width."""

    def __init__(self, status: Status, **kwargs) -> None:
        super().__init__(**kwargs)
        self.status = status

    def compose(self) -> ComposeResult:
        yield Static(self.status.scores, id="scores", markup=False)

    def update(self, status: Status) -> None:
        self.status = status
        self.query_one("#scores", Static).update(status.scores)
