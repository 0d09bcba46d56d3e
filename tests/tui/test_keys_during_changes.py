"""Keys typed while a screen changes: a burst across a focus move goes where the focus went, in
order; a key typed before the next screen shows is not applied to it (no notice dismissed
unread, no intro skipped, nothing typed into a question nobody has read); and Enter with nothing
ticked submits nothing."""

from __future__ import annotations

from textual.widgets import Input

from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.check import CheckScreen
from game.tui.screens.intro import IntroScreen
from game.tui.screens.question import QuestionScreen
from game.tui.screens.resume_code import ResumeCodeNotice
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from .driver import answer_check, burst, until_screen

SIZE = (80, 24)


async def test_class_code_and_name_typed_in_one_burst_each_land_in_their_box(mini_pack,
                                                                            data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, TitleScreen)
        await burst(pilot, "7", "B", "enter", "A", "n", "a", " ", "L", "e", "e", "enter")
        await until_screen(pilot, SceneScreen)
        state = app.story.state
        assert (state.class_code, state.player) == ("7B", "Ana Lee")


async def test_a_second_enter_does_not_dismiss_the_resume_code_unread(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, class_code="7B", blink=False,
                            resume_codes=True), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, TitleScreen)
        await burst(pilot, *"Ana", "enter", "enter", "enter")
        notice = await until_screen(pilot, ResumeCodeNotice)
        assert app.keys_dropped >= 2
        await burst(pilot, "enter")  # read, then closed
        await until_screen(pilot, SceneScreen)
        assert notice not in app.screen_stack


async def test_an_enter_typed_twice_does_not_skip_the_intro(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, TitleScreen)
        await burst(pilot, "enter", "enter", "enter")  # New game, and two more
        await until_screen(pilot, IntroScreen)
        await burst(pilot, "enter", "enter", "5")  # begin; the rest was typed too soon
        check = await until_screen(pilot, CheckScreen)  # the pre-check's first item, unanswered
        assert (check.presented.number, check.answered) == (1, False)
        assert app.story.state.check_answers == []
        await answer_check(pilot)
        scene = await until_screen(pilot, SceneScreen)
        assert scene.questions_waiting and app.story.state.answers == []


async def test_keys_typed_before_a_question_shows_are_not_its_answer(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False, start_at="mon-alarm"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter", "3", "enter")  # to the questions, then a number at once
        screen = await until_screen(pilot, QuestionScreen)
        assert not screen.answered and app.story.state.answers == []
        assert screen.query_one("#number", Input).value == ""
        await burst(pilot, "3", "enter")  # typed once the question shows: it counts
        assert [a.response for a in app.story.state.answers] == [3]


async def test_enter_with_nothing_ticked_submits_nothing(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False, start_at="tue-radio"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter")
        screen = await until_screen(pilot, QuestionScreen)
        assert screen.presented.question.type == "multiple-select"
        await burst(pilot, "enter")
        assert not screen.answered and app.story.state.answers == []
        await burst(pilot, "space", "enter")
        assert len(app.story.state.answers) == 1


async def test_a_second_try_typed_right_after_a_keeps_every_letter(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False, start_at="tue-wrap"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter")
        screen = await until_screen(pilot, QuestionScreen)
        assert screen.presented.question.type == "short-text"
        await burst(pilot, *"the radio", "enter")  # wrong: a second try is offered
        assert screen.stage == "retry-offered"
        await burst(pilot, "a", *"The Mayor", "enter")  # A, and the answer, in one burst
        first, second = app.story.state.answers
        assert second.attempt == 2 and second.response == "The Mayor" and second.correct
