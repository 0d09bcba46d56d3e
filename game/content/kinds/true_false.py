"""true-false: is the statement true?"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from .base import BadResponse, Breakdown, Presented, QuestionKind, Report, Show, picks_breakdown
from .lms import TrueOrFalse

if TYPE_CHECKING:
    from ..models import Question

OPTIONS = ("True", "False")


class TrueFalse(QuestionKind):
    name = "true-false"
    label = "true or false"
    fields = frozenset({"answer"})

    def check(self, q: Question, report: Report) -> None:
        if not isinstance(q.answer, bool):
            report(q, "answer" if q.answer is not None else "", "no-answer",
                   "A true-false question's answer must be true or false.",
                   "Write 'answer: true' or 'answer: false', without quotes.")

    def present(self, q: Question, key: str) -> Presented:
        return Presented(OPTIONS)

    def fraction(self, q: Question, response: Any) -> float:
        if not isinstance(response, bool):
            raise BadResponse("answer true or false")
        return 1.0 if response is q.answer else 0.0

    def right_answer(self, q: Question) -> str:
        return "True" if q.answer else "False"

    def describe(self, q: Question, response: Any) -> str:
        return "True" if response else "False"

    def retry_is_a_test(self, q: Question, first: Any) -> bool:
        return False  # the other answer is the only one left

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return not q.answer

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return rng.random() < 0.5

    def pick_one(self, q: Question, option: str) -> Any:
        return option == OPTIONS[0]

    def lms_answer(self, q: Question) -> TrueOrFalse:
        return TrueOrFalse(bool(q.answer))

    def stores(self, response: Any) -> bool:
        return isinstance(response, bool)

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return picks_breakdown(q, given, show,
                               lambda q: (OPTIONS, {"True" if q.answer else "False"}))


KIND = TrueFalse()
