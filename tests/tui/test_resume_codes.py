"""Resume codes by keyboard (`play --resume-codes`, as `briefing serve` runs every game): a
classmate who types the same class and name cannot continue someone else's game without its
code, and a new game keeps the protected save aside."""

from __future__ import annotations

import json
import re

import pytest
from textual.app import App

from game.classroom.resume_codes import RETRY_PAUSE
from game.saves import SaveStore, save_slot
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.confirm import ConfirmDialog
from game.tui.screens.question import QuestionScreen
from game.tui.screens.resume_code import ResumeCodeDialog, ResumeCodeNotice
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from .driver import answer_question

SIZE = (80, 24)
CODE = re.compile(r"Your resume code is ([A-Z0-9]{3}-[A-Z0-9]{3})\. Write it down")


@pytest.fixture
def held_pauses(monkeypatch) -> list:
    """Each pause after a wrong code, asked for and held: the test ends it (dialog.reopen())
    when it has checked the closed box, so nothing waits on the clock or the machine's load."""
    asked: list = []
    monkeypatch.setattr(ResumeCodeDialog, "pause_before_retry", lambda dialog: asked.append(dialog))
    return asked


def served(mini_pack, data_dir):
    return make_app(Settings(data_dir=data_dir, class_code="7B", blink=False,
                             resume_codes=True), [mini_pack])


def save_path(data_dir):
    return SaveStore(data_dir).path_for(save_slot("mini", "practice", "7B", "Ana Lee"))


def shown(screen, selector: str) -> str:
    return " ".join(str(w.render()) for w in screen.query(selector))


async def ana_starts(mini_pack, data_dir) -> tuple[str, object]:
    """Ana starts a game, is shown her code once, and answers the first question."""
    app = served(mini_pack, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ana Lee", "enter")
        await pilot.pause()
        notice = app.screen
        assert isinstance(notice, ResumeCodeNotice)
        code = CODE.search(shown(notice, "#resume-code-shown")).group(1)
        assert "on any computer in this class" in shown(notice, "#resume-code-shown")
        await pilot.press("enter")  # written down
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        await pilot.press("enter", "4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.answered
        return code, app.story.state


async def continue_as_ana(pilot) -> None:
    await pilot.press(*"Ana Lee")
    await pilot.pause()
    assert app_menu(pilot)[1] == "continue"
    await pilot.press("enter")  # Continue is highlighted
    await pilot.pause()


def app_menu(pilot) -> list[str]:
    return [o.id for o in pilot.app.screen.query_one("#menu").options]


async def end_the_pause(pilot, dialog) -> None:
    dialog.reopen()  # what the pause's timer does when it fires
    await pilot.pause()


async def test_continue_asks_for_the_code_and_refuses_a_wrong_one(mini_pack, data_dir,
                                                                  held_pauses):
    code, ana = await ana_starts(mini_pack, data_dir)
    text = save_path(data_dir).read_text()
    assert code not in text and code.replace("-", "") not in text
    wrong = "ABC-DEF" if code != "ABC-DEF" else "ABC-DEG"
    app = served(mini_pack, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await continue_as_ana(pilot)
        dialog = app.screen
        assert isinstance(dialog, ResumeCodeDialog) and app.story is None
        await pilot.press(*wrong, "enter")
        await pilot.pause()
        assert app.screen is dialog and app.story is None  # nothing of Ana's game shows
        assert "not the resume code" in shown(dialog, "#resume-problem")
        box = dialog.query_one("#resume-code")
        assert box.disabled and box.value == ""  # a pause before the next try
        assert held_pauses == [dialog]
        await pilot.press(*code.replace("-", ""), "enter")  # typed into a closed box: nothing
        await pilot.pause()
        assert app.screen is dialog and app.story is None
        assert held_pauses == [dialog]  # and no second pause
        await end_the_pause(pilot, dialog)
        assert not box.disabled
        await pilot.press(*"x9", "enter")
        await pilot.pause()
        assert "has 6 letters and digits" in shown(dialog, "#resume-problem")
        assert box.disabled and held_pauses == [dialog, dialog]
        await end_the_pause(pilot, dialog)
        assert not box.disabled
        await pilot.press(*f" {code.lower()} ", "enter")  # case and spaces do not matter
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        state = app.story.state
        assert (state.scene, state.question_index, state.attempt_id) == (
            ana.scene, ana.question_index, ana.attempt_id)
        assert [a.response for a in state.answers] == [4]
        await answer_question(pilot, app.screen.presented)  # on with Ana's game
    saved = json.loads(save_path(data_dir).read_text())
    assert "resume_lock" in saved and len(saved["answers"]) == 2  # the lock stays
    assert SaveStore(data_dir).load(save_slot("mini", "practice", "7B", "Ana Lee")).lock.opens(
        code)


async def test_escape_goes_back_to_the_title_without_the_game(mini_pack, data_dir):
    await ana_starts(mini_pack, data_dir)
    app = served(mini_pack, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await continue_as_ana(pilot)
        assert isinstance(app.screen, ResumeCodeDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.story is None
    assert save_path(data_dir).exists()


async def test_a_new_game_keeps_the_protected_save_aside(mini_pack, data_dir):
    code, ana = await ana_starts(mini_pack, data_dir)
    before = save_path(data_dir).read_text()
    app = served(mini_pack, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ana Lee")
        await pilot.pause()
        await pilot.press("tab", "home", "enter")  # from the name to the menu: New game
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = shown(app.screen, ".dialog-title")
        assert "kept aside, not deleted" in question and "teacher" in question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResumeCodeNotice)
        new_code = CODE.search(shown(app.screen, "#resume-code-shown")).group(1)
        assert new_code != code
        kept = save_path(data_dir).with_suffix(".replaced")
        told = " ".join(n.message for n in app._notifications)
        assert f"kept as {kept.name}" in told and "teacher can find it" in told
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.story.state.answers == []
        assert app.story.state.attempt_id != ana.attempt_id
    assert kept.read_text() == before  # Ana's game, untouched
    assert SaveStore(data_dir).lock_on(
        save_slot("mini", "practice", "7B", "Ana Lee")).opens(new_code)


async def test_without_the_flag_nothing_changes(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, class_code="7B", name="Ana Lee",
                            blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
    assert "resume_lock" not in json.loads(save_path(data_dir).read_text())
    again = make_app(Settings(data_dir=data_dir, class_code="7B", name="Ana Lee", blink=False,
                              resume_codes=True), [mini_pack])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue: a save without a code needs none
        await pilot.pause()
        assert isinstance(again.screen, SceneScreen) and again.story is not None


class DialogAlone(App[None]):
    """The resume code dialog with nothing around it, and a code that never opens."""

    def on_mount(self) -> None:
        self.push_screen(ResumeCodeDialog(lambda typed: "That is not the code."))


async def test_a_wrong_code_closes_the_box_for_retry_pause_seconds(monkeypatch):
    """The pause is a timer of RETRY_PAUSE seconds on the app's clock that reopens the box;
    the test sees it asked for and fires it itself."""
    app = DialogAlone()
    async with app.run_test(size=SIZE) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ResumeCodeDialog)
        timers = []
        monkeypatch.setattr(dialog, "set_timer", lambda delay, callback: timers.append(
            (delay, callback)))
        await pilot.press(*"ABCDEF", "enter")
        await pilot.pause()
        box = dialog.query_one("#resume-code")
        assert box.disabled and timers == [(RETRY_PAUSE, dialog.reopen)]
        timers[0][1]()
        await pilot.pause()
        assert not box.disabled and box.has_focus
