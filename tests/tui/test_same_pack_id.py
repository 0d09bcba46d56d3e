"""Two pack folders with one id (a teacher's copy of a pack, its id left as it was): saves and
results are filed by the id, so only the first is offered, and the player is told which folder
was left out and how to fix it. The title screen used to crash on the duplicate option id."""

from __future__ import annotations

import asyncio
import io
import shutil

from game.cli import main
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.title import TitleScreen
from tests.conftest import MINI

SIZE = (80, 24)


def twin_of_mini(tmp_path):
    twin = tmp_path / "mini-copy"
    shutil.copytree(MINI, twin)
    return twin


async def test_the_title_screen_offers_one_pack_an_id_and_says_which_was_left_out(
        campaign, tmp_path, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [campaign],
                   folders=[MINI, twin_of_mini(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.shelf.ready.wait(), 60)  # fails, not hangs, on a crash
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        picker = app.screen.query_one("#packs")
        assert [o.prompt for o in picker.options] == [campaign.manifest.title, "The Flood"]
        [told] = [n.message for n in app._notifications]
        assert "'mini-copy'" in told and "same id ('mini')" in told and "'mini'" in told
        assert str(tmp_path) not in told  # folder names only: served students see this too


def test_plain_mode_offers_one_pack_an_id_and_says_which_was_left_out(tmp_path, monkeypatch,
                                                                     capsys):
    monkeypatch.setattr("game.cli_common.pack_dirs", lambda: [MINI, twin_of_mini(tmp_path)])
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["play", "--plain", "--data-dir", str(tmp_path / "data")]) == 0
    out, err = capsys.readouterr()
    assert "'mini-copy' has the same id ('mini')" in err
    assert "Which pack" not in out  # one pack left: no picker
