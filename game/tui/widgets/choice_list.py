"""The choices of a decision: every one in sight, wrapped under its number, and none taken by
accident.

A decision is two keys: one picks (an arrow or the choice's number, which only highlights it),
Enter takes it. Nothing is highlighted when the choices appear, so the Enter that closed the
last feedback, pressed once too often, takes nothing; and options are shuffled, so a number
typed from habit must not decide either.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class NumberedChoice:
    """A choice's text wrapped beside its number, so each choice's lines stand apart (a hanging
    indent, as on paper). ``str()`` gives it as one line, "2. The text"."""

    def __init__(self, number: int, text: str) -> None:
        self.number, self.text = number, text

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    def __rich_console__(self, console, options):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(f"{self.number}.", Text(self.text))  # Text: brackets are never markup
        yield grid


class ChoiceList(OptionList):
    """OptionList with no highlight to start with; Enter with none asks for a pick first."""

    class NothingPicked(Message):
        """Enter with no choice highlighted: the screen says how to pick (in its prompt line,
        not a notice, which would cover the choices' right half)."""

    def show_choices(self, texts: list[str], first_highlighted: bool = False) -> None:
        """``first_highlighted``: a single way on that is not a decision (Enter just goes on)."""
        self.set_options([Option(NumberedChoice(n, text), id=f"choice-{n - 1}")
                          for n, text in enumerate(texts, start=1)])
        self.highlighted = 0 if first_highlighted else None
        self.scroll_home(animate=False)

    def pick(self, index: int) -> None:
        """A number key: highlight that choice; Enter then takes it."""
        if 0 <= index < self.option_count:
            self.highlighted = index

    def action_select(self) -> None:
        if self.highlighted is None and self.option_count:
            self.post_message(self.NothingPicked())
            return
        super().action_select()
