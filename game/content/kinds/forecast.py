"""forecast: how likely is something the story settles later, in ICD 203's seven terms.

The player's term is recorded at once and scored only when the story settles it: on arriving
at the scene named by ``resolves_in``, or at the end of the week if the route never gets there
(game/engine/forecasts.py). The score is the Brier skill score against "roughly even chance":
fraction = 1 - 4 * (p - o)**2, with p the term's midpoint and o 1 if it happened, else 0.
It is an affine transform of the Brier score (p - o)**2 with a negative slope, so it is a
proper scoring rule too: a player expecting the event with probability q scores best, on
average, by giving the term whose midpoint is nearest q. Even chance earns 0; a confident
right forecast nearly all the points; a confident wrong one loses up to 2.76 times them.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple

from ..diagnostics import did_you_mean
from .base import BadResponse, Breakdown, Presented, QuestionKind, Report, Show, Tally
from .lms import NoLmsEquivalent

if TYPE_CHECKING:
    from ..models import Question, Scene


class Term(NamedTuple):
    """One of ICD 203's expressions of likelihood, its range in percent and its midpoint."""

    words: str
    low: int
    high: int
    probability: float

    @property
    def range(self) -> str:
        return f"{self.low}–{self.high}%"

    @property
    def label(self) -> str:
        """'likely (55–80%)'"""
        return f"{self.words} ({self.range})"


# ICD 203 (Analytic Standards, 2015), in order: a scale, so never shuffled.
TERMS = (
    Term("almost no chance", 1, 5, 0.03),
    Term("very unlikely", 5, 20, 0.125),
    Term("unlikely", 20, 45, 0.325),
    Term("roughly even chance", 45, 55, 0.50),
    Term("likely", 55, 80, 0.675),
    Term("very likely", 80, 95, 0.875),
    Term("almost certain", 95, 99, 0.97),
)
TERM_WORDS = tuple(term.words for term in TERMS)
BY_WORDS: Mapping[str, Term] = {term.words: term for term in TERMS}
DEFAULT_TRACK = "judgement"
DEFAULT_POINTS = 2.0
# The lowest share of its points a forecast can earn: "almost certain" of what did not happen.
LOWEST_FRACTION = 1 - 4 * TERMS[-1].probability ** 2


def term_for(response: Any) -> Term | None:
    """The term a response names (its words, any capitals and spaces), or None."""
    if not isinstance(response, str):
        return None
    return BY_WORDS.get(" ".join(response.split()).casefold())


def brier(term: Term, happened: bool) -> float:
    """The Brier score of one forecast: (p - o)**2, 0 at best and 1 at worst."""
    return (term.probability - (1.0 if happened else 0.0)) ** 2


def skill(term: Term, happened: bool) -> float:
    """The share of the forecast's points it earns: 1 - 4 * Brier (0 for even chance)."""
    return 1 - 4 * brier(term, happened)


def outcome_words(happened: bool) -> str:
    return "It happened." if happened else "It did not happen."


