"""The analyst's notebook: every fact collected with its status and source, and the glossary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TabbedContent, TabPane

from ...content.facts import status_key
from ...content.models import Fact, GlossaryEntry
from ..widgets.fact_list import FactList
from ..styles import GAME_CSS


class NotebookDialog(ModalScreen[None]):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("escape,ctrl+n", "close", "Close"),
        Binding("g", "show_tab('glossary')", "Glossary"),
        Binding("f", "show_tab('facts')", "Facts"),
    ]

    def __init__(self, facts: tuple[Fact, ...], glossary: tuple[GlossaryEntry, ...]) -> None:
        """``glossary``: the terms the player has met so far (see content.glossary)."""
        super().__init__()
        self.facts = facts
        self.glossary = glossary

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="notebook"):
            yield Static("Notebook  (Esc closes)", classes="dialog-title", markup=False)
            with TabbedContent(initial="facts"):
                with TabPane(f"Facts ({len(self.facts)})", id="facts"):
                    with VerticalScroll():
                        if self.facts:
                            yield FactList(self.facts)
                            yield Static("What the labels mean:\n" + "\n".join(status_key()),
                                         classes="status-key", markup=False)
                        else:
                            yield Static("No facts yet.", markup=False)
                with TabPane("Glossary", id="glossary"):
                    with VerticalScroll():
                        for entry in self.glossary:
                            yield Static(Content.assemble((entry.term, "bold"), " — ",
                                                          entry.meaning), classes="glossary-entry")
                        if not self.glossary:
                            yield Static("No terms yet.", markup=False)

    def on_mount(self) -> None:
        self.action_show_tab("facts")

    def action_show_tab(self, tab: str) -> None:
        """Show a tab and give its list the keys, so arrows and PgUp/PgDn scroll it."""
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab} VerticalScroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
