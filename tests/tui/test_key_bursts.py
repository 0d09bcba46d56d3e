"""Every key counts: an answer's keys sent in one burst (a paste, a fast typist, a slow
machine) record exactly the answer typed, for every question kind. ``burst`` queues all the
keys at once, where ``pilot.press`` would let the app go idle after each."""

from __future__ import annotations

import asyncio
import math

import pytest

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.key_gate import KeysInOrder
from game.tui.screens.question import QuestionScreen

from ..conftest import FIXTURES, MINI
from game.tui.screens.scene import SceneScreen

from .driver import burst, burst_keys, send_keys, until_keys_applied, until_screen

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


async def to_the_second_question(pilot, app, then=lambda: None):
    """From tue-wrap's scene to its second question, shown in place of the first: ``then()``,
    and the Enter that shows it sent and not waited for. The first question's."""
    await until_screen(pilot, SceneScreen)
    await burst(pilot, "enter")  # the scene read: to its first question, a new screen
    first = app.screen.presented
    await burst(pilot, *burst_keys(first, answers(first.question)))
    if app.screen.stage != "done":  # a second try offered: Enter shows the answer first
        await burst(pilot, "enter")
    then()
    send_keys(pilot, "enter")  # past the feedback: the next question, in place
    return first


def later_app(tmp_path):
    pack = compile_pack(MINI).pack
    return make_app(Settings(data_dir=tmp_path, seed=11, blink=False, start_at="tue-wrap"),
                    [pack])


async def test_keys_typed_after_the_paint_count_though_the_game_notices_it_late(
        data_dir, monkeypatch):
    """On a busy machine (thirty browser tabs on one laptop) the game learns that the next
    question was painted a while after the paint: a player who saw it and typed in between
    has every key counted, not dropped as typed too soon."""
    late: list = []
    open_keys = KeysInOrder.open_keys

    def open_late() -> None:
        monkeypatch.setattr(KeysInOrder, "open_keys", lambda app, hold: late.append((app, hold)))

    app = later_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        first = await to_the_second_question(pilot, app, then=open_late)
        assert await turns_until(lambda: app.screen.presented is not first
                                 and app.first_painted_at is not None and late)
        presented = app.screen.presented  # painted, and the game has not noticed yet
        assert app.keys_open_at == math.inf
        response = answers(presented.question)
        send_keys(pilot, *burst_keys(presented, response))
        await turns_until(lambda: False, turns=200)
        for held_app, hold in late:
            open_keys(held_app, hold)
        await until_keys_applied(pilot)
        record = app.story.state.answers[-1]
        assert (record.question, record.response) == (presented.question.id,
                                                      recorded(response))
        assert app.keys_dropped == 0


async def test_keys_typed_while_the_answer_field_is_built_reach_it(data_dir, monkeypatch):
    """The next question's answer field is mounted after its text (on a slow machine, over a
    paint or two): what the player types meanwhile goes to the new field, in order, not to the
    field left behind."""
    built = asyncio.Event()
    build = QuestionScreen.replace_answer_widget

    def slow_build(screen):  # the screen paints on while its answer field is built
        async def later():
            await built.wait()
            await build(screen)
        screen.run_worker(later())

    monkeypatch.setattr(QuestionScreen, "replace_answer_widget", slow_build)
    app = later_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        first = await to_the_second_question(pilot, app)
        left_behind = app.screen.query_one("#answer")
        assert await turns_until(lambda: app.screen.presented is not first
                                 and app.keys_open_at != math.inf)
        presented = app.screen.presented  # its text is on screen, its answer field not yet
        assert app.screen.query_one("#answer") is left_behind
        response = answers(presented.question)
        send_keys(pilot, *burst_keys(presented, response))
        await turns_until(lambda: False, turns=200)  # the keys read while it is being built
        built.set()
        await until_keys_applied(pilot)
        record = app.story.state.answers[-1]
        assert (record.question, record.response) == (presented.question.id,
                                                      recorded(response))
        assert app.keys_dropped == 0


async def turns_until(done, turns: int = 5000) -> bool:
    """Let the event loop turn until ``done()``; whether it was (every turn, when never).
    ``pilot.pause`` is no use here: it waits for a screen that is busy on purpose."""
    for _ in range(turns):
        if done():
            return True
        await asyncio.sleep(0)
    return False
