"""The first frame: the title screen from the packs' covers while the packs compile behind it;
then the pack's intro before a new game's first scene (Continue skips it)."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import threading

import pytest

from textual.widgets import Markdown, OptionList, Static
from textual.worker import WorkerFailed

from game.paths import packs_root
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.check import CheckScreen
from game.tui.screens.intro import IntroScreen
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from ..conftest import CAMPAIGN_ID, MINI
from .driver import answer_check

SIZE = (80, 24)
HANG_GUARD = 120  # seconds: only so that a broken worker fails the test instead of hanging it


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_title_shows_at_once_and_new_game_waits_for_the_compiler(data_dir):
    folder = packs_root() / CAMPAIGN_ID
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), folders=[folder])
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TitleScreen)
        assert shown(app.screen, "#game-title") == "Hit for Hit: A Week on the Syria Desk"
        assert shown(app.screen, "#game-role") == "You are: Pentagon analyst"
        assert shown(app.screen, "#game-days") == "Thursday 23 March to Monday 27 March"
        await pilot.press("enter")  # New game, whether or not the worker has finished
        await pilot.pause()
        assert isinstance(app.screen, IntroScreen)
        pack = app.packs[CAMPAIGN_ID]
        assert app.screen.query_one("#intro-text", Markdown).source == pack.manifest.intro
        assert "Press Enter to begin on Thursday 23 March." in shown(app.screen, "#intro-begin")
        assert app.story is not None and app.story.state.scene == pack.manifest.start
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckScreen)  # the campaign's pre-check, then the scene
        await answer_check(pilot)
        assert isinstance(app.screen, SceneScreen) and app.screen.scene.id == pack.manifest.start


async def test_continue_skips_the_intro(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # New game, past the intro
        await answer_check(pilot)  # and past the pre-check
        assert isinstance(app.screen, SceneScreen)
        app.back_to_title()
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert menu.get_option_at_index(menu.highlighted).id == "continue"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_a_named_pack_with_errors_ends_the_game_for_the_cli_to_explain(tmp_path, data_dir):
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    (broken / "scenes.yaml").write_text("scenes:\n  - id: [not, text]\n", encoding="utf-8")
    app = make_app(Settings(data_dir=data_dir, blink=False), folders=[broken], strict=True)
    async with app.run_test(size=SIZE):
        assert shown(app.screen, "#game-title") == "The Flood"  # the cover is fine
        # compiled in the worker, and the app has taken the result (and so ended)
        await asyncio.wait_for(app.shelf.ready.wait(), HANG_GUARD)
    assert app.return_code == 1 and app.shelf.unplayable
    assert [folder for folder, _ in app.shelf.broken] == [broken]


async def test_a_broken_pack_among_others_is_left_out_of_the_picker(tmp_path, data_dir):
    good, broken = tmp_path / "good", tmp_path / "broken"
    shutil.copytree(MINI, good)
    shutil.copytree(MINI, broken)
    (broken / "pack.yaml").write_text("title: Broken\n", encoding="utf-8")
    app = make_app(Settings(data_dir=data_dir, blink=False), folders=[broken, good])
    async with app.run_test(size=SIZE) as pilot:
        assert [o.id for o in app.screen.query_one("#packs", OptionList).options] == [
            "broken", "mini"]
        await app.shelf.ready.wait()
        await pilot.pause()
        assert app.return_code is None and list(app.packs) == ["mini"]
        assert [p.id for p in app.screen.packs] == ["mini"]
        assert not app.screen.query_one("#packs").display
        assert shown(app.screen, "#game-title") == "The Flood"
        assert any("broken has errors and was left out" in n.message for n in app._notifications)


async def test_a_compiler_bug_ends_the_game_with_the_crash_log(data_dir, monkeypatch):
    """Never a title screen whose New game waits for ever."""
    compiling = threading.Event()

    def broken(shelf):
        compiling.set()
        raise RuntimeError("a bug in the compiler")

    monkeypatch.setattr("game.tui.shelf.PackShelf.compile_waiting", broken)
    app = make_app(Settings(data_dir=data_dir, blink=False), folders=[MINI])
    with pytest.raises(Exception):  # Pilot re-raises so the test sees it
        async with app.run_test(size=SIZE):
            assert await asyncio.to_thread(compiling.wait, HANG_GUARD)  # the worker calls it
            with contextlib.suppress(WorkerFailed):  # the app's own end re-raises it below
                await app.workers.wait_for_complete()  # so the app has handled the failure
    assert app.crash_report is not None
    assert "a bug in the compiler" in app.crash_report.read_text()
