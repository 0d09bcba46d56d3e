"""Access in the browser, end to end: `briefing serve` on a loopback port and Debian's headless
Chromium (Playwright). The full-screen game at a large font (?fontsize=28 in 1100x760) plays
instead of asking for a bigger window, and its page links the accessible version first; the
accessible version (/plain) has the structure a screen reader needs (Playwright's ARIA
snapshot: the heading, a labelled field for each prompt, the live region) and is played to the
debrief with the keyboard alone (Tab, typing, Space, Enter), scoring what the same lines score
in plain mode; hostile requests get a clear page.

Screenshots go to the test's folder (kept by pytest; the path is printed on failure)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from game.packs import compile_pack
from game.plain import play_plain
from game.session import Settings

from ..conftest import MINI
from .test_browser_play import (CLASS_CODE, Screen, open_page, require, result_files,
                                serving, wait_until)

pytestmark = pytest.mark.browser
STUDENT = "Ana <b>Lee</b> & co"
TEXT_TRIES = ["3", "1 2 3", "1 2 3 4", "1 2 3 4 5", "1a 2b 3c", "1a 2b 3c 4d"]


@pytest.fixture
def playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as running:
        yield running


@pytest.fixture
def mini_server(tmp_path):
    with serving(tmp_path, str(MINI)) as served:
        yield served


def form_kind(page) -> str:
    """What the page's form asks for (read from the page, as a screen reader reads it)."""
    return page.evaluate("""() => {
        const form = document.querySelector("form#answer");
        if (!form) return "over";
        if (form.querySelector("input[type=text]")) return "text";
        if (form.querySelector("input[type=radio]")) return "radio";
        if (form.querySelector("input[type=checkbox]")) return "checkbox";
        return "button";
    }""")


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return {tag: e.tagName, type: e.type || "", value: e.value || "",
                label: e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent};
    }""")


def turn_number(page) -> str:
    return page.evaluate("() => (document.querySelector('input[name=turn]') || {}).value || ''")


def submit_by_keyboard(page) -> None:
    """Enter, and the next page (every answer is a form posted, answered with a page)."""
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to_the_field(page)


def tab_to_the_field(page) -> None:
    """The page opened (nothing takes the focus: a screen reader reads it from the top), then
    Tab: the first thing it reaches is the page's field."""
    page.wait_for_load_state()
    page.keyboard.press("Tab")


def first_choice(tmp_path: Path):
    """A check of the first page with options: a group named by the prompt, a radio button
    for each option, the answer button and the commands; and a picture of it."""
    checked = []

    def check(page) -> None:
        if checked or form_kind(page) != "radio":
            return
        snapshot = page.locator("form").aria_snapshot()
        assert re.search(r'- group "Your answer, 1 to \d\?"', snapshot), snapshot
        assert snapshot.count("- radio ") >= 2, snapshot
        assert '- button "Answer"' in snapshot and '- button "Notebook"' in snapshot
        page.screenshot(path=str(tmp_path / "access-choice.png"), full_page=True)
        checked.append(True)

    return check


def play_by_keyboard(page, check=lambda page: None) -> list[str]:
    """Every prompt answered with keys only: the first pick (Space, then Enter) or a typed line
    that fits; the lines the game was given, in order. ``check`` looks at each page first."""
    sent = []
    for _ in range(200):
        kind = form_kind(page)
        if kind == "over":
            return sent
        check(page)
        field = focused(page)  # each page puts the keyboard in its field
        if kind == "text":
            assert field["tag"] == "INPUT" and field["type"] == "text", field
            for line in TEXT_TRIES:
                page.keyboard.type(line)
                sent.append(line)
                submit_by_keyboard(page)
                if page.locator(".problem").count() == 0:
                    break  # taken (refused, the field comes back empty, its problem above it)
        elif kind in ("radio", "checkbox"):
            assert field["type"] == kind, field
            page.keyboard.press("Space")
            sent.append(focused(page)["value"])
            submit_by_keyboard(page)
        else:
            assert field["tag"] == "BUTTON", field
            sent.append(page.evaluate("() => document.querySelector('input[name=pick]').value"))
            submit_by_keyboard(page)
    raise AssertionError("the game did not end")


