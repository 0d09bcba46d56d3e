"""What a browser sends to its game, checked before the game sees it: the message's shape,
its size and rate, and the terminal's in-band resize report typed as keys. Pure Python: the
session (serve_session.py) decides what to do with a refusal."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any, Callable

from .serve_limits import clamp_size

# The terminal's in-band resize report, ESC [ 48 ; rows ; cols ; ph ; pw t, which Textual's
# input parser obeys as a resize (textual/_xterm_parser.py) whatever the server allowed. No key
# a browser's terminal sends starts with its introducer, so the introducer is removed and the
# rest arrives as the plain characters it is.
_SENT_ESCAPE = "\udfff"  # stands for an Escape already passed on (input never holds one)
_INTRODUCER = re.compile("[\x1b\udfff]\\[48;")
_PARTIAL_INTRODUCER = re.compile("[\x1b\udfff](\\[(4(8)?)?)?\\Z")


def well_formed(text: str) -> str:
    """``text`` without lone surrogates (JSON can carry them; UTF-8 cannot)."""
    return text.encode("utf-8", "replace").decode("utf-8")


class InBandResizeFilter:
    """Removes the in-band resize introducer from a session's keys, also when it is split
    over messages. A lone Escape at a message's end is the Escape key: it is passed on at once,
    and remembered, so that the next message cannot complete an introducer with it."""

    def __init__(self) -> None:
        self.held = ""  # the start of an introducer ("\x1b[", "\x1b[4", "\x1b[48"), not sent
        self.escape_sent = False

    def feed(self, text: str) -> str:
        text = (_SENT_ESCAPE if self.escape_sent else "") + self.held + well_formed(text)
        while _INTRODUCER.search(text):  # removing one may join the pieces of another
            text = _INTRODUCER.sub("", text)
        partial = _PARTIAL_INTRODUCER.search(text)
        self.held = ""
        if partial and len(partial.group()) > 1:
            self.held, text = partial.group(), text[:partial.start()]
        self.escape_sent = not self.held and text.endswith(("\x1b", _SENT_ESCAPE))
        return text.replace(_SENT_ESCAPE, "")


class InputBucket:
    """A token bucket of bytes: ``rate`` a second, up to ``capacity`` saved up."""

    def __init__(self, rate: float, capacity: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.tokens = capacity
        self.last = clock()

    def take(self, size: int) -> bool:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if size > self.tokens:
            return False
        self.tokens -= size
        return True


@dataclass(frozen=True)
class Envelope:
    """One well-formed message from the page: ``kind`` and what it carries."""

    kind: str  # "stdin", "resize", "ping", "focus" or "blur"
    text: str = ""  # stdin's keys; ping's token
    size: tuple[int, int] | None = None  # resize's, clamped


def read_envelope(raw: str) -> Envelope | None:
    """The page's message as an Envelope, or None when it is not one the page sends."""
    try:
        message: Any = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(message, list) or not message or not isinstance(message[0], str):
        return None
    kind, body = message[0], message[1] if len(message) > 1 else None
    if kind == "stdin":
        return Envelope(kind, text=body) if isinstance(body, str) else None
    if kind == "resize":
        if not isinstance(body, dict):
            return None
        size = clamp_size(body.get("width"), body.get("height"))
        return Envelope(kind, size=size) if size else None
    if kind == "ping":
        return Envelope(kind, text=body) if isinstance(body, str) and len(body) <= 64 else None
    if kind in ("focus", "blur"):
        return Envelope(kind)
    return None
