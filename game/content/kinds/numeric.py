"""numeric: type a number, right within the author's tolerance."""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING, Any

from .base import BadResponse, Breakdown, QuestionKind, Report, Show
from .lms import Numerical

if TYPE_CHECKING:
    from ..models import Question

COMMON_WRONG = 3  # typed wrong answers listed in the class report
TYPED_WIDTH = 80  # a typed answer longer than this is cut in the report


class Numeric(QuestionKind):
    name = "numeric"
    label = "a number"
    fields = frozenset({"answer", "tolerance", "unit"})

    def check(self, q: Question, report: Report) -> None:
        if isinstance(q.answer, bool) or not isinstance(q.answer, (int, float)):
            report(q, "answer" if q.answer is not None else "", "no-answer",
                   "A numeric question's answer must be a number.",
                   "Write 'answer:' followed by a number, without quotes.")
        if q.tolerance < 0:
            report(q, "tolerance", "bad-tolerance", "The tolerance is below zero.",
                   "Use 0 for an exact answer, or a positive margin.")

    def fraction(self, q: Question, response: Any) -> float:
        if isinstance(response, bool) or not isinstance(response, (int, float)):
            raise BadResponse("type a number")
        return 1.0 if abs(response - q.answer) <= q.tolerance + 1e-9 else 0.0

    def right_answer(self, q: Question) -> str:
        value = f"{q.answer:g}"
        if q.tolerance:
            value += f" (±{q.tolerance:g})"
        return f"{value} {q.unit}" if q.unit else value

    def describe(self, q: Question, response: Any) -> str:
        return f"{response:g}"

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return q.answer + q.tolerance + 1

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return q.answer + rng.choice((-2, -1, 1, 2)) * (q.tolerance + 1)

    def lms_answer(self, q: Question) -> Numerical:
        return Numerical(float(q.answer), float(q.tolerance), q.unit or "")

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return typed_breakdown(given, show)

    def handout_note(self, q: Question, student: bool) -> str:
        return f"Answer in {q.unit}." if q.unit and student else ""


def typed_breakdown(given: list[tuple[Any, bool]], show: Show) -> Breakdown:
    """The wrong answers the class typed most often."""
    wrong = Counter(typed_text(r, show) for r, correct in given if not correct)
    return Breakdown(common_wrong=tuple(wrong.most_common(COMMON_WRONG)))


def typed_text(response: Any, show: Show) -> str:
    if response is None:
        return "(no answer)"
    if isinstance(response, float):
        return f"{response:g}"
    return show(str(response), limit=TYPED_WIDTH)


KIND = Numeric()
