"""New game and Continue, for the app: the dialogs and notices around what the game session
decides (who plays, which save, resume codes; see game/session), and the intro."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..classroom.resume_codes import code_message, not_kept_message, replaced_message
from .messages import StartGame

if TYPE_CHECKING:
    from ..content.models import Pack
    from ..session import SavedGame


class StartsGames:
    """Mixed into BriefingApp, which owns the session and the screens."""

    async def start_requested(self, message: StartGame) -> None:
        pack = await self.shelf.pack(message.pack_id)  # compiled by now, or in a moment
        if pack is None:
            self.notify("This briefing has errors and cannot be played. Run `briefing "
                        "validate` to see them.", title="Cannot start", severity="error",
                        timeout=12, markup=False)
            return
        session = self.session
        session.play_as(message.class_code, message.name)
        if message.resume:
            self.resume(pack)
        elif session.has_save(pack.id):
            from .screens.confirm import ConfirmDialog

            def confirmed(replace: bool | None) -> None:
                if replace:
                    self.begin(pack)

            question = ("Start a new game? Your saved game is protected by a resume code, so "
                        "it will be kept aside, not deleted; your teacher can find it."
                        if session.keeps_aside(pack.id) else
                        "Start a new game? Your saved game will be replaced.")
            self.push_screen(ConfirmDialog(question, yes="New game", no="Keep it"), confirmed)
        else:
            self.begin(pack)

    def resume(self, pack: Pack) -> None:
        saved = self.session.find_save(pack.id)
        if saved.problem:
            self.cannot_continue(saved.problem)
            return
        if not saved.locked:
            self.go_on(pack, saved)
            return
        from .screens.resume_code import ResumeCodeDialog

        def opened(code: str | None) -> None:
            if code is not None:  # None: Escape, back to the title screen underneath
                self.go_on(pack, saved)

        # the game stays in the session's SavedGame until the code opens it
        self.push_screen(ResumeCodeDialog(saved.try_code), opened)

    def go_on(self, pack: Pack, saved: SavedGame) -> None:
        resumed = self.session.resume(pack, saved)
        if resumed.story is None:
            self.cannot_continue(f"{resumed.problem} Choose New game to start again.")
            return
        self.read_scene = resumed.story.scene.id if resumed.story.state.question_index else None
        self.show_current()

    def cannot_continue(self, problem: str) -> None:
        self.notify(problem, title="Cannot continue", severity="error", timeout=15, markup=False)
        self.switch_screen(self.title_screen())

    def begin(self, pack: Pack, start: str | None = None) -> None:
        """A new game for whoever is playing (see GameSession.new_game); the pack's intro comes
        first, over the first scene (an author's preview from a scene skips it), and a new
        resume code over both, to be written down."""
        started = self.session.new_game(pack, start)
        if started.story is None:
            self.notify(not_kept_message(started.not_kept), title="Cannot start",
                        severity="error", timeout=15, markup=False)
            self.switch_screen(self.title_screen())
            return
        self.read_scene = None
        self.tell_autosaved(started.saved)
        self.show_current()
        if start is None and pack.manifest.intro.strip():
            from .screens.intro import IntroScreen

            self.push_screen(self.dress(IntroScreen(pack.manifest)))
        if started.kept is not None:
            self.notify(replaced_message(started.kept), title="Earlier game kept", timeout=20,
                        markup=False)
        if started.code is not None:
            from .screens.resume_code import ResumeCodeNotice

            self.push_screen(self.dress(ResumeCodeNotice(code_message(started.code))))
