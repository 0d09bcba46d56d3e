"""Lines in, lines out: the prompt loop with its commands, and the parsers that turn a typed
line into an answer (or say in one line why it cannot be used)."""

from __future__ import annotations

import re
import signal
from typing import Callable, Iterable, NamedTuple, TextIO, TypeVar

from ..terminal_text import terminal_safe
from .text import fit, literal, terminal_width

T = TypeVar("T")


class InputEnded(Exception):
    """Standard input closed (end of a script, Ctrl+D): save and stop."""


class QuitGame(Exception):
    """The player typed q or quit."""


class Signalled(Exception):
    """SIGTERM or SIGHUP arrived: save and stop (acted on at a prompt, where the game is
    between two moves and everything it confirmed is already saved)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


class Unusable(ValueError):
    """A line a prompt cannot use; the message says why, in one line."""


class Choices(NamedTuple):
    """What a prompt offers to pick from, for a front end that shows picks as controls (the
    accessible web page: radio buttons or check boxes): each label and the line that picks
    it. ``several``: any number may be picked, their lines joined by spaces. ``listed``: the
    game has just said the labels as numbered lines (``numbered``), which such a front end
    shows as its controls instead. A terminal types the line and ignores this."""

    labels: tuple[str, ...]
    lines: tuple[str, ...]
    several: bool = False
    listed: bool = True


def numbered_choices(labels: Iterable[str], several: bool = False) -> Choices:
    """The options said as ``numbered`` lines, picked by their numbers."""
    labels = tuple(labels)
    return Choices(labels, tuple(str(n) for n in range(1, len(labels) + 1)), several)


def said_choices(labels: Iterable[str], lines: Iterable[str]) -> Choices:
    """Picks the prompt itself names ("[Y/n]", "Press Enter"), not listed before it."""
    return Choices(tuple(labels), tuple(lines), listed=False)


MAX_LINE = 10_000  # characters of a typed line; a longer one is refused, read a piece at a time
DISCARD_CHUNK = 65_536
TOO_LONG = f"That answer is too long (over {MAX_LINE:,} characters); type a shorter one."
ECHO_LIMIT = 200  # characters of a script's line echoed after its prompt
SHORT = 52  # characters of a typed word repeated in a one-line complaint about it


class Console:
    """Writes whole lines (flushed at once, so a pipe sees them) and reads one line per prompt.
    Every line is fitted to the terminal's width here, broken between words, so nothing that
    prints has to know the width (``width`` fixes it, for tests).

    ``commands`` maps a typed word to what it does; a prompt may leave them out (a name)."""

    def __init__(self, inp: TextIO, out: TextIO, echo: bool | None = None,
                 width: int | None = None):
        self.inp, self.out = inp, out
        # A script's lines are echoed after the prompt, so a transcript reads as a terminal
        # does; a terminal echoes what is typed itself.
        self.echo = not _is_terminal(inp) if echo is None else echo
        self.fixed_width = width
        self.waiting = False  # blocked reading a line: a stop signal may interrupt it
        self.signalled: int | None = None

    def on_stop_signal(self, signum: int, frame) -> None:
        """A signal handler: stop at the prompt being waited at, or at the next one."""
        for other in STOP_SIGNALS:  # one is enough: saving and stopping are under way
            signal.signal(other, signal.SIG_IGN)
        self.signalled = signum
        if self.waiting:
            raise Signalled(signum)

    def read_piece(self, limit: int) -> str:
        if self.signalled is not None:
            raise Signalled(self.signalled)
        self.waiting = True
        try:
            return self.inp.readline(limit)
        finally:
            self.waiting = False

    @property
    def width(self) -> int:
        """Measured at each write: a terminal may be resized during a game."""
        return self.fixed_width or terminal_width()

    def fitted(self, lines) -> list[str]:
        width = self.width
        # terminal_safe: whatever reaches the terminal, no control character from a pack or a
        # file gets through (the compiler refuses them; this is the second line)
        return [part for line in lines for piece in terminal_safe(str(line)).split("\n")
                for part in fit(piece, width)]

    def say(self, *lines: str) -> None:
        self.out.write("".join(f"{line}\n" for line in self.fitted(lines)))
        self.out.flush()

    def read(self, prompt: str) -> str:
        """Show ``prompt`` (it ends with a question) and read one line; InputEnded at the end."""
        *above, last = self.fitted([prompt.rstrip()]) or [""]
        last += " " if prompt.endswith(" ") else ""
        while True:
            self.out.write("".join(f"{line}\n" for line in above) + last)
            self.out.flush()
            line = self.read_piece(MAX_LINE + 1)  # never more: a line may be 50 MB
            if not line:
                self.out.write("\n")
                raise InputEnded
            if len(line) <= MAX_LINE or line.endswith("\n"):
                break
            self.discard_rest_of_line()
            self.say(TOO_LONG)
        line = line.rstrip("\r\n")
        if self.echo:
            self.out.write(self.after_prompt(last, shorten(line, ECHO_LIMIT)) + "\n")
        return line

    def discard_rest_of_line(self) -> None:
        """Read what is left of a line too long to use, a piece at a time, and drop it."""
        while (piece := self.read_piece(DISCARD_CHUNK)) and not piece.endswith("\n"):
            pass

    def after_prompt(self, prompt: str, echoed: str) -> str:
        """What follows ``prompt`` (already written) so that the echoed line wraps with it."""
        head, *rest = self.fitted([prompt + echoed])
        first = head[len(prompt):] if head.startswith(prompt) else ""
        return "\n".join([first, *rest])

    def ask(self, prompt: str, parse: Callable[[str], T],
            commands: dict[str, Callable[[], None]] | None = None,
            choices: Choices | None = None) -> T:
        """Ask until a line parses. A command runs and the prompt comes again; a line that
        cannot be used gets one line of why, then the prompt again. ``choices``: what the line
        may pick, for a front end that shows them (a terminal has them said already)."""
        commands = commands or {}
        while True:
            line = self.read(prompt)
            word = line.strip().casefold()
            if word in commands:
                commands[word]()
                continue
            try:
                return parse(line)
            except Unusable as problem:
                self.refuse(str(problem))

    def refuse(self, why: str) -> None:
        """Say why a typed line cannot be used (the web page also marks its field with it)."""
        self.say(why)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- parsers ---------------------------------------------------------------------------------

_NUMBERS = re.compile(r"[\s,;]+")


def numbers(line: str, count: int) -> list[int]:
    """Option numbers typed (1-based) as 0-based indexes: '1, 3' or '1 3'."""
    words = [w for w in _NUMBERS.split(line.strip()) if w]
    if not words:
        raise Unusable(f"Type a number from 1 to {count}.")
    picked = []
    for word in words:
        if not word.isdigit() or not 1 <= int(word) <= count:
            raise Unusable(f"'{shorten(word)}' is not a number from 1 to {count}.")
        picked.append(int(word) - 1)
    return picked


def one_number(line: str, count: int) -> int:
    picked = numbers(line, count)
    if len(picked) != 1:
        raise Unusable(f"Type one number, from 1 to {count}.")
    return picked[0]


def some_numbers(line: str, count: int) -> list[int]:
    """Several options, each once, in the order typed."""
    return list(dict.fromkeys(numbers(line, count)))


def an_order(line: str, count: int) -> list[int]:
    picked = numbers(line, count)
    if sorted(picked) != list(range(count)):
        raise Unusable(f"Type each number from 1 to {count} once, in order, e.g. "
                       f"{' '.join(str(n) for n in range(count, 0, -1))}.")
    return picked


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def a_number(line: str) -> int | float:
    text = line.strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        raise Unusable("Type a number, in digits (for example 12).") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Unusable("Type a number, in digits (for example 12).")
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


TRUE_WORDS = {"t", "true", "y", "yes", "1"}
FALSE_WORDS = {"f", "false", "no", "2"}


def true_or_false(line: str) -> bool:
    word = line.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise Unusable("Type t for true or f for false (or 1 or 2).")


def some_text(line: str) -> str:
    text = " ".join(literal(line).split())
    if not text:
        raise Unusable("Type your answer in a few words.")
    return text


def shorten(text: str, limit: int = SHORT) -> str:
    """Player text echoed in one short line: literal, and cut with an ellipsis."""
    text = " ".join(literal(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def numbered(options: Iterable[str], labels: Iterable[str] | None = None) -> list[str]:
    """Options as '1. text' lines (or with ``labels``, such as letters); the console wraps
    them under their first word."""
    return [f"{label}. {' '.join(option.split())}"
            for label, option in zip(labels or (str(n) for n in range(1, 10**6)), options)]
