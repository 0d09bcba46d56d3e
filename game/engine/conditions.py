"""Evaluating the declarative conditions authors write in YAML. No eval, no Python in content."""

from __future__ import annotations

from typing import Mapping

from ..content.models import Condition
from .state import DecisionRecord, GameState


def holds(condition: Condition | None, state: GameState, totals: Mapping[str, float]) -> bool:
    """Whether every part of ``condition`` is true for this state; no condition always holds."""
    if condition is None:
        return True
    flags, visited = state.flags, state.visited  # short lists: a scan beats building a set
    return (
        all(f in flags for f in condition.flags)
        and not any(f in flags for f in condition.not_flags)
        and all(s in visited for s in condition.visited)
        and not any(s in visited for s in condition.not_visited)
        and all(totals.get(t, 0) >= v for t, v in condition.at_least.items())
        and all(totals.get(t, 0) < v for t, v in condition.below.items())
        and all(made(ref, state.decisions) for ref in condition.chose)
        and not any(made(ref, state.decisions) for ref in condition.not_chose)
        and (not condition.any or any(holds(c, state, totals) for c in condition.any))
    )


def made(ref: str, decisions: list[DecisionRecord]) -> bool:
    """Whether the choice ``ref`` ("scene-id.choice-id") is among the decisions taken."""
    scene, _, choice_id = ref.rpartition(".")
    return any(d.choice_id == choice_id and d.scene == scene for d in decisions)
