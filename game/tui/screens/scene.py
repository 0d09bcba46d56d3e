"""A scene: the day and scores, the text to read, the facts it adds, then the choices; for a
presenter, the facilitator notes and discussion prompts beside it (below it when narrow)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, OptionList, Static

from ..widgets.header import GameHeader
from ...content.models import Question, Scene
from ...engine import ChoiceOption
from ...forecast_words import SETTLED_HEADING, read_then, waiting_words
from ..markdown_content import markdown_content
from ..messages import ChoiceMade, Proceed
from ..status import Status
from ..widgets.choice_list import ChoiceList
from ..widgets.fact_list import FactList
from ..widgets.keys_footer import KeysFooter
from ..widgets.status_bar import StatusBar
from ..paging import page_keys, turn_page
from ..styles import GAME_CSS

NUMBER_KEYS = [Binding(str(n), f"pick({n - 1})", show=False, id=f"pick-{n}") for n in range(1, 10)]


class SceneScreen(Screen):
    CSS_PATH = GAME_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # where the notes panel goes
    BINDINGS = [
        *NUMBER_KEYS,
        *page_keys("scroll_body", priority=True),
    ]

    def __init__(self, scene: Scene, choices: list[ChoiceOption], status: Status,
                 presenter: bool = False, waiting: tuple[Question, ...] = (),
                 settled: tuple[tuple[str, str, str], ...] = ()) -> None:
        """``waiting``: the questions still to answer here (their kinds word the way on);
        ``settled``: the forecasts arriving here settled, each (question, the line that
        scores it, what happened in Markdown)."""
        super().__init__()
        self.presenter = presenter
        self.scene = scene
        self.choices = choices
        self.status = status
        self.waiting = waiting
        self.settled = settled
        self.chosen = False

    def show(self, scene: Scene, choices: list[ChoiceOption], status: Status,
             waiting: tuple[Question, ...] = (),
             settled: tuple[tuple[str, str, str], ...] = ()) -> None:
        """The next scene on this same screen. The game keeps one SceneScreen and changes its
        widgets in place: building a new screen for every scene (a Header, a Footer and the
        stylesheet applied to each widget again) cost about four times as much per key."""
        self.app.hold_keys()  # what the keys act on is changing: see key_gate.py
        same_scene = scene is self.scene  # back from its questions: the text is already there
        self.scene, self.choices, self.status = scene, choices, status
        self.waiting, self.settled = waiting, settled
        self.chosen = False
        if self.presenter:  # the notes panel comes and goes with the scene: build it anew
            self.refresh(recompose=True)
            self.call_after_refresh(self.on_mount)
            return
        self.sub_title = f"{scene.day} · {scene.time}"
        self.set_status(status)
        if not same_scene:
            notice = self.query_one("#settled", Static)
            notice.update(self.settled_content())
            notice.display = bool(settled)
            self.query_one("#scene-title", Static).update(Content(scene.title))
            self.query_one("#scene-body", Markdown).update(scene.body)
            facts = self.query_one(FactList)
            facts.show(scene.facts)
            self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        prompt = self.query_one("#prompt", Static)
        prompt.update(self.prompt_content())
        prompt.display = bool(self.prompt_text())
        self.show_choices()

    def compose(self) -> ComposeResult:
        yield GameHeader()
        yield StatusBar(self.status)
        if self.presenter and (self.scene.notes.strip() or self.scene.discuss):
            with Horizontal(id="scene-columns"):
                yield from self.body()
                yield from self.facilitator_panel()
        else:
            yield from self.body()
        prompt = Static(self.prompt_content(), id="prompt")
        prompt.display = bool(self.prompt_text())
        yield prompt
        yield ChoiceList(id="choices", markup=False)
        yield KeysFooter()

    def body(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            # Under the title, so a scene that settles forecasts still opens on its own name.
            yield Static(Content(self.scene.title), id="scene-title")
            notice = Static(self.settled_content(), id="settled")
            notice.display = bool(self.settled)
            yield notice
            yield Markdown(self.scene.body, id="scene-body")
            yield FactList(self.scene.facts, heading="New in your notebook")

    def facilitator_panel(self) -> ComposeResult:
        with VerticalScroll(id="facilitator"):
            if self.scene.notes.strip():
                yield Static("Facilitator notes", classes="panel-heading", markup=False)
                yield Markdown(self.scene.notes, id="notes")
            if self.scene.discuss:
                yield Static("Discuss", classes="panel-heading", markup=False)
                for prompt in self.scene.discuss:
                    yield Static(Content(f"• {prompt.strip()}"), classes="discuss")

    def settled_content(self) -> Content:
        """The forecasts this scene settles: each question, the player's likelihood beside the
        outcome and the points, and what happened."""
        if not self.settled:
            return Content("")
        lines = [Content.styled(SETTLED_HEADING, "bold")]
        for ask, line, resolution in self.settled:
            lines += [Content(""), Content(" ".join(ask.split())), Content(line)]
            if resolution.strip():
                lines.append(markdown_content(resolution))
        return Content("\n").join(lines)

    @property
    def questions_waiting(self) -> int:
        return len(self.waiting)

    @property
    def deciding(self) -> bool:
        return self.scene.is_decision and not self.questions_waiting

    def prompt_text(self) -> str:
        if self.questions_waiting:
            return read_then(self.waiting)
        if self.deciding:
            question = " ".join(self.scene.prompt.split())
            how = f"pick with ↑ ↓ or 1–{len(self.choices)}, then press Enter."
            return f"Your call: {question}\n{how[0].upper()}{how[1:]}" if question else \
                f"Your call: {how}"
        return ""

    def prompt_content(self) -> Content:
        """The decision's own question stands out; the line on the keys stays quiet."""
        text = self.prompt_text()
        question = " ".join(self.scene.prompt.split())
        if self.deciding and question:
            return Content.assemble("Your call: ", (question, "bold $text"),
                                    text[text.index("\n"):])
        return Content(text)

    def show_choices(self) -> None:
        """The choices, or the one way on; a decision starts with none highlighted."""
        choices = self.query_one("#choices", ChoiceList)
        if self.questions_waiting:
            choices.show_choices([waiting_words(self.waiting)], first_highlighted=True)
        else:
            choices.show_choices([choice.text for choice in self.choices],
                                 first_highlighted=not self.deciding)
        choices.focus()

    def on_mount(self) -> None:
        self.sub_title = f"{self.scene.day} · {self.scene.time}"
        self.show_choices()

    def set_status(self, status: Status) -> None:
        self.query_one(StatusBar).update(status)

    @on(ChoiceList.NothingPicked)
    def ask_for_a_pick(self) -> None:
        prompt = self.query_one("#prompt", Static)
        prompt.update(Content.assemble(self.prompt_content(), "\n",
                                       ("Nothing is picked yet: press a choice's number or an "
                                        "arrow first, then Enter.", "bold $warning")))
        prompt.display = True

    @on(OptionList.OptionHighlighted, "#choices")
    def picked(self) -> None:
        if self.deciding:  # the line asking for a pick goes once one is made
            self.query_one("#prompt", Static).update(self.prompt_content())

    @on(OptionList.OptionSelected, "#choices")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        self.take(event.option_index)  # Enter on the highlighted choice, or a click

    def action_pick(self, index: int) -> None:
        """A number key: on a decision it only highlights the choice (Enter takes it)."""
        if self.deciding:
            self.query_one("#choices", ChoiceList).pick(index)
        else:
            self.take(index)

    def take(self, index: int) -> None:
        if self.questions_waiting:
            if index == 0:
                self.post_message(Proceed())
            return
        if 0 <= index < len(self.choices) and not self.chosen:
            self.chosen = True  # one decision per screen, however fast the keys come
            self.post_message(ChoiceMade(index, self.scene.id))

    def action_scroll_body(self, direction: int) -> None:
        turn_page(self.query_one("#body", VerticalScroll), direction)