class Forecast(QuestionKind):
    name = "forecast"
    label = "tick one likelihood"
    fields = frozenset({"outcome", "resolves_in", "resolution", "track"})
    lowest_fraction = LOWEST_FRACTION
    default_points = DEFAULT_POINTS
    settled_later = True

    # -- compiling -------------------------------------------------------------------------

    def check(self, q: Question, report: Report) -> None:
        if not isinstance(q.outcome, bool):
            report(q, "outcome" if q.outcome is not None else "", "forecast-outcome",
                   "A forecast needs 'outcome: true' (it happens in the story) or "
                   "'outcome: false' (it does not).",
                   "Write 'outcome: true' or 'outcome: false', without quotes.")
        if not q.resolves_in:
            report(q, "", "forecast-resolves-in", "A forecast needs 'resolves_in:', the scene "
                   "whose arrival settles it.", "Add 'resolves_in: <scene id>'.")

    def check_in_pack(self, q: Question, scene: Scene, scenes: Mapping[str, Scene],
                      reachable: Callable[[str], set[str]], graded_tracks: tuple[str, ...],
                      report: Report) -> None:
        target = q.resolves_in
        if target and target not in scenes:
            report(q, "resolves_in", "forecast-resolves-in", f"No scene is called "
                   f"'{target}'.{did_you_mean(target, scenes)}",
                   "Name the scene whose arrival settles the forecast.")
        elif target == scene.id:
            report(q, "resolves_in", "forecast-resolves-in", "A forecast cannot be settled in "
                   "the scene that asks it.", "Name a later scene, where the story tells what "
                   "happened.")
        elif target and target not in reachable(scene.id):
            report(q, "resolves_in", "forecast-resolves-earlier", f"No path leads from "
                   f"'{scene.id}' on to '{target}', so this forecast is only settled at the "
                   "end of the week.", "Name a scene that comes after this one on the story "
                   "map.")
        track = self.track_of(q)
        if track not in graded_tracks:
            hint = (f"Use one of: {', '.join(graded_tracks)}." if graded_tracks
                    else "Add a graded track to pack.yaml.")
            report(q, "track" if q.track else "", "forecast-track", f"A forecast scores on a "
                   f"graded decision track, and the pack has none called '{track}'."
                   f"{did_you_mean(track, graded_tracks)}", hint)

    # -- playing ---------------------------------------------------------------------------

    def track_of(self, q: Question) -> str:
        return q.track or DEFAULT_TRACK

    def present(self, q: Question, key: str) -> Presented:
        return Presented(TERM_WORDS)

    def fraction(self, q: Question, response: Any) -> float:
        term = term_for(response)
        if term is None:
            raise BadResponse("pick one of the seven likelihoods")
        return skill(term, bool(q.outcome))

    def right_answer(self, q: Question) -> str:
        return outcome_words(bool(q.outcome)).rstrip(".")

    def describe(self, q: Question, response: Any) -> str:
        term = term_for(response)
        return term.label if term else str(response)

    def retry_is_a_test(self, q: Question, first: Any) -> bool:
        return False  # a forecast is not wrong, only more or less well calibrated

    # -- automatic players -------------------------------------------------------------------

    def right_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return TERMS[-1].words if q.outcome else TERMS[0].words

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Any:
        return TERMS[0].words if q.outcome else TERMS[-1].words

    def random_pick(self, q: Question, options: tuple[str, ...], rng: random.Random) -> Any:
        return rng.choice(TERM_WORDS)

    def from_walkthrough(self, q: Question, value: Any) -> Any:
        term = term_for(value)
        return term.words if term else value

    def authored_options(self, q: Question) -> tuple[str, ...]:
        return TERM_WORDS

    def texts(self, q: Question):
        if q.resolution:
            yield q, "resolution", q.resolution

    def to_json(self, response: Any) -> Any:
        term = term_for(response)
        return term.words if term else response

    # -- an LMS quiz bank ---------------------------------------------------------------------

    def lms_answer(self, q: Question) -> NoLmsEquivalent:
        return NoLmsEquivalent("a forecast has no right answer to mark at once: it is scored "
                               "on a decision track by how well its likelihood fits what the "
                               "story settles later")

    # -- the class report and the handout ----------------------------------------------------

    def breakdown(self, q: Question | None, given: list[tuple[Any, bool]],
                  show: Show) -> Breakdown:
        picks = Counter(term.words for response, _ in given if (term := term_for(response)))
        happened = bool(q and q.outcome)
        caption = (f"Outcome: {outcome_words(happened).rstrip('.').lower()}."
                   if q is not None else "")
        # No row is ticked as right: a likelihood is better or worse calibrated, not right.
        rows = tuple(Tally(term.label, picks.get(term.words, 0), False) for term in TERMS)
        return Breakdown(rows, row_heading="Likelihood", count_heading="Chosen",
                         caption=caption)

    def stores(self, response: Any) -> bool:
        return term_for(response) is not None

    def handout_items(self, q: Question, student: bool) -> tuple[tuple[str, str], ...]:
        return tuple(("☐ " if student else "", term.label) for term in TERMS)

    def handout_note(self, q: Question, student: bool) -> str:
        if student:
            return "Settled later in the week."
        return (f"Settled on reaching the scene '{q.resolves_in}' (or at the end of the week); "
                "scored by its Brier score against the outcome.")


KIND = Forecast()
