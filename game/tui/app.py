"""The Textual app: the one owner that calls the engine, autosaves, and decides which screen shows."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Iterable

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from ..content import compile_pack
from ..content.glossary import reached_glossary
from ..content.models import Pack
from ..crashlog import write_crash_log
from ..engine import (
    EngineError,
    IncompatibleSave,
    InvalidAnswer,
    Phase,
    Story,
    build_debrief,
)
from ..saves import SaveStore
from .messages import AnswerGiven, ChoiceMade, Proceed, StartGame
from .screens.confirm import ConfirmDialog
from .screens.debrief import DebriefScreen
from .screens.feedback import FeedbackDialog
from .screens.help import HelpDialog
from .screens.notebook import NotebookDialog
from .screens.pack_errors import PackErrorsDialog
from .screens.question import QuestionScreen
from .screens.scene import SceneScreen
from .screens.title import TitleScreen
from .status import status_line
from .watch import PackWatcher


class BriefingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    BINDINGS = [
        # Priority, so they work inside dialogs too (Textual skips the app's plain bindings there).
        Binding("f1", "help", "Help", id="help", tooltip="How to play and the keys",
                priority=True),
        Binding("question_mark", "help", "Help", show=False, id="help-alt"),
        Binding("ctrl+n", "notebook", "Notebook", id="notebook",
                tooltip="The facts you have collected, with their sources", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Quit; your progress is saved",
                priority=True),
    ]

    def __init__(self, packs: list[Pack], store: SaveStore, *, seed: int | None = None,
                 skipped: Iterable[Path] = (), blink: bool = True, start_at: str | None = None,
                 watch: bool = False):
        super().__init__()
        self.start_at = start_at  # preview from this scene; saves go to a separate slot
        self.watch = watch
        self.packs = {pack.id: pack for pack in packs}
        self.store = store
        self.seed = seed
        self.skipped = list(skipped)
        self.blink = blink  # tests turn the cursor blink off for stable snapshots
        self.story: Story | None = None
        self.read_scene: str | None = None  # the scene whose text was read before its questions
        self.crash_report: Path | None = None

    # -- start and resume ------------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(self.title_screen())
        if self.watch:
            self.watchers = {pack.id: PackWatcher(Path(pack.root)) for pack in self.packs.values()}
            self.set_interval(1.0, self.reload_changed_packs)
        if self.start_at:
            # after the first refresh, so the title screen is mounted before it is replaced
            self.call_after_refresh(self.begin, next(iter(self.packs.values())), self.start_at)
        for folder in self.skipped:
            self.notify(f"The pack in {folder} has errors and was left out. Run "
                        "`briefing validate` to see them.", severity="warning", timeout=10)

    def title_screen(self) -> TitleScreen:
        saves = {}
        for pack_id, pack in self.packs.items():
            if self.store.exists(pack_id):
                saves[pack_id] = True
        return TitleScreen(list(self.packs.values()), saves)

    @on(StartGame)
    def start_game(self, message: StartGame) -> None:
        pack = self.packs[message.pack_id]
        if message.resume:
            loaded = self.store.load(pack.id)
            if loaded.state is None:
                self.notify(loaded.problem, title="Cannot continue", severity="error", timeout=12)
                self.switch_screen(self.title_screen())
                return
            try:
                self.story = Story(pack, loaded.state)
            except IncompatibleSave as exc:
                self.notify(f"The saved game cannot be resumed: {exc}. Start a new game.",
                            title="Cannot continue", severity="error", timeout=12)
                return
            self.read_scene = self.story.scene.id if self.story.state.question_index else None
            self.show_current()
            return
        if self.store.exists(pack.id):
            def confirmed(replace: bool | None) -> None:
                if replace:
                    self.begin(pack)

            self.push_screen(ConfirmDialog("Start a new game? Your saved game will be replaced.",
                                           yes="New game", no="Keep it"), confirmed)
            return
        self.begin(pack)

    def begin(self, pack: Pack, start: str | None = None) -> None:
        self.story = Story(pack, seed=self.seed, start=start)
        self.read_scene = None
        self.autosave()
        self.show_current()

    # -- the one place that calls the engine -------------------------------------------------

    @on(ChoiceMade)
    def choice_made(self, message: ChoiceMade) -> None:
        story = self.story
        if (story is None or story.phase is not Phase.AWAITING_CHOICE
                or message.scene_id != story.scene.id):
            return  # stale: a key press that arrived after the scene changed
        try:
            outcome = story.choose(message.index)
        except EngineError as exc:
            self.notify(str(exc), severity="error")
            return
        self.read_scene = None
        self.autosave()
        if outcome.choice is None:
            self.show_current()
            return
        names = {t.id: t.name for t in story.pack.manifest.tracks}
        self.push_screen(FeedbackDialog(outcome.choice, names), lambda _: self.show_current())

    @on(AnswerGiven)
    def answer_given(self, message: AnswerGiven) -> None:
        story = self.story
        if (story is None or story.question is None or not isinstance(self.screen, QuestionScreen)
                or message.question_id != story.question.question.id):
            return  # stale: meant for a question already answered
        try:
            result = story.answer(message.response)
        except InvalidAnswer as exc:
            self.notify(f"That answer cannot be used: {exc}.", severity="warning")
            return
        self.autosave()
        self.screen.show_feedback(result)
        self.refresh_status()

    @on(Proceed)
    def proceed(self) -> None:
        if self.story and self.story.phase is Phase.AWAITING_ANSWER:
            self.read_scene = self.story.scene.id
        self.show_current()

    @property
    def save_slot(self) -> str | None:
        return f"{self.story.pack.id}.preview" if self.start_at else None

    def autosave(self) -> None:
        try:
            self.store.save(self.story.state, self.save_slot)
        except OSError as exc:
            self.notify(f"Could not save your progress: {exc.strerror or exc}.",
                        severity="error", timeout=10)

    # -- which screen shows ------------------------------------------------------------------

    def show_current(self) -> None:
        story = self.story
        if story is None:
            self.switch_screen(self.title_screen())
            return
        status = status_line(story)
        if story.phase is Phase.ENDED:
            self.switch_screen(DebriefScreen(build_debrief(story.pack, story.state)))
        elif story.phase is Phase.AWAITING_ANSWER and self.read_scene == story.scene.id:
            self.switch_screen(QuestionScreen(story.question, status, blink=self.blink))
        else:
            self.switch_screen(SceneScreen(story.scene, story.choices, status,
                                           questions_waiting=len(story.scene.questions)
                                           - story.state.question_index))

    def refresh_status(self) -> None:
        if self.story is not None and hasattr(self.screen, "set_status"):
            self.screen.set_status(status_line(self.story))

    def back_to_title(self) -> None:
        while isinstance(self.screen, ModalScreen):  # close dialogs, then leave the game screen
            self.pop_screen()
        self.story = None
        self.switch_screen(self.title_screen())

    # -- live authoring (--watch) -------------------------------------------------------------

    def reload_changed_packs(self) -> None:
        for pack_id, watcher in self.watchers.items():
            if watcher.changed():
                self.reload_pack(pack_id, watcher.folder)

    def reload_pack(self, pack_id: str, folder: Path) -> None:
        result = compile_pack(folder)
        showing = isinstance(self.screen, PackErrorsDialog)
        if not result.ok:
            if showing:
                self.pop_screen()
            self.push_screen(PackErrorsDialog(result.errors or result.diagnostics))
            return
        if showing:
            self.pop_screen()
        self.packs[pack_id] = result.pack
        if self.story is None or self.story.pack.id != pack_id:
            self.notify(f"Reloaded {folder.name}.")
            return
        state = self.story.state
        scene = result.pack.scenes.get(state.scene)
        if scene is None:
            self.notify(f"The scene '{state.scene}' is gone; starting again from the first scene.",
                        severity="warning")
            self.begin(result.pack, start=self.start_at if self.start_at in result.pack.scenes
                       else None)
            return
        state.question_index = min(state.question_index, len(scene.questions))
        self.story = Story(result.pack, state, clock=self.story.clock)
        self.notify(f"Reloaded {folder.name}; you are still in '{state.scene}'.")
        self.show_current()

    # -- actions and commands ----------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            self.pop_screen()  # the same key closes it
        else:
            self.push_screen(HelpDialog())

    def action_notebook(self) -> None:
        if self.story is None:
            self.notify("Start or continue a game to open your notebook.")
            return
        if isinstance(self.screen, NotebookDialog):
            self.pop_screen()  # the same key closes it
            return
        debrief = build_debrief(self.story.pack, self.story.state)
        glossary = reached_glossary(self.story.pack, self.story.state.visited)
        self.push_screen(NotebookDialog(debrief.notebook, glossary))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Notebook", "The facts you have collected, with sources",
                            self.action_notebook)
        yield SystemCommand("Help", "How to play, scoring and keys", self.action_help)
        yield SystemCommand("Title screen", "Back to the title screen (progress is saved)",
                            self.back_to_title)
        yield from super().get_system_commands(screen)

    # -- no traceback reaches the player -----------------------------------------------------

    def _fatal_error(self) -> None:
        # Textual's default prints a full traceback with locals on exit; players get a sentence
        # instead (see cli.command_play) and the details go to a log file.
        self.crash_report = write_crash_log(self.store.folder.parent, traceback.format_exc())
        self._close_messages_no_wait()


def make_app(packs: list[Pack], *, data_dir: Path, seed: int | None = None,
             skipped: Iterable[Path] = (), blink: bool = True, start_at: str | None = None,
             watch: bool = False) -> BriefingApp:
    """The app factory that the CLI and the tests share."""
    return BriefingApp(packs, SaveStore(data_dir), seed=seed, skipped=skipped, blink=blink,
                       start_at=start_at, watch=watch)
