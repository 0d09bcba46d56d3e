"""The full-screen game and plain mode go through the same game session: with the same settings
they save to the same slot, make the same result-file decision, follow the same resume-code
rule (none for a presenter) and set a save from a changed pack aside the same way."""

from __future__ import annotations

import io
import json
import re

import pytest

from game.plain.console import Console
from game.plain.game import PlainGame
from game.session import GameSession, Settings
from game.tui.app import make_app
from game.tui.screens.resume_code import ResumeCodeNotice
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from .driver import until_screen

SIZE = (80, 24)
CODE = re.compile(r"Your resume code is ([A-Z0-9]{3}-[A-Z0-9]{3})\. Write it down")
CHANGED_PACK = "The pack has changed since this game was saved"


def what_was_written(data_dir) -> tuple[list[str], int]:
    """The save files' names and how many result files there are."""
    saves = sorted(p.name for p in (data_dir / "saves").iterdir())
    results = data_dir / "results"
    return saves, len(list(results.rglob("*.json"))) if results.exists() else 0


async def tui_new_game(pack, settings: Settings) -> tuple[bool, str]:
    """New game in the TUI: (was a resume code shown, what was told)."""
    app = make_app(settings, [pack])
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.session, GameSession)
        await pilot.pause()
        if settings.start_at:  # the preview switches to its scene after the first frame:
            await until_screen(pilot, SceneScreen)  # at it, as the author would be
        else:
            await pilot.press("enter")  # New game (or Continue, when there is a save)
            await pilot.pause()
        shown_code = isinstance(app.screen, ResumeCodeNotice)
        told = " ".join(n.message for n in app._notifications)
        on_title = isinstance(app.screen, TitleScreen)
    return shown_code, told if on_title else ""


def plain_new_game(pack, settings: Settings, lines: str = "q\n") -> tuple[bool, str]:
    """New game in plain mode: (was a resume code printed, everything printed)."""
    out = io.StringIO()
    game = PlainGame(Console(io.StringIO(lines), out, echo=False), [pack], settings)
    assert isinstance(game.session, GameSession)
    assert game.run() == 0
    return bool(CODE.search(out.getvalue())), " ".join(out.getvalue().split())


CASES = {
    "a named student, served": {"class_code": "7B", "name": "Ana Lee", "resume_codes": True},
    "a named presenter": {"mode": "presenter", "class_code": "7B", "name": "Ana Lee",
                          "resume_codes": True},
    "on one's own, exam": {"mode": "exam", "seed": 3},
    "a named author's preview": {"class_code": "7B", "name": "Ana Lee", "resume_codes": True,
                                 "start_at": "tue-radio"},
}


@pytest.mark.parametrize("case", CASES)
async def test_both_front_ends_save_and_hand_in_alike(mini_pack, tmp_path, case):
    options = CASES[case]
    tui = Settings(data_dir=tmp_path / "tui", blink=False, **options)
    plain = Settings(data_dir=tmp_path / "plain", **options)
    tui_code, _ = await tui_new_game(mini_pack, tui)
    plain_code, _ = plain_new_game(mini_pack, plain)
    assert tui_code == plain_code == (case == "a named student, served")
    assert what_was_written(tmp_path / "tui") == what_was_written(tmp_path / "plain")
    saves, results = what_was_written(tmp_path / "tui")
    assert results == (1 if case == "a named student, served" else 0)
    if "preview" in case:
        assert saves == ["mini.preview.json"]


async def test_both_front_ends_set_a_save_from_a_changed_pack_aside(mini_pack, tmp_path):
    told = {}
    for front_end in ("tui", "plain"):
        settings = Settings(data_dir=tmp_path / front_end, seed=3, blink=False)
        GameSession(settings).new_game(mini_pack)
        path = tmp_path / front_end / "saves" / "mini.json"
        save = json.loads(path.read_text())
        save["scene"] = "mon-removed"
        path.write_text(json.dumps(save))
        if front_end == "tui":
            _, told[front_end] = await tui_new_game(mini_pack, settings)  # Continue
        else:
            _, told[front_end] = plain_new_game(mini_pack, settings, "y\nq\n")
        assert path.with_suffix(".old").exists()
        assert CHANGED_PACK in told[front_end]
        assert "'mon-removed' is no longer in the pack" in told[front_end]
    assert "Choose New game to start again." in told["tui"]
    assert "Starting a new game." in told["plain"]
    # plain mode goes on with a new game, in the save's place
    assert json.loads((tmp_path / "plain" / "saves" / "mini.json").read_text())["answers"] == []
