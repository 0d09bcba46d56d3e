"""The compact layout: the whole campaign played at 60x20 (a browser at a large font) with keys
sent in bursts, every question, its options and its answer field in sight and taking the keys;
and below 60x20 the notice, which wraps to a phone's width and says what to do."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import OptionList

from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.check import CheckScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.intro import IntroScreen
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen
from game.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen, enlarge_text

from .driver import answer_check, burst, burst_keys, until_keys_applied, until_screen
from .test_hardening import lines_of, text_of
from .test_key_bursts import answers, recorded

COMPACT = (60, 20)


def in_sight(screen, widget) -> Region:
    """The part of ``widget`` the player can see: on the screen, inside every scrolled parent."""
    geometry = screen.find_widget(widget)
    return geometry.region.intersection(geometry.clip).intersection(screen.region)


def wholly_in_sight(screen, widget) -> bool:
    return in_sight(screen, widget) == screen.find_widget(widget).region


def check_question_usable(screen: QuestionScreen | CheckScreen) -> None:
    """The question's words whole on screen; the answer field focused and in sight, and for a
    list every option either in sight or reachable by scrolling the list."""
    assert screen.has_class("-short")  # the compact rules apply
    ask = screen.query_one("#question-ask")
    assert wholly_in_sight(screen, ask), (screen.presented.question.id, ask.region)
    field = screen.app.focused
    assert field is not None and field.screen is screen
    assert in_sight(screen, field).height >= 1, (screen.presented.question.id, field.region)
    if isinstance(field, OptionList):
        shown = in_sight(screen, field).height
        assert shown >= min(3, field.option_count) or field.max_scroll_y > 0


async def test_the_whole_campaign_plays_at_60x20_with_every_question_in_sight(campaign,
                                                                             data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [campaign])
    kinds, scenes, asked, dialogs, checked = set(), [], 0, 0, 0
    async with app.run_test(size=COMPACT) as pilot:
        await until_screen(pilot, TitleScreen)
        assert not isinstance(app.screen, TooSmallScreen)
        await burst(pilot, "enter")  # New game
        await until_screen(pilot, IntroScreen)
        assert app.screen.has_class("-short")
        await burst(pilot, "enter")
        for _ in range(300):
            await until_keys_applied(pilot)
            screen = app.screen
            if isinstance(screen, DebriefScreen):
                break
            if isinstance(screen, CheckScreen):  # the pre- and post-check: usable at 60x20 too
                if not screen.answered:  # (the next item replaces an answered one in place)
                    check_question_usable(screen)
                    presented = screen.presented
                    await burst(pilot, *burst_keys(presented, answers(presented.question)))
                    checked += 1
            elif isinstance(screen, QuestionScreen) and not screen.answered:
                check_question_usable(screen)
                presented = screen.presented
                response = answers(presented.question)
                await burst(pilot, *burst_keys(presented, response))
                record = app.story.state.answers[-1]
                assert record.question == presented.question.id
                if presented.question.type == "multiple-select":
                    assert sorted(record.response) == sorted(response)
                else:
                    assert record.response == recorded(response)
                kinds.add(presented.question.type)
                asked += 1
            elif isinstance(screen, SceneScreen) and screen.scene.is_decision \
                    and not screen.questions_waiting:
                choices = screen.query_one("#choices", OptionList)
                assert app.focused is choices
                # every choice in sight, or the list scrolls to it
                assert in_sight(screen, choices).height >= min(3, choices.option_count) \
                    or choices.max_scroll_y > 0
                scenes.append(screen.scene.id)
                await burst(pilot, "1", "enter")
            else:
                if isinstance(screen, SceneScreen):
                    assert wholly_in_sight(screen, screen.query_one("#scene-title"))
                elif not isinstance(screen, QuestionScreen):  # a dialog: the decision's result
                    dialogs += 1
                    assert wholly_in_sight(screen, screen.query_one("#dialog"))
                    assert app.focused is not None and wholly_in_sight(screen, app.focused)
                await burst(pilot, "enter")
        else:
            raise AssertionError(f"no debrief; on {app.screen!r}")
        assert isinstance(app.screen, DebriefScreen)
        summary = app.screen.query_one("#debrief", VerticalScroll)
        assert in_sight(app.screen, summary).height >= MIN_HEIGHT - 4
    assert kinds == {"single-choice", "multiple-select", "numeric", "short-text", "timeline",
                     "true-false", "match", "forecast"}
    assert scenes and dialogs  # decisions were taken on screen, their results read
    assert len(app.story.state.answers) == asked  # each answered once, on screen
    assert len(app.story.state.check_answers) == checked == 8  # 4 before the week, 4 after


async def test_the_compact_rules_keep_a_whole_answer_in_sight_at_60x20(campaign, data_dir):
    """The first question's feedback (the verdict, the answer, why, the source) fits 60x20
    whole: the compact rules take the blank lines around it (without them it runs off)."""
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [campaign])
    async with app.run_test(size=COMPACT) as pilot:
        await until_screen(pilot, TitleScreen)
        await burst(pilot, "enter")
        await until_screen(pilot, IntroScreen)
        await burst(pilot, "enter")
        await answer_check(pilot)  # the campaign's pre-check comes before the first scene
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter")
        screen = await until_screen(pilot, QuestionScreen)
        question = screen.presented.question
        await burst(pilot, *f"{question.answer:g}", "enter")
        feedback = screen.query_one("#feedback")
        assert "Source:" in text_of(feedback)
        assert wholly_in_sight(screen, feedback), feedback.region


async def test_the_help_and_the_notebook_fit_60x20_and_scroll(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [campaign])
    async with app.run_test(size=COMPACT) as pilot:
        await until_screen(pilot, TitleScreen)
        await burst(pilot, "enter")
        await until_screen(pilot, IntroScreen)
        await burst(pilot, "enter")
        await answer_check(pilot)  # the campaign's pre-check comes before the first scene
        await until_screen(pilot, SceneScreen)
        for key in ("f1", "ctrl+n"):
            await burst(pilot, key)
            dialog = app.screen.query_one("#dialog")
            assert wholly_in_sight(app.screen, dialog), key
            area = dialog.query_one(VerticalScroll)
            assert area.max_scroll_y > 0 and in_sight(app.screen, area).height >= 10, key
            await burst(pilot, "escape")
            await until_screen(pilot, SceneScreen)


async def test_below_the_minimum_the_notice_wraps_at_phone_width_and_says_what_to_do(
        mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=(32, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        notice = app.screen.query_one("#enlarge")
        assert notice.outer_size.width <= 32  # fits the width: wrapped, not cut off
        words = " ".join(text_of(notice).replace("│", " ").replace("╭", " ").split())
        assert f"{MIN_WIDTH}x{MIN_HEIGHT}" in words and "32x12" in words
        assert "larger" in words and "Nothing is lost" in words
        letters = [s for line in lines_of(notice) for s in line if s.text.strip() and s.style]
        assert letters and all(s.style.color != s.style.bgcolor for s in letters)  # readable
        area = app.screen.query_one("#enlarge-area", VerticalScroll)
        assert area.max_scroll_y > 0  # taller than 12 rows: it scrolls instead of being cut
        assert app.focused is area  # by keys too
        await pilot.press("end")
        assert area.scroll_y == area.max_scroll_y
        await pilot.resize_terminal(*COMPACT)
        assert isinstance(app.screen, TitleScreen)


def test_a_served_games_notice_names_the_font_size_and_the_accessible_version():
    words = " ".join(enlarge_text(34, 20, in_browser=True).split())
    assert "34x20" in words and "?fontsize=" in words
    assert "ending in /plain" in words and "accessible version" in words
    assert "fontsize" not in enlarge_text(34, 20)  # a terminal has no address


# -- what the compact layout looks like (reviewed SVG snapshots, as test_snapshots.py) --------

def compact_app(tmp_path, **settings):
    from game.packs import compile_pack

    from ..conftest import MINI

    return make_app(Settings(data_dir=tmp_path / "data", seed=7, blink=False, **settings),
                    [compile_pack(MINI).pack])


def test_snapshot_first_scene_at_60x20(snap_compare, tmp_path):
    assert snap_compare(compact_app(tmp_path), press=["enter"], terminal_size=COMPACT)


def test_snapshot_choice_question_at_60x20(snap_compare, tmp_path):
    async def to_second_question(pilot):
        from .driver import answer_question

        await pilot.press("enter", "enter")
        await pilot.pause()
        await answer_question(pilot, pilot.app.screen.presented)
        await pilot.press("enter")

    assert snap_compare(compact_app(tmp_path), run_before=to_second_question,
                        terminal_size=COMPACT)


def test_snapshot_hint_and_second_try_at_60x20(snap_compare, tmp_path):
    async def hint_then_wrong(pilot):
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("f2", "4", "enter")

    assert snap_compare(compact_app(tmp_path, class_code="7B", name="Ana Lee"),
                        run_before=hint_then_wrong, terminal_size=COMPACT)


def test_snapshot_notice_at_phone_width(snap_compare, tmp_path):
    assert snap_compare(compact_app(tmp_path), terminal_size=(34, 18))
