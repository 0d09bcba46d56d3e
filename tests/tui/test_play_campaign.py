"""The real campaign played by keyboard in the TUI, from the title screen to the debrief."""

from __future__ import annotations

from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.scene import SceneScreen

from .driver import play_to_debrief, step

SIZE = (80, 24)


def best_tradecraft(screen: SceneScreen) -> int:
    effects = [screen.scene.choices[c.authored_index].effects for c in screen.choices]
    return max(range(len(effects)), key=lambda i: effects[i].get("tradecraft", 0))


async def test_whole_week_by_keyboard_to_the_debrief(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=2, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        seen = await play_to_debrief(pilot, pick=best_tradecraft)
        assert seen[0] == "thu-flash" and len(seen) >= 14
        assert isinstance(app.screen, DebriefScreen)
        assert app.story.state.scene == "end-strong"
        markdown = app.screen.markdown
        assert "## Scores" in markdown and "grade A: Outstanding analysis" in markdown
        # the assessment is this player's: every best call praised, no lapse named
        assert "## Assessment: strong analysis" in markdown
        assert "- the drone's origin as the US assessment, militia operators kept (Thu)." in markdown
        assert "**Where" not in markdown and "six US troops" not in markdown
        assert markdown.count("**What the article reports:**") == len(app.story.state.decisions)
        # after the week, what other reporting said beside the article's claim
        other = markdown[markdown.index("## Other reporting"):markdown.index("## Your answers")]
        assert "### The Hill, 23 March 2023" in other and "### DoD News" in other
        assert "**The article (REPORTED):** The Hasakah strike killed five US troops" in other
        assert "one other contractor were wounded" in other
        # 18 recall questions on the careful route (Saturday's match among them), each with its
        # right answer; the 3 forecasts are shown beside what happened instead
        answers = app.story.state.answers
        recall = [a for a in answers if a.track == "recall"]
        assert markdown.count("**Right answer:**") == len(recall) == 18
        assert len(answers) - len(recall) == len(app.story.state.settled) == 3


async def test_quit_mid_week_and_continue_at_the_same_place(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=2, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(12):  # a few scenes in, part-way through a scene's questions
            await step(pilot)
        await pilot.pause()
        where = (app.story.state.scene, app.story.state.question_index, app.story.phase)
        answers = len(app.story.state.answers)
        await pilot.press("ctrl+q")
    again = make_app(Settings(data_dir=data_dir, blink=False), [campaign])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue is highlighted when there is a save
        await pilot.pause()
        story = again.story
        assert (story.state.scene, story.state.question_index, story.phase) == where
        assert len(story.state.answers) == answers
