"""Forecasts in words, the same in both front ends and the debrief: the line that records a
forecast, the line that settles it, and what a scene asks for when forecasts are among its
questions. The words of the scale itself live with the kind (game/content/kinds/forecast.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .content.kinds import kind_of
from .content.kinds.forecast import term_for
from .score_words import signed

if TYPE_CHECKING:
    from .content.models import Question
    from .engine import SettledForecast  # noqa: F401 - the engine's record, by its attributes

SETTLED_LATER = "This forecast is settled later in the week."
SETTLED_HEADING = "Forecasts settled"
# Said once above the debrief's forecasts: how they were scored.
FORECASTS_NOTE = ("Each forecast is scored by its Brier score, (p − o)², where p is the middle "
                  "of the likelihood you gave and o is 1 if it happened, 0 if not: 0 is "
                  "perfect. Points are the share 1 − 4 × Brier of the forecast's points, so "
                  "roughly even chance earns 0 and a confident wrong forecast costs points.")


def recorded(response: object) -> str:
    """'Recorded: likely (55–80%). This forecast is settled later in the week.'"""
    term = term_for(response)
    return f"Recorded: {term.label if term else response}. {SETTLED_LATER}"


def brier_words(value: float) -> str:
    """A Brier score to two places: 0.11."""
    return f"{value:.2f}"


def settled_line(forecast, track_name: str) -> str:
    """'Your forecast: likely (55–80%). It happened. Brier score 0.11; +1.16 Judgement.'"""
    return (f"Your forecast: {forecast.term.label}. {forecast.outcome} Brier score "
            f"{brier_words(forecast.brier)}; {signed(forecast.points)} {track_name}.")


def is_forecast(q: Question) -> bool:
    return kind_of(q).settled_later


def waiting_words(questions: Iterable[Question]) -> str:
    """What the scene asks for before its decision: 'Answer 3 recall questions', 'Give 1
    forecast', 'Answer 2 recall questions and give 1 forecast'."""
    questions = list(questions)
    forecasts = sum(1 for q in questions if is_forecast(q))
    recall = len(questions) - forecasts
    parts = []
    if recall:
        parts.append(f"answer {recall} recall question{'' if recall == 1 else 's'}")
    if forecasts:
        parts.append(f"give {forecasts} forecast{'' if forecasts == 1 else 's'}")
    text = " and ".join(parts)
    return text[:1].upper() + text[1:]


def read_then(questions: Iterable[Question]) -> str:
    """The line above the scene's way on to its questions."""
    kinds = {is_forecast(q) for q in questions}
    if kinds == {True}:
        return "Read the scene, then give your forecast:"
    if kinds == {False}:
        return "Read the scene, then answer the recall questions:"
    return "Read the scene, then answer the questions:"


def settled_notices(story) -> tuple[tuple[str, str, str], ...]:
    """What arriving at the story's scene settled, as each forecast's (question, the line
    that scores it, what happened): the scene shows them before its text."""
    tracks = story.pack.tracks
    return tuple((f.question.ask, settled_line(f, tracks[f.track].name if f.track in tracks
                                               else f.track), f.question.resolution)
                 for f in story.settled_here)
