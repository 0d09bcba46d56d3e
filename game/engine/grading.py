"""Grading recall answers: each kind says what share of the points an answer earns (see
game/content/kinds/); here that becomes a Grade."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..content.kinds import BadResponse, kind_of
from ..content.models import Question
from .errors import InvalidAnswer


@dataclass(frozen=True)
class Grade:
    points: float
    max_points: float
    correct: bool

    @property
    def partial(self) -> bool:
        return not self.correct and self.points > 0


def credit(question: Question, fraction: float) -> Grade:
    lowest = kind_of(question).lowest_fraction  # below 0 where an answer can cost points
    return _credit(question.points, min(1.0, max(lowest, fraction)))


@lru_cache(maxsize=1024)
def _credit(points: float, fraction: float) -> Grade:
    # Grades are immutable and most are all or nothing, so one object serves every answer
    # (playtests grade hundreds of thousands).
    return Grade(round(points * fraction, 2), points, fraction >= 1.0)


def grade(question: Question, response: Any) -> Grade:
    """Grade ``response``; raises InvalidAnswer when it is not the kind this question takes."""
    try:
        kind = kind_of(question)
    except KeyError:
        raise InvalidAnswer(f"unknown question type {question.type}") from None
    try:
        return credit(question, kind.fraction(question, response))
    except BadResponse as exc:
        raise InvalidAnswer(str(exc)) from None


def right_answer(question: Question) -> str:
    """The right answer, written out for feedback and the debrief."""
    return kind_of(question).right_answer(question)


def describe_response(question: Question, response: Any) -> str:
    """The player's answer, written out the same way."""
    if response is None:
        return "(no answer)"
    return kind_of(question).describe(question, response)


def accepted_as(question: Question, response: Any) -> str:
    """The right answer ``response`` was taken for although it was not written that way (a
    typo forgiven in a short answer), for the feedback to say so; '' otherwise."""
    if response is None:
        return ""
    return kind_of(question).accepted_as(question, response)
