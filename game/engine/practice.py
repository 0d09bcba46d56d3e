"""The rules of the modes: a second try for part of the points, and hints that cost points.

Kept in one place so the game, the help text and the README all say the same thing.
"""

from __future__ import annotations

from .modes import Mode

# A second try earns this share of what the same answer would have earned first time. The
# question keeps the better of the two: a retry can add points, never take them away.
RETRY_SHARE = 0.5
# An answer given after the question's hint was shown loses this share of its points.
HINT_COST = 0.25

RETRY_MODES = frozenset({Mode.PRACTICE})  # exam: no feedback, so no retries; presenter: revealed
HINT_MODES = frozenset({Mode.PRACTICE, Mode.PRESENTER})  # exam: no help


def attempt_points(points: float, *, retry: bool, hinted: bool) -> float:
    """What a graded answer is worth after the rules: ``points`` as graded, cut for a retry
    and for a hint."""
    if retry:
        points *= RETRY_SHARE
    if hinted:
        points *= 1 - HINT_COST
    return round(points, 2)


def percent(share: float) -> str:
    """0.25 -> '25%', for the words the player reads."""
    return f"{share * 100:g}%"
