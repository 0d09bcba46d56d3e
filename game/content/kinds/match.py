"""match: match each item on the left (say, a claim) to one on the right (who made it).

Credit is per pair. The right side may hold extra items that go with nothing, and one item on
the right may go with several on the left when the author sets ``reuse: true``; otherwise
each is used once, and the player's answer must use each once too.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from .base import (
    BadResponse,
    Breakdown,
    Presented,
    QuestionKind,
    Report,
    Show,
    Tally,
    seeded_order,
)
from .lms import Matching

if TYPE_CHECKING:
    from ..models import Pair, Question

MIN_PAIRS, MAX_PAIRS = 3, 6
MAX_TARGETS = 8  # items on the right: each gets a letter key, a to h
LETTERS = string.ascii_lowercase[:MAX_TARGETS]


def lefts(q: Question) -> tuple[str, ...]:
    return tuple(p.left for p in q.pairs)


def targets(q: Question) -> tuple[str, ...]:
    """Every item on the right, each once: those the pairs use, then the extra ones."""
    return tuple(dict.fromkeys([*(p.right for p in q.pairs), *q.extra]))


def repeats(pairs: tuple[Pair, ...], side: str) -> Iterator[tuple[Pair, Pair]]:
    """Each pair whose ``side`` ("left" or "right") repeats an earlier pair's, with that one."""
    first: dict[str, Pair] = {}
    for pair in pairs:
        text = getattr(pair, side)
        if text in first:
            yield pair, first[text]
        first.setdefault(text, pair)


def key_of(q: Question) -> dict[str, str]:
    return {p.left: p.right for p in q.pairs}


class Match(QuestionKind):
    name = "match"
    label = "match each item to one on the right"
    fields = frozenset({"pairs", "extra", "reuse"})
    shuffled = True

    def check(self, q: Question, report: Report) -> None:
        if not MIN_PAIRS <= len(q.pairs) <= MAX_PAIRS:
            code = "too-few-items" if len(q.pairs) < MIN_PAIRS else "too-many-items"
            report(q, "pairs" if q.pairs else "", code,
                   f"A match question needs {MIN_PAIRS} to {MAX_PAIRS} pairs; this one has "
                   f"{len(q.pairs)}.", "List each item on the left with its match under 'pairs'.")
        for pair, _ in repeats(q.pairs, "left"):  # reported at the pair that repeats
            report(pair, "left", "duplicate-option", f"The item '{pair.left}' is on the "
                   "left twice.", "Make each item on the left different.")
        used = [p.right for p in q.pairs]
        for extra in q.extra:
            if extra in used:
                report(q, "extra", "duplicate-option", f"'{extra}' is in 'extra' but a pair "
                       "uses it already.", "List in 'extra' only items that match nothing.")
        if not q.reuse:
            for pair, earlier in repeats(q.pairs, "right"):
                report(pair, "right", "match-right-reused", f"'{pair.right}' goes with "
                       f"'{earlier.left}' already, and each item on the right is used once.",
                       "Add 'reuse: true' to the question if that is meant, or give each "
                       "pair its own match.")
        if len(targets(q)) > MAX_TARGETS:
            report(q, "extra" if q.extra else "pairs", "too-many-items",
                   f"A match question can show at most {MAX_TARGETS} items on the right; this "
                   f"one has {len(targets(q))}.", "Drop some of the extra items.")
        elif q.pairs and len(targets(q)) < 2:
            report(q, "pairs", "too-few-items", "Every pair has the same item on the right, "
                   "so there is nothing to choose.", "Add another item under 'extra'.")

    def present(self, q: Question, key: str) -> Presented:
        left = seeded_order(lefts(q), key)
        right = seeded_order(targets(q), key + "/right")
        answer = key_of(q)
        if len(right) > 1 and all(answer[item] == right[i] for i, item in enumerate(left)
                                  if i < len(right)):
            right = right[1:] + right[:1]  # never line the answers up with their items
        return Presented(left, right)

    def fraction(self, q: Question, response: Any) -> float:
        checked = self.checked(q, response)
        answer = key_of(q)
        return sum(1 for left, right in checked.items() if answer[left] == right) / len(answer)

    def checked(self, q: Question, response: Any) -> dict[str, str]:
        if not isinstance(response, Mapping):
            raise BadResponse("match every item on the left to one on the right")
        if set(response) != set(lefts(q)):
            raise BadResponse("match every item on the left, each once")
        allowed = set(targets(q))
        if not all(isinstance(r, str) and r in allowed for r in response.values()):
            raise BadResponse("match only to the items on the right")
        if not q.reuse and len(set(response.values())) < len(response):
            raise BadResponse("use each item on the right once")
        return dict(response)

    def right_answer(self, q: Question) -> str:
        return "; ".join(f"{p.left} → {p.right}" for p in q.pairs)

    def describe(self, q: Question, response: Any) -> str:
        if not isinstance(response, Mapping):
            return str(response)
        # in the author's order, so it reads beside the right answer
        ordered = [left for left in lefts(q) if left in response]
        ordered += [left for left in response if left not in ordered]
        return "; ".join(f"{left} → {response[left]}" for left in ordered)

    def right_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return key_of(q)

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        items, answer = lefts(q), key_of(q)
        if not q.reuse:  # each right item once: hand each left the next pair's match
            rights = [answer[left] for left in items]
            return {left: rights[(i + 1) % len(rights)] for i, left in enumerate(items)}
        return {left: next(t for t in targets(q) if t != answer[left]) for left in items}

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        items, pool = lefts(q), list(targets(q))
        if q.reuse:
            return {left: rng.choice(pool) for left in items}
        rng.shuffle(pool)
        return dict(zip(items, pool))

    def from_walkthrough(self, q: Question, value: Any) -> Any:
        """Each item on the left with its match, or a list of the items on the right in the
        order the pairs are written."""
        if isinstance(value, tuple) and len(value) == len(q.pairs):
            return dict(zip(lefts(q), value))
        return dict(value) if isinstance(value, Mapping) else value

    def authored_options(self, q: Question) -> tuple[str, ...]:
        return lefts(q)

    def texts(self, q: Question):
        for pair in q.pairs:
            yield pair, "left", pair.left
            yield pair, "right", pair.right
        yield from ((q, "extra", item) for item in q.extra)

    def to_json(self, response: Any) -> Any:
        return dict(response) if isinstance(response, Mapping) else response

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        """How many first tries got each pair right."""
        matched = Counter((show(str(left)), show(str(right))) for response, _ in given
                          if isinstance(response, dict) for left, right in response.items())
        if q is None:  # which pairs are right is in the pack: list what was given
            return Breakdown(tuple(Tally(f"{left} → {right}", n, False)
                                   for (left, right), n in matched.most_common()),
                             "Pair given", "Given", "Pairs given:")
        return Breakdown(tuple(Tally(f"{p.left} → {p.right}",
                                     matched.get((show(p.left), show(p.right)), 0), True)
                               for p in q.pairs),
                         "Pair", "Got it right", "Pairs, with how many got each right:")

    def lms_answer(self, q: Question) -> Matching:
        return Matching(tuple((p.left, p.right) for p in q.pairs), q.extra)

    def stores(self, response: Any) -> bool:
        return isinstance(response, dict)

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        # Both sides alphabetically, for everyone: the authored order is the answer's.
        return tuple(("", left) for left in sorted(lefts(q), key=str.casefold))

    def handout_note(self, q: Question, student: bool) -> str:
        each = "an item may be used more than once" if q.reuse else "each once"
        return f"Match with ({each}): {'; '.join(sorted(targets(q), key=str.casefold))}."


KIND = Match()
