"""The debrief's summary in words, for every front end and file: the scores, the ending, and
what is most worth revisiting, each item with the article's words. Each front end lays it out
its own way (the TUI fits it to the screen, plain mode wraps it, the files escape it); the
words are said here once. Which items are listed is the engine's choice (game/engine/revisit.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .content.facts import fact_label  # noqa: F401  (the debrief's writers take it here)
from .engine import Debrief, decisions_to_revisit, questions_to_revisit
from .score_words import Form, overall_words, percent, points, share_of, signed, track_words

if TYPE_CHECKING:  # the review types, named in annotations only
    from .engine.debrief import DecisionReview, QuestionReview
    from .engine.scoring import TrackScore

DECISIONS_HEADING = "Decisions most worth revisiting"
QUESTIONS_HEADING = "Questions most worth revisiting"

# Said once above the other reporting, wherever the debrief shows it.
OTHER_REPORTING_NOTE = ("What other reporting said about some of the article's claims, set "
                        "beside them. It is not scored, and your notebook keeps the article's "
                        "words: compare the two, as an analyst would.")


@dataclass(frozen=True)
class Line:
    label: str
    text: str
    typed: bool = False  # the player's own words: shown literally, escaped in files


@dataclass(frozen=True)
class Entry:
    """One decision or question worth revisiting."""

    title: str
    lines: tuple[Line, ...]
    quote: str = ""  # the article's words, without quotation marks; "" when there are none
    mark: str = ""  # a question's: ✗ nothing scored, ◐ partly right
    when: str = ""  # a decision's day and time


@dataclass(frozen=True)
class Summary:
    scores: tuple[str, ...]  # one per track, as the scorecard gives them
    overall: str
    brief_scores: tuple[str, ...]  # the same with the bands' first words only
    brief_overall: str
    ending: str  # the ending's title, or what stands in for one
    decisions_heading: str  # with how many fell short, when some did
    decisions: tuple[Entry, ...]
    decisions_note: str  # what to say instead, when none is listed
    questions_heading: str
    questions: tuple[Entry, ...]  # every question worth revisiting, most points lost first
    questions_note: str
    nothing_to_revisit: bool  # every call the best on offer, every answer right
    replay: str = ""  # how many endings and routes there are to play again for
    forecasts: str = ""  # the forecasts settled, in one line ("" when there were none)
    brief_forecasts: str = ""  # the same in one screen row, for the full-screen summary


def plural(value: float, word: str) -> str:
    return f"{points(value)} {word}{'' if value == 1 else 's'}"


def short_label(label: str) -> str:
    """A band or grade label's first words: "Solid" of "Solid: careful, with a few loose
    attributions" (the screen's summary has room for no more)."""
    return label.split(":", 1)[0].strip()


def track_score(track: TrackScore, brief: bool = False) -> str:
    """A track as the scorecard gives it, in the game's words for a score (score_words):
    "Tradecraft: 18 of 22 points (81.8%), Solid: careful ...". ``brief``, for the screen's
    summary, which has room for no more: "Tradecraft 18 of 22 (81.8%, Solid)", a gauge as
    "Escalation risk 3, not graded"."""
    if not brief:
        return track_words(track, Form.LINE)
    words = track_words(track, Form.BAR)
    if not track.graded:
        return f"{words}, not graded"
    if track.available <= 0:
        return f"{words}, none on offer yet"
    band = short_label(track.band) if track.band and track.band != "—" else ""
    return f"{words} ({percent(share_of(track.earned, track.available))}" + (
        f", {band})" if band else ")")


def overall_score(debrief: Debrief, brief: bool = False) -> str:
    card = debrief.scorecard
    return overall_words(card.percent, short_label(card.grade) if brief else card.grade)


def ending_line(debrief: Debrief) -> str:
    if debrief.ending_title:
        return f"Ending: {debrief.ending_title}"
    return "The week is not over yet: these are the scores so far."


def decision_entry(review: DecisionReview) -> Entry:
    better = review.better
    if better is None:  # not listed by the engine; kept whole for a caller that asks
        return Entry(review.scene_title, (Line("You chose", review.choice),), review.source,
                     when=review.when)
    return Entry(f"{review.scene_title} — {plural(better.short_by, 'point')} below the best call",
                 (Line("You chose", review.choice), Line("A better call", better.text)),
                 review.source, when=review.when)


