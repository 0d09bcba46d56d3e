"""Forecasts: recorded when given, settled later, when the story tells what happened.

A forecast's answer record names the scene that settles it (``resolves_in``). Its points count
on its track, and in what was on offer there, only once it is settled: on arriving at that
scene, or at the end of the week for a route that never gets there. ``GameState.settled``
lists the forecasts settled so far, so a save resumes with the same totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..content.kinds.forecast import Term, brier, outcome_words, term_for
from ..content.models import Pack, Question
from .state import AnswerRecord, GameState


@dataclass(frozen=True)
class SettledForecast:
    """A forecast the story has settled: what the player said, what happened, the score."""

    question: Question
    term: Term  # the likelihood the player gave
    happened: bool
    brier: float  # (p - o)**2: 0 is perfect, 1 the worst
    points: float  # may be below 0: a confident forecast that was wrong costs points
    out_of: float
    track: str
    scene: str  # the scene where it was settled; "" when settled at the end of the week

    @property
    def outcome(self) -> str:
        """'It happened.' or 'It did not happen.'"""
        return outcome_words(self.happened)


def counts(record: AnswerRecord, settled: list[str]) -> bool:
    """Whether an answer's points count yet: at once, or a forecast once it is settled."""
    return not record.resolves_in or record.question in settled


def unsettled(state: GameState) -> Iterator[AnswerRecord]:
    return (a for a in state.answers if a.resolves_in and a.question not in state.settled)


def settle_on_arrival(state: GameState, scene_id: str) -> list[AnswerRecord]:
    """Settle the forecasts that arriving at ``scene_id`` settles; the records settled."""
    found = [a for a in unsettled(state) if a.resolves_in == scene_id]
    state.settled.extend(a.question for a in found)
    return found


def settle_the_rest(state: GameState) -> list[AnswerRecord]:
    """At the end of the week: every forecast not yet settled is settled now."""
    found = list(unsettled(state))
    state.settled.extend(a.question for a in found)
    return found


def settled_forecasts(pack: Pack, state: GameState) -> tuple[SettledForecast, ...]:
    """Every forecast settled so far, in the order they were given (the debrief's list).
    A forecast the pack no longer has, or whose answer it no longer takes, is left out."""
    questions = pack.questions()
    found = []
    for record in state.answers:
        if not record.resolves_in or record.question not in state.settled:
            continue
        q, term = questions.get(record.question), term_for(record.response)
        if q is None or term is None or not isinstance(q.outcome, bool):
            continue
        reached = record.resolves_in in state.visited[visit_index(state, record.scene):]
        found.append(SettledForecast(
            q, term, q.outcome, round(brier(term, q.outcome), 4), record.points,
            record.max_points, record.track, record.resolves_in if reached else ""))
    return tuple(found)


def visit_index(state: GameState, scene_id: str) -> int:
    """Where the scene a forecast was given in was last entered (its visit, for a route that
    passed the settling scene before it)."""
    for index in range(len(state.visited) - 1, -1, -1):
        if state.visited[index] == scene_id:
            return index
    return 0


def settled_here(pack: Pack, state: GameState) -> tuple[SettledForecast, ...]:
    """The forecasts settled on arriving at the scene the player is in now."""
    return tuple(f for f in settled_forecasts(pack, state) if f.scene == state.scene)


def settled_at_the_end(pack: Pack, state: GameState) -> tuple[SettledForecast, ...]:
    """The forecasts the player's route never reached the settling scene of."""
    return tuple(f for f in settled_forecasts(pack, state) if not f.scene)
