"""New game and Continue, for the app: who plays, which save, resume codes, the intro."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..saves import save_slot
from .messages import StartGame

if TYPE_CHECKING:
    from ..content.models import Pack
    from ..saves import LoadedSave


class StartsGames:
    """Mixed into BriefingApp, which owns the story, the save store and the screens."""

    async def start_requested(self, message: StartGame) -> None:
        pack = await self.shelf.pack(message.pack_id)  # compiled by now, or in a moment
        if pack is None:
            self.notify("This briefing has errors and cannot be played. Run `briefing "
                        "validate` to see them.", title="Cannot start", severity="error",
                        timeout=12, markup=False)
            return
        self.playing_as = (message.class_code, message.name)
        slot = save_slot(pack.id, self.mode, *self.playing_as)
        if message.resume:
            self.resume(pack, slot)
        elif self.store.exists(slot):
            from .screens.confirm import ConfirmDialog

            def confirmed(replace: bool | None) -> None:
                if replace:
                    self.begin(pack)

            question = ("Start a new game? Your saved game is protected by a resume code, so "
                        "it will be kept aside, not deleted; your teacher can find it."
                        if self.store.lock_on(slot) else
                        "Start a new game? Your saved game will be replaced.")
            self.push_screen(ConfirmDialog(question, yes="New game", no="Keep it"), confirmed)
        else:
            self.begin(pack)

    def resume(self, pack: Pack, slot: str) -> None:
        loaded = self.store.load(slot)
        if loaded.state is None:
            self.notify(loaded.problem, title="Cannot continue", severity="error", timeout=12,
                        markup=False)
            self.switch_screen(self.title_screen())
            return
        if loaded.lock is None:
            self.go_on(pack, slot, loaded)
            return
        from .screens.resume_code import ResumeCodeDialog

        def opened(code: str | None) -> None:
            if code is not None:  # None: Escape, back to the title screen underneath
                self.go_on(pack, slot, loaded)

        # the state stays unseen until the code opens it
        self.push_screen(ResumeCodeDialog(loaded.lock.opens), opened)

    def go_on(self, pack: Pack, slot: str, loaded: LoadedSave) -> None:
        from ..engine import IncompatibleSave, Story

        try:
            self.story = Story(pack, loaded.state)
        except IncompatibleSave as exc:
            # Made with another version of the pack: kept aside (not deleted), so the title
            # screen offers a new game instead of the same dead end.
            kept = self.store.set_aside(self.store.path_for(slot), str(exc), suffix=".old")
            self.notify(f"{kept} The pack has changed since this game was saved, so it "
                        "cannot go on from there. Choose New game to start again.",
                        title="Cannot continue", severity="error", timeout=15, markup=False)
            self.switch_screen(self.title_screen())
            return
        self.read_scene = self.story.scene.id if self.story.state.question_index else None
        self.show_current()

    def begin(self, pack: Pack, start: str | None = None) -> None:
        """A new game for whoever is playing: with a class code, the option order comes from
        the class and the name (or the class alone with same_order). A save protected by a
        resume code is kept aside, never overwritten; with resume codes on, a named player's
        new game gets its own code, shown once. The pack's intro comes first, over the first
        scene (an author's preview from a scene skips it)."""
        from ..classroom.identity import class_seed, new_attempt_id
        from ..classroom.resume_codes import code_message, not_kept_message, replaced_message
        from ..engine import Story

        class_code, name = self.playing_as
        seed = class_seed(class_code, name, self.same_order) if class_code else self.seed
        kept = code = None
        if not self.start_at:  # a preview saves apart, and needs no code
            try:
                kept, code = self.store.start_over(
                    save_slot(pack.id, self.mode, class_code, name),
                    with_code=self.resume_codes and bool(name) and self.mode != "presenter")
            except OSError as exc:
                self.notify(not_kept_message(exc), title="Cannot start", severity="error",
                            timeout=15, markup=False)
                self.story = None
                self.switch_screen(self.title_screen())
                return
        self.story = Story(pack, seed=seed, start=start, mode=self.mode, class_code=class_code,
                           player=name, same_order=self.same_order and bool(class_code),
                           attempt_id=new_attempt_id())
        self.read_scene = None
        self.autosave()
        self.show_current()
        if start is None and pack.manifest.intro.strip():
            from .screens.intro import IntroScreen

            self.push_screen(self.dress(IntroScreen(pack.manifest)))
        if kept is not None:
            self.notify(replaced_message(kept), title="Earlier game kept", timeout=20,
                        markup=False)
        if code is not None:
            from .screens.resume_code import ResumeCodeNotice

            self.push_screen(self.dress(ResumeCodeNotice(code_message(code))))
