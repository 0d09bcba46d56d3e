"""The TUI with a question asked again (spaced retrieval): the note on the question screen,
and its own label in the debrief."""

from __future__ import annotations

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.question import QuestionScreen

from ..conftest import FIXTURES
from .driver import new_game, play_to_debrief, play_until, whole_debrief

SIZE = (80, 24)


def south(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if "south" in c.text)


def asked_again(screen) -> bool:
    return (isinstance(screen, QuestionScreen) and not screen.answered
            and screen.presented.question.id == "q-villages-again")


async def test_a_missed_question_comes_back_with_why_and_a_label_in_the_debrief(data_dir):
    pack = compile_pack(FIXTURES / "retrieval").pack
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [pack])
    missed_first = lambda q: q.id != "q-villages"  # noqa: E731 - wrong first, and on retry
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        await play_until(pilot, asked_again, pick=south, right=missed_first)
        meta = str(app.screen.query_one("#question-meta").render())
        assert meta.splitlines() == [
            "Recall question 1 of 2 · 1 point",
            "Asked again: you missed this on Monday, so it comes back for a share of the points."]
        await play_to_debrief(pilot, pick=south)
        shown = await whole_debrief(pilot)
        assert "Asked again: you missed it on Monday." in shown
        assert [a.question for a in app.story.state.answers if a.attempt == 1] == [
            "q-villages", "q-villages-again", "q-mayor"]


async def test_a_question_right_the_first_time_does_not_come_back(data_dir):
    pack = compile_pack(FIXTURES / "retrieval").pack
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        await play_to_debrief(pilot, pick=south)
        assert "Asked again" not in await whole_debrief(pilot)
        assert [a.question for a in app.story.state.answers] == ["q-villages", "q-mayor"]


async def test_the_debrief_ends_with_the_article_and_says_what_there_is_to_replay(data_dir):
    pack = compile_pack(FIXTURES / "retrieval").pack
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        await play_to_debrief(pilot, pick=south)
        shown = await whole_debrief(pilot)
        line = "This week has 1 ending and 2 routes through it: play again to find the others."
        # said once, in the ending's detail (the one-screen summary has no row to spare)
        assert shown.count(line) == 1
        article = shown.index("The article")
        assert shown.index("Your notebook") < article
        assert "The “river” rose on Monday, flooding three villages." in shown[article:]
