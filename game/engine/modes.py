"""The three ways to play, as one enum: what a save and a result file record, and what the CLI's
``--mode`` takes. The rules that differ by mode (retries, hints) are in practice.py."""

from __future__ import annotations

from enum import Enum
from typing import Any


class Mode(str, Enum):
    """A ``str`` enum, so a state written to JSON keeps the plain words ("exam") that saves and
    result files have always held, and a mode read back from them compares equal to them."""

    PRACTICE = "practice"  # feedback at once, a retry, hints
    EXAM = "exam"  # feedback only in the debrief
    PRESENTER = "presenter"  # for the projector: the class's answers, revealed on R

    def __str__(self) -> str:
        return self.value  # "exam" in messages, on every Python version

    # Equal to its word, so hashed as its word: "exam" in a set of modes finds Mode.EXAM
    # (Enum's own hash is its name's).
    __hash__ = str.__hash__

    @property
    def label(self) -> str:
        """The mode as a heading shows it: "Exam"."""
        return LABELS[self]

    @classmethod
    def parse(cls, value: Any) -> Mode | None:
        """The mode a save, a result file or the command line names, or None for anything
        else (a damaged file is refused in words, never with a traceback)."""
        if isinstance(value, cls):
            return value
        return next((mode for mode in cls if mode.value == value), None)


LABELS = {Mode.PRACTICE: "Practice", Mode.EXAM: "Exam", Mode.PRESENTER: "Presenter"}
MODE_NAMES = tuple(mode.value for mode in Mode)  # for argparse's choices and messages
