"""One game in plain lines: the one owner that calls the engine, and autosaves through the game
session after every answer and decision (then prints "Saved."), as the TUI does. Who plays,
saves, resume codes and result files follow the session's rules (see game/session)."""

from __future__ import annotations

import time

from ..asked_again_words import asked_again_note
from ..classroom.identity import clean_name
from ..classroom.resume_codes import RETRY_PAUSE, code_message, not_kept_message, replaced_message
from ..content.facts import fact_label
from ..content.models import Pack
from ..engine import (
    build_debrief,
    HINT_COST,
    HINT_MODES,
    RETRY_SHARE,
    accepted_as,
    describe_response,
    EngineError,
    Grade,
    Mode,
    percent,
    Phase,
    right_answer,
    Story,
)
from ..forecast_words import (SETTLED_HEADING, SETTLED_LATER, is_forecast, recorded,
                              settled_notices, waiting_words)
from ..prose import in_quotes, labelled, sentence
from ..score_words import effects_words
from ..session import Autosaved, GameSession, SavedGame, Settings
from ..session.words import (
    CHECK_RECORDED,
    NOTEBOOK_AFTER_CHECK,
    NO_CERTAIN_RETRY,
    check_heading,
    check_opening,
    check_result,
    not_saved,
    result_lost,
    result_not_written,
    result_saved,
    typo_accepted,
)
from . import console as parse
from .answer_forms import answer_form
from .console import (Console, InputEnded, QuitGame, Signalled, Unusable, numbered,
                      numbered_choices, said_choices, shorten)
from .report import (SAVE_AS_FILE, article_lines, debrief_lines, help_lines, notebook_lines,
                     score_line)
from .save_prompt import offer_save, yes_or_no
from .text import Heading, markdown_text, one_line, plural, points

SAVED = "Saved."  # printed only once an answer or a decision is on disk (the kill test reads it)
EXIT_OK, EXIT_INTERRUPTED = 0, 130
ANSWER_ECHO = 400  # characters of the player's answer repeated in the feedback, at most
RETRY_CHOICES = ("Try again", "Go on and see the answer")


