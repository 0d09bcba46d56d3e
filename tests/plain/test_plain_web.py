"""The accessible web version (`briefing serve`'s /plain pages): a whole game played on the
pages scores what the same lines score in plain mode and writes its result file the same way;
what a hostile browser sends gets a short page, never a traceback, and never reaches the game
unchecked. Served in-process (aiohttp's test server); tests/e2e/test_browser_access.py plays it
in Chromium, by keyboard."""

from __future__ import annotations

import asyncio
import io
import json
import re
from pathlib import Path

import pytest

from game.classroom.serve import ServeOptions, session_argv
from game.cli import build_parser, play_settings
from game.plain import play_plain
from game.plain.console import MAX_LINE
from game.plain.web import AccessiblePages, served_settings
from game.session import Settings

from .web_client import Browser, serve_pages

NAME = 'Ana <script>alert("x")</script> & Lee'
TEXT_TRIES = ["3", "1 2 3", "1 2 3 4", "1 2 3 4 5", "1a 2b 3c", "1a 2b 3c 4d"]


def settings_in(folder: Path, **more) -> Settings:
    return Settings(data_dir=folder / "data", results_dir=folder / "results", class_code="7B",
                    resume_codes=True, **more)


def result_of(folder: Path) -> dict:
    [path] = list((folder / "results").rglob("*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def untimed(value):
    """A result's value without the times it holds (two games are never played at once)."""
    if isinstance(value, list):
        return [untimed(item) for item in value]
    if isinstance(value, dict):
        return {k: untimed(v) for k, v in value.items() if k != "at"}
    return value


async def play_on_pages(browser: Browser) -> None:
    """Answer every prompt as a student might: the first pick, or a line that fits."""
    page = await browser.start()
    assert page.status == 200 and "Your name?" in page.text
    page = await browser.answer(NAME)
    for _ in range(200):
        if page.kind == "over":
            return
        assert page.status == 200, page.text
        if page.kind in ("radio", "checkbox"):
            page = await browser.answer(picks=[page.inputs(page.kind)[0]["value"]])
        elif page.kind == "button":
            page = await browser.answer()
        else:
            for line in TEXT_TRIES:
                before = page.value("turn")
                page = await browser.answer(line)
                if "class=\"problem\"" not in page.html or page.value("turn") == before:
                    break
    raise AssertionError("the game did not end")


@pytest.fixture
async def browser_on(mini_pack, tmp_path):
    clients = []

    async def open_on(pages: AccessiblePages) -> Browser:
        client = await serve_pages(pages)
        clients.append((client, pages))
        return Browser(client)

    yield open_on
    for client, pages in clients:
        await pages.close()
        await client.close()


async def test_a_whole_game_on_the_pages_scores_as_plain_mode_does(mini_pack, tmp_path,
                                                                   browser_on):
    web = tmp_path / "web"
    browser = await browser_on(AccessiblePages([mini_pack], settings_in(web), 10))
    await play_on_pages(browser)
    last = browser.page  # the debrief, the article under it, and the end
    assert "<h2>Debrief: " in last.html and "End of the debrief." in last.text
    for section in ("Summary.", "Scores.", r"Your answers: \d+\."):  # the debrief's sections
        assert re.search(f"<h3>{section}</h3>", last.html), section
    assert "<h2>The article.</h2>" in last.html and "End of the article." in last.text
    assert last.text.index("End of the debrief.") < last.text.index("The article.") \
        < last.text.index("The game is over")
    on_pages = result_of(web)
    assert on_pages["completed"] is True and on_pages["name"] == NAME
    assert on_pages["class"] == "7B"

    # The same lines typed into plain mode, for the same student: the same game.
    terminal = tmp_path / "terminal"
    out = io.StringIO()
    play_plain([mini_pack], settings_in(terminal),
               inp=io.StringIO("\n".join(browser.sent) + "\n"), out=out)
    in_terminal = result_of(terminal)
    for key in ("answers", "decisions", "tracks", "percent", "grade", "ending", "seed"):
        assert untimed(on_pages[key]) == untimed(in_terminal[key]), key
    assert on_pages["answers"] and on_pages["decisions"]
    assert "Debrief" in out.getvalue()


async def test_the_page_is_semantic_and_escapes_everything(mini_pack, tmp_path, browser_on):
    browser = await browser_on(AccessiblePages([mini_pack], settings_in(tmp_path), 10))
    await browser.start()
    page = await browser.answer(NAME)
    assert "<script>" not in page.html and "&lt;script&gt;" in page.html
    assert f"Playing as {NAME}, class 7B." in page.text  # shown literally
    assert '<h1>briefing, accessible version</h1>' in page.html
    assert '<div id="said" aria-live="polite">' in page.html
    assert "<h2>The river rises.</h2>" in page.html
    assert "<h3>Question 1 of 2, 1 point.</h3>" in page.html
    assert '<label class="prompt" for="line">Your answer, a number?</label>' in page.html
    assert page.html.count('<input type="text"') == 1
    page = await browser.answer("3")
    # a choice: a fieldset whose legend is the prompt, a labelled radio button per option,
    # and the options not said twice
    assert "<legend>Your answer, 1 to 3?</legend>" in page.html
    radios = page.inputs("radio")
    assert [r["value"] for r in radios] == ["1", "2", "3"]
    for radio in radios:
        assert f'<label for="{radio["id"]}">' in page.html
    assert "1. " not in page.text


async def test_a_line_it_cannot_use_is_said_at_the_field_with_the_question_again(
        mini_pack, tmp_path, browser_on):
    browser = await browser_on(AccessiblePages([mini_pack], settings_in(tmp_path), 10))
    await browser.start()
    await browser.answer("Bo")
    page = await browser.answer("many")
    assert page.status == 200
    assert 'aria-invalid="true" aria-describedby="problem"' in page.html
    assert "Type a number, in digits (for example 12)." in page.text
    assert "How many villages flooded?" in page.text  # the question is still on the page
    page = await browser.answer(command="n")  # the notebook, then the question again
    assert "Three villages flooded." in page.text and "Back to the question" in page.text
    assert "How many villages flooded?" in page.text


async def test_the_help_says_how_the_page_keeps_the_debrief(mini_pack, tmp_path, browser_on):
    """No file is offered on the pages (their browser saves or prints the last page), so the
    help does not promise one."""
    browser = await browser_on(AccessiblePages([mini_pack], settings_in(tmp_path), 10))
    await browser.start()
    await browser.answer("Bo")
    page = await browser.answer(command="h")
    said = " ".join(page.text.split())
    assert "save or print it from your browser" in said
    assert "save it all as a file" not in said


async def test_hostile_forms_get_a_short_page_and_the_game_is_untouched(mini_pack, tmp_path,
                                                                      browser_on):
    browser = await browser_on(AccessiblePages([mini_pack], settings_in(tmp_path), 10))
    await browser.start()
    page = await browser.answer("Bo")
    turn, session = page.value("turn"), page.value("session")

    unknown = await browser.open("/plain/turn", "POST",
                                 data={"session": "nope", "turn": "1", "line": "3"})
    assert unknown.status == 404 and "This game is no longer running here" in unknown.text
    assert "Start again" in unknown.text and "Traceback" not in unknown.html

    huge = await browser.open("/plain/turn", "POST", data={"session": session, "turn": turn,
                                                           "line": "9" * 200_000})
    assert huge.status == 413 and "more than an answer can be" in huge.text

    long = await browser.open("/plain/turn", "POST", data={"session": session, "turn": turn,
                                                           "line": "9" * (MAX_LINE + 1)})
    assert long.status == 422 and "That answer is too long" in long.text

    foreign = await browser.open("/plain/turn", "POST", headers={"Origin": "http://evil.test"},
                                 data={"session": session, "turn": turn, "line": "3"})
    assert foreign.status == 403 and "Answer from the game's own page." in foreign.text
    for headers in ({"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:1"}):
        refused = await browser.open("/plain/turn", "POST", headers=headers,
                                     data={"session": session, "turn": turn, "line": "3"})
        assert refused.status == 403, headers

    odd = await browser.open("/plain/turn", "POST", data={
        "session": session, "turn": turn, "line": "\x00\x1b[31m\u202e3\r\n<b>"})
    assert odd.status == 200 and "Traceback" not in odd.html
    assert "Type a number" in odd.text  # refused by the game's own parser, at the field

    browser.page = odd
    page = await browser.answer("3")
    assert "Right: 1 of 1 point." in page.text
    replayed = await browser.open("/plain/turn", "POST",
                                  data={"session": session, "turn": turn, "line": "3"})
    assert replayed.status == 409 and "answered already" in replayed.text
    assert "When did the river rise?" in replayed.text  # where the game is now

    browser.page = replayed
    wrong_pick = await browser.answer(picks=["7"])
    assert wrong_pick.status == 422 and "Pick from the answers shown." in wrong_pick.text
    two_picks = await browser.answer(picks=["1", "2"])
    assert two_picks.status == 422
    no_button = await browser.answer(command="rm -rf")
    assert no_button.status == 422 and "not for this question" in no_button.text

    directly = await browser.open("/plain/turn")
    assert directly.status == 200 and "Start" in directly.text
    [result] = list((tmp_path / "results").rglob("*.json"))
    answers = json.loads(result.read_text(encoding="utf-8"))["answers"]
    assert [a["response"] for a in answers] == [3]  # only the one real answer


async def test_games_are_capped_with_the_full_screen_ones(mini_pack, tmp_path, browser_on):
    pages = AccessiblePages([mini_pack], settings_in(tmp_path), 3, others_running=lambda: 1)
    browser = await browser_on(pages)
    for _ in range(2):
        assert (await browser.start()).status == 200
    refused = await browser.start()
    assert refused.status == 503 and "Too many games" in refused.text
    assert pages.running == 2


async def test_quitting_saves_and_a_left_game_is_ended_and_saved(mini_pack, tmp_path,
                                                                  browser_on):
    pages = AccessiblePages([mini_pack], settings_in(tmp_path), 10)
    browser = await browser_on(pages)
    await browser.start()
    await browser.answer("Bo")
    page = await browser.answer(command="q")
    assert page.kind == "over" and "Stopped; your game is saved." in page.text

    other = Browser(browser.client)
    await other.start()
    await other.answer("Cy")
    [player] = [p for p in pages.players.values() if not p.turn.over]
    pages.forget_idle(player.last_seen + 10**6)  # as if left alone for days
    player.game.thread.join(10)
    assert not player.game.running
    for _ in range(500):  # its last turn reaches the server's loop
        if player.turn.over:
            break
        await asyncio.sleep(0.01)
    assert "Input ended; your game is saved." in " ".join(player.turn.said)


@pytest.mark.parametrize("teacher", [{"class_code": "7B", "mode": "exam", "same_order": True},
                                     {}])
def test_served_pages_play_with_the_settings_of_every_served_game(tmp_path, teacher):
    options = ServeOptions(results=tmp_path / "r", saves=tmp_path / "s", **teacher)
    argv = session_argv(options)
    assert served_settings(options) == play_settings(build_parser().parse_args(argv[3:]))


async def test_without_a_class_from_the_teacher_the_page_asks_for_one(mini_pack, tmp_path,
                                                                      browser_on):
    settings = Settings(data_dir=tmp_path / "data", results_dir=tmp_path / "results",
                        resume_codes=True)
    browser = await browser_on(AccessiblePages([mini_pack], settings, 10))
    page = await browser.start()
    assert "Class code (Enter alone to play on your own)?" in page.text
    page = await browser.answer("9C")
    assert "Class 9C. Your name?" in page.text
    page = await browser.answer("Di")
    assert "Playing as Di, class 9C." in page.text and "Your resume code is" in page.text
    assert result_of(tmp_path)["class"] == "9C"

    alone = Browser(browser.client)
    await alone.start()
    page = await alone.answer("")  # on one's own: no name, no code, no result file
    assert "How many villages flooded?" in page.text and "resume code" not in page.text
    assert len(list((tmp_path / "results").rglob("*.json"))) == 1