def question_entry(review: QuestionReview) -> Entry:
    answered = Line("Your answer", review.your_answer, typed=True)
    if review.retry_answer:
        answered = Line("Your answers", f"{review.your_answer}; then {review.retry_answer}",
                        typed=True)
    return Entry(f"{review.ask} ({points(review.points)} of {points(review.max_points)})",
                 (answered, Line("Right answer", review.right_answer)), review.source,
                 mark="◐" if review.points > 0 else "✗")


def decisions_heading(debrief: Debrief) -> str:
    short = sum(1 for d in debrief.decisions if d.better is not None)
    if not short:
        return DECISIONS_HEADING
    return f"{DECISIONS_HEADING} ({short} of {len(debrief.decisions)} below the best call)"


def decisions_note(debrief: Debrief, listed: int) -> str:
    if not debrief.decisions:
        return "No decisions in this game." if debrief.ended else "No decisions yet."
    return "" if listed else "Every decision was the best call on offer."


def questions_heading(debrief: Debrief, listed: int) -> str:
    if not listed:
        return QUESTIONS_HEADING
    return f"{QUESTIONS_HEADING} ({listed} of {len(debrief.questions)} missed or partly right)"


def questions_note(debrief: Debrief, listed: int) -> str:
    if not debrief.questions:
        return "No questions in this game." if debrief.ended else "No questions answered yet."
    return "" if listed else "Every answer was right."


def summarise(debrief: Debrief) -> Summary:
    decisions = decisions_to_revisit(debrief)
    questions = questions_to_revisit(debrief)
    return Summary(
        scores=tuple(track_score(t) for t in debrief.scorecard.tracks),
        overall=overall_score(debrief),
        brief_scores=tuple(track_score(t, brief=True) for t in debrief.scorecard.tracks),
        brief_overall=overall_score(debrief, brief=True),
        ending=ending_line(debrief),
        decisions_heading=decisions_heading(debrief),
        decisions=tuple(decision_entry(d) for d in decisions),
        decisions_note=decisions_note(debrief, len(decisions)),
        questions_heading=questions_heading(debrief, len(questions)),
        questions=tuple(question_entry(q) for q in questions),
        questions_note=questions_note(debrief, len(questions)),
        nothing_to_revisit=(not decisions and not questions
                            and bool(debrief.decisions or debrief.questions)),
        replay=replay_line(debrief),
        forecasts=forecasts_line(debrief),
        brief_forecasts=forecasts_line(debrief, brief=True),
    )


def forecasts_line(debrief: Debrief, brief: bool = False) -> str:
    """'Forecasts: 3 settled, +2.41 Judgement (mean Brier score 0.08; 0 is perfect). The
    detail shows each beside what happened.'"""
    if not debrief.forecasts:
        return ""
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    by_track: dict[str, float] = {}
    for forecast in debrief.forecasts:
        by_track[forecast.track] = by_track.get(forecast.track, 0.0) + forecast.points
    scores = ", ".join(f"{signed(round(value, 2))} {names.get(track, track)}"
                       for track, value in by_track.items())
    brier = sum(f.brier for f in debrief.forecasts) / len(debrief.forecasts)
    if brief:
        return f"Forecasts: {len(debrief.forecasts)}, {scores}, mean Brier {brier:.2f} (0 is best)"
    return (f"Forecasts: {len(debrief.forecasts)} settled, {scores} (mean Brier score "
            f"{brier:.2f}; 0 is perfect). The detail shows each beside what happened.")



ARTICLE_HEADING = "The article"


def article_paragraphs(text: str) -> list[str]:
    """The article's paragraphs (split at blank lines), each on one line: its words as
    written, for each front end to escape."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def replay_line(debrief: Debrief) -> str:
    """After the week: how many endings and routes there are, to play again for ("" when
    there is one of each, or the week is not over)."""
    if not debrief.ended or not debrief.endings or (debrief.endings, debrief.routes) == (1, 1):
        return ""
    routes = "many routes" if debrief.routes is None else plural(debrief.routes, "route")
    return (f"This week has {plural(debrief.endings, 'ending')} and {routes} through it: "
            "play again to find the others.")


ALL_RIGHT = ("Every decision was the best call on offer and every answer was right: "
             "nothing to revisit.")


def more_questions(count: int) -> str:
    """Said where some questions worth revisiting are left out of the summary."""
    return f"{plural(count, 'more question')} to revisit in the detail below."
