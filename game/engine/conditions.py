"""Evaluating the declarative conditions authors write in YAML. No eval, no Python in content."""

from __future__ import annotations

from typing import Mapping

from ..content.models import Condition
from .state import GameState


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
        and (not condition.any or any(holds(c, state, totals) for c in condition.any))
    )
