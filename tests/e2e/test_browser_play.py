"""End to end in a real browser: `briefing serve` on a loopback port, headless Chromium (Debian's,
driven by Playwright), a student who types a name, reads the first scene and answers its first
question by keyboard, and the result file that lands in the teacher's folder.

Skips only when Chromium or Playwright is missing on a developer's machine; with CI set, their
absence fails the test: CI installs both (see .ci/run).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.classroom.identity import class_seed
from game.packs import compile_pack
from game.engine import Phase, Story
from game.paths import packs_root

from ..loopback import ESCAPES, free_port, listening

pytestmark = pytest.mark.browser
CAMPAIGN_ID = "week-of-march-23"
CLASS_CODE = "7B"
STUDENT = "Ana [b]Lee[/b]"  # markup in a name is kept and stored as typed
STEP_TIMEOUT = 45.0  # seconds, for any one thing to happen
PORT_TRIES = 3  # a test running in parallel may take the free port before the server does
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")

# Keeps what the game sends to the page's terminal as text, so the test can wait for what a
# student would see. xterm.js draws on a canvas; its DOM holds no text to read.
SCREEN_HOOK = """
(() => {
  window.__screen = "";
  const decoder = new TextDecoder();
  const Original = window.WebSocket;
  function Recording(...args) {
    const socket = new Original(...args);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__screen += decoder.decode(new Uint8Array(event.data), {stream: true});
      }
    });
    return socket;
  }
  Recording.prototype = Original.prototype;
  window.WebSocket = Recording;
})();
"""


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    require(found is not None, "Chromium is not installed (apt-get install chromium)")
    return found


def require(ok: bool, why: str) -> None:
    if not ok:
        if IN_CI:
            pytest.fail(f"{why}: CI must run the browser test, not skip it")
        pytest.skip(why)


def poll(check, timeout: float, every: float = 0.2):
    """``check()`` once it is truthy, or None when ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value or None
        time.sleep(every)


def wait_until(check, what: str, timeout: float = STEP_TIMEOUT):
    """Like poll, but failing, naming ``what``, at the deadline."""
    value = poll(check, timeout)
    if value is None:
        raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
    return value


def result_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json") if not p.name.startswith("."))


def read_result(folder: Path) -> dict | None:
    files = result_files(folder)
    if len(files) != 1:
        return None
    try:
        return json.loads(files[0].read_text(encoding="utf-8"))
    except ValueError:  # never half-written (atomic rename), but be sure
        return None


# Textual's key names as Playwright's keyboard knows them.
PLAYWRIGHT_KEYS = {"enter": "Enter", "space": "Space", "down": "ArrowDown", "up": "ArrowUp",
                   "left": "ArrowLeft", "right": "ArrowRight", "home": "Home",
                   "backspace": "Backspace", " ": "Space", "shift+up": "Shift+ArrowUp",
                   "shift+down": "Shift+ArrowDown"}


def open_page(playwright, width: int = 1200, height: int = 800, **options):
    """Headless Chromium and a page that keeps what the game draws (SCREEN_HOOK)."""
    browser = playwright.chromium.launch(executable_path=chromium_path(),
                                         args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": width, "height": height}, **options)
    page.set_default_timeout(STEP_TIMEOUT * 1000)
    page.add_init_script(SCREEN_HOOK)
    return browser, page


class Screen:
    """A browser page on the served game, and what the game has drawn on it so far."""

    def __init__(self, page) -> None:
        self.page, self.seen = page, 0

    def wait_for(self, text: str, timeout: float = STEP_TIMEOUT) -> None:
        """Until ``text`` is drawn after everything waited for before."""
        def shown():
            plain = ESCAPES.sub("", self.page.evaluate("window.__screen"))
            found = plain.find(text, self.seen)
            return found + 1 if found >= 0 else 0

        self.seen = wait_until(shown, f"the page to show {text!r}", timeout) - 1 + len(text)

    def go_on(self, key: str, then: str, tries: int = 3) -> None:
        """Press ``key`` until ``then`` shows. The text waited for before it may have been drawn
        under a dialog still closing (a modal repaints what is beneath it), and the game drops a
        key typed before its screen shows; a player who saw nothing happen presses again."""
        for attempt in range(1, tries + 1):
            self.burst([key])
            try:
                return self.wait_for(then, timeout=STEP_TIMEOUT / tries)
            except AssertionError:
                if attempt == tries:
                    raise

    def burst(self, keys: list[str]) -> None:
        for key in keys:  # no wait between keys: only the browser's own pace
            self.page.keyboard.press(PLAYWRIGHT_KEYS.get(key, key))


def keys_for(presented) -> list[tuple[str, str]]:
    """The right answer as key presses: ("type", text) or ("press", key)."""
    question, options = presented.question, list(presented.options)
    if question.type == "single-choice":
        return [("press", str(options.index(question.answer) + 1))]
    if question.type == "true-false":
        return [("press", "t" if question.answer else "f")]
    if question.type == "numeric":
        return [("type", f"{question.answer:g}"), ("press", "Enter")]
    if question.type == "short-text":
        return [("type", str(question.answer)), ("press", "Enter")]
    if question.type == "multiple-select":
        steps = []
        for index, option in enumerate(options):
            if option in question.answers:
                steps.append(("press", " "))
            if index < len(options) - 1:
                steps.append(("press", "ArrowDown"))
        return steps + [("press", "Enter")]
    raise AssertionError(f"the first question is a {question.type} question; teach keys_for it")


@pytest.fixture
def server(tmp_path):
    """`briefing serve` for class 7B on a free loopback port."""
    with serving(tmp_path, CAMPAIGN_ID) as served:
        yield served


@contextlib.contextmanager
def serving(tmp_path, pack: str, *options: str):
    """`briefing serve PACK` for class 7B on a free loopback port (another one if something
    took it first), with ``options``; its process group is ended after. Gives the page's
    address, the results folder and the server's log."""
    chromium_path()
    results, data = tmp_path / "results", tmp_path / "data"
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data)}
    for attempt in range(1, PORT_TRIES + 1):
        port, log_path = free_port(), tmp_path / f"serve-{attempt}.log"
        with log_path.open("w", encoding="utf-8") as log:  # the server keeps its own copy
            process = subprocess.Popen(
                [sys.executable, "-m", "game", "serve", pack, "--port", str(port),
                 "--class", CLASS_CODE, "--results", str(results), *options],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True)
        def up() -> bool:  # its banner says it has the port, and someone listens there
            said = log_path.read_text(encoding="utf-8")
            return f"Serving the game at http://127.0.0.1:{port}" in said and listening(port)

        try:
            wait_until(lambda: process.poll() is not None or up(), "the server to listen",
                       timeout=30)
        except BaseException:
            stop(process)
            raise
        if process.poll() is None:
            break
        said = log_path.read_text(encoding="utf-8")
        assert f"cannot serve on 127.0.0.1 port {port}" in said, "serve exited:\n" + said
    else:
        pytest.fail(f"no free port for the server in {PORT_TRIES} tries")
    try:
        yield f"http://127.0.0.1:{port}/", results, log_path
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End the server and every game it started: they share one process group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):  # politely, then whatever is left
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    process.wait(timeout=10)


