"""The dashboard reads the results folder off the UI thread (issue 13, findings 12 and 13): it
says how many files it is reading, `q` quits at once however slow the read, and an error while
reading is one line on the screen, never a traceback."""

from __future__ import annotations

import asyncio
import threading

from textual.widgets import Static

from game.classroom import results
from game.classroom.identity import new_attempt_id
from game.classroom.results import write_result
from game.engine import Story
from game.tui.dashboard.app import make_dashboard

GENEROUS = 30  # seconds: only a hang gets near it, and then the test fails instead of hanging


def write_class(folder, pack, names=("Ana", "Ben", "Cara")) -> None:
    for name in names:
        story = Story(pack, seed=1, clock=lambda: "2026-03-23T09:00:00+00:00")
        story.state.class_code, story.state.player = "7B", name
        story.state.attempt_id = new_attempt_id()
        write_result(folder, pack, story.state)


def summary(app) -> str:
    return str(app.screen.query_one("#summary", Static).render())


def test_q_quits_at_once_while_a_slow_read_is_under_way(tmp_path, mini_pack, monkeypatch):
    """Run as the command runs it (``App.run``, whose event loop waits for its executor's
    threads when it closes), in a thread of its own so that a hang fails the test."""
    write_class(tmp_path, mini_pack)
    reading, release = threading.Event(), threading.Event()
    real_read_one = results.read_one

    def stalled_read_one(path):  # a stalled disk, or a folder too big to read in time
        reading.set()
        release.wait(GENEROUS * 2)
        return real_read_one(path)

    monkeypatch.setattr(results, "read_one", stalled_read_one)
    app = make_dashboard(tmp_path, packs=[mini_pack], every=60)
    seen: list[str] = []

    async def teacher(pilot) -> None:
        if await asyncio.to_thread(reading.wait, GENEROUS):
            await pilot.pause()
            seen.append(summary(app))
        await pilot.press("q")

    dashboard = threading.Thread(target=app.run, daemon=True,
                                 kwargs={"headless": True, "size": (100, 30),
                                         "auto_pilot": teacher})
    dashboard.start()
    dashboard.join(GENEROUS)
    quit_while_reading = not dashboard.is_alive()
    release.set()  # lets the stalled read end, quit or not
    dashboard.join(GENEROUS)
    assert quit_while_reading, "q did not end the dashboard while a read was under way"
    assert len(seen) == 1 and "Reading 3 result files" in seen[0]
    assert app.return_code == 0


async def test_an_unexpected_error_while_reading_is_one_line_and_the_dashboard_goes_on(
        tmp_path, mini_pack, monkeypatch, data_dir):
    write_class(tmp_path, mini_pack)
    real_read_one = results.read_one

    def broken_read_one(path):
        raise RuntimeError("a bug, or a file nobody foresaw")

    monkeypatch.setattr(results, "read_one", broken_read_one)
    app = make_dashboard(tmp_path, packs=[mini_pack], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        line = summary(app)
        assert line.startswith(f"Could not read {tmp_path}") and "internal error" in line
        assert "\n" not in line and "Traceback" not in line
        logs = list((data_dir / "logs").glob("crash-*.txt"))
        assert len(logs) == 1 and "a bug, or a file nobody foresaw" in logs[0].read_text()
        monkeypatch.setattr(results, "read_one", real_read_one)
        await pilot.press("r")  # the next read works again: the dashboard never stopped
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert summary(app).startswith("3 student(s)")
