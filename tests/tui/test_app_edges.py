"""The app's edges: several packs to pick from, and a crash that leaves a log, not a traceback."""

from __future__ import annotations

import pytest

from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

SIZE = (80, 24)


async def test_several_packs_show_a_picker(mini_pack, campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [campaign, mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen.query_one("#packs")
        assert [o.prompt for o in picker.options] == [campaign.manifest.title, "The Flood"]
        picker.focus()
        await pilot.press("down", "enter")  # pick The Flood, focus moves to the menu
        await pilot.pause()
        assert "The Flood" in str(app.screen.query_one("#game-title").render())
        await pilot.press("enter")  # New game
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.story.pack.id == "mini"


async def test_an_unexpected_error_is_logged_not_shown(mini_pack, data_dir, monkeypatch):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [mini_pack])

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the engine")

    with pytest.raises(RuntimeError):  # Pilot re-raises so the test sees it
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, TitleScreen)
            monkeypatch.setattr("game.engine.Story", broken)  # begin() looks it up there
            await pilot.press("enter")
            await pilot.pause()
    assert app.crash_report is not None and app.crash_report.parent == data_dir / "logs"
    assert "RuntimeError: a bug in the engine" in app.crash_report.read_text()
    assert app._exit_renderables == []  # Textual's traceback is never printed for the player


async def test_a_title_changed_as_the_header_goes_does_not_end_the_game(mini_pack, data_dir):
    """The player quits as a screen is switched: its header is being taken down when the
    screen's title changes. Textual's own header would end the game with an error there."""
    from textual.widgets._header import HeaderTitle

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await screen.query_one(HeaderTitle).remove()  # the header half taken down
        screen.sub_title = "Monday · 08:00"
        await pilot.pause()
        assert app.return_code is None and app.is_running


def test_every_screen_uses_the_header_that_survives_its_own_teardown():
    from pathlib import Path

    import game.tui

    sources = Path(game.tui.__file__).parent.rglob("*.py")
    bare = [p.name for p in sources if "yield Header(" in p.read_text(encoding="utf-8")]
    assert bare == [], f"use GameHeader (game/tui/widgets/header.py) in {bare}"
