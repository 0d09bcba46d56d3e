"""The title screen: the pack (a picker when there are several), who is playing, new game or
continue. It is the game's first frame, so it shows the packs' covers (pack.yaml alone) and
imports nothing of the engine; the pack's intro comes after New game (screens/intro.py)."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.header import GameHeader
from ...classroom.identity import MAX_NAME, clean_name
from ...content.cover import PackCover
from ...engine import Mode
from ..messages import StartGame
from ..widgets.keys_footer import KeysFooter
from ..widgets.literal_input import LiteralInput

HasSave = Callable[[str, str, str], bool]  # (pack id, class code, name) -> a save to continue


class TitleScreen(Screen):
    """Asks for a class code and a name unless the command line gave them (or the teacher is
    presenting). Both may stay empty to play on one's own; a class code needs a name."""

    def __init__(self, packs: list[PackCover], has_save: HasSave, *, mode: Mode = Mode.PRACTICE,
                 class_code: str = "", name: str = "") -> None:
        super().__init__()
        self.packs = packs
        self.has_save = has_save
        self.pack = packs[0]
        self.mode = mode
        self.given_class = class_code
        self.given_name = name
        self.ask_name = not name and mode is not Mode.PRESENTER
        self.ask_class = self.ask_name and not class_code
        self.save_shown: bool | None = None

    def compose(self) -> ComposeResult:
        yield GameHeader()
        with VerticalScroll(id="title-area"):
            yield Static(Content(self.pack.title), id="game-title")
            yield Static(self.role_text(), id="game-role")
            yield Static(Content(self.pack.span), id="game-days")
        with Vertical(id="menus"):
            if len(self.packs) > 1:
                yield Static("Choose a briefing:", classes="menu-label", id="packs-label",
                             markup=False)
                yield OptionList(*self.pack_options(), id="packs", markup=False)
            if self.given_name or self.given_class or self.mode is not Mode.PRACTICE:
                yield Static(Content(self.seat_text()), id="seat", classes="menu-label")
            if self.ask_name:
                yield from self.identity_form()
            yield OptionList(*self.menu_options(), id="menu", markup=False)
        yield KeysFooter()

    def role_text(self) -> Content:
        return Content(f"You are: {self.pack.role}" if self.pack.role else "")

    def pack_options(self) -> list[Option]:
        return [Option(cover.title, id=cover.id) for cover in self.packs]

    def offer(self, packs: list[PackCover]) -> None:
        """Only these packs now (the others did not compile)."""
        self.packs = packs
        if self.pack not in packs:
            self.show_pack(packs[0])
        if len(packs) > 1:
            self.query_one("#packs", OptionList).set_options(self.pack_options())
        else:
            for widget in self.query("#packs, #packs-label"):
                widget.display = False

    def seat_text(self) -> str:
        mode = f"{self.mode.label} mode"
        if self.mode is Mode.PRESENTER:
            return f"{mode}, for the projector (no result file)"
        if self.given_class:
            mode += f", class {self.given_class}"
        return f"Playing as {self.given_name} · {mode}" if self.given_name else mode

    def identity_form(self) -> ComposeResult:
        label = ("Your name (your class results are saved under it), then Enter:"
                 if self.given_class else "In a class? Your class code and name, then Enter:")
        yield Static(label, classes="menu-label", markup=False)
        with Horizontal(id="identity"):
            if self.ask_class:
                yield LiteralInput(placeholder="Class code", id="class-code", max_length=MAX_NAME)
            yield LiteralInput(placeholder="Your name", id="name", max_length=MAX_NAME)

    def identity(self) -> tuple[str, str]:
        """(class code, name) as they will be kept: cleaned, shown literally."""
        class_code, name = self.given_class, self.given_name
        if self.ask_class:
            class_code = self.query_one("#class-code", Input).value
        if self.ask_name:
            name = self.query_one("#name", Input).value
        return clean_name(class_code), clean_name(name)

    def menu_options(self) -> list[Option]:
        options = [Option("New game", id="new")]
        if self.save_shown:
            options.append(Option("Continue where you left off", id="continue"))
        options += [Option("How to play", id="help"), Option("Quit", id="quit")]
        return options

    def on_mount(self) -> None:
        self.sub_title = self.pack.role
        self.reset_menu()
        # The form first: a student types and presses Enter; someone on their own just
        # presses Enter (it does what the highlighted menu option does).
        if self.ask_class:
            self.query_one("#class-code", Input).focus()
        elif self.ask_name:
            self.query_one("#name", Input).focus()
        else:
            self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#packs")
    def pack_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_pack(next(p for p in self.packs if p.id == event.option.id))

    def show_pack(self, cover: PackCover) -> None:
        self.pack = cover
        self.sub_title = cover.role
        self.query_one("#game-title", Static).update(Content(cover.title))
        self.query_one("#game-role", Static).update(self.role_text())
        self.query_one("#game-days", Static).update(Content(cover.span))
        self.reset_menu(force=True)

    @on(Input.Changed)
    def identity_changed(self) -> None:
        self.reset_menu()

    @on(Input.Submitted)
    def identity_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        class_code, name = self.identity()
        if event.input.id == "class-code" and class_code and not name:
            self.query_one("#name", Input).focus()
            return
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is not None:
            self.act(menu.get_option_at_index(menu.highlighted).id)

    def reset_menu(self, force: bool = False) -> None:
        """Offer what this pack and this player allow, highlighting Continue when this player
        has a save (rebuilt only when that changes, not on every key typed)."""
        has_save = self.has_save(self.pack.id, *self.identity())
        if has_save == self.save_shown and not force:
            return
        self.save_shown = has_save
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        menu.add_options(self.menu_options())
        menu.highlighted = 1 if has_save else 0

    @on(OptionList.OptionSelected, "#packs")
    def pack_selected(self) -> None:
        self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#menu")
    def menu_selected(self, event: OptionList.OptionSelected) -> None:
        self.act(event.option.id)

    def act(self, action: str | None) -> None:
        if action in ("new", "continue"):
            class_code, name = self.identity()
            if class_code and not name:
                self.notify("Type your name first: your class results are saved under it.",
                            title="Who is playing?", severity="warning", markup=False)
                self.query_one("#name", Input).focus()
                return
            self.post_message(StartGame(self.pack.id, resume=action == "continue",
                                        class_code=class_code, name=name))
        elif action == "help":
            self.app.action_help()
        elif action == "quit":
            self.app.exit()
