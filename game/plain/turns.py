"""Plain mode one turn at a time, for a front end that is not a terminal (the accessible web
page, game/plain/web.py): the same PlainGame, with its rules, saves and result files, runs in a
thread of its own; each time it asks, what it said since the last answer and what it asks are
handed over as a Turn, and the game waits for the next line.

Nothing of the game is read or changed from outside its thread: a line goes in through a queue
and a Turn comes out through a callback."""

from __future__ import annotations

import io
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Callable

from ..content.models import Pack
from ..session import Settings
from .console import Choices, Console, InputEnded
from .game import PlainGame
from .text import Heading

log = logging.getLogger("briefing.serve")
ENDED_INPUT = None  # put on the queue: the game saves and stops, as at the end of a script


@dataclass(frozen=True)
class Turn:
    """What the page shows: what the game said, then its prompt (None once the game is over)."""

    number: int  # counts up from 1; a form names the turn it answers
    said: tuple[str, ...]
    prompt: str | None
    choices: Choices | None = None
    problem: str | None = None  # why the line sent last could not be used
    commands: frozenset[str] = field(default_factory=frozenset)  # the words that prompt takes
    # The prompt asked again (after a command's answer, or a line it could not use): what was
    # said when it was first asked (the question), which a terminal keeps above on screen.
    recap: tuple[str, ...] = ()

    @property
    def over(self) -> bool:
        return self.prompt is None


class TurnConsole(Console):
    """A Console whose lines are collected for the next Turn, and whose answers come from
    ``lines`` (a queue the front end fills). Lines are kept whole: the page wraps them."""

    def __init__(self, deliver: Callable[[Turn], None]):
        super().__init__(io.StringIO(), io.StringIO(), echo=False, width=1_000_000)
        self.deliver = deliver
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.said: list[str] = []
        self.turns = 0
        self.choices: Choices | None = None
        self.commands_now: frozenset[str] = frozenset()
        self.problem: str | None = None
        self.first_said: tuple[str, ...] | None = None  # what the prompt first came with

    def say(self, *lines: str) -> None:
        for line in lines:
            if isinstance(line, Heading):  # kept whole, and a heading
                self.said.append(Heading(" ".join(self.fitted([line])).strip(), line.level))
            else:
                self.said += [text.rstrip() for text in self.fitted([line])]

    def refuse(self, why: str) -> None:
        self.problem = why

    def ask(self, prompt, parse, commands=None, choices=None):
        self.choices, self.commands_now = choices, frozenset(commands or ())
        self.first_said = None
        return super().ask(prompt, parse, commands, choices)

    def read(self, prompt: str) -> str:
        self.hand_over(prompt.strip())
        line = self.lines.get()
        if line is ENDED_INPUT:
            raise InputEnded
        return line

    def hand_over(self, prompt: str | None) -> None:
        said = self.said
        if prompt is not None and self.choices is not None and self.choices.listed:
            said = without_listing(said, self.choices)  # the page shows them as its controls
        said, recap = tuple(trim_blank(said)), ()
        if prompt is not None:
            if self.first_said is None:
                self.first_said = said
            else:
                recap = self.first_said
        self.turns += 1
        turn = Turn(self.turns, said, prompt, self.choices if prompt is not None else None,
                    self.problem, self.commands_now if prompt is not None else frozenset(),
                    recap)
        self.said, self.problem = [], None
        self.deliver(turn)


def without_listing(said: list[str], choices: Choices) -> list[str]:
    """``said`` without the last run of lines that numbers ``choices``' labels."""
    listing = [f"{line}. {' '.join(label.split())}"
               for line, label in zip(choices.lines, choices.labels)]
    for start in range(len(said) - len(listing), -1, -1):
        if said[start:start + len(listing)] == listing:
            return said[:start] + said[start + len(listing):]
    return said


def trim_blank(lines: list[str]) -> list[str]:
    """Without the blank lines at either end (a terminal's spacing, not the page's)."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


class TurnGame:
    """One player's game in its own thread. ``start`` and ``send`` return at once; the next
    Turn comes through ``deliver`` (called in the game's thread)."""

    def __init__(self, game_type: type[PlainGame], packs: list[Pack], settings: Settings,
                 deliver: Callable[[Turn], None]):
        self.console = TurnConsole(deliver)
        self.game = game_type(self.console, packs, settings)
        self.thread = threading.Thread(target=self.run, name="plain web game", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def run(self) -> None:
        try:
            self.game.run()
        except Exception:  # a bug: logged for the teacher; the player gets one line
            log.exception("A plain web game stopped")
            self.console.say("Something went wrong and the game stopped. Everything up to "
                             "your last answer is saved.")
        finally:  # the last words (the debrief's end, "your game is saved"), and no prompt
            self.console.hand_over(None)

    def send(self, line: str) -> None:
        self.console.lines.put(line)

    def end(self) -> None:
        """Save and stop at the prompt the game waits at (or the next one)."""
        self.console.lines.put(ENDED_INPUT)

    @property
    def running(self) -> bool:
        return self.thread.is_alive()
