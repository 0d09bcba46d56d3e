"""What a served game (a browser's, under `briefing serve`) does differently: it never shows
the teacher's folders, and never takes a screen bigger than the server allows, whatever its
input asks for (issue 13, findings 4 and 5)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.geometry import Size

from game.classroom.serve_limits import MAX_COLUMNS, MAX_ROWS
from game.session import HandedIn, Settings
from game.session.words import RESULT_SAVED
from game.tui.app import BriefingApp, make_app

TEACHERS_FILE = Path("/home/teacher/classes/7B/results/7b/ana-lee.json")


def told_at_the_debrief(app: BriefingApp, monkeypatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(app.session, "hand_in", lambda: HandedIn(TEACHERS_FILE))
    monkeypatch.setattr(app, "notify", lambda words, **options: told.append(words))
    app.tell_handed_in()
    return told


def test_a_served_student_is_told_the_result_is_saved_but_not_the_teachers_path(
        mini_pack, data_dir, monkeypatch):
    app = make_app(Settings(data_dir=data_dir, seed=1), [mini_pack])
    assert any("/home/teacher" in words for words in told_at_the_debrief(app, monkeypatch))
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda self: True))
    assert told_at_the_debrief(app, monkeypatch) == [RESULT_SAVED]


async def test_a_served_game_never_takes_a_screen_bigger_than_the_server_allows(
        mini_pack, data_dir, monkeypatch):
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda self: True))
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [mini_pack])
    async with app.run_test(size=(80, 24)) as pilot:
        huge = Size(MAX_COLUMNS * 3, MAX_ROWS * 2)  # what an in-band resize report could ask
        app.post_message(events.Resize(huge, huge))
        await pilot.pause()
        assert app.screen.size == Size(MAX_COLUMNS, MAX_ROWS)
        fits = Size(120, 40)
        app.post_message(events.Resize(fits, fits))
        await pilot.pause()
        assert app.screen.size == fits
