"""End to end in a real browser: a student who saves the debrief under `briefing serve` gets a
download in their browser; nothing is written on the computer serving the game, whatever name
they type. A two-scene pack (`briefing new`) keeps the game short."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from ..loopback import ESCAPES, free_port, listening
from .test_browser_play import STEP_TIMEOUT, chromium_path, open_page, require, stop, wait_until

pytestmark = pytest.mark.browser
GAME_KEYS = ["Enter", "Enter", "Enter", "t", "Enter", "1", "Enter", "Enter", "1", "Enter"]


def test_a_students_saved_debrief_downloads_to_their_browser(tmp_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    chromium_path()  # there, or the test skips (and fails in CI)
    pack, served = tmp_path / "tinyweek", tmp_path / "served-from"
    served.mkdir()
    made = subprocess.run([sys.executable, "-m", "game", "new", str(pack)], capture_output=True,
                          text=True)
    assert made.returncode == 0, made.stderr
    port = free_port()
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(os.getcwd()),
                                                       os.environ.get("PYTHONPATH")]))}
    with (tmp_path / "serve.log").open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "game", "serve", str(pack), "--port", str(port), "--class",
             "7B", "--results", str(tmp_path / "results")], cwd=served, env=env, stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_until(lambda: listening(port) or server.poll() is not None, "the server", 30)
        with sync_playwright() as playwright:
            browser, page = open_page(playwright, 1000, 640, accept_downloads=True)

            def shown() -> str:
                return ESCAPES.sub("", page.evaluate("window.__screen"))

            try:
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector(".xterm-helper-textarea", state="attached")
                wait_until(lambda: "Your name" in shown(), "the name box")
                page.focus(".xterm-helper-textarea")
                page.keyboard.type("Ana", delay=20)
                page.keyboard.press("Enter")
                wait_until(lambda: "Your resume code is " in shown(), "the resume code")
                page.keyboard.press("Enter")
                for key in GAME_KEYS:  # the intro, the scene, its question, the call, the end
                    if "Ending: The end of the day" in shown():
                        break
                    time.sleep(1)
                    page.keyboard.press(key)
                wait_until(lambda: "Ending: The end of the day" in shown(), "the debrief")
                page.keyboard.press("s")
                wait_until(lambda: "downloads to your browser" in shown(), "the save dialog")
                page.keyboard.type("../../etc/notes.html", delay=20)
                with page.expect_download(timeout=STEP_TIMEOUT * 1000) as started:
                    page.keyboard.press("Enter")
                download = started.value
                saved = tmp_path / "downloaded.html"
                download.save_as(saved)
            except BaseException:
                page.screenshot(path=str(tmp_path / "failed.png"))
                print(f"screenshot: {tmp_path / 'failed.png'}\nserver log:\n"
                      f"{(tmp_path / 'serve.log').read_text(encoding='utf-8')}")
                raise
            finally:
                browser.close()
    finally:
        stop(server)
    assert download.suggested_filename == "notes.html"
    page_text = saved.read_text(encoding="utf-8")
    assert page_text.startswith("<!DOCTYPE html>") and "Played by <b>Ana</b>" in page_text
    assert "Report it with its source" in page_text  # the call made, or the better one
    assert list(served.iterdir()) == []  # nothing on the serving computer's disk
