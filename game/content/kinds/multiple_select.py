"""multiple-select: tick every right option; each wrong tick takes back a right one."""

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
)
from .lms import Choices, Option
from .single_choice import choice_items

if TYPE_CHECKING:
    from ..models import Question


class MultipleSelect(QuestionKind):
    name = "multiple-select"
    label = "choose all that apply"
    fields = frozenset({"options", "answers"})
    shuffled = True

    def check(self, q: Question, report: Report) -> None:
        check_options(q, report)
        if not q.answers:
            report(q, "", "no-answer", "This multiple-select question has no 'answers'.",
                   "Add 'answers:' listing every right option.")
        for answer in q.answers:
            check_answer_in_options(q, answer, "answers", report)

    def present(self, q: Question, key: str) -> Presented:
        return Presented(seeded_order(q.options, key))

    def fraction(self, q: Question, response: Any) -> float:
        """Right picks minus wrong picks, over the number of right options (never below 0)."""
        if not isinstance(response, (list, tuple, set, frozenset)):
            raise BadResponse("pick any number of the options")
        picked = set(response)
        if not picked <= set(q.options):
            raise BadResponse("pick only from the options")
        right = set(q.answers)
        return (len(picked & right) - len(picked - right)) / len(right)

    def right_answer(self, q: Question) -> str:
        return "; ".join(q.answers)

    def describe(self, q: Question, response: Any) -> str:
        return "; ".join(response) or "(nothing picked)"

    def right_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return tuple(q.answers)

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return ()

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return tuple(o for o in options if rng.random() < 0.5)

    def pick_one(self, q: Question, option: str) -> Any:
        return (option,)

    def lms_answer(self, q: Question) -> Choices:
        """Each right option earns its share, each wrong tick takes one back, as here."""
        share = 1 / len(q.answers)
        return Choices(tuple(Option(o, share if o in q.answers else -share) for o in q.options),
                       multiple=True)

    def stores(self, response: Any) -> bool:
        # a timeline's order looks the same, and reads sensibly as picks
        return isinstance(response, list)

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return picks_breakdown(q, given, show, lambda q: (q.options, set(q.answers)))

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        return choice_items(q.options, set(q.answers), student)


KIND = MultipleSelect()
