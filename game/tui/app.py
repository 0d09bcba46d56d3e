"""The Textual app: the one owner that calls the engine, autosaves through the game session
(which also writes the result file; see game/session), and decides which screen shows.

The title screen is the first frame, and it waits only for Textual and the packs' covers: the
engine, the compiler and the other screens are imported where they are first used (the
imports inside methods below are there for that), and the packs compile in a worker once that
frame is painted (see shelf.py).
"""

from __future__ import annotations

import traceback
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import ModalScreen, Screen

from ..classroom.serve_limits import MAX_COLUMNS, MAX_ROWS
from ..crashlog import write_crash_log
from ..engine import Mode
from ..session import Autosaved, GameSession, Settings
from ..session.words import (RESULT_SAVED, not_saved, result_lost, result_not_written,
                             result_saved)
from .key_gate import KeysInOrder
from .messages import AnswerGiven, ChoiceMade, HintAsked, Proceed, StartGame
from .screens.title import TitleScreen
from .screens.too_small import KeepsEnlargeOnTop
from .shelf import PackShelf
from .starting import StartsGames
from .watch import ReloadsPacks

if TYPE_CHECKING:
    from ..content.models import Pack
    from ..engine import Story
    from .screens.check import CheckScreen
    from .screens.question import QuestionScreen
    from .screens.scene import SceneScreen

# What a game needs beyond the title screen, imported by the compiling worker after the first
# frame so that New game does not wait for it.
WARM_UP = ("game.content.glossary", "game.classroom.results", "game.tui.status", "game.tui.screens.intro",
           "game.tui.screens.scene", "game.tui.screens.question", "game.tui.screens.feedback",
           "game.tui.screens.debrief", "game.tui.screens.confirm", "game.tui.screens.check",
           "game.tui.screens.save_debrief")


