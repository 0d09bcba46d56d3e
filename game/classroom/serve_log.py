"""What `briefing serve` prints on the teacher's console: one short line per event, never a
traceback, and the same event at most once every few seconds (with a count of the rest).

Plain stdlib logging on purpose: textual-serve's Rich handler printed tracebacks with local
variables, and it imported modules while logging, which failed when the server was out of file
descriptors and took the server down."""

from __future__ import annotations

import logging
import re
import sys
import time
from typing import Any

REPEAT_SECONDS = 5.0
DIGITS = re.compile(r"\d+")


class OneLine(logging.Formatter):
    """The message, and an exception's type and words, on one line; no traceback."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            problem = record.exc_info[1]
            message = f"{message} ({type(problem).__name__}: {problem})"
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        return f"{stamp} {' '.join(message.split())[:300]}"


class NotTooOften(logging.Filter):
    """Lets one line for each kind of event (its words, numbers aside) through every
    REPEAT_SECONDS, and says how many were held back when it next lets one through."""

    def __init__(self) -> None:
        super().__init__()
        self.last: dict[tuple[str, str], float] = {}
        self.held: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True  # games starting and ending: each is an event of its own
        # The kind of event, whatever game or size it names: a template such as "%s: %s" is
        # shared by every session's events, so one game's memory stop must not hide behind
        # another's dropped message, nor be counted as one.
        key = (record.name, DIGITS.sub("#", record.getMessage()))
        now = time.monotonic()
        if now - self.last.get(key, -REPEAT_SECONDS) < REPEAT_SECONDS:
            self.held[key] = self.held.get(key, 0) + 1
            return False
        self.last[key] = now
        held = self.held.pop(key, 0)
        if held:
            record.msg = f"{record.msg} (and {held} more like it)"
        return True


def initialize_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(OneLine())
    handler.addFilter(NotTooOften())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for noisy in ("aiohttp.access", "textual-serve"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # see log_loop_exception
    logging.raiseExceptions = False  # a console that has gone must not stop the server


def log_loop_exception(loop: Any, context: dict[str, Any]) -> None:
    """asyncio's unhandled errors (a failed accept when out of file descriptors, above all)
    as one line each, not a traceback."""
    problem = context.get("exception")
    message = context.get("message", "unexpected error")
    if isinstance(problem, OSError) and problem.errno in (23, 24):  # ENFILE, EMFILE
        logging.getLogger("briefing.serve").warning(
            "Out of open files: new connections wait until some close (%s)",
            problem.strerror)
        return
    logging.getLogger("briefing.serve").warning(
        "%s", f"{message} ({type(problem).__name__}: {problem})" if problem else message)
