"""The TUI through a pack with a pre/post check, by keys sent in bursts: the pre-check after the
intro and before the first scene, the post-check after the last scene and before the debrief,
no feedback on either, the notebook closed while checking, and a game quit mid-check that
continues at the same item."""

from __future__ import annotations

import json

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.check import CheckScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.intro import IntroScreen
from game.tui.screens.scene import SceneScreen

from ..conftest import CHECKS
from .driver import burst, burst_keys, play_until, until_screen
from .test_key_bursts import answers

SIZE = (80, 24)
PACK = compile_pack(CHECKS).pack


def right_answer(question):
    """The right response of each kind the fixture's check items use."""
    return {"numeric": lambda q: q.answer, "single-choice": lambda q: q.answer,
            "true-false": lambda q: q.answer, "short-text": lambda q: "the mayor"}[
        question.type](question)


def screen_text(screen) -> str:
    return " ".join(" ".join(str(w.render()) for w in screen.query("Static")).split())


async def answer_items(pilot, count: int, right=True) -> list[str]:
    """Answer ``count`` check items, each in one burst; the ids answered."""
    answered = []
    for _ in range(count):
        screen = await until_screen(pilot, CheckScreen)
        presented = screen.presented
        response = right_answer(presented.question) if right else answers(presented.question)
        answered.append(presented.question.id)
        await burst(pilot, *burst_keys(presented, response))
    return answered


async def test_the_checks_come_first_and_last_with_no_feedback(data_dir, tmp_path):
    results = tmp_path / "results"
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, class_code="7B",
                            name="Ana", results_dir=results), [PACK])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # New game
        await until_screen(pilot, IntroScreen)
        await burst(pilot, "enter")
        screen = await until_screen(pilot, CheckScreen)
        text = screen_text(screen)
        assert "Before the week: a short check, 4 questions. It does not count toward your " \
               "score" in text
        assert "Check before the week, question 1 of 4 (does not count toward your score)" in text
        await burst(pilot, "ctrl+n")  # the notebook stays shut: it would answer the check
        assert app.screen is screen
        pre = await answer_items(pilot, 4)
        assert pre == ["pre-villages", "pre-moved", "pre-radio", "pre-rebuild"]
        scene = await until_screen(pilot, SceneScreen)
        assert scene.scene.id == "mon-alarm"  # the first scene comes after the pre-check
        assert app.story.totals() == {}  # the check scored nothing
        await play_until(pilot, lambda s: isinstance(s, CheckScreen),
                         pick=lambda s: next(i for i, c in enumerate(s.choices)
                                             if c.text.startswith("Report 40")))
        assert app.story.state.ended and app.story.state.visited[-1] == "end-good"
        text = screen_text(app.screen)
        assert "After the week: the short check again, 4 questions." in text
        post = await answer_items(pilot, 4, right=False)
        assert post == ["post-villages", "post-moved", "post-radio", "post-rebuild"]
        await until_screen(pilot, DebriefScreen)
        assert app.story.check_scores() == ((4.0, 4.0), (1.0, 4.0))  # post-radio: true is right
    [result] = list(results.rglob("*.json"))
    document = json.loads(result.read_text(encoding="utf-8"))
    assert [a["points"] for a in document["checks"]["pre"]] == [1.0, 1.0, 1.0, 1.0]
    assert [a["question"] for a in document["checks"]["post"]] == post
    assert document["completed"] is True


async def test_a_game_quit_mid_check_continues_at_the_same_item(data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [PACK])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await until_screen(pilot, IntroScreen)
        await burst(pilot, "enter")
        await answer_items(pilot, 2)
        waiting = (await until_screen(pilot, CheckScreen)).presented
        await pilot.press("ctrl+q")
    again = make_app(Settings(data_dir=data_dir, blink=False), [PACK])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue is highlighted
        screen = await until_screen(pilot, CheckScreen)
        assert screen.presented == waiting  # item 3 of 4, its options in the same order
        assert "question 3 of 4" in screen_text(screen)
        await answer_items(pilot, 2)
        assert (await until_screen(pilot, SceneScreen)).scene.id == "mon-alarm"
        assert len(again.story.state.check_answers) == 4
