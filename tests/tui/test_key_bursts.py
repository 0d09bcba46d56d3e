"""Every key counts: an answer's keys sent in one burst (a paste, a fast typist, a slow
machine) record exactly the answer typed, for every question kind. ``burst`` queues all the
keys at once, where ``pilot.press`` would let the app go idle after each."""

from __future__ import annotations

import pytest

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.question import QuestionScreen

from ..conftest import FIXTURES, MINI
from game.tui.screens.scene import SceneScreen

from .driver import burst, burst_keys, until_screen

SIZE = (80, 24)


def answers(q):
    """A response of each kind that is not the first option, nor the author's order: what the
    keys must carry to the end."""
    kind = q.type
    if kind == "single-choice":
        return q.options[-1]
    if kind == "multiple-select":
        return (q.options[0], q.options[-1])
    if kind == "numeric":
        return 1234
    if kind == "short-text":
        return "the Mayor of the town"
    if kind == "timeline":
        return tuple(reversed(q.order))
    if kind == "true-false":
        return True
    if kind == "forecast":
        return "very likely"
    rights = [p.right for p in q.pairs]
    return {p.left: rights[(i + 1) % len(rights)] for i, p in enumerate(q.pairs)}


def recorded(response):
    return list(response) if isinstance(response, tuple) else response


@pytest.mark.parametrize("pack_dir, scene", [
    (MINI, "mon-alarm"), (MINI, "tue-radio"), (MINI, "tue-wrap"),
    (FIXTURES / "matching", "fri-storm"), (FIXTURES / "forecast", "mon-rain")])
async def test_each_answer_typed_in_one_burst_is_recorded_as_typed(data_dir, pack_dir, scene):
    pack = compile_pack(pack_dir).pack
    app = make_app(Settings(data_dir=data_dir, seed=11, blink=False, start_at=scene), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, SceneScreen)
        await burst(pilot, "enter")  # the scene read: to its questions
        kinds = []
        while isinstance(app.screen, QuestionScreen) and not app.screen.answered:
            presented = app.screen.presented
            response = answers(presented.question)
            await burst(pilot, *burst_keys(presented, response))
            record = app.story.state.answers[-1]
            assert record.question == presented.question.id
            if presented.question.type == "multiple-select":  # ticks in any order
                assert sorted(record.response) == sorted(response)
            else:
                assert record.response == recorded(response)
            kinds.append(presented.question.type)
            await burst(pilot, "enter")  # past the feedback (no retry taken)
            if isinstance(app.screen, QuestionScreen) and app.screen.stage == "done":
                await burst(pilot, "enter")
        assert kinds, "no question was answered"
