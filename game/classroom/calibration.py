"""The class's calibration: for each of the seven likelihoods, how many forecasts used it and
how many of those came true, against the likelihood's range; and the class's mean Brier score.

A class whose "likely" forecasts come true 55–80% of the time is well calibrated. The outcomes
come from the pack (a result file holds the likelihood given, not what happened), so without
the pack there is no table. First tries only, like the rest of the report; every forecast
counts, settled or not yet, since the pack says how it turns out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..content.kinds import kind_of
from ..content.kinds.forecast import TERMS, Term, brier, term_for
from ..content.models import Pack
from .results import ResultDocument


@dataclass(frozen=True)
class CalibrationRow:
    term: Term
    used: int  # forecasts that gave this likelihood
    came_true: int  # ... of which the outcome was true

    @property
    def share_true(self) -> float | None:
        """The percent of them that came true, or None when none used it."""
        return round(100 * self.came_true / self.used, 1) if self.used else None

    @property
    def within_range(self) -> bool | None:
        """Whether that share falls in the likelihood's range (None when unused)."""
        share = self.share_true
        return None if share is None else self.term.low <= share <= self.term.high


@dataclass(frozen=True)
class Calibration:
    rows: tuple[CalibrationRow, ...]  # the seven likelihoods, in order
    forecasts: int
    mean_brier: float | None  # 0 is perfect, 0.25 what "roughly even chance" always scores


def calibration(pack: Pack | None, counted: Iterable[ResultDocument]) -> Calibration | None:
    """The table for a pack's forecasts; None without the pack or when it has no forecasts."""
    if pack is None:
        return None
    outcomes = {q.id: q.outcome for q in pack.questions().values()
                if kind_of(q).settled_later and isinstance(q.outcome, bool)}
    if not outcomes:
        return None
    used = {term.words: 0 for term in TERMS}
    came_true = dict(used)
    scores: list[float] = []
    for document in counted:
        seen: set[str] = set()
        for record in document.answers:
            if record.question not in outcomes or record.question in seen or record.attempt != 1:
                continue
            term = term_for(record.response)
            if term is None:
                continue  # the pack changed since: not a likelihood it knows
            seen.add(record.question)
            happened = outcomes[record.question]
            used[term.words] += 1
            came_true[term.words] += happened
            scores.append(brier(term, happened))
    rows = tuple(CalibrationRow(t, used[t.words], came_true[t.words]) for t in TERMS)
    mean = round(sum(scores) / len(scores), 3) if scores else None
    return Calibration(rows, len(scores), mean)
