"""The title screen: the pack (a picker when there are several), new game or continue."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from ...content.models import Pack
from ..messages import StartGame


class TitleScreen(Screen):
    def __init__(self, packs: list[Pack], saves: dict[str, bool]) -> None:
        super().__init__()
        self.packs = packs
        self.saves = saves
        self.pack = packs[0]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="title-area"):
            title = Static(Content(self.pack.manifest.title), id="game-title")
            # An intro that opens with its own heading already shows the title.
            title.display = not self.pack.manifest.intro.lstrip().startswith("#")
            yield title
            yield Static(Content(f"You are: {self.pack.manifest.role}"), id="game-role")
            yield Markdown(self.pack.manifest.intro, id="game-intro")
        with Vertical(id="menus"):
            if len(self.packs) > 1:
                yield Static("Choose a briefing:", classes="menu-label", markup=False)
                yield OptionList(*[Option(p.manifest.title, id=p.id) for p in self.packs],
                                 id="packs", markup=False)
            yield OptionList(*self.menu_options(), id="menu", markup=False)
        yield Footer()

    def menu_options(self) -> list[Option]:
        options = [Option("New game", id="new")]
        if self.saves.get(self.pack.id):
            options.append(Option("Continue where you left off", id="continue"))
        options += [Option("How to play", id="help"), Option("Quit", id="quit")]
        return options

    def on_mount(self) -> None:
        self.sub_title = self.pack.manifest.role
        self.reset_menu()
        self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#packs")
    def pack_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.pack = next(p for p in self.packs if p.id == event.option.id)
        title = self.query_one("#game-title", Static)
        title.update(Content(self.pack.manifest.title))
        title.display = not self.pack.manifest.intro.lstrip().startswith("#")
        self.query_one("#game-role", Static).update(Content(f"You are: {self.pack.manifest.role}"))
        self.query_one("#game-intro", Markdown).update(self.pack.manifest.intro)
        self.reset_menu()

    def reset_menu(self) -> None:
        """Offer what this pack allows, highlighting Continue when there is a save."""
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        menu.add_options(self.menu_options())
        menu.highlighted = 1 if self.saves.get(self.pack.id) else 0

    @on(OptionList.OptionSelected, "#packs")
    def pack_selected(self) -> None:
        self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#menu")
    def menu_selected(self, event: OptionList.OptionSelected) -> None:
        action = event.option.id
        if action == "new":
            self.post_message(StartGame(self.pack.id, resume=False))
        elif action == "continue":
            self.post_message(StartGame(self.pack.id, resume=True))
        elif action == "help":
            self.app.action_help()
        elif action == "quit":
            self.app.exit()
