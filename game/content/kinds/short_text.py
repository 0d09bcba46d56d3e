"""short-text: type a few words; case, punctuation and spacing do not matter."""

from __future__ import annotations

import random
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..quotes import fold_text
from .base import BadResponse, Breakdown, QuestionKind, Report, Show, yaml_boolean
from .numeric import typed_breakdown

if TYPE_CHECKING:
    from ..models import Question


@lru_cache(maxsize=4096)
def folded_answers(answers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_text(a) for a in answers)


class ShortText(QuestionKind):
    name = "short-text"
    label = "a short answer"
    fields = frozenset({"answer", "also_accept"})

    def check(self, q: Question, report: Report) -> None:
        if yaml_boolean(q, report):
            return
        if not isinstance(q.answer, str) or not q.answer.strip():
            report(q, "answer" if q.answer is not None else "", "no-answer",
                   "A short-text question needs the expected answer as text.",
                   "Write 'answer:' followed by the expected words, in quotes if it looks "
                   "like a number or a time, e.g. answer: \"2019\".")

    def fraction(self, q: Question, response: Any) -> float:
        if not isinstance(response, str) or not response.strip():
            raise BadResponse("type an answer")
        accepted = folded_answers((str(q.answer), *q.also_accept))
        return 1.0 if fold_text(response) in accepted else 0.0

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return "?"

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return rng.choice(("?", "not sure"))

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return typed_breakdown(given, show)


KIND = ShortText()
