"""The small, neutral item model an LMS quiz bank takes, for `briefing export`.

Each kind maps its question to one of these answer shapes (``QuestionKind.lms_answer``); the
writers in game/classroom/export render only these, never a kind. The shapes are the ones QTI
2.1, Moodle XML and GIFT all have: choices (one right or several), true/false, a short typed
answer, a number with a tolerance, and matching. A kind with no LMS equivalent answers
``NoLmsEquivalent`` with the reason, which the export lists instead of dropping the question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Option:
    """An option of a choice item and the share of the points it earns (below 0: it costs)."""

    text: str
    fraction: float


@dataclass(frozen=True)
class Choices:
    """Pick one option (``multiple`` False) or tick any number of them."""

    options: tuple[Option, ...]
    multiple: bool = False


@dataclass(frozen=True)
class TrueOrFalse:
    answer: bool


@dataclass(frozen=True)
class ShortAnswer:
    """A typed answer, right when it is one of ``accepted`` (case aside)."""

    accepted: tuple[str, ...]


@dataclass(frozen=True)
class Numerical:
    answer: float
    tolerance: float = 0.0
    unit: str = ""


@dataclass(frozen=True)
class Matching:
    """Match each item on the left to one on the right, credit per pair; ``extra`` are items on
    the right that go with nothing. ``instruction`` is a line the question text needs, where
    the matching stands for another task (a timeline's order)."""

    pairs: tuple[tuple[str, str], ...]
    extra: tuple[str, ...] = ()
    instruction: str = ""


@dataclass(frozen=True)
class NoLmsEquivalent:
    """A kind an LMS quiz cannot ask; the export names the question and this reason."""

    reason: str


LmsAnswer = Union[Choices, TrueOrFalse, ShortAnswer, Numerical, Matching, NoLmsEquivalent]

__all__ = ["Choices", "LmsAnswer", "Matching", "NoLmsEquivalent", "Numerical", "Option",
           "ShortAnswer", "TrueOrFalse"]
