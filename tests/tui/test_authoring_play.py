"""Authors' play modes: --from previews a scene, --watch reloads the pack as files change."""

from __future__ import annotations

import json
import shutil

from game.content import compile_pack
from game.session import Settings
from game.session.preview import Preset
from game.tui.app import make_app
from game.tui.screens.pack_errors import PackErrorsDialog
from game.tui.screens.scene import SceneScreen

from ..conftest import MINI

SIZE = (80, 24)


async def test_from_starts_at_the_scene_and_saves_apart(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False,
                            start_at="tue-radio"), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.screen.scene.id == "tue-radio"
    saves = sorted(p.name for p in (data_dir / "saves").iterdir())
    assert saves == ["mini.preview.json"]  # the player's own game is left alone


async def test_from_with_a_preset_starts_after_that_history(mini_pack, data_dir):
    preset = Preset(flags=("careful",), totals=(("tradecraft", 2),), visited=("mon-alarm",))
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False, start_at="tue-wrap",
                            preset=preset), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.screen.scene.id == "tue-wrap"
        state = app.session.story.state
        assert state.flags == ["careful"] and state.visited == ["mon-alarm", "tue-wrap"]
        assert app.session.story.totals() == {"tradecraft": 2}
    saved = json.loads((data_dir / "saves" / "mini.preview.json").read_text())
    assert saved["flags"] == ["careful"] and saved["preset_totals"] == {"tradecraft": 2}


async def test_watch_reloads_keeps_the_place_and_shows_errors(tmp_path, data_dir):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    pack = compile_pack(folder).pack
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False, watch=True), [pack])
    scenes = folder / "scenes.yaml"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.scene.title == "The river rises"

        scenes.write_text(scenes.read_text().replace("title: The river rises", "title: The flood"))
        app.reload_changed_packs()
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.screen.scene.title == "The flood"
        assert app.story.state.scene == "mon-alarm"

        good = scenes.read_text()
        scenes.write_text(good.replace("    day: Monday\n", "    day: Mondya\n", 1))
        app.reload_changed_packs()
        await pilot.pause()
        assert isinstance(app.screen, PackErrorsDialog)
        assert "unknown-day" in " ".join(str(d) for d in app.screen.errors)

        scenes.write_text(good)
        app.reload_changed_packs()
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.story.state.scene == "mon-alarm"
