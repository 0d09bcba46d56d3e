"""The bar under the header: when it is in the story, and the scores so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..status import Status


class StatusBar(Horizontal):
    def __init__(self, status: Status, **kwargs) -> None:
        super().__init__(**kwargs)
        self.status = status

    def compose(self) -> ComposeResult:
        yield Static(self.status.when, id="when", markup=False)
        yield Static(self.status.scores, id="scores", markup=False)

    def update(self, status: Status) -> None:
        self.status = status
        self.query_one("#when", Static).update(status.when)
        self.query_one("#scores", Static).update(status.scores)
