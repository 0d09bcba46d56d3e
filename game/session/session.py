"""One game session, the same for the full-screen game and plain mode: who plays and how, the
save slot, resume codes, result files, a new game, Continue and the autosave. The front ends
read keys and show what the session reports; the rules are all here.

The engine's Story and the result files are imported where they are first used, so the TUI's
title screen (the first frame) does not wait for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..classroom.identity import clean_name
from ..classroom.resume_codes import NOT_A_CODE, WRONG_CODE, looks_like_a_code
from ..engine import IncompatibleSave, Mode
from ..saves import LoadedSave, SaveStore, save_slot
from .settings import Settings
from .words import cannot_go_on

if TYPE_CHECKING:
    from ..content.models import Pack
    from ..engine import GameState, Story


@dataclass(frozen=True)
class Autosaved:
    """What an autosave did, for the front end to tell."""

    save_problem: str = ""  # why the save is not on disk, or "": told every time
    # Why the result file could not be written, or "": set only when it starts failing (told
    # once, then again only once it has worked in between).
    result_problem: str = ""

    @property
    def on_disk(self) -> bool:
        return not self.save_problem


@dataclass(frozen=True)
class NewGame:
    """A new game, or why none started."""

    story: Story | None
    kept: Path | None = None  # where the protected save it replaces was kept aside
    code: str | None = None  # the new game's resume code, to show once (only its hash is kept)
    not_kept: str = ""  # why the protected save could not be kept aside: no game started
    saved: Autosaved = Autosaved()


@dataclass(frozen=True)
class Resumed:
    """A saved game going on, or why it cannot."""

    story: Story | None
    problem: str = ""  # in words for a player: what is wrong and where the save was kept


@dataclass(frozen=True)
class HandedIn:
    """The finished result at the debrief: where it went, or why it could not be written."""

    path: Path | None
    problem: str = ""


class StillLocked(RuntimeError):
    """A front end tried to resume a save before its resume code was given: a bug."""


class SavedGame:
    """A save found for Continue. The game in it stays inside until the save's resume code (when
    it has one) is given, so nothing of a classmate's game reaches the screen."""

    def __init__(self, slot: str, loaded: LoadedSave):
        self.slot = slot
        self._loaded = loaded
        self._opened = loaded.lock is None

    @property
    def problem(self) -> str:
        """Why the save cannot be used (it was kept aside as *.corrupt), or ""."""
        return self._loaded.problem if self._loaded.state is None else ""

    @property
    def locked(self) -> bool:
        return not self._opened

    def try_code(self, typed: str) -> str:
        """"" when ``typed`` is the save's resume code (it is then open), else what to tell the
        player. The front end waits RETRY_PAUSE before the next try, so guessing is slow."""
        lock = self._loaded.lock
        if lock is None or lock.opens(typed):
            self._opened = True
            return ""
        return WRONG_CODE if looks_like_a_code(typed) else NOT_A_CODE

    def state(self) -> GameState:
        if self.locked:
            raise StillLocked("the save is protected by a resume code that was not given")
        return self._loaded.state


