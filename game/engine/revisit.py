"""What a debrief says is most worth revisiting: the decisions that fell furthest short of the
best call on offer, and the questions that lost the most points.

Which choices were on offer at a decision depends on the flags, scenes and totals of that
moment (a choice may have an ``if``), so the moment is rebuilt from the records: a scene is
entered, its questions are answered, then its decision is made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Mapping

from ..content.models import RECALL_TRACK, Choice, Pack
from .conditions import holds
from .state import AnswerRecord, DecisionRecord, GameState

if TYPE_CHECKING:
    from .debrief import Debrief, DecisionReview, QuestionReview

DECISIONS_TO_REVISIT = 3  # the summary's "three decisions most worth revisiting"
QUESTIONS_TO_REVISIT = 5  # at most, in the saved summary; the screen shows what fits


@dataclass(frozen=True)
class BetterCall:
    """The best choice on offer at a decision, where the player's scored less."""

    text: str
    feedback: str
    effects: Mapping[str, float]
    short_by: float  # points on graded tracks between the best call and the one made


def graded_points(effects: Mapping[str, float], graded: frozenset[str]) -> float:
    return sum(value for track, value in effects.items() if track in graded)


def graded_tracks(pack: Pack) -> frozenset[str]:
    return frozenset(t.id for t in pack.manifest.tracks if t.graded)


def better_calls(pack: Pack, state: GameState) -> list[BetterCall | None]:
    """For each decision record, in order: the best call that was on offer when it was made,
    or None when the player's choice scored as well as any (or its scene is gone)."""
    graded = graded_tracks(pack)
    found: list[BetterCall | None] = []
    for record, offered in zip(state.decisions, offers_made(pack, state)):
        made = graded_points(record.effects, graded)
        best = max(offered, key=lambda c: graded_points(c.effects, graded), default=None)
        gap = round(graded_points(best.effects, graded) - made, 2) if best else 0.0
        found.append(BetterCall(best.text, best.feedback, dict(best.effects), gap)
                     if best is not None and gap > 0 else None)
    return found


def offers_made(pack: Pack, state: GameState) -> Iterator[tuple[Choice, ...]]:
    """The choices on offer at each decision record, from the state of that moment. A record
    the walk cannot place (its scene gone from the pack, or a history the pack no longer
    explains) gets the choices that need no condition."""
    then = GameState(pack_id=state.pack_id, pack_version=state.pack_version, seed=state.seed,
                     scene="")
    sums: dict[str, float] = {}
    answers, decisions = state.answers, state.decisions
    a = d = 0
    waiting: list[AnswerRecord] = []  # forecasts given, not yet settled on the walk
    for scene_id in state.visited:
        if d == len(decisions):
            return
        then.visited.append(scene_id)
        for forecast in [f for f in waiting if f.resolves_in == scene_id]:
            waiting.remove(forecast)
            if forecast.question in state.settled:
                sums[forecast.track] = sums.get(forecast.track, 0) + forecast.points
        while a < len(answers) and answers[a].scene == scene_id:
            if answers[a].resolves_in:
                waiting.append(answers[a])
            else:
                sums[RECALL_TRACK] = sums.get(RECALL_TRACK, 0) + answers[a].points
            a += 1
        record = decisions[d]
        if record.scene != scene_id:
            continue
        scene = pack.scenes.get(scene_id)
        totals = {k: round(v, 2) for k, v in sums.items()}
        yield tuple(c for c in scene.choices if holds(c.if_, then, totals)) if scene else ()
        remember(record, pack, then, sums)
        d += 1
    for record in decisions[d:]:  # not placed: the history is not the pack's any more
        scene = pack.scenes.get(record.scene)
        yield tuple(c for c in scene.choices if c.if_ is None) if scene else ()


def remember(record: DecisionRecord, pack: Pack, then: GameState,
             sums: dict[str, float]) -> None:
    """What a decision leaves for the next ones: itself (a condition may ask whether it was
    made), its points, and the flags its choice sets."""
    then.decisions.append(record)
    for track, value in record.effects.items():
        sums[track] = sums.get(track, 0) + value
    scene = pack.scenes.get(record.scene)
    choices = scene.choices if scene else ()
    chosen = (choices[record.choice] if 0 <= record.choice < len(choices)
              and choices[record.choice].text == record.text else
              next((c for c in choices if c.text == record.text), None))
    for flag in chosen.set if chosen else ():
        if flag not in then.flags:
            then.flags.append(flag)


def decisions_to_revisit(debrief: "Debrief",
                         limit: int = DECISIONS_TO_REVISIT) -> tuple["DecisionReview", ...]:
    """The decisions furthest short of the best call on offer (graded tracks), most first;
    the earlier of two equally short ones first. None when every call was the best."""
    short = [d for d in debrief.decisions if d.better is not None]
    return tuple(sorted(short, key=lambda d: -d.better.short_by)[:limit])


def questions_to_revisit(debrief: "Debrief",
                         limit: int | None = None) -> tuple["QuestionReview", ...]:
    """The questions missed or partly right at the first try, most points lost first (the
    earlier of two first). A right answer that cost only its hint is not among them."""
    missed = [q for q in debrief.questions if not q.correct and q.lost > 0]
    ranked = sorted(missed, key=lambda q: -q.lost)
    return tuple(ranked if limit is None else ranked[:limit])
