"""A match question in the TUI, by keyboard only, with every answer's keys sent in one burst."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import Markdown

from game.content.kinds.match import LETTERS
from game.content import compile_pack
from game.content.kinds import KINDS
from game.session import Settings
from game.tui.answer_widgets import ANSWER_WIDGETS
from game.tui.app import make_app
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.question import QuestionScreen
from game.tui.widgets.match_answer import MatchList

from ..conftest import FIXTURES
from .driver import burst, new_game, play_to_debrief

SIZE = (80, 24)


@pytest.fixture(scope="module")
def matching():
    return compile_pack(FIXTURES / "matching").pack


def letters_for(presented, matches: dict) -> list[str]:
    """The letter keys for ``matches``, item by item down the list as shown."""
    return [LETTERS[presented.targets.index(matches[item])] for item in presented.options]


async def to_first_question(pilot) -> QuestionScreen:
    await new_game(pilot)
    await pilot.press("enter")  # from the scene to its questions
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuestionScreen)
    return pilot.app.screen


async def test_a_burst_of_letters_and_enter_records_every_match(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        q = screen.presented.question
        right = {p.left: p.right for p in q.pairs}
        await burst(pilot, *letters_for(screen.presented, right), "enter")
        [record] = app.story.state.answers
        assert record.response == right and record.points == 3

        await burst(pilot, "enter")  # on to the second question (reuse: true)
        presented = app.screen.presented
        q = presented.question
        given = {p.left: p.right for p in q.pairs}
        first = presented.options[0]
        given[first] = next(t for t in presented.targets if t != given[first])  # one wrong
        await burst(pilot, *letters_for(presented, given), "enter")
        record = app.story.state.answers[-1]
        assert record.response == given
        assert record.points == round(2 / 3, 2) and not record.correct


async def test_enter_before_every_item_is_matched_records_nothing(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        await burst(pilot, "a", "b", "enter")
        assert app.story.state.answers == []
        assert not screen.answered
        assert any("Match every item first (still open: 3, 4)" in str(n.message)
                   for n in app._notifications)


async def test_arrows_change_a_match_and_backspace_clears_it(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        targets = screen.presented.targets
        pairs = app.screen.query_one(MatchList)
        first = screen.presented.options[0]
        await burst(pilot, "right", "right")
        assert pairs.matched == {first: targets[1]} and pairs.highlighted == 0
        await burst(pilot, "left")
        assert pairs.matched == {first: targets[0]}
        await burst(pilot, "backspace")
        assert pairs.matched == {}


async def test_the_arrows_skip_letters_other_items_hold(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        items, targets = screen.presented.options, screen.presented.targets
        pairs = app.screen.query_one(MatchList)
        await burst(pilot, "a", "down", "down", "c", "up", "up")  # item 1 a, item 4 c; on 2
        assert pairs.highlighted == 1
        await burst(pilot, *["right"] * 5)
        assert pairs.matched[items[0]] == targets[0] and pairs.matched[items[3]] == targets[2]
        free = [t for t in targets if t not in (targets[0], targets[2])]
        assert pairs.matched[items[1]] == free[5 % len(free) - 1]


async def test_the_largest_match_can_be_read_and_scrolled_by_keyboard(matching, data_dir,
                                                                      tmp_path):
    """Six pairs and eight letters, after a hint: PgUp brings the question back, and moving
    down the list keeps the highlighted item on screen."""
    pack = tmp_path / "matching"
    shutil.copytree(FIXTURES / "matching", pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    more = ("          - {left: The beaches reopen on Sunday after the clean-up of the sea front"
            " and the harbour walls is done, right: The mayor}\n"
            "          - {left: Winds reached the town at noon and blew down the old market "
            "hall and two of the piers, right: The coast guard}\n")
    text = text.replace("        extra: [The coast guard]\n",
                        more + "        extra: [The police, The council]\n"
                        "        hint: Each claim names its source in the article.\n", 1)
    scenes.write_text(text, encoding="utf-8")
    compiled = compile_pack(pack)
    assert compiled.ok, [str(d) for d in compiled.diagnostics]
    big = compiled.pack
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [big])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        assert len(screen.presented.options) == 6 and len(screen.presented.targets) == 8
        await burst(pilot, "f2")  # the hint shows above the list, pushing it down
        area = screen.query_one("#question-area")
        assert area.max_scroll_y > 0  # too tall for 80x24: it must scroll
        pairs = screen.query_one(MatchList)
        await burst(pilot, *["down"] * 5)
        assert pairs.highlighted == 5
        line = pairs.content_region.y + pairs.option_line(5)[0]
        assert area.content_region.y <= line < area.content_region.bottom
        await burst(pilot, "pageup", "pageup")
        assert area.scroll_y == 0
        assert screen.query_one("#question-ask").region.y >= area.content_region.y


async def test_a_letter_used_once_moves_to_the_new_item(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        items, targets = screen.presented.options, screen.presented.targets
        await burst(pilot, "c", "c")  # item 1 gets c, then item 2 takes it
        assert app.screen.query_one(MatchList).matched == {items[1]: targets[2]}


async def test_the_debrief_shows_the_pairs(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await play_to_debrief(pilot)
        assert isinstance(app.screen, DebriefScreen)
        text = app.screen.markdown
        assert "The storm closed the port → Harbour officials" in text


async def test_the_campaigns_match_question_fits_at_80x24(campaign, data_dir):
    """The question, every letter on the right and every item on the left are on screen at
    once: the question area has nothing to scroll."""
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, start_at="sat-quiet"),
                   [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the scene read: to its questions
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.presented.question.type == "match"
        area = screen.query_one("#question-area")
        assert area.max_scroll_y == 0
        pairs = screen.query_one(MatchList)
        assert pairs.option_count == 4 and pairs.max_scroll_y == 0


async def test_the_feedback_repeats_the_pairs_given(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_first_question(pilot)
        q = screen.presented.question
        given = {p.left: p.right for p in q.pairs}
        first, second = screen.presented.options[:2]
        given[first], given[second] = given[second], given[first]
        await burst(pilot, *letters_for(screen.presented, given), "enter")
        if screen.stage == "retry-offered":
            await burst(pilot, "enter")  # no second try: see the answer
        feedback = str(screen.query_one("#feedback").render())
        assert f"Your answer: {KINDS['match'].describe(q, given)}" in feedback.replace("\n", " ")


async def test_help_says_how_to_answer_every_kind(matching, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [matching])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.query_one(Markdown).source
        for name, spec in ANSWER_WIDGETS.items():
            assert f"**{KINDS[name].label.capitalize()}**: {spec.how_to_answer}" in text
        assert "Backspace clears" in text
