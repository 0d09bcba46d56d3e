"""Scores derived from the state's records: totals, what was on offer, percents, bands, grade."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Band, Pack
from .forecasts import counts
from .state import GameState


@dataclass(frozen=True)
class TrackScore:
    id: str
    name: str
    earned: float
    available: float
    graded: bool
    band: str

    @property
    def percent(self) -> float | None:
        return percent_of(self.earned, self.available)


@dataclass(frozen=True)
class Scorecard:
    tracks: tuple[TrackScore, ...]
    percent: float | None
    grade: str

    def track(self, track_id: str) -> TrackScore:
        return next(t for t in self.tracks if t.id == track_id)


def totals(state: GameState) -> dict[str, float]:
    """Points earned on each track so far."""
    earned: dict[str, float] = dict(state.preset_totals)
    for decision in state.decisions:
        for track, value in decision.effects.items():
            earned[track] = earned.get(track, 0) + value
    for answer in state.answers:  # recall answers at once, forecasts once settled
        if counts(answer, state.settled):
            earned[answer.track] = earned.get(answer.track, 0) + answer.points
    return {k: round(v, 2) for k, v in earned.items()}


def available(state: GameState) -> dict[str, float]:
    """The most each track could have earned on the path the player took."""
    offered: dict[str, float] = {}
    for decision in state.decisions:
        for track, value in decision.available.items():
            offered[track] = offered.get(track, 0) + value
    for answer in state.answers:
        if counts(answer, state.settled):
            offered[answer.track] = offered.get(answer.track, 0) + answer.max_points
    return {k: round(v, 2) for k, v in offered.items()}


def band_for(bands: tuple[Band, ...], percent: float | None) -> str:
    """The band a percent earns; a negative one earns what 0% would (the lowest band)."""
    if percent is None:
        return "—"
    for band in sorted(bands, key=lambda b: b.min, reverse=True):
        if max(0.0, percent) >= band.min:
            return band.label
    return "—"


def percent_of(earned: float, available: float) -> float | None:
    """Earned as a percent of what was on offer: below 0 when the total is (a score is shown
    as it is, not as none)."""
    if available <= 0:
        return None
    return round(100 * earned / available, 1)


def scorecard(pack: Pack, state: GameState) -> Scorecard:
    earned, offered = totals(state), available(state)
    tracks = []
    for track in pack.manifest.tracks:
        got, out_of = earned.get(track.id, 0.0), offered.get(track.id, 0.0)
        tracks.append(TrackScore(track.id, track.name, got, out_of, track.graded,
                                 band_for(track.bands, percent_of(got, out_of))))
    graded = [t for t in tracks if t.graded and t.available > 0]
    total_available = sum(t.available for t in graded)
    # A negative track counts as it is: a lost point on one track is not made up for free.
    percent = (round(100 * sum(t.earned for t in graded) / total_available, 1)
               if total_available else None)
    return Scorecard(tuple(tracks), percent, band_for(pack.manifest.grades, percent))