class BriefingApp(KeysInOrder, StartsGames, ReloadsPacks, KeepsEnlargeOnTop, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    # Under 24 rows (a browser at a large font) every screen gets the class -short, and
    # game.tcss tightens the space around the words (the compact layout; too_small.py has the
    # smallest size it plays at).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
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

    def __init__(self, shelf: PackShelf, settings: Settings):
        super().__init__()
        self.settings = settings
        self.session = GameSession(settings)  # who plays, saves, result files: the rules
        self.shelf = shelf
        self.read_scene: str | None = None  # the scene whose text was read before its questions
        self.crash_report: Path | None = None
        self.scene_screen: SceneScreen | None = None  # see game_screen
        self.question_screen: QuestionScreen | None = None
        self.check_screen: CheckScreen | None = None  # the pre/post check, while it lasts

    @property
    def packs(self) -> dict[str, Pack]:
        return self.shelf.packs

    @property
    def story(self) -> Story | None:
        """The game being played, kept by the session."""
        return self.session.story

    # -- the title screen, and the packs behind it -------------------------------------------

    def get_default_screen(self) -> Screen:
        """The title screen is the first screen itself, not pushed over an empty default one:
        a screen fewer to build and style before the first frame (about a tenth of it)."""
        screen = self.title_screen()
        # What push_screen would give it; without one, Textual's switch_screen (which the
        # game uses to leave the title) fails on the first screen of the stack.
        screen._push_result_callback(self, None)
        return screen

    async def _on_resize(self, event: events.Resize) -> None:
        """In a browser (`briefing serve`), never a screen bigger than the server allows,
        whatever the input asked for: the server also strips the terminal's in-band resize
        report from the keys, and this is the second line (issue 13)."""
        # Textual calls each class's _on_resize down the MRO: App's own comes next, with the
        # size asked for, unless prevent_default() stops the walk here.
        if self.is_web and (event.size.width > MAX_COLUMNS or event.size.height > MAX_ROWS):
            event.prevent_default()
            size = Size(min(event.size.width, MAX_COLUMNS), min(event.size.height, MAX_ROWS))
            await super()._on_resize(events.Resize(size, size))

    def on_mount(self) -> None:
        self.watch_screen_changes()
        if self.shelf.waiting:  # once the title screen is painted
            # A worker that fails is a bug: it ends the game with the crash log, as any other
            # (New game would otherwise wait for the packs for ever).
            self.call_after_refresh(self.run_worker, self.compile_packs, thread=True,
                                    name="compile packs")
        if self.settings.watch:
            self.watch_packs()
        if self.settings.start_at:
            # after the first refresh, so the title screen is mounted before it is replaced
            self.call_after_refresh(self.begin, next(iter(self.packs.values())),
                                    self.settings.start_at)
        self.tell_left_out(self.shelf.skipped)
        self.tell_same_id()

    def compile_packs(self) -> None:
        """In a thread: compile the packs, then import what a game needs while the player is
        still reading the title screen."""
        results = self.shelf.compile_waiting()
        try:
            self.call_from_thread(self.packs_compiled, results)
        except RuntimeError:
            return  # the player quit before the packs were ready: nothing is waiting for them
        from ..engine import Story, build_debrief  # noqa: F401  (loaded here, off the UI thread)

        for module in WARM_UP:
            import_module(module)

    def packs_compiled(self, results) -> None:
        offered = len(self.shelf.covers)
        dropped = self.shelf.shelve(results)
        if self.shelf.unplayable:
            self.exit(return_code=1)  # the CLI prints what is wrong, where the author can read it
            return
        self.tell_left_out(dropped)
        self.tell_same_id()
        if len(self.shelf.covers) < offered and isinstance(self.screen, TitleScreen):
            self.screen.offer(self.shelf.covers)

    def tell_left_out(self, folders: Iterable[Path]) -> None:
        for folder in folders:
            self.notify(f"The pack in {folder} has errors and was left out. Run "
                        "`briefing validate` to see them.", severity="warning", timeout=10,
                        markup=False)

    def tell_same_id(self) -> None:
        while self.shelf.same_id:
            self.notify(self.shelf.same_id.pop(0), severity="warning", timeout=10, markup=False)

    def title_screen(self) -> TitleScreen:
        # Who plays as the command line gave it (the title screen then does not ask).
        settings = self.settings
        screen = TitleScreen(self.shelf.covers, self.session.has_save, mode=settings.mode,
                             class_code=settings.class_code, name=settings.name)
        return self.dress(screen)

    def dress(self, screen: Screen) -> Screen:
        """Presenter mode's large, high-contrast look is a class on every screen."""
        screen.set_class(self.settings.mode is Mode.PRESENTER, "presenter")
        return screen

    @on(StartGame)
    async def start_game(self, message: StartGame) -> None:
        await self.start_requested(message)  # see starting.py

    # -- the one place that calls the engine -------------------------------------------------

    @on(ChoiceMade)
    def choice_made(self, message: ChoiceMade) -> None:
        from ..engine import EngineError, Phase
        from .screens.feedback import FeedbackDialog

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
        if story.state.mode is Mode.EXAM:  # the debrief says how it scored
            self.notify("Decision recorded.", timeout=3)
            self.show_current()
            return
        names = {t.id: t.name for t in story.pack.manifest.tracks}
        presenter = story.state.mode is Mode.PRESENTER
        dialog = FeedbackDialog(outcome.choice, names, hidden=presenter,
                                what_happened=scene.what_happened)
        self.push_screen(self.dress(dialog), lambda _: self.show_current())

    @on(AnswerGiven)
    def answer_given(self, message: AnswerGiven) -> None:
        from ..engine import InvalidAnswer, NotAllowed

        story = self.story
        if message.check:
            self.check_answered(message)
            return
        if story is None or self.screen is not self.question_screen:
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
        self.screen.show_feedback(result, story.retry_ceiling(again) if again else None,
                                  retry_withheld=story.retry_withheld)
        self.refresh_status()

    def check_answered(self, message: AnswerGiven) -> None:
        """A check item answered: recorded and saved by the session, with no feedback; then
        the next item, the first scene, or the debrief."""
        from ..engine import InvalidAnswer

        story = self.story
        waiting = story.check_item if story is not None else None
        if (waiting is None or self.screen is not self.check_screen
                or message.question_id != waiting.question.id):
            return  # stale: meant for an item already answered
        try:
            self.tell_autosaved(self.session.answer_check(message.response))
        except InvalidAnswer as exc:
            self.check_screen.answered = False  # the same item, to answer again
            self.notify(f"That answer cannot be used: {exc}.", severity="warning", markup=False)
            return
        self.show_current()

    @on(HintAsked)
    def hint_asked(self, message: HintAsked) -> None:
        from ..engine import EngineError

        story = self.story
        if (story is None or self.screen is not self.question_screen
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
        from ..engine import Phase

        if self.story and self.story.phase is Phase.AWAITING_ANSWER:
            self.read_scene = self.story.scene.id
        self.show_current()

    def autosave(self) -> None:
        self.tell_autosaved(self.session.autosave())

    def tell_autosaved(self, saved: Autosaved) -> None:
        """Only problems: a save that failed (each time), a result file that stopped being
        written (once, until it works again). Neither stops the game."""
        if saved.save_problem:
            self.notify(not_saved(saved.save_problem), severity="error", timeout=10,
                        markup=False)
        if saved.result_problem:
            self.notify(result_not_written(saved.result_problem, saved.on_disk), title="Result not saved",
                        severity="error", timeout=12, markup=False)

    def tell_handed_in(self) -> None:
        """At the debrief: where the finished result went, or that it could not be written."""
        handed_in = self.session.hand_in()
        if handed_in is None:
            return  # the game writes no result file
        if handed_in.path is not None:
            # Served, the folder is the teacher's, on the teacher's laptop: not the student's
            # business (nor a path to show a whole class).
            words = RESULT_SAVED if self.is_web else result_saved(handed_in.path)
            self.notify(words, title="Result saved", timeout=10, markup=False)
        else:
            self.notify(result_lost(handed_in.problem), title="Result not saved",
                        severity="error", timeout=30, markup=False)

    # -- which screen shows ------------------------------------------------------------------

    def show_current(self) -> None:
        from ..engine import Phase, build_debrief
        from .screens.debrief import DebriefScreen
        from .screens.question import QuestionScreen
        from ..forecast_words import settled_notices
        from .screens.scene import SceneScreen
        from .status import status_line

        story = self.story
        if story is None:
            self.switch_screen(self.title_screen())
            return
        status, state = status_line(story), story.state
        if story.phase is Phase.CHECK:
            self.show_check(story.check_item)
        elif story.phase is Phase.ENDED:
            self.leave_game(self.dress(DebriefScreen(build_debrief(story.pack, state),
                                                     story.pack.id)))
            self.tell_handed_in()
            checked = story.check_scores()
            if checked is not None:  # only now are the check's results shown
                from ..session.words import check_result

                self.notify(check_result(*checked), title="Your check", timeout=20,
                            markup=False)
        elif story.phase is Phase.AWAITING_ANSWER and self.read_scene == story.scene.id:
            presented = story.question
            hint = presented.question.hint if presented.question.id in state.hints else ""
            if self.question_screen is None:
                self.question_screen = self.game_screen(QuestionScreen(
                    presented, status, blink=self.settings.blink, mode=state.mode, hint=hint))
            else:
                self.question_screen.show(presented, status, hint)
            self.bring_forward(self.question_screen)
        else:
            rest = story.questions[state.question_index:]
            settled = settled_notices(story)
            if self.scene_screen is None:
                self.scene_screen = self.game_screen(SceneScreen(
                    story.scene, story.choices, status,
                    presenter=state.mode is Mode.PRESENTER, waiting=rest, settled=settled))
            else:
                self.scene_screen.show(story.scene, story.choices, status, rest, settled)
            self.bring_forward(self.scene_screen)

    def show_check(self, presented) -> None:
        from .screens.check import CheckScreen

        if self.check_screen is None:
            self.check_screen = self.game_screen(
                CheckScreen(presented, blink=self.settings.blink))
        else:
            self.check_screen.show(presented)
        self.bring_forward(self.check_screen)

    def game_screen(self, screen: Screen) -> Screen:
        """One scene screen and one question screen serve the whole game (each shows the next
        scene or question in place), so they are installed: Textual keeps them while the other
        one shows."""
        self.install_screen(self.dress(screen), f"game-{id(screen)}")
        return screen

    def bring_forward(self, screen: Screen) -> None:
        """Make ``screen`` the one showing: close what covers it (a decision's feedback has
        already closed itself), or switch to it from the other game screen or the title."""
        if self.screen is not screen:
            self.switch_screen(screen)

    def leave_game(self, screen: Screen) -> None:
        """Switch to the debrief or the title; the game's own screens then go (Textual removes a
        screen it replaces once it is no longer installed)."""
        self.switch_screen(screen)
        for game_screen in (self.scene_screen, self.question_screen, self.check_screen):
            if game_screen is not None:
                self.uninstall_screen(game_screen)
        self.scene_screen = self.question_screen = self.check_screen = None

    def refresh_status(self) -> None:
        from .status import status_line

        if self.story is not None and hasattr(self.screen, "set_status"):
            self.screen.set_status(status_line(self.story))

    def action_back_to_title(self) -> None:
        """The debrief's T key (and the command palette's "Title screen")."""
        self.back_to_title()

    def back_to_title(self) -> None:
        while isinstance(self.screen, ModalScreen):  # close dialogs, then leave the game screen
            self.pop_screen()
        self.session.leave()
        self.leave_game(self.title_screen())

    # -- actions and commands ----------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpDialog

        if self.enlarge is not None:
            return  # nothing opens behind the request to enlarge the terminal
        if isinstance(self.screen, HelpDialog):
            self.pop_screen()  # the same key closes it
        else:
            self.push_screen(HelpDialog())

    def action_notebook(self) -> None:
        from ..content.glossary import reached_glossary
        from ..engine import build_debrief
        from .screens.notebook import NotebookDialog

        if self.enlarge is not None:
            return
        if self.story is None:
            self.notify("Start or continue a game to open your notebook.")
            return
        if self.screen is self.check_screen:
            from ..session.words import NOTEBOOK_AFTER_CHECK

            self.notify(NOTEBOOK_AFTER_CHECK)  # the notebook would answer the pre-check
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
        self.crash_report = write_crash_log(self.settings.data_dir, traceback.format_exc())
        self._close_messages_no_wait()



def make_app(settings: Settings, packs: Iterable[Pack] = (), *, folders: Iterable[Path] = (),
             strict: bool = False, skipped: Iterable[Path] = ()) -> BriefingApp:
    """The app factory that the CLI and the tests share: a game with ``settings``. ``packs``
    are compiled already; ``folders`` compile in a worker after the first frame (``strict``:
    each was named, so one with errors stops the game; ``skipped`` had errors already)."""
    return BriefingApp(PackShelf(packs, folders, skipped=skipped, strict=strict), settings)
