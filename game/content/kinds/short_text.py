"""short-text: type a few words; case, punctuation, spacing, articles and small typos do not
matter (see text_match.py for the rules)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from .base import BadResponse, Breakdown, QuestionKind, Report, Show, yaml_boolean
from .lms import ShortAnswer
from .numeric import typed_breakdown
from .text_match import Match, match_answer, words_of

if TYPE_CHECKING:
    from ..models import Question

# What the automatic players type for a wrong answer: the first that the question does not
# accept ("?" is punctuation alone, which no answer matches).
WRONG_TYPED = ("not sure", "?")


class ShortText(QuestionKind):
    name = "short-text"
    label = "a short answer"
    fields = frozenset({"answer", "also_accept", "typos", "near_misses"})

    def check(self, q: Question, report: Report) -> None:
        if yaml_boolean(q, report):
            return
        if not isinstance(q.answer, str) or not q.answer.strip():
            report(q, "answer" if q.answer is not None else "", "no-answer",
                   "A short-text question needs the expected answer as text.",
                   "Write 'answer:' followed by the expected words, in quotes if it looks "
                   "like a number or a time, e.g. answer: \"2019\".")
            return
        accepted: dict[str, str] = {}
        for text in accepted_answers(q):
            accepted.setdefault(words_of(text).key, text)
        for miss in q.near_misses:
            if words_of(miss).key in accepted:
                report(q, "near_misses", "near-miss-accepted",
                       f"The near miss '{miss}' is also an accepted answer "
                       f"('{accepted[words_of(miss).key]}'): it cannot be right and wrong.",
                       "Remove it from near_misses, or from answer and also_accept.")

    def matched(self, q: Question, response: Any) -> Match:
        if not isinstance(response, str) or not response.strip():
            raise BadResponse("type an answer")
        return match_answer(response, accepted_answers(q), q.near_misses, q.typos)

    def fraction(self, q: Question, response: Any) -> float:
        return 1.0 if self.matched(q, response).right else 0.0

    def accepted_as(self, q: Question, response: Any) -> str:
        try:
            found = self.matched(q, response)
        except BadResponse:
            return ""
        return found.accepted if found.typo else ""

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return next(typed for typed in WRONG_TYPED if not self.matched(q, typed).right)

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        typed = rng.choice(WRONG_TYPED)
        return typed if not self.matched(q, typed).right else self.wrong_response(q, options)

    def lms_answer(self, q: Question) -> ShortAnswer:
        """The accepted answers; an LMS takes them exactly (case aside), forgiving no typo."""
        return ShortAnswer(accepted_answers(q))

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        return typed_breakdown(given, show)


def accepted_answers(q: Question) -> tuple[str, ...]:
    return (str(q.answer), *q.also_accept)


KIND = ShortText()