def test_a_student_plays_in_a_browser_and_the_teacher_gets_a_result(server, tmp_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    url, results, server_log = server
    pack = compile_pack(packs_root() / CAMPAIGN_ID).pack
    # the student's own order, with the campaign's pre-check first: each item and its right
    # answer as keys, then the first scene
    first = Story(pack, seed=class_seed(CLASS_CODE, STUDENT, False), checks=True)
    check_items = []
    while first.phase is Phase.CHECK:
        check_items.append(first.check_item)
        first.answer_check(first.check_item.question.answer)
    assert check_items, "the campaign has no pre-check"
    first_scene = first.scene
    presented = first.question
    assert presented is not None, "the campaign's first scene has no question"

    with sync_playwright() as playwright:
        browser, page = open_page(playwright)
        screen = Screen(page)
        try:
            page.goto(url)
            page.wait_for_selector(".xterm-helper-textarea", state="attached")
            screen.wait_for("Your name")  # --class was given, so the title screen asks the name
            page.focus(".xterm-helper-textarea")
            page.keyboard.type(STUDENT, delay=20)
            page.keyboard.press("Enter")  # New game: there is no save yet
            started = wait_until(lambda: read_result(results), "a result file to appear")
            assert started["name"] == STUDENT and started["class"] == CLASS_CODE
            assert started["completed"] is False and started["answers"] == []

            # served games protect saves with a resume code, shown once, then the intro
            screen.wait_for("Your resume code is ")
            screen.go_on("Enter", "Press Enter to begin")  # "I have written it down"
            screen.go_on("Enter", "Before the week: a short check")
            for item in check_items:  # each answer shows the next item, or the first scene
                screen.wait_for(" ".join(item.question.ask.split()[:3]))
                for kind, keys in keys_for(item):
                    page.keyboard.type(keys, delay=20) if kind == "type" \
                        else page.keyboard.press(keys)
            screen.wait_for(first_scene.title)
            screen.go_on("Enter", " ".join(presented.question.ask.split()[:3]))  # to the questions
            for kind, keys in keys_for(presented):
                page.keyboard.type(keys, delay=20) if kind == "type" else page.keyboard.press(keys)
            answered = wait_until(lambda: (read_result(results) or {}).get("answers"),
                                  "the answer to reach the result file")
            page.screenshot(path=str(tmp_path / "answered.png"))
        except BaseException:
            page.screenshot(path=str(tmp_path / "failed.png"))
            print(f"screenshot: {tmp_path / 'failed.png'}\nserver log:\n{server_log.read_text()}")
            raise
        finally:
            browser.close()

    result = read_result(results)
    assert answered[0]["question"] == presented.question.id
    assert answered[0]["correct"] is True and answered[0]["scene"] == first_scene.id
    assert result["name"] == STUDENT and result["class"] == CLASS_CODE
    assert result["pack"]["id"] == CAMPAIGN_ID and result["mode"] == "practice"
    (path,) = result_files(results)
    assert path.parent.parent == results  # <results>/<class>/<file>, whatever the name


def test_a_missing_browser_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(f"{__name__}.IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        require(False, "Chromium is not installed")
    monkeypatch.setattr(f"{__name__}.IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        require(False, "Chromium is not installed")
    require(True, "never said")
