"""timeline: put events in order; credit for each pair of events in the right order."""

from __future__ import annotations

import random
from itertools import combinations
from typing import TYPE_CHECKING, Any, Sequence

from .base import BadResponse, Presented, QuestionKind, Report, count_items, seeded_order
from .lms import Matching

if TYPE_CHECKING:
    from ..models import Question


class Timeline(QuestionKind):
    name = "timeline"
    label = "put in order, earliest first"
    fields = frozenset({"order"})
    shuffled = True
    ordinals_tell_time = True

    def check(self, q: Question, report: Report) -> None:
        if len(q.order) < 2:
            report(q, "order" if q.order else "", "too-few-items", "A timeline question "
                   "needs at least two events in 'order'.", "List the events, earliest first.")
        for item, count in count_items(q.order):
            if count > 1:
                report(q, "order", "duplicate-option", f"The event '{item}' is listed "
                       f"{count} times.", "Make each event different.")

    def present(self, q: Question, key: str) -> Presented:
        items = seeded_order(q.order, key)
        if items == q.order and len(items) > 1:
            items = items[1:] + items[:1]  # never hand out the answer already in order
        return Presented(items)

    def fraction(self, q: Question, response: Any) -> float:
        return order_fraction(q.order, response)

    def right_answer(self, q: Question) -> str:
        return " → ".join(q.order)

    def describe(self, q: Question, response: Any) -> str:
        return " → ".join(response)

    def retry_is_a_test(self, q: Question, first: Any) -> bool:
        return len(q.order) > 2  # two events have one other order

    def right_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return tuple(q.order)

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return tuple(reversed(q.order))

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        items = list(options)
        rng.shuffle(items)
        return tuple(items)

    def authored_options(self, q: Question) -> tuple[str, ...]:
        return q.order

    def texts(self, q: Question):
        yield from ((q, "order", event) for event in q.order)

    def lms_answer(self, q: Question) -> Matching:
        """Each event matched to its place in time: LMS quizzes have matching everywhere and
        ordering nowhere in common. Credit is per event in its exact place, not per pair of
        events in the right order as here, so one event out of place costs more there."""
        return Matching(tuple((event, place(n)) for n, event in enumerate(q.order, 1)),
                        instruction="Match each event to its place in time: 1st is the "
                        "earliest.")

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        # The true order is the answer, so everyone sees the events alphabetically here.
        return tuple(("", e) for e in sorted(q.order, key=str.casefold))


def place(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st"""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def order_fraction(true_order: Sequence[str], response: Any) -> float:
    """The share of pairs of events that the player put in the right relative order."""
    if not isinstance(response, (list, tuple)) or sorted(response) != sorted(true_order):
        raise BadResponse("put every event in order, each once")
    rank = {item: i for i, item in enumerate(true_order)}
    pairs = list(combinations(response, 2))
    if not pairs:
        return 1.0
    return sum(1 for a, b in pairs if rank[a] < rank[b]) / len(pairs)


KIND = Timeline()
