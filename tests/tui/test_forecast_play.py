"""Forecasts in the TUI: the seven likelihoods picked by key (in a burst), the feedback that
only records it, and the scene that settles it showing the outcome and the points."""

from __future__ import annotations

from textual.widgets import Static

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen

from ..conftest import FIXTURES
from .driver import burst, until_keys_applied, until_screen

SIZE = (80, 24)


def shown(widget: Static) -> str:
    return " ".join(str(widget.render()).split())


async def test_a_forecast_is_recorded_then_settled_on_arrival(data_dir):
    pack = compile_pack(FIXTURES / "forecast").pack
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # new game (no intro)
        scene = await until_screen(pilot, SceneScreen)
        assert str(scene.query_one("#choices").get_option_at_index(0).prompt) == \
            "1. Answer 1 recall question and give 2 forecasts"
        assert scene.prompt_text() == "Read the scene, then answer the questions:"
        await burst(pilot, "enter")
        question = await until_screen(pilot, QuestionScreen)
        await burst(pilot, "3", "enter")  # the numeric question: 3 villages
        await burst(pilot, "enter")
        assert question.presented.question.id == "f-more-rain"
        assert question.presented.options[0] == "almost no chance"
        assert "Forecast (question 2 of 3) · up to 2 points" in shown(
            question.query_one("#question-meta"))
        await burst(pilot, "2")  # very unlikely, by its number
        assert app.story.state.answers[-1].response == "very unlikely"
        feedback = shown(question.query_one("#feedback"))
        assert feedback.startswith("Recorded: very unlikely (5–20%). This forecast is settled "
                                   "later in the week.")
        assert "happen" not in feedback and "Source" not in feedback
        assert question.stage == "done"  # no second try, in practice mode
        await burst(pilot, "enter")
        await burst(pilot, "5")  # likely
        assert app.story.state.answers[-1].response == "likely"
        assert app.story.totals().get("judgement", 0) == 0  # not settled yet
        await burst(pilot, "enter")
        scene = await until_screen(pilot, SceneScreen)
        field = next(i for i, c in enumerate(scene.choices) if "valley" in c.text)
        await burst(pilot, str(field + 1), "enter")
        await until_keys_applied(pilot)
        await burst(pilot, "enter")  # the decision's feedback
        scene = await until_screen(pilot, SceneScreen)
        assert scene.scene.id == "tue-field"
        notice = scene.query_one("#settled", Static)
        assert notice.display
        text = shown(notice)
        assert "Forecasts settled" in text
        assert "How likely is it that more rain falls on Tuesday?" in text
        # very unlikely of what did not happen: Brier 0.125² = 0.02; 2 × (1 − 4 × 0.015625)
        assert ("Your forecast: very unlikely (5–20%). It did not happen. Brier score 0.02; "
                "+1.88 Judgement.") in text
        assert "No more rain fell on Tuesday." in text
        assert app.story.totals()["judgement"] == 2 + 1.88
        await burst(pilot, "enter")
        scene = await until_screen(pilot, SceneScreen)
        assert scene.scene.id == "wed-cleared"
        assert "It happened." in shown(scene.query_one("#settled", Static))
