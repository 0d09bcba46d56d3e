"""The teacher's console holds back repeats of one kind of event, never a different event that
happens to share a message template (every session logs through "%s: %s")."""

from __future__ import annotations

import logging

from game.classroom.serve_log import NotTooOften


def record(template: str, *args) -> logging.LogRecord:
    return logging.LogRecord("briefing.serve", logging.WARNING, __file__, 1, template, args, None)


def test_another_kind_of_event_is_never_held_back_behind_one_sharing_its_template():
    console = NotTooOften()
    dropped = record("%s: %s", "game 17337", "dropped a message of 120013 bytes: too much at once")
    stopped = record("%s: %s", "game 17491", "used 402 MB of memory (the ceiling is 400 MB); "
                     "stopped")
    assert console.filter(dropped) and console.filter(stopped)  # both shown, at once


def test_repeats_of_one_kind_are_held_back_and_counted_on_the_next_line_shown(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr("game.classroom.serve_log.time.monotonic", lambda: clock[0])
    console = NotTooOften()
    first, second, third = (record("%s: %s", f"game {pid}", f"dropped a message of {size} bytes")
                            for pid, size in ((1, 70000), (2, 90000), (3, 80000)))
    assert console.filter(first)
    assert not console.filter(second)  # the same kind, within REPEAT_SECONDS
    clock[0] += 6
    assert console.filter(third)
    assert third.getMessage().endswith("(and 1 more like it)")
