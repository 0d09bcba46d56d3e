"""single-choice: pick the one right option."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from .base import (
    BadResponse,
    Breakdown,
    Presented,
    QuestionKind,
    Report,
    Show,
    check_answer_in_options,
    check_options,
    picks_breakdown,
    seeded_order,
    yaml_boolean,
)
from .lms import Choices, Option

if TYPE_CHECKING:
    from ..models import Question


class SingleChoice(QuestionKind):
    name = "single-choice"
    label = "choose one"
    fields = frozenset({"options", "answer"})
    shuffled = True

    def check(self, q: Question, report: Report) -> None:
        check_options(q, report)
        if yaml_boolean(q, report):
            return
        if q.answer is None:
            report(q, "", "no-answer", "This single-choice question has no 'answer'.",
                   "Add 'answer:' with the right option's text.")
        else:
            check_answer_in_options(q, q.answer, "answer", report)

    def present(self, q: Question, key: str) -> Presented:
        return Presented(seeded_order(q.options, key))

    def fraction(self, q: Question, response: Any) -> float:
        if response not in q.options:
            raise BadResponse("pick one of the options")
        return 1.0 if response == q.answer else 0.0

    def retry_is_a_test(self, q: Question, first: Any) -> bool:
        return len(q.options) > 2  # of two options, ruling one out leaves the answer

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return next(o for o in options if o != q.answer)

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return rng.choice(options)

    def pick_one(self, q: Question, option: str) -> Any:
        return option

    def lms_answer(self, q: Question) -> Choices:
        return Choices(tuple(Option(o, 1.0 if o == q.answer else 0.0) for o in q.options))

    def stores(self, response: Any) -> bool:
        return isinstance(response, str)

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return picks_breakdown(q, given, show, lambda q: (q.options, {q.answer}))

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        return choice_items(q.options, {q.answer}, student)


def choice_items(options: tuple[str, ...], right: set, student: bool
                 ) -> tuple[tuple[str, str], ...]:
    """Options for the handout: alphabetical for students (the authored order often puts the
    answer first), as authored and with the right ones ticked in the teacher's key."""
    if student:
        return tuple(("", o) for o in sorted(options, key=str.casefold))
    return tuple(("✓ " if o in right else "", o) for o in options)


KIND = SingleChoice()
