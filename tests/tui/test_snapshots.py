"""What the player sees at 80x24, compared with reviewed SVG snapshots.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` only after looking at the
new pictures (snapshot_report.html).
"""

from __future__ import annotations

import pytest

from game.packs import compile_pack
from game.paths import packs_root
from game.session import Settings
from game.tui.app import make_app

from ..conftest import CAMPAIGN_ID, MINI
from .driver import answer_check, answer_question, play_to_debrief

SIZE = (80, 24)


@pytest.fixture
def app_for(tmp_path):
    def build(pack_dir):
        result = compile_pack(pack_dir)
        assert result.ok
        return make_app(Settings(data_dir=tmp_path / "data", seed=7, blink=False), [result.pack])

    return build


def test_title_screen(snap_compare, app_for):
    assert snap_compare(app_for(packs_root() / CAMPAIGN_ID), terminal_size=SIZE)


def test_intro_after_new_game(snap_compare, app_for):
    assert snap_compare(app_for(packs_root() / CAMPAIGN_ID), press=["enter"], terminal_size=SIZE)


def test_first_scene(snap_compare, app_for):
    async def past_the_pre_check(pilot):
        await pilot.press("enter", "enter")  # New game, past the intro
        await answer_check(pilot)  # the campaign's pre-check comes before its first scene

    assert snap_compare(app_for(packs_root() / CAMPAIGN_ID), run_before=past_the_pre_check,
                        terminal_size=SIZE)


def test_single_choice_question(snap_compare, app_for):
    async def to_second_question(pilot):
        await pilot.press("enter", "enter")
        await pilot.pause()
        await answer_question(pilot, pilot.app.screen.presented)
        await pilot.press("enter")

    assert snap_compare(app_for(MINI), run_before=to_second_question, terminal_size=SIZE)


def test_feedback_after_a_partly_right_answer(snap_compare, app_for):
    async def multiple_select_half_right(pilot):
        app = pilot.app
        await pilot.press("enter", "enter", "3", "enter", "enter")
        await pilot.pause()
        options = list(app.screen.presented.options)
        await pilot.press(str(options.index("Monday") + 1), "enter")
        await pilot.pause()
        report_55 = next(i for i, c in enumerate(app.screen.choices) if c.text == "Report 55 moved")
        await pilot.press(str(report_55 + 1), "enter", "enter", "enter")
        await pilot.pause()
        options = list(app.screen.presented.options)
        await pilot.press("home", *["down"] * options.index("Officials"), "space", "enter")

    assert snap_compare(app_for(MINI), run_before=multiple_select_half_right, terminal_size=SIZE)


def test_notebook(snap_compare, app_for):
    assert snap_compare(app_for(MINI), press=["enter", "ctrl+n"], terminal_size=SIZE)


def test_practice_hint_and_second_try_offered(snap_compare, tmp_path):
    async def hint_then_wrong(pilot):
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("f2", "4", "enter")

    app = make_app(Settings(data_dir=tmp_path / "data", class_code="7B", name="Ana [bold]Lee[/]",
                            blink=False), [compile_pack(MINI).pack])
    assert snap_compare(app, run_before=hint_then_wrong, terminal_size=SIZE)


def test_exam_answer_recorded(snap_compare, tmp_path):
    async def answer_wrong(pilot):
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("4", "enter")

    app = make_app(Settings(data_dir=tmp_path / "data", mode="exam", class_code="7B", name="Bo",
                            blink=False), [compile_pack(MINI).pack])
    assert snap_compare(app, run_before=answer_wrong, terminal_size=SIZE)


def test_presenter_scene_with_notes(snap_compare, tmp_path):
    app = make_app(Settings(data_dir=tmp_path / "data", mode="presenter", seed=7,
                            blink=False), [compile_pack(MINI).pack])
    assert snap_compare(app, press=["enter"], terminal_size=(120, 30))


def test_debrief_summary(snap_compare, tmp_path):
    """The debrief's first screen after the hasty call and two misses, for a named student:
    the scores, the call to revisit with the better one, the questions, the keys."""
    async def to_the_debrief(pilot):
        await pilot.press("enter")
        await play_to_debrief(pilot, right=lambda q: q.id not in ("q-villages", "q-order"),
                              pick=lambda screen: next(i for i, c in enumerate(screen.choices)
                                                       if c.text == "Report 55 moved"))
        pilot.app.clear_notifications()  # where the result went: a temporary folder's name
        await pilot.pause()

    app = make_app(Settings(data_dir=tmp_path / "data", class_code="7B", name="Ana [bold]Lee[/]",
                            seed=7, blink=False), [compile_pack(MINI).pack])
    assert snap_compare(app, run_before=to_the_debrief, terminal_size=SIZE)