class GameSession:
    """One player's games with one set of settings; ``story`` is the game being played."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.store = SaveStore(settings.data_dir)
        # Who plays: from the settings, or as the title screen or plain mode asked.
        self.class_code, self.name = settings.class_code, settings.name
        self.story: Story | None = None
        self.result_problem = ""  # why the last result file could not be written, or ""
        self.save_problem: str | None = None  # why the last save failed, "" if it held; None: none yet

    @property
    def mode(self) -> Mode:
        return self.settings.mode

    # -- who plays, and where their game is saved ----------------------------------------------

    def play_as(self, class_code: str, name: str) -> None:
        self.class_code, self.name = clean_name(class_code), clean_name(name)

    def slot(self, pack_id: str, class_code: str | None = None, name: str | None = None) -> str:
        """The player's save slot for the pack (another player's, when named)."""
        return save_slot(pack_id, self.mode, self.class_code if class_code is None else class_code,
                         self.name if name is None else name)

    def has_save(self, pack_id: str, class_code: str | None = None,
                 name: str | None = None) -> bool:
        """A save to continue. An author's preview never continues one: it starts from its
        scene each time and saves apart, so the player's own save is neither offered nor
        replaced."""
        return not self.settings.preview and self.store.exists(
            self.slot(pack_id, class_code, name))

    def keeps_aside(self, pack_id: str) -> bool:
        """A new game would keep the player's save aside (it has a resume code), rather than
        replace it."""
        return self.has_save(pack_id) and self.store.lock_on(self.slot(pack_id)) is not None

    @property
    def gives_codes(self) -> bool:
        """A named player's new game gets a resume code when the settings ask for codes; not a
        presenter's: it is the class's game, on the projector for everyone to read."""
        return (self.settings.resume_codes and bool(self.name)
                and self.mode is not Mode.PRESENTER)

    def autosave_slot(self, pack_id: str) -> str | None:
        """A preview saves apart from the real game; None: the slot of the state's own player."""
        return f"{pack_id}.preview" if self.settings.preview else None

    # -- a new game, and Continue --------------------------------------------------------------

    def new_game(self, pack: Pack, start: str | None = None) -> NewGame:
        """A new game for whoever plays, from ``start`` (a preview's scene) or the pack's start.
        With a class code the option order comes from the class and the name (the class alone
        with same_order). A save protected by a resume code is kept aside, never overwritten;
        the new game may get a code of its own (see gives_codes). A preview starts as if after
        the history its settings give (play --set, --totals, --visited, --chose)."""
        from ..classroom.identity import class_seed, new_attempt_id
        from ..engine import Story

        kept = code = None
        if not self.settings.preview:  # a preview saves apart, and needs no code
            try:
                kept, code = self.store.start_over(self.slot(pack.id),
                                                   with_code=self.gives_codes)
            except OSError as exc:
                self.story = None
                return NewGame(None, not_kept=exc.strerror or str(exc))
        same_order = self.settings.same_order and bool(self.class_code)
        seed = (class_seed(self.class_code, self.name, same_order) if self.class_code
                else self.settings.seed)
        self.story = Story(pack, seed=seed, start=start, mode=self.mode,
                           class_code=self.class_code, player=self.name, same_order=same_order,
                           attempt_id=new_attempt_id(), checks=self.asks_checks(start))
        if start and self.settings.preset:  # a preview as if after the history it was given
            self.story = Story(pack, self.settings.preset.applied(pack, self.story.state))
        return NewGame(self.story, kept=kept, code=code, saved=self.autosave())

    def asks_checks(self, start: str | None) -> bool:
        """A new game asks the pack's pre/post check (when it has one): not an author's preview
        from a scene, nor a presenter's game (the class's, not one student's)."""
        return not self.settings.preview and not start and self.mode is not Mode.PRESENTER

    def answer_check(self, response) -> Autosaved:
        """Answer the check item waiting (no feedback: see Story.answer_check), then save. The
        front end shows the next item, the first scene, or the debrief."""
        self.story.answer_check(response)
        return self.autosave()

    def find_save(self, pack_id: str) -> SavedGame:
        slot = self.slot(pack_id)
        return SavedGame(slot, self.store.load(slot))

    def resume(self, pack: Pack, saved: SavedGame) -> Resumed:
        """Go on with the saved game (StillLocked before its code is given). One made with a
        version of the pack it cannot go on in is kept aside as *.old, not deleted, so a new
        game can start instead of meeting the same dead end."""
        from ..engine import Story

        if saved.problem:
            return Resumed(None, saved.problem)
        try:
            self.story = Story(pack, saved.state())
        except IncompatibleSave as exc:
            self.story = None
            kept = self.store.set_aside(self.store.path_for(saved.slot), str(exc), suffix=".old")
            return Resumed(None, cannot_go_on(kept))
        return Resumed(self.story)

    def carry_over(self, pack: Pack) -> bool:
        """``--watch``: go on in the recompiled ``pack``, in the same scene (True); False when
        the scene is gone, and the front end starts again."""
        from ..engine import Story

        story = self.story
        scene = pack.scenes.get(story.state.scene)
        if scene is None:
            return False
        asked = Story.questions_asked(pack, story.state)
        story.state.question_index = min(story.state.question_index, len(asked))
        self.story = Story(pack, story.state, clock=story.clock)
        return True

    def leave(self) -> None:
        """Back to the title: the game stays in its save."""
        self.story = None

    # -- saving, and the result file --------------------------------------------------------

    def autosave(self) -> Autosaved:
        """Save the game, then bring its result file up to date (see writes_results)."""
        story = self.story
        try:
            self.store.save(story.state, self.autosave_slot(story.pack.id))
            save_problem = ""
        except OSError as exc:
            save_problem = exc.strerror or str(exc)
        self.save_problem = save_problem
        result_problem = ""
        if self.writes_results:
            failing = bool(self.result_problem)
            path, reason = self.write_result()
            if path is None and not failing:
                result_problem = reason
        return Autosaved(save_problem, result_problem)

    @property
    def writes_results(self) -> bool:
        """A named player's game writes a result file for the teacher; a presenter's (the
        class's answers, not one student's) and an author's preview do not."""
        state = self.story.state
        return bool(state.player) and state.mode is not Mode.PRESENTER and not self.settings.preview

    def write_result(self) -> tuple[Path | None, str]:
        """The attempt's result file (partial until the game ends): (where it went, or None and
        why not). A failure never stops the game or its save."""
        from ..classroom.results import try_write_result

        path, reason = try_write_result(self.settings.results, self.story.pack, self.story.state)
        self.result_problem = "" if path is not None else reason
        return path, reason

    def hand_in(self) -> HandedIn | None:
        """At the debrief: the finished result, written once more; None when the game writes
        no result file."""
        if not self.writes_results:
            return None
        path, reason = self.write_result()
        return HandedIn(path, "" if path is not None else reason)