def test_the_accessible_version_is_played_by_keyboard_to_the_debrief(playwright, mini_server,
                                                                      tmp_path):
    url, results, server_log = mini_server
    browser, page = open_page(playwright, 1100, 760)
    try:
        page.goto(url + "plain")
        tab_to_the_field(page)
        snapshot = page.locator("body").aria_snapshot()
        assert '- heading "briefing, accessible version" [level=1]' in snapshot
        assert '- button "Start"' in snapshot
        assert focused(page)["label"].strip() == "Start"
        submit_by_keyboard(page)

        # the name: one text box, labelled by the prompt; what the game says in a live region
        snapshot = page.locator("main").aria_snapshot()
        assert re.search(r'- textbox "Class 7B\. Your name\?"', snapshot), snapshot
        live = page.locator("[aria-live=polite]")
        assert live.count() == 1 and "briefing, plain mode" in live.inner_text()
        page.keyboard.type(STUDENT)
        submit_by_keyboard(page)
        assert f"Playing as {STUDENT}, class 7B." in live.inner_text()  # literally, escaped
        page.screenshot(path=str(tmp_path / "access-question.png"), full_page=True)
        sent = [STUDENT] + play_by_keyboard(page, first_choice(tmp_path))
        page.screenshot(path=str(tmp_path / "access-end.png"), full_page=True)
        assert page.get_by_role("heading", name="The game is over").count() == 1
    except BaseException:
        page.screenshot(path=str(tmp_path / "failed.png"), full_page=True)
        print(f"screenshots: {tmp_path}\nserver log:\n{server_log.read_text()}")
        raise
    finally:
        browser.close()

    [path] = result_files(results)
    on_pages = json.loads(path.read_text(encoding="utf-8"))
    assert on_pages["completed"] is True and on_pages["name"] == STUDENT
    # the same lines typed into plain mode by the same student: the same score
    terminal = tmp_path / "terminal"
    play_plain([compile_pack(MINI).pack],
               Settings(data_dir=terminal, results_dir=terminal / "results",
                        class_code=CLASS_CODE, resume_codes=True),
               inp=io.StringIO("\n".join(sent) + "\n"), out=io.StringIO())
    [other] = result_files(terminal / "results")
    in_terminal = json.loads(other.read_text(encoding="utf-8"))
    assert on_pages["tracks"] == in_terminal["tracks"] and on_pages["percent"] == \
        in_terminal["percent"] and on_pages["grade"] == in_terminal["grade"]
    assert [(a["question"], a["response"], a["points"]) for a in on_pages["answers"]] == \
        [(a["question"], a["response"], a["points"]) for a in in_terminal["answers"]]


def test_hostile_requests_get_a_clear_page(playwright, mini_server, tmp_path):
    url, results, server_log = mini_server
    browser, page = open_page(playwright, 390, 844)  # a phone's width
    try:
        page.goto(url + "plain")
        tab_to_the_field(page)
        submit_by_keyboard(page)
        page.keyboard.type("Bo")
        submit_by_keyboard(page)
        odd = "\u202e<img src=x onerror=alert(1)>" + "ü" * 3000 + "\\x00 ../../etc"
        page.keyboard.insert_text(odd)
        submit_by_keyboard(page)
        assert page.locator(".problem").inner_text().startswith("Type a number")
        assert page.locator("img").count() == 0
        page.screenshot(path=str(tmp_path / "access-phone.png"), full_page=True)
        unknown = page.request.post(url + "plain/turn", form={"session": "x", "turn": "1"})
        assert unknown.status == 404 and "no longer running here" in unknown.text()
        page.goto(url + "plain/turn")
        assert "A game goes on from its own page only." in page.inner_text("main")
    finally:
        browser.close()
    assert "Traceback" not in server_log.read_text()


def test_the_game_plays_at_a_large_font_and_links_the_accessible_version(playwright,
                                                                         mini_server,
                                                                         tmp_path):
    url, results, server_log = mini_server
    browser, page = open_page(playwright, 1100, 760)
    screen = Screen(page)
    try:
        page.goto(url + "?fontsize=28")
        link = page.locator("a.accessible-link")
        assert link.get_attribute("href") == url + "plain"
        snapshot = page.locator("body").aria_snapshot()
        first = snapshot.lstrip().splitlines()[0]  # what a screen reader meets first
        assert re.match(r"""- '?link "Accessible version of this game""", first), snapshot
        screen.wait_for("New game")  # the title screen, not the request for a bigger window
        page.wait_for_timeout(500)  # the last frame drawn, for the picture
        page.screenshot(path=str(tmp_path / "fontsize-28.png"))
        assert "needs 60x20" not in page.evaluate("window.__screen")
    finally:
        browser.close()
