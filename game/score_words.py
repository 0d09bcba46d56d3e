"""Scores in words for people, the same everywhere a score is shown: the TUI's status bar, the
debrief (full-screen and plain), plain mode's running scores, the class report and the
dashboard.

A score reads as points of what was on offer ("Tradecraft −6 of 11"), never as a fraction
("−6/11"); a negative total is shown as it is, with a true minus sign (a screen reader says
"minus", not "dash"), and with its band; an ungraded gauge is a level and what it means
("Escalation risk: 4, not graded (your calls added some escalation pressure)"), never a
percent, since it has no best value.
"""

from __future__ import annotations

import enum
from typing import Protocol

MINUS = "\u2212"


class Score(Protocol):
    """A track's score as the engine's scorecard and the result files both hold it."""

    name: str
    earned: float
    available: float
    graded: bool
    band: str


class Form(enum.Enum):
    BAR = "bar"  # the status bar and plain mode's running line: "Tradecraft −6 of 11"
    LINE = "line"  # a sentence of its own: the debrief, with the band
    CELL = "cell"  # a table cell beside the name: "−6 of 11 (−54.5%)"
    COLUMN = "column"  # a narrow column under the name (the class report): "−54.5%"; a gauge "4"
    TIGHT = "tight"  # the status bar's last resort when BAR does not fit: "Tradecraft −6/11"


def points(value: float) -> str:
    """2 -> '2', 2.5 -> '2.5', -6 -> '−6'."""
    text = f"{value:g}"
    return MINUS + text[1:] if text.startswith("-") else text


def signed(value: float) -> str:
    """A change: '+2', '−1', '0'."""
    return f"+{points(value)}" if value > 0 else points(value)


def effects_words(effects: dict[str, float], names: dict[str, str], sep: str = ", ") -> str:
    """What a decision did to each track: 'Tradecraft +2, Escalation risk −1' ('' for none)."""
    return sep.join(f"{names.get(track, track)} {signed(value)}"
                    for track, value in effects.items())


def percent(value: float | None) -> str:
    """54.5 -> '54.5%', -54.5 -> '−54.5%', None -> '—' (nothing on offer yet)."""
    return "—" if value is None else f"{points(value)}%"


def share_of(earned: float, available: float) -> float | None:
    """Earned as a percent of what was on offer, negative when the total is (the engine's
    percent, for result files that hold none)."""
    return round(100 * earned / available, 1) if available > 0 else None


def track_words(score: Score, form: Form = Form.BAR) -> str:
    """One track's score in words: see the module's docstring, and Form for the three forms."""
    level = points(score.earned)
    if form is Form.COLUMN:
        return level if not score.graded else percent(share_of(score.earned, score.available))
    if not score.graded:
        if form in (Form.BAR, Form.TIGHT):
            return f"{score.name} {level}"
        cell = f"{level}, not graded"
        if form is Form.CELL:
            return cell
        meaning = f" ({lower_first(score.band)})" if score.band and score.band != "—" else ""
        return f"{score.name}: {cell}{meaning}"
    if score.available <= 0:
        if form is Form.CELL:
            return f"{level}, none on offer yet"
        return f"{score.name}: {level}, none on offer yet" if form is Form.LINE else (
            f"{score.name} {level}")
    if form is Form.TIGHT:
        return f"{score.name} {level}/{points(score.available)}"
    of = f"{level} of {points(score.available)}"
    if form is Form.BAR:
        return f"{score.name} {of}"
    cell = f"{of} ({percent(share_of(score.earned, score.available))})"
    if form is Form.CELL:
        return cell
    band = f", {score.band}" if score.band and score.band != "—" else ""
    return f"{score.name}: {of} points ({percent(share_of(score.earned, score.available))}){band}"


def overall_words(value: float | None, grade: str) -> str:
    """'Overall: 38.5%, grade D: Weak sourcing and judgement'."""
    if value is None:
        return "Overall: nothing graded yet"
    return f"Overall: {percent(value)}, grade {grade}"


def lower_first(text: str) -> str:
    """A band label inside a sentence ("Your calls added…" -> "your calls added…"), unless it
    starts with a name or an abbreviation."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
