"""No decision by accident, and every choice in sight: a decision takes two distinct keys (a
pick, then Enter), nothing is highlighted when the choices appear, and at 80x24 every choice of
every decision in the campaign is shown whole, under the decision's own question."""

from __future__ import annotations

import json
import shutil

import pytest

from game.content import compile_pack
from game.engine import ChoiceOption
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.feedback import FeedbackDialog
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.status import status_line
from game.tui.widgets.choice_list import ChoiceList

from ..conftest import MINI
from .driver import answer_question, burst, until_screen

SIZE = (80, 24)


async def at_the_decision(pilot) -> SceneScreen:
    """Answer the scene's questions (right) until its choices show."""
    await pilot.pause()
    while True:
        screen = pilot.app.screen
        if isinstance(screen, SceneScreen) and screen.deciding:
            return await until_screen(pilot, SceneScreen)
        if isinstance(screen, QuestionScreen) and not screen.answered:
            await answer_question(pilot, screen.presented)
        else:
            await pilot.press("enter")


async def answer_both_questions(pilot) -> None:
    """mon-alarm's two questions, right; the second one's feedback is left showing."""
    for n in range(2):
        screen = await until_screen(pilot, QuestionScreen)
        await answer_question(pilot, screen.presented)
        if n == 0:
            await pilot.press("enter")


def shown_lines(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.content_region.height)]


async def test_enter_after_the_last_feedback_takes_no_decision(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at="mon-alarm"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await pilot.press("enter")  # to the questions
        await answer_both_questions(pilot)
        await burst(pilot, "enter", "enter", "enter")  # past the last feedback, and twice more
        screen = await until_screen(pilot, SceneScreen)
        assert screen.deciding and app.story.state.decisions == []
        assert screen.query_one(ChoiceList).highlighted is None
        await burst(pilot, "enter")  # Enter on the choices, with none picked: still nothing
        assert app.story.state.decisions == [] and app.screen is screen
        prompt = screen.query_one("#prompt")
        assert "Nothing is picked yet" in str(prompt.render())  # said above the choices
        await burst(pilot, "down")
        assert "Nothing is picked yet" not in str(prompt.render())


async def test_a_number_picks_and_enter_takes_it(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at="mon-alarm"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await pilot.press("enter")
        screen = await at_the_decision(pilot)
        second = screen.choices[1]
        await burst(pilot, "2")
        assert app.story.state.decisions == []  # a number only highlights
        assert screen.query_one(ChoiceList).highlighted == 1
        await burst(pilot, "enter")
        (decision,) = app.story.state.decisions
        assert decision.text == second.text
        assert isinstance(app.screen, FeedbackDialog)


async def test_a_burst_that_picks_and_takes_records_the_choice_typed(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at="mon-alarm"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await pilot.press("enter")
        screen = await at_the_decision(pilot)
        await burst(pilot, "down", "down", "up", "enter")  # the first, then the second, back
        (decision,) = app.story.state.decisions
        assert decision.text == screen.choices[0].text


def decision_scenes(pack) -> list[str]:
    return [s.id for s in pack.scenes.values() if s.is_decision]


async def test_every_campaign_decision_shows_its_question_and_every_choice_whole(
        campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at="thu-flash"),
                   [campaign])
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_the_decision(pilot)
        for scene_id in decision_scenes(campaign):
            scene = campaign.scenes[scene_id]
            choices = [ChoiceOption(c.text, i) for i, c in enumerate(scene.choices)]
            screen.show(scene, choices, status_line(app.story))
            await pilot.pause()
            listing = screen.query_one(ChoiceList)
            assert listing.max_scroll_y == 0, f"{scene_id}: the choices do not all fit"
            assert listing.region.bottom <= SIZE[1] - 1  # above the footer
            shown = " ".join(" ".join(shown_lines(listing)).split())
            for n, choice in enumerate(scene.choices, start=1):
                assert f"{n}. {' '.join(choice.text.split())}" in shown, (scene_id, n)
            assert "…" not in shown
            prompt = str(screen.query_one("#prompt").render())
            assert scene.prompt and " ".join(scene.prompt.split()) in prompt, scene_id
            assert f"1–{len(scene.choices)}" in prompt


@pytest.mark.parametrize("shuffle_seed", [1, 2])
async def test_a_number_typed_while_the_choices_appear_is_not_a_decision(
        mini_pack, data_dir, shuffle_seed):
    app = make_app(Settings(data_dir=data_dir, seed=shuffle_seed, blink=False,
                            start_at="mon-alarm"), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await pilot.press("enter")
        await answer_both_questions(pilot)
        await burst(pilot, "enter", "1", "enter")  # the last feedback closed, then a habit
        assert app.story.state.decisions == []
        assert app.keys_dropped >= 2


LONG_OPTIONS = [  # longer than the 80 columns: each must wrap, not be cut off
    "Officials of the county, who said that forty people had been moved from the three "
    "flooded villages",
    "Local radio, whose morning bulletin said that fifty-five people had been moved from "
    "their homes by noon",
    "The mayor, who spoke of rebuilding the bridge but gave no figure at all for the people "
    "who were moved"]


def mini_with_long_options(folder):
    pack = folder / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(
        "        options: [Officials, Local radio, The mayor]\n"
        "        answers: [Officials, Local radio]\n",
        f"        options: {json.dumps(LONG_OPTIONS)}\n"
        f"        answers: {json.dumps(LONG_OPTIONS[:2])}\n"), encoding="utf-8")
    result = compile_pack(pack)
    assert result.ok, [str(d) for d in result.errors]
    return result.pack


@pytest.mark.parametrize("where", ["campaign", "long options"])
async def test_every_option_of_a_multiple_select_question_is_shown_whole(campaign, data_dir,
                                                                         tmp_path, where):
    """Textual's SelectionList cuts a long option off with "…"; ours wraps it under its box."""
    pack, start = ((campaign, "mon-bottomline") if where == "campaign"
                   else (mini_with_long_options(tmp_path), "tue-radio"))
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at=start), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter")
        screen = await until_screen(pilot, QuestionScreen)
        assert screen.presented.question.type == "multiple-select"
        listing = screen.query_one("#answer")
        shown = " ".join(" ".join(shown_lines(listing)).split())
        assert "…" not in shown
        for option in screen.presented.options:
            assert " ".join(option.split()) in shown, option
