"""Every key counts in a browser too: under `briefing serve`, each answer's keys go out in one
burst (one keyboard call after another, with no wait for the screen between them), for a
question of every kind, and the result file holds exactly the answers typed; a second try typed
in a burst right after A keeps its capital letters.

The keys cross the browser, the page's websocket and the server before the game reads them,
so they arrive spread out and in bunches, as they do for a class on one laptop.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.classroom.identity import class_seed
from game.content import compile_pack
from game.engine import Story

from ..conftest import FIXTURES
from ..tui.driver import burst_keys
from ..tui.test_key_bursts import answers, recorded
from .test_browser_play import (CLASS_CODE, Screen, open_page, read_result, require, serving,
                                wait_until)

pytestmark = pytest.mark.browser
EVERY_KIND = FIXTURES / "every-kind"
STUDENT = "Bo Tran"

def answers_so_far(results: Path) -> list[dict]:
    return (read_result(results) or {}).get("answers") or []


def playing(playwright, url: str, tmp_path: Path, body):
    browser, page = open_page(playwright)
    screen = Screen(page)
    try:
        page.goto(url)
        page.wait_for_selector(".xterm-helper-textarea", state="attached")
        screen.wait_for("Your name")
        page.focus(".xterm-helper-textarea")
        screen.burst([*STUDENT, "enter"])  # the name and New game, in one burst too
        screen.wait_for("Your resume code is ")
        screen.go_on("enter", "The storm file")
        screen.go_on("enter", "Recall question 1 of")  # the scene read: to its questions
        body(screen)
    except BaseException:
        page.screenshot(path=str(tmp_path / "failed.png"))
        print(f"screenshot: {tmp_path / 'failed.png'}")
        raise
    finally:
        browser.close()


def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    return start()


def test_each_answer_typed_in_one_burst_is_recorded_as_typed(tmp_path):
    pack = compile_pack(EVERY_KIND).pack
    story = Story(pack, seed=class_seed(CLASS_CODE, STUDENT, False))  # the student's order
    typed: list[tuple[str, object]] = []

    def every_question(screen: Screen) -> None:
        while story.question is not None:
            presented = story.question
            screen.wait_for(" ".join(presented.question.ask.split()[:4]))
            response = answers(presented.question)
            screen.burst(burst_keys(presented, response))
            typed.append((presented.question.id, response))
            wait_until(lambda: len(answers_so_far(results)) == len(typed),
                       f"the answer to {presented.question.id} in the result file")
            story.answer(response)  # the same game, here, for the next question's order
            screen.wait_for("Answer recorded")
            screen.burst(["enter"])

    with serving(tmp_path, str(EVERY_KIND), "--mode", "exam") as (url, results, _log):
        with sync_playwright() as playwright:
            playing(playwright, url, tmp_path, every_question)
        saved = answers_so_far(results)
    kinds = {q.type for q in pack.questions().values()}
    assert len(kinds) == 7 and len(saved) == len(typed) == 7
    for record, (question, response) in zip(saved, typed):
        assert record["question"] == question
        if pack.questions()[question].type == "multiple-select":
            assert sorted(record["response"]) == sorted(response), question
        else:
            assert record["response"] == recorded(response), question


def test_a_second_try_typed_in_a_burst_keeps_every_letter(tmp_path):
    def wrong_then_again(screen: Screen) -> None:
        screen.wait_for("What wind speed")
        screen.burst(["1", "2", "0", "enter"])
        screen.wait_for("Press Enter to continue")
        screen.burst(["enter"])
        screen.wait_for("Who said the storm closed the port?")
        screen.burst([*"the coast guard", "enter"])  # wrong: a second try is offered
        screen.wait_for("Press A to try again")
        screen.burst(["a", *"Harbour Officials", "enter"])  # A, then the answer, at once
        wait_until(lambda: len(answers_so_far(results)) == 3, "the second try's answer")

    with serving(tmp_path, str(EVERY_KIND)) as (url, results, _log):
        with sync_playwright() as playwright:
            playing(playwright, url, tmp_path, wrong_then_again)
        first, wrong, again = answers_so_far(results)
    assert first["response"] == 120
    assert wrong["response"] == "the coast guard" and wrong["correct"] is False
    assert again["response"] == "Harbour Officials" and again["correct"] is True
    assert again["attempt"] == 2
