"""What every question kind provides, and the helpers several kinds share.

A kind is everything that differs between, say, a timeline and a true/false question: the fields
it uses and how they are checked, how its options are shuffled, how an answer is graded and
written out for people, what automatic players answer, how a response is stored and counted in
the class report, how the handout shows it, and what an LMS quiz item makes of it (lms.py,
for `briefing export`). The front ends keep one widget table and one parser table keyed by the
same names (game/tui/answer_widgets.py, game/plain/answer_forms.py).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from hashlib import blake2b
from typing import (TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple,
                    Protocol)

from ..diagnostics import did_you_mean
from ..text_checks import without_unseen

if TYPE_CHECKING:
    from ..models import Question, Scene
    from .lms import LmsAnswer


Show = Callable[..., str]  # the report's shown(text, limit=None): a stored text made safe


class BadResponse(ValueError):
    """A response that is not of the shape the question takes (the engine's InvalidAnswer)."""


class Report(Protocol):
    """How a kind's compile checks report: the model, the field, the code, message and hint."""

    def __call__(self, model: Any, field: str, code: str, message: str, hint: str = "",
                 severity: str = ...) -> None: ...


class Tally(NamedTuple):
    """One row of a question's breakdown in the class report: an option (or a pair) and how
    many first tries picked it (or got it right)."""

    text: str
    count: int
    right: bool


@dataclass(frozen=True)
class Breakdown:
    """What the class report shows under a question, beyond right/partly/wrong counts."""

    rows: tuple[Tally, ...] = ()  # per option or pair
    row_heading: str = "Option"  # what a row is, as the report's table heads it
    count_heading: str = "Picked"  # what a row's number counts
    caption: str = ""  # a line above the rows where ✓ and the count need saying
    common_wrong: tuple[tuple[str, int], ...] = ()  # typed wrong answers, most common first


@dataclass(frozen=True)
class Presented:
    """A question's options as this game shows them."""

    options: tuple[str, ...]  # what the player picks from, orders or matches from the left
    targets: tuple[str, ...] = ()  # match: the right-hand items


class QuestionKind:
    """The base of every kind; each subclass is one module of game/content/kinds/."""

    name: str = ""  # the value of `type:` in a question
    label: str = ""  # how the handout names the task, e.g. "choose one"
    fields: frozenset[str] = frozenset()  # the optional Question fields this kind uses
    # The game shows the options (events, pairs) in an order of its own, so no feedback may
    # name one by its place ("the first two"); validate's position-words check reads this.
    shuffled: bool = False
    # "First" and "last" in its feedback speak of time (a timeline), not of where an option is.
    ordinals_tell_time: bool = False
    # A question's points when the author gives none.
    default_points: float = 1.0
    # The lowest share of its points an answer can earn (below 0: an answer can cost points).
    lowest_fraction: float = 0.0
    # Scored only when the story settles it, later (a forecast), not when answered.
    settled_later: bool = False

    # -- compiling -------------------------------------------------------------------------

    def check(self, q: Question, report: Report) -> None:
        """Report what is wrong with this kind's fields."""

    def check_in_pack(self, q: Question, scene: Scene, scenes: Mapping[str, Scene],
                      reachable: Callable[[str], set[str]], graded_tracks: tuple[str, ...],
                      report: Report) -> None:
        """Report what is wrong with this kind's fields that only the whole pack shows:
        ``scene`` asks the question, ``reachable(id)`` gives the scenes a path from that scene
        can reach, ``graded_tracks`` are the ids of the pack's graded decision tracks."""

    # -- playing ---------------------------------------------------------------------------

    def track_of(self, q: Question) -> str:
        """The score track this question's points go to."""
        return "recall"  # models.RECALL_TRACK, which imports this package

    def present(self, q: Question, key: str) -> Presented:
        """The options in the order this game shows them (fixed by ``key``)."""
        return Presented(())

    def fraction(self, q: Question, response: Any) -> float:
        """The share of the question's points ``response`` earns; BadResponse when it is not
        an answer this question takes."""
        raise NotImplementedError

    def right_answer(self, q: Question) -> str:
        """The right answer, written out for feedback, the debrief and the handout."""
        return str(q.answer)

    def describe(self, q: Question, response: Any) -> str:
        """The player's answer, written out the same way (``response`` is not None)."""
        return str(response)

    def accepted_as(self, q: Question, response: Any) -> str:
        """The right answer a response was taken for although it was not that answer (a
        typed answer with a typo forgiven), for the feedback to say so; '' otherwise."""
        return ""

    def retry_is_a_test(self, q: Question, first: Any) -> bool:
        """Whether a second try, after ``first`` was not fully right, still tests the player:
        not when ruling out the first answer leaves one answer (true or false, a choice of
        two), which would make the retry's points a gift. Practice mode then offers none."""
        return True

    # -- automatic players (playtest, walkthroughs, the exhaustive count) -----------------------

    def right_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return q.answer

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        """An answer that scores nothing."""
        raise NotImplementedError

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        """An answer of the right shape, picked at random (the playtest's half-wrong player)."""
        raise NotImplementedError

    def pick_one(self, q: Question, option: str) -> Any:
        """The response that picks ``option`` alone, as a player guessing by how the options
        look would give it; None where an answer is not a pick among shown options (the
        surface-strategy check then answers at random)."""
        return None

    def from_walkthrough(self, q: Question, value: Any) -> Any:
        """A walkthrough's `answer:` as the response a player would give."""
        return list(value) if isinstance(value, tuple) else value

    def authored_options(self, q: Question) -> tuple[str, ...]:
        """What a player picks from or orders, in the order the author wrote it."""
        return q.options

    def texts(self, q: Question) -> Iterator[tuple[Any, str, str]]:
        """(model, field, text) for what the player reads of this kind's own fields (the
        options, the events, the pairs), for the glossary's check of terms used early."""
        yield from ((q, "options", option) for option in q.options)

    # -- stored responses (saves and result files hold them as JSON) ------------------------------

    def to_json(self, response: Any) -> Any:
        if isinstance(response, (tuple, set, frozenset)):
            return list(response)
        return response

    # -- an LMS quiz bank (`briefing export`) -----------------------------------------------------

    def lms_answer(self, q: Question) -> LmsAnswer:
        """The question's answer as an LMS quiz item takes it (one of the shapes in lms.py), or
        NoLmsEquivalent saying why an LMS quiz cannot ask it."""
        raise NotImplementedError

    # -- the class report and the handout --------------------------------------------------------

    def stores(self, response: Any) -> bool:
        """Whether a stored response looks like this kind's, for a report made without the
        pack (only the kinds listed in kinds.GUESS_ORDER are guessed)."""
        return False

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        """The report's breakdown of first tries ``given`` as (stored response, correct);
        ``q`` is None when the pack is not at hand. ``show`` makes a stored text safe."""
        return Breakdown()

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        """Lines under the question in the handout: (mark, text); the mark is ✓ for a right
        option in the teacher's key."""
        return ()

    def handout_note(self, q: Question, student: bool) -> str:
        """A quiet line under the question in the handout, or ''."""
        return ""


# -- helpers several kinds share -----------------------------------------------------------------

def seeded_order(items: tuple[str, ...], key: str) -> tuple[str, ...]:
    """A shuffle fixed by ``key``: each item sorts by a hash of the key and its text.

    Cheaper than seeding a Mersenne Twister per question, and the same on every platform and
    Python version (random.Random's seeding from a string is not promised to stay).
    """
    return tuple(sorted(items, key=lambda item: blake2b(f"{key}/{item}".encode(),
                                                        digest_size=8).digest()))


def count_items(items: Iterable[str]) -> list[tuple[str, int]]:
    """Each item with how often it is listed, counting items that look the same as one (a
    zero-width space or a direction mark does not make "Monday" another option)."""
    counts: dict[str, int] = {}
    for item in items:
        seen = without_unseen(item)
        counts[seen] = counts.get(seen, 0) + 1
    return list(counts.items())


def check_options(q: Question, report: Report) -> None:
    if len(q.options) < 2:
        report(q, "options", "too-few-options", "A choice question needs at least two "
               "options.", "Add more options.")
    for option, count in count_items(q.options):
        if count > 1:
            report(q, "options", "duplicate-option", f"The option '{option}' is listed "
                   f"{count} times.", "Make each option different.")


def check_answer_in_options(q: Question, answer: Any, field: str, report: Report) -> None:
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        report(q, field, "answer-not-an-option", f"YAML read the answer {answer!r} as a "
               "number, so it matches no option.", "Put the answer in quotes, e.g. "
               "answer: \"2019\".")
        return
    if not isinstance(answer, str) or answer not in q.options:
        report(q, field, "answer-not-an-option", f"The answer '{answer}' is not one of the "
               f"options.{did_you_mean(str(answer), q.options)}",
               "Copy the right option's text exactly.")


def yaml_boolean(q: Question, report: Report) -> bool:
    """Report an answer YAML turned into true/false when text was meant (yes, no, on, off)."""
    if not isinstance(q.answer, bool):
        return False
    report(q, "answer", "yaml-boolean", f"YAML read this answer as {str(q.answer).lower()}, "
           "not as text (it does that to yes, no, on, off, true and false).",
           "Put the answer in quotes, e.g. answer: \"no\".")
    return True


def option_rows(options: tuple[str, ...], right: set[str], picks: Counter) -> tuple[Tally, ...]:
    rows = [Tally(text, picks.get(text, 0), text in right) for text in options]
    # An answer no longer among the options (the pack changed) is still counted, not dropped.
    rows += [Tally(text, n, False) for text, n in sorted(picks.items()) if text not in options]
    return tuple(rows)


def picked_texts(response: Any, show: Show) -> list[str]:
    """The option texts a stored answer picked: one for a text, any for a list, True or False
    for a true/false answer."""
    if isinstance(response, bool):
        return ["True" if response else "False"]
    if isinstance(response, list):
        return [show(str(r)) for r in dict.fromkeys(map(str, response))]
    return [show(str(response))]


def picks_breakdown(q: Question | None, given: list[tuple[Any, bool]], show: Show,
                    options: Callable[[Question], tuple[tuple[str, ...], set[str]]]
                    ) -> Breakdown:
    """How many first tries picked each option (with the pack), or each text seen (without)."""
    picks = Counter(text for response, _ in given for text in picked_texts(response, show))
    if q is None:
        return Breakdown(tuple(Tally(text, n, False) for text, n in picks.most_common()))
    texts, right = options(q)
    return Breakdown(option_rows(texts, right, picks))


__all__ = ["BadResponse", "Breakdown", "Presented", "QuestionKind", "Report", "Tally",
           "Show", "check_answer_in_options", "check_options", "count_items",
           "option_rows", "picked_texts", "picks_breakdown", "seeded_order", "yaml_boolean"]
