"""With NO_COLOR every colour turns grey, so a highlight made of a background colour alone may
look like any other row: the highlighted option is underlined (and bold where the keys are),
the dashboard's cursor row is in reverse video, and only when there is no colour."""

from __future__ import annotations

import re

import pytest
from rich.style import Style
from textual.widgets import DataTable, OptionList

from game.classroom.results import write_result
from game.session import Settings
from game.tui.app import make_app
from game.tui.dashboard.app import make_dashboard
from game.tui.screens.question import QuestionScreen
from game.tui.widgets.answers import MultiSelectAnswer, SingleChoiceAnswer, TimelineAnswer

from .driver import step
from .test_dashboard import game, wait_for_rows
from .test_hardening import SIZE, lines_of


def style_of(widget, text: str) -> Style:
    """The style of the first segment on screen that holds ``text``."""
    for line in lines_of(widget):
        for segment in line:
            if text in segment.text:
                return segment.style or Style()
    raise AssertionError(f"{text!r} is not on screen")


def marks(style: Style) -> tuple[bool, bool]:
    """(underlined, bold)"""
    return bool(style.underline), bool(style.bold)


def highlighted_and_other(options: OptionList) -> tuple[Style, Style]:
    texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    here = options.highlighted
    assert here is not None and len(texts) > 1
    other = (here + 1) % len(texts)
    # an answer's prompt is "2. Monday"; look for the text alone
    return (style_of(options, texts[here].split(". ")[-1]),
            style_of(options, texts[other].split(". ")[-1]))


async def focused_answer(app, pilot, kind: type) -> OptionList:
    """Play the mini pack with keys until ``kind`` is waiting for an answer (the hasty choice:
    its path has the multiple-select question)."""
    for _ in range(60):
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, QuestionScreen) and not screen.answered:
            found = screen.query(kind)
            if found:
                return found.first()
        await step(pilot, pick=lambda s: next(i for i, c in enumerate(s.choices)
                                             if c.text == "Report 55 moved"))
    raise AssertionError(f"no {kind.__name__} came up")


@pytest.mark.parametrize("kind", [SingleChoiceAnswer, MultiSelectAnswer, TimelineAnswer])
async def test_no_color_marks_the_highlighted_answer_without_colour(mini_pack, data_dir,
                                                                    monkeypatch, kind):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        await pilot.press("enter")  # New game
        answer = await focused_answer(app, pilot, kind)
        assert answer.has_focus
        if kind is SingleChoiceAnswer:  # its options start with nothing picked: pick one
            assert answer.highlighted is None
            await pilot.press("down")
            await pilot.pause()
        here, other = highlighted_and_other(answer)
        assert marks(here) == (True, True) and marks(other) == (False, False)


async def test_no_color_marks_the_title_menu_and_a_list_without_focus(mini_pack, data_dir,
                                                                      monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        menu = app.screen.query_one("#menu", OptionList)
        assert not menu.has_focus  # the name box has the keys; the menu keeps its highlight
        here, other = highlighted_and_other(menu)
        assert marks(here) == (True, False) and marks(other) == (False, False)
        menu.focus()
        await pilot.pause()
        here, other = highlighted_and_other(menu)
        assert marks(here) == (True, True) and marks(other) == (False, False)


async def test_with_colour_the_highlight_is_not_underlined(mini_pack, data_dir, monkeypatch):
    """The other side of the tests above: the rule is for no-colour terminals only."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        here, _ = highlighted_and_other(app.screen.query_one("#menu", OptionList))
        assert not here.underline and here.bgcolor is not None


@pytest.mark.parametrize("no_color", [True, False])
async def test_the_dashboard_cursor_row_is_reversed_only_without_colour(tmp_path, mini_pack,
                                                                       monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("Ana", "Ben"):
        write_result(tmp_path, mini_pack, game(mini_pack, name).state)
    app = make_dashboard(tmp_path, packs=[mini_pack], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 2)
        table = app.screen.query_one("#students", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.pause()
        first = str(table.get_row_at(0)[0])
        second = str(table.get_row_at(1)[0])
        assert bool(style_of(table, first).reverse) is no_color
        assert not style_of(table, second).reverse


async def test_only_a_ticked_box_shows_its_tick(mini_pack, data_dir, monkeypatch):
    """Ticked and unticked boxes must differ in shape, not in colour alone (NO_COLOR)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # New game
        answer = await focused_answer(app, pilot, MultiSelectAnswer)
        await pilot.press("space")  # tick the highlighted (first) option
        await pilot.pause()
        boxes = [found.group(1) for line in lines_of(answer)
                 if (found := re.search("▐(.)▌", "".join(s.text for s in line)))]
        assert len(boxes) == answer.option_count > 1
        assert boxes == ["X"] + [" "] * (len(boxes) - 1)  # the first ticked, the rest empty


async def test_fact_labels_stand_out_without_colour(mini_pack, data_dir, monkeypatch):
    """A status label is in reverse video, so with NO_COLOR it still stands apart from the
    fact's text; its words, not its colour, say which status it is."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")  # New game, then the notebook
        await pilot.pause()
        facts = app.screen.query(".fact")
        assert len(facts) == 2
        for widget, label, text in zip(facts, ("REPORTED", "CLAIMED by local radio"),
                                       ("Three villages flooded.", "55 people were moved.")):
            assert style_of(widget, label).reverse
            assert not style_of(widget, text).reverse


async def test_the_save_dialogs_format_is_told_apart_without_colour(mini_pack, data_dir):
    """Textual draws the same dot in every radio button; the save dialog's shows only the one
    that is on."""
    from game.engine import Story, build_debrief
    from game.tui.screens.debrief import DebriefScreen
    from game.tui.screens.save_debrief import FormatButton

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DebriefScreen(build_debrief(mini_pack, Story(mini_pack, seed=1).state),
                                      mini_pack.id))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        shown = {button.value: str(button._button) for button in app.screen.query(FormatButton)}
        assert shown[True] != shown[False] and shown[False].strip("▐▌ ") == ""
