"""Facts with their status and source, as the notebook and the scene show them."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...content.facts import fact_label
from ...content.models import Fact
from ...prose import in_quotes

# The label's words say the status; its colour only repeats them (NO_COLOR keeps the reverse).
COLOURS = {"reported": "primary", "claimed": "warning", "disputed": "error",
           "confirmed": "success"}


def fact_heading(fact: Fact) -> Content:
    return Content.assemble((f" {fact_label(fact)} ", f"$text-{status_colour(fact.status)} reverse"),
                            " ", fact.text)


def status_colour(status: str) -> str:
    return COLOURS.get(status, "primary")


class FactList(Vertical):
    """A heading, then each fact with its badge and its source quote."""

    def __init__(self, facts: Iterable[Fact], heading: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.facts = list(facts)
        self.heading = heading

    def on_mount(self) -> None:
        self.display = bool(self.facts)

    def show(self, facts: Iterable[Fact]) -> None:
        """Other facts in the same list (the next scene's)."""
        self.facts = list(facts)
        self.display = bool(self.facts)
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if self.heading:
            yield Static(self.heading, classes="fact-list-heading", markup=False)
        for fact in self.facts:
            yield Static(fact_heading(fact), classes="fact")
            yield Static(Content(f"{in_quotes(fact.source)}"), classes="fact-source")
