"""The Textual app: the one owner that calls the engine, autosaves (and writes the result file),
and decides which screen shows."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Iterable

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from ..classroom.identity import class_seed, clean_name, new_attempt_id
from ..classroom.results import try_write_result
from ..content import compile_pack
from ..content.glossary import reached_glossary
from ..content.models import Pack
from ..crashlog import write_crash_log
from ..engine import (
    EngineError,
    IncompatibleSave,
    InvalidAnswer,
    NotAllowed,
    Phase,
    Story,
    build_debrief,
)
from ..paths import results_root
from ..saves import SaveStore, save_slot
from .messages import AnswerGiven, ChoiceMade, HintAsked, Proceed, StartGame
from .screens.confirm import ConfirmDialog
from .screens.debrief import DebriefScreen
from .screens.feedback import FeedbackDialog
from .screens.help import HelpDialog
from .screens.notebook import NotebookDialog
from .screens.pack_errors import PackErrorsDialog
from .screens.question import QuestionScreen
from .screens.scene import SceneScreen
from .screens.title import TitleScreen
from .screens.too_small import TooSmallScreen, too_small
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
                 watch: bool = False, mode: str = "practice", class_code: str = "",
                 name: str = "", same_order: bool = False, results_dir: Path | None = None):
        super().__init__()
        self.mode = mode
        # Who plays: given on the command line (then the title screen does not ask), or typed
        # on the title screen. Cleaned once here; shown literally everywhere.
        self.given = (clean_name(class_code), clean_name(name))
        self.playing_as = self.given
        self.same_order = same_order
        self.results_dir = results_dir  # None: no result files (previews)
        self.result_problem = ""  # why the last result write failed, told once per failure run
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
        self.enlarge: TooSmallScreen | None = None  # on top of the stack while the terminal is too small

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
                        "`briefing validate` to see them.", severity="warning", timeout=10,
                        markup=False)

    # -- a terminal below 80x24 -------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size.width, event.size.height)

    def fit_to(self, width: int, height: int) -> None:
        """Cover the game with a request to enlarge the terminal while it is too small, and
        uncover it, exactly as it was, once it is big enough."""
        if not too_small(width, height):
            self.lift_enlarge()
        elif self.enlarge is None:
            self.enlarge = TooSmallScreen(width, height)
            super().push_screen(self.enlarge)
        else:
            self.enlarge.show_size(width, height)

    def lift_enlarge(self) -> bool:
        """Take the request off the top of the stack; True when it was there."""
        notice, self.enlarge = self.enlarge, None
        if notice is None:
            return False
        if self.screen is notice:
            super().pop_screen()
        return True

    def push_screen(self, screen, *args, **kwargs):
        # The game moves on under the request (a timer, a reload): the new screen goes beneath
        # it, so the request stays on top.
        covered = self.lift_enlarge()
        result = super().push_screen(screen, *args, **kwargs)
        if covered:
            self.fit_to(*self.size)
        return result

    def switch_screen(self, screen):
        covered = self.lift_enlarge()
        result = super().switch_screen(screen)
        if covered:
            self.fit_to(*self.size)
        return result

    def title_screen(self) -> TitleScreen:
        def has_save(pack_id: str, class_code: str, name: str) -> bool:
            return self.store.exists(save_slot(pack_id, self.mode, class_code, name))

        class_code, name = self.given
        screen = TitleScreen(list(self.packs.values()), has_save, mode=self.mode,
                             class_code=class_code, name=name)
        return self.dress(screen)

    def dress(self, screen: Screen) -> Screen:
        """Presenter mode's large, high-contrast look is a class on every screen."""
        screen.set_class(self.mode == "presenter", "presenter")
        return screen

    @on(StartGame)
    def start_game(self, message: StartGame) -> None:
        pack = self.packs[message.pack_id]
        self.playing_as = (message.class_code, message.name)
        slot = save_slot(pack.id, self.mode, *self.playing_as)
        if message.resume:
            loaded = self.store.load(slot)
            if loaded.state is None:
                self.notify(loaded.problem, title="Cannot continue", severity="error", timeout=12,
                            markup=False)
                self.switch_screen(self.title_screen())
                return
            try:
                self.story = Story(pack, loaded.state)
            except IncompatibleSave as exc:
                # Made with another version of the pack: kept aside (not deleted), so the title
                # screen offers a new game instead of the same dead end.
                kept = self.store.set_aside(self.store.path_for(slot), str(exc), suffix=".old")
                self.notify(f"{kept} The pack has changed since this game was saved, so it "
                            "cannot go on from there. Choose New game to start again.",
                            title="Cannot continue", severity="error", timeout=15,
                            markup=False)
                self.switch_screen(self.title_screen())
                return
            self.read_scene = self.story.scene.id if self.story.state.question_index else None
            self.show_current()
            return
        if self.store.exists(slot):
            def confirmed(replace: bool | None) -> None:
                if replace:
                    self.begin(pack)

            self.push_screen(ConfirmDialog("Start a new game? Your saved game will be replaced.",
                                           yes="New game", no="Keep it"), confirmed)
            return
        self.begin(pack)

    def begin(self, pack: Pack, start: str | None = None) -> None:
        """A new game for whoever is playing: with a class code, the option order comes from
        the class and the name (or the class alone with same_order)."""
        class_code, name = self.playing_as
        seed = class_seed(class_code, name, self.same_order) if class_code else self.seed
        self.story = Story(pack, seed=seed, start=start, mode=self.mode, class_code=class_code,
                           player=name, same_order=self.same_order and bool(class_code),
                           attempt_id=new_attempt_id())
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
        scene = story.scene
        try:
            outcome = story.choose(message.index)
        except EngineError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.read_scene = None
        self.autosave()
        if outcome.choice is None:
            self.show_current()
            return
        if story.state.mode == "exam":  # the debrief says how it scored
            self.notify("Decision recorded.", timeout=3)
            self.show_current()
            return
        names = {t.id: t.name for t in story.pack.manifest.tracks}
        presenter = story.state.mode == "presenter"
        dialog = FeedbackDialog(outcome.choice, names, hidden=presenter,
                                what_happened=scene.what_happened)
        self.push_screen(self.dress(dialog), lambda _: self.show_current())

    @on(AnswerGiven)
    def answer_given(self, message: AnswerGiven) -> None:
        story = self.story
        if story is None or not isinstance(self.screen, QuestionScreen):
            return
        waiting = story.retry_question if message.retry else story.pending_question
        if waiting is None or message.question_id != waiting.id:
            return  # stale: meant for a question already answered
        try:
            result = (story.retry if message.retry else story.answer)(message.response)
        except InvalidAnswer as exc:
            self.notify(f"That answer cannot be used: {exc}.", severity="warning", markup=False)
            return
        except NotAllowed as exc:
            self.notify(f"Not in this mode: {exc}.", severity="warning", markup=False)
            return
        self.autosave()
        again = story.retry_question
        self.screen.show_feedback(result, story.retry_ceiling(again) if again else None)
        self.refresh_status()

    @on(HintAsked)
    def hint_asked(self, message: HintAsked) -> None:
        story = self.story
        if (story is None or not isinstance(self.screen, QuestionScreen)
                or story.pending_question is None
                or story.pending_question.id != message.question_id):
            return
        try:
            hint = story.take_hint()
        except EngineError as exc:
            self.notify(f"No hint: {exc}.", severity="warning", markup=False)
            return
        self.autosave()
        self.screen.show_hint(hint)

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
                        severity="error", timeout=10, markup=False)
        self.write_result()

    @property
    def writes_results(self) -> bool:
        """A named player's game writes a result file; a presenter's (the class's answers, not
        one student's) and an author's preview do not."""
        state = self.story.state
        return (bool(state.player) and state.mode != "presenter" and not self.start_at
                and self.results_dir is not None)

    def write_result(self) -> Path | None:
        """Write this attempt's result file (partial until the game ends). A failure is told
        in words, once until it works again, and never stops the game or its save."""
        if not self.writes_results:
            return None
        path, reason = try_write_result(self.results_dir, self.story.pack, self.story.state)
        if path is None:
            if not self.result_problem:
                self.notify(f"Could not write your result file for the teacher ({reason}). "
                            "Your game itself is saved; tell your teacher.",
                            title="Result not saved", severity="error", timeout=12,
                            markup=False)
            self.result_problem = reason
            return None
        self.result_problem = ""
        return path

    # -- which screen shows ------------------------------------------------------------------

    def show_current(self) -> None:
        story = self.story
        if story is None:
            self.switch_screen(self.title_screen())
            return
        status, state = status_line(story), story.state
        if story.phase is Phase.ENDED:
            self.switch_screen(self.dress(DebriefScreen(build_debrief(story.pack, state))))
            self.final_result()
        elif story.phase is Phase.AWAITING_ANSWER and self.read_scene == story.scene.id:
            presented = story.question
            hint = presented.question.hint if presented.question.id in state.hints else ""
            self.switch_screen(self.dress(QuestionScreen(presented, status, blink=self.blink,
                                                         mode=state.mode, hint=hint)))
        else:
            self.switch_screen(self.dress(SceneScreen(
                story.scene, story.choices, status,
                questions_waiting=len(story.scene.questions) - state.question_index,
                presenter=state.mode == "presenter")))

    def final_result(self) -> None:
        """At the debrief: the completed result, written once more, and where it went."""
        if not self.writes_results:
            return
        path = self.write_result()
        if path is not None:
            self.notify(f"Your result is saved in {path}.", title="Result saved", timeout=10,
                        markup=False)
        else:
            self.notify(f"Your result file could not be written ({self.result_problem}). "
                        "Tell your teacher before you close the game.",
                        title="Result not saved", severity="error", timeout=30, markup=False)

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
            self.notify(f"Reloaded {folder.name}.", markup=False)
            return
        state = self.story.state
        scene = result.pack.scenes.get(state.scene)
        if scene is None:
            self.notify(f"The scene '{state.scene}' is gone; starting again from the first scene.",
                        severity="warning", markup=False)
            self.begin(result.pack, start=self.start_at if self.start_at in result.pack.scenes
                       else None)
            return
        state.question_index = min(state.question_index, len(scene.questions))
        self.story = Story(result.pack, state, clock=self.story.clock)
        self.notify(f"Reloaded {folder.name}; you are still in '{state.scene}'.", markup=False)
        self.show_current()

    # -- actions and commands ----------------------------------------------------------------

    def action_help(self) -> None:
        if self.enlarge is not None:
            return  # nothing opens behind the request to enlarge the terminal
        if isinstance(self.screen, HelpDialog):
            self.pop_screen()  # the same key closes it
        else:
            self.push_screen(HelpDialog())

    def action_notebook(self) -> None:
        if self.enlarge is not None:
            return
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
             watch: bool = False, mode: str = "practice", class_code: str = "", name: str = "",
             same_order: bool = False, results_dir: Path | None = None) -> BriefingApp:
    """The app factory that the CLI and the tests share. Results go to ``results_dir``, by
    default the ``results`` folder beside the saves."""
    return BriefingApp(packs, SaveStore(data_dir), seed=seed, skipped=skipped, blink=blink,
                       start_at=start_at, watch=watch, mode=mode, class_code=class_code,
                       name=name, same_order=same_order,
                       results_dir=results_dir or results_root(Path(data_dir)))
