"""Grading recall answers, with the partial-credit rules of each question type."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any, Sequence

from ..content.models import Question
from ..content.quotes import normalise
from .errors import InvalidAnswer


@dataclass(frozen=True)
class Grade:
    points: float
    max_points: float
    correct: bool

    @property
    def partial(self) -> bool:
        return not self.correct and self.points > 0


@lru_cache(maxsize=4096)  # the same few answers come again and again in playtests
def fold_text(text: str) -> str:
    """Case, punctuation and spacing folded away, so 'Al-Omar ' matches 'al omar'."""
    text = normalise(text).casefold()
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(kept.split())


@lru_cache(maxsize=4096)
def folded_answers(answers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_text(a) for a in answers)


def credit(question: Question, fraction: float) -> Grade:
    return _credit(question.points, min(1.0, max(0.0, fraction)))


@lru_cache(maxsize=1024)
def _credit(points: float, fraction: float) -> Grade:
    # Grades are immutable and most are all or nothing, so one object serves every answer
    # (playtests grade hundreds of thousands).
    return Grade(round(points * fraction, 2), points, fraction >= 1.0)


def grade(question: Question, response: Any) -> Grade:
    """Grade ``response``; raises InvalidAnswer when it is not the kind this question takes."""
    kind = question.type
    if kind == "single-choice":
        if response not in question.options:
            raise InvalidAnswer("pick one of the options")
        return credit(question, 1.0 if response == question.answer else 0.0)
    if kind == "multiple-select":
        return credit(question, select_fraction(question, response))
    if kind == "numeric":
        if isinstance(response, bool) or not isinstance(response, (int, float)):
            raise InvalidAnswer("type a number")
        return credit(question, 1.0 if abs(response - question.answer) <= question.tolerance + 1e-9 else 0.0)
    if kind == "short-text":
        if not isinstance(response, str) or not response.strip():
            raise InvalidAnswer("type an answer")
        accepted = folded_answers((str(question.answer), *question.also_accept))
        return credit(question, 1.0 if fold_text(response) in accepted else 0.0)
    if kind == "timeline":
        return credit(question, order_fraction(question.order, response))
    if kind == "true-false":
        if not isinstance(response, bool):
            raise InvalidAnswer("answer true or false")
        return credit(question, 1.0 if response is question.answer else 0.0)
    raise InvalidAnswer(f"unknown question type {kind}")


def select_fraction(question: Question, response: Any) -> float:
    """Right picks minus wrong picks, over the number of right options (never below 0)."""
    if not isinstance(response, (list, tuple, set, frozenset)):
        raise InvalidAnswer("pick any number of the options")
    picked = set(response)
    if not picked <= set(question.options):
        raise InvalidAnswer("pick only from the options")
    right = set(question.answers)
    return (len(picked & right) - len(picked - right)) / len(right)


def order_fraction(true_order: Sequence[str], response: Any) -> float:
    """The share of pairs of events that the player put in the right relative order."""
    if not isinstance(response, (list, tuple)) or sorted(response) != sorted(true_order):
        raise InvalidAnswer("put every event in order, each once")
    rank = {item: i for i, item in enumerate(true_order)}
    pairs = list(combinations(response, 2))
    if not pairs:
        return 1.0
    return sum(1 for a, b in pairs if rank[a] < rank[b]) / len(pairs)


def right_answer(question: Question) -> str:
    """The right answer, written out for feedback and the debrief."""
    kind = question.type
    if kind == "multiple-select":
        return "; ".join(question.answers)
    if kind == "timeline":
        return " → ".join(question.order)
    if kind == "true-false":
        return "True" if question.answer else "False"
    if kind == "numeric":
        value = f"{question.answer:g}"
        if question.tolerance:
            value += f" (±{question.tolerance:g})"
        return f"{value} {question.unit}" if question.unit else value
    return str(question.answer)


def describe_response(question: Question, response: Any) -> str:
    """The player's answer, written out the same way."""
    if response is None:
        return "(no answer)"
    if question.type == "multiple-select":
        return "; ".join(response) or "(nothing picked)"
    if question.type == "timeline":
        return " → ".join(response)
    if question.type == "true-false":
        return "True" if response else "False"
    if question.type == "numeric":
        return f"{response:g}"
    return str(response)