class PlainGame:
    DEBRIEF_KEPT = SAVE_AS_FILE  # what the help says of keeping the debrief

    def __init__(self, console: Console, packs: list[Pack], settings: Settings):
        self.io = console
        self.packs = packs
        self.settings = settings
        self.session = GameSession(settings)  # who plays, saves, result files: the rules
        self.mode = settings.mode
        self.shown_scene: str | None = None
        self.shown_check: str | None = None  # the check stage whose opening was said

    @property
    def story(self) -> Story | None:
        """The game being played, kept by the session."""
        return self.session.story

    # -- the whole run ---------------------------------------------------------------------

    def run(self) -> int:
        try:
            self.io.say("briefing, plain mode. Type h for help at any prompt, q to save and stop.")
            pack = self.pick_pack()
            self.identify()
            self.open_game(pack)
            self.play()
            return EXIT_OK
        except InputEnded:
            self.io.say(self.stop_line("Input ended"))
            return EXIT_OK
        except QuitGame:
            self.io.say(self.stop_line("Stopped"))
            return EXIT_OK
        except KeyboardInterrupt:
            self.io.say("", self.stop_line("Interrupted"))
            return EXIT_INTERRUPTED
        except Signalled as stop:  # SIGTERM, SIGHUP (the terminal closed): save, one line
            line = self.signal_line()
            try:
                self.io.say("", line)
            except OSError:
                pass  # no terminal left to tell (SIGHUP): the save is what matters
            return 128 + stop.signum
        except BrokenPipeError:  # the reader went away (`| head -1`): save as a quit does
            if self.story is not None:
                self.session.autosave()
            raise  # the command ends quietly (cli.main)

    def signal_line(self) -> str:
        """What is true after a stop signal, the game saved first as a quit saves it."""
        if self.story is None:
            return "Stopped; no game was started."
        saved = self.session.autosave()
        if not saved.on_disk:
            return f"Stopped. Your game could not be saved ({saved.save_problem})."
        return "Stopped. Your game is saved; `briefing play` continues it."

    def stop_line(self, why: str) -> str:
        if self.story is None:
            return f"{why}; no game was started."
        return f"{why}; your game is {'saved' if self.autosave() else 'not saved'}."

    def commands(self, *, in_game: bool = True) -> dict:
        def quit_game() -> None:
            raise QuitGame

        table = {"h": self.show_help, "help": self.show_help, "?": self.show_help,
                 "q": quit_game, "quit": quit_game}
        if in_game:
            table.update({"n": self.show_notebook, "notebook": self.show_notebook})
            table["hint"] = self.show_hint  # exam mode says it gives none
        return table

    def show_help(self) -> None:
        self.io.say(*help_lines(self.mode, self.DEBRIEF_KEPT))

    def show_notebook(self) -> None:
        if self.story is not None and self.story.phase is Phase.CHECK:
            self.io.say(NOTEBOOK_AFTER_CHECK)  # the notebook would answer the pre-check
        elif self.story is not None:
            self.io.say(*notebook_lines(self.story))

    def show_hint(self) -> None:
        story = self.story
        if story is None or story.pending_question is None:
            self.io.say("There is no question to give a hint for.")
            return
        try:
            hint = story.take_hint()
        except EngineError as exc:
            self.io.say(f"No hint: {exc}.")
            return
        self.autosave()
        self.io.say(f"Hint: {one_line(hint)}")

    # -- before the game ----------------------------------------------------------------------

    def pick_pack(self) -> Pack:
        if len(self.packs) == 1:
            return self.packs[0]
        self.io.say("Packs:", *numbered(p.manifest.title for p in self.packs))
        index = self.io.ask(f"Which pack, 1 to {len(self.packs)}? ",
                            lambda line: parse.one_number(line, len(self.packs)),
                            self.commands(in_game=False),
                            numbered_choices(p.manifest.title for p in self.packs))
        return self.packs[index]

    def identify(self) -> None:
        """A class code needs a name: ask for it when the command line gave none."""
        session = self.session
        if not session.class_code or session.name:
            return

        def a_name(line: str) -> str:
            name = clean_name(line)
            if not name:
                raise Unusable("A class code needs a name; type the name your teacher will see.")
            return name

        class_line = sentence(f"Class {one_line(session.class_code)}")
        name = self.io.ask(f"{class_line} Your name? ", a_name,
                           {"h": self.show_help, "help": self.show_help,
                            **{k: v for k, v in self.commands(in_game=False).items()
                               if k in ("q", "quit")}})
        session.play_as(session.class_code, name)
        self.io.say(sentence(f"Playing as {one_line(session.name)}, class "
                             f"{one_line(session.class_code)}"))

    def open_game(self, pack: Pack) -> None:
        session = self.session
        while session.has_save(pack.id):
            def yes_no(line: str) -> bool:
                word = line.strip().casefold()
                if word in ("", "y", "yes"):
                    return True
                if word in ("n", "no"):
                    return False
                raise Unusable("Type y to continue your saved game or n to start a new one.")

            if not self.io.ask("Continue saved game? [Y/n] ", yes_no,
                               {k: v for k, v in self.commands(in_game=False).items()
                                if k not in ("n",)},
                               said_choices(("Continue the saved game", "Start a new game"),
                                            ("y", "n"))):
                self.io.say("Starting a new game." if session.keeps_aside(pack.id) else
                            "Starting a new game; it replaces the saved one.")
                break
            saved = session.find_save(pack.id)
            if saved.locked and not self.unlocked(saved):
                continue  # back to the question, as Escape goes back to the title screen
            if self.resume(pack, saved):
                return
            break
        self.begin(pack)

    def unlocked(self, saved: SavedGame) -> bool:
        """Ask for the save's resume code until it is right (True) or an empty line goes back
        (False); a wrong code waits RETRY_PAUSE seconds, so guessing is slow."""
        self.io.say("This saved game is protected by a resume code: the one it showed when it "
                    "started.")
        while True:
            line = self.io.ask("Resume code (Enter alone to go back)? ", str,
                               self.commands(in_game=False))
            if not line.strip():
                return False
            problem = saved.try_code(line)
            if not problem:
                return True
            self.io.say(problem)
            self.pause_before_retry()

    def pause_before_retry(self) -> None:
        """Wait RETRY_PAUSE seconds before the next try (a method, so tests can see the pause
        asked for without waiting it out)."""
        time.sleep(RETRY_PAUSE)

    def resume(self, pack: Pack, saved: SavedGame) -> bool:
        resumed = self.session.resume(pack, saved)
        if resumed.story is None:
            self.io.say(f"{sentence(resumed.problem)} Starting a new game.")
            return False
        state = resumed.story.state
        self.io.say(f"Continuing: {plural(len(state.answers), 'answer')} and "
                    f"{plural(len(state.decisions), 'decision')} so far.")
        if state.question_index:  # mid-scene: its text was read before the first answer
            self.shown_scene = state.scene
            scene = self.story.scene
            self.io.say("", f"Back in: {sentence(scene.title)} {scene.day}, {scene.time}.",
                        "Type n for your notebook.")
        return True

    def begin(self, pack: Pack) -> None:
        """A new game (see GameSession.new_game): a protected save kept aside is told, and a
        new resume code printed once; then the pack's intro (not in an author's preview from a
        scene, as in the TUI)."""
        started = self.session.new_game(pack, self.settings.start_at)
        if started.story is None:
            self.io.say(not_kept_message(started.not_kept))
            raise QuitGame from None
        self.tell_autosaved(started.saved)
        if started.kept is not None:
            self.io.say(replaced_message(started.kept))
        if started.code is not None:
            self.io.say(code_message(started.code))
        if self.settings.start_at is None and pack.manifest.intro.strip():
            self.show_intro(pack)

    def show_intro(self, pack: Pack) -> None:
        """Who you are, what the week holds and how it is scored, until Enter."""
        manifest = pack.manifest
        # An intro that opens with its own heading already gives the title.
        title = [] if manifest.intro.lstrip().startswith("#") else [sentence(manifest.title), ""]
        self.io.say("", *title, *markdown_text(manifest.intro), "")
        first = f" on {manifest.days[0]}" if manifest.days else ""
        self.io.ask(f"{sentence(f'Press Enter to begin{first}')} Ready? ", go_on,
                    self.commands(), said_choices(("Begin",), ("",)))

    # -- saving ---------------------------------------------------------------------------------

    def autosave(self) -> bool:
        """Save, then update the result file; True when the save is on disk."""
        saved = self.session.autosave()
        self.tell_autosaved(saved)
        return saved.on_disk

    def tell_autosaved(self, saved: Autosaved) -> None:
        if saved.save_problem:
            self.io.say(not_saved(saved.save_problem))
        if saved.result_problem:  # once, until the result file is written again
            self.io.say(result_not_written(saved.result_problem, saved.on_disk))

    def confirm_saved(self) -> None:
        if self.autosave():
            self.io.say(SAVED)

    # -- the game ------------------------------------------------------------------------------

    def play(self) -> None:
        story = self.story
        while story.phase is not Phase.ENDED:
            if story.phase is Phase.CHECK:
                self.ask_check()
                continue
            if self.shown_scene != story.state.scene:
                self.show_scene()
            if story.phase is Phase.AWAITING_ANSWER:
                self.ask_question()
            else:
                self.ask_choice()
        # The finished result is on disk before the debrief is shown: a student who reads
        # "End of the debrief" has handed it in, even if the process dies a moment later.
        handed_in = self.session.hand_in()
        self.io.say(*debrief_lines(story))
        checked = story.check_scores()
        if checked is not None:
            self.io.say("", check_result(*checked))
        if handed_in is not None:
            if handed_in.path is not None:
                self.io.say(*result_saved(handed_in.path).splitlines())
            else:
                self.io.say(result_lost(handed_in.problem))
        self.io.say("")
        if self.offer_debrief_file(story):
            self.offer_article(story.pack.seed_text)

    def offer_debrief_file(self, story: Story) -> bool:
        """Offer to save the debrief as a file here; False when input ended."""
        return offer_save(self.io, build_debrief(story.pack, story.state), story.pack.id)

    def offer_article(self, article: str) -> None:
        """The article the week was drawn from, in full, if the player asks (after the save
        offer, so a script that answers it is read as before)."""
        if not article.strip():
            return
        try:
            if self.io.ask("Read the article this week was drawn from? [y/N] ", yes_or_no,
                           choices=said_choices(("Yes, show the article", "No"), ("y", "n"))):
                self.io.say(*article_lines(article))
        except InputEnded:
            return  # the end of a script: nothing more to say

    def show_scene(self) -> None:
        story = self.story
        scene, state = story.scene, story.state
        self.shown_scene = scene.id
        self.io.say("", sentence(f"{scene.day}, {scene.time}"), Heading(sentence(scene.title), 2),
                    score_line(story), "")
        settled = settled_notices(story)
        if settled:  # before the scene's text: what arriving here settled
            self.io.say(f"{SETTLED_HEADING}:")
            for ask, line, resolution in settled:
                self.io.say("- " + one_line(ask), "  " + line,
                            *("  " + text for text in markdown_text(resolution) if text))
            self.io.say("")
        self.io.say(*markdown_text(scene.body))
        if scene.facts:
            self.io.say("", "New in your notebook:")
            for fact in scene.facts:
                self.io.say("- " + labelled(fact_label(fact), one_line(fact.text)))
        waiting = story.questions[state.question_index:]
        if waiting and not any(is_forecast(q) for q in waiting):
            self.io.say("", f"Now {plural(len(waiting), 'recall question')}.")
        elif waiting:
            words = waiting_words(waiting)
            self.io.say("", f"Now: {words[:1].lower()}{words[1:]}.")

    def ask_check(self) -> None:
        """A check item: no feedback, no hint, nothing scored (see Story.answer_check)."""
        presented = self.story.check_item
        if self.shown_check != presented.check:
            self.shown_check = presented.check
            self.io.say("", check_opening(presented.check, presented.of))
        self.io.say("", sentence(check_heading(presented.check, presented.number, presented.of)),
                    one_line(presented.question.ask))
        form = answer_form(presented)
        if form.lines:
            self.io.say(*form.lines)
        response = self.io.ask(form.prompt, form.read, self.commands())
        try:
            saved = self.session.answer_check(response)
        except EngineError as exc:  # the parsers let through only what grading takes
            self.io.say(f"That answer cannot be used: {exc}.")
            return
        self.tell_autosaved(saved)
        self.io.say(CHECK_RECORDED + (f" {SAVED}" if saved.on_disk else ""))

    def ask_question(self, retry: bool = False) -> None:
        story = self.story
        presented = story.question if not retry else story.retry_presented()
        question = presented.question
        if not retry and is_forecast(question):
            self.io.say("", Heading(f"Question {presented.number} of {presented.of}, a "
                                    f"forecast, up to {plural(question.points, 'point')}. "
                                    f"{SETTLED_LATER}"))
        elif not retry:
            self.io.say("", Heading(f"Question {presented.number} of {presented.of}, "
                                    f"{plural(question.points, 'point')}."))
            if question.asks_again:  # why this player sees it
                self.io.say(asked_again_note(presented.missed_on))
        else:
            self.io.say("", "Second try.")
        self.io.say(one_line(question.ask))
        form = answer_form(presented)
        if form.lines:
            self.io.say(*form.lines)
        if not retry and story.state.mode in HINT_MODES and question.hint:
            if question.id in story.state.hints:
                self.io.say(f"Hint: {one_line(question.hint)}")
            else:
                self.io.say(f"Type hint for a hint; it costs {percent(HINT_COST)} of the points.")
        response = self.io.ask(form.prompt, form.read, self.commands(), form.choices)
        try:
            result = (story.retry if retry else story.answer)(response)
        except EngineError as exc:  # the parsers let through only what grading takes
            self.io.say(f"That answer cannot be used: {exc}.")
            return
        again = story.retry_question
        self.feedback(question, response, result, story.retry_ceiling(again) if again else None,
                      retry_withheld=story.retry_withheld)
        if again is not None and self.wants_retry(story.retry_ceiling(again)):
            self.ask_question(retry=True)

    def feedback(self, question, response, result: Grade, ceiling: float | None,
                 retry_withheld: bool = False) -> None:
        story = self.story
        if is_forecast(question):  # in every mode: no verdict until the story settles it
            self.io.say(recorded(response))
        elif story.state.mode is Mode.EXAM:
            self.io.say("Answer recorded.")
        else:
            verdict = ("Right" if result.correct else
                       "Partly right" if result.points > 0 else "Not right")
            given = shorten(describe_response(question, response), limit=ANSWER_ECHO)
            word = "point" if result.max_points == 1 else "points"
            self.io.say(f"{verdict}: {points(result.points)} of {points(result.max_points)} "
                        f"{word}. You answered: {given}")
            meant = accepted_as(question, response)
            if meant:
                self.io.say(typo_accepted(given, meant))
            if retry_withheld:
                self.io.say(NO_CERTAIN_RETRY)
            if ceiling is None:  # the answer is shown once no second try is open
                self.show_answer(question)
        self.confirm_saved()

    def show_answer(self, question) -> None:
        """The right answer, why (the author's Markdown, as text) and the article's words."""
        self.io.say(f"Answer: {one_line(right_answer(question))}",
                    *markdown_text(question.explanation),
                    f"Source: {in_quotes(one_line(question.source))}")

    def wants_retry(self, ceiling: float) -> bool:
        self.io.say(f"You may try once more, for {percent(RETRY_SHARE)} of the points "
                    f"(up to {points(ceiling)} more).",
                    *numbered(RETRY_CHOICES))
        again = self.io.ask("Try again or go on, 1 or 2? ", retry_choice, self.commands(),
                            numbered_choices(RETRY_CHOICES))
        if not again:
            question = self.story.questions[self.story.state.question_index - 1]
            self.show_answer(question)
        return again

    def ask_choice(self) -> None:
        story = self.story
        options = story.choices
        if len(options) == 1 and options[0].is_continue:
            self.io.ask("Press Enter to go on. Ready? ", go_on, self.commands(),
                        said_choices(("Go on",), ("",)))
            story.choose(0)
            self.autosave()  # a move, not a decision: saved, but nothing to confirm
            return
        prompt = story.scene.prompt.strip()
        self.io.say("", Heading(f"Your decision: {prompt}" if prompt else "Your decision:"),
                    *numbered(o.text for o in options))
        index = self.io.ask(f"What do you do, 1 to {len(options)}? ",
                            lambda line: parse.one_number(line, len(options)), self.commands(),
                            numbered_choices(o.text for o in options))
        outcome = story.choose(index)
        if story.state.mode is Mode.EXAM:
            self.io.say("Decision recorded.")
        elif outcome.choice is not None:
            names = {t.id: t.name for t in story.pack.manifest.tracks}
            effects = effects_words(outcome.choice.effects, names) or "no change"
            self.io.say(f"You chose: {one_line(outcome.choice.text)}",
                        *markdown_text(outcome.choice.feedback), f"Scores: {effects}.")
        self.confirm_saved()


def retry_choice(line: str) -> bool:
    word = line.strip().casefold()
    if word in ("1", "a", "again", "y", "yes"):
        return True
    if word in ("", "2", "no", "go on"):
        return False
    raise Unusable("Type 1 to try again, or 2 (or just Enter) to go on.")


def go_on(line: str) -> None:
    if line.strip().casefold() not in ("", "1", "c", "continue", "go on"):
        raise Unusable("Press Enter to go on (or type h for help).")
