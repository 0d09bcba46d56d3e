"""The debrief written out as Markdown: for the TUI's debrief screen, and for anything printed."""

from __future__ import annotations

import re

from .content.facts import fact_label
from .engine import (
    HINT_COST,
    OLDER_VERSION_NOTE,
    OTHER_REPORTING_NOTE,
    RETRY_SHARE,
    Debrief,
    OtherReporting,
    percent,
    played_by as engine_played_by,
    Scorecard,
)
from .score_words import Form, effects_words, overall_words, points, track_words

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escape(text: str) -> str:
    """Player input and quotes shown literally: no Markdown links, emphasis or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def scorecard_markdown(card: Scorecard) -> str:
    rows = ["| Track | Score | Band |", "|---|---|---|"]
    for t in card.tracks:
        rows.append(f"| {t.name} | {track_words(t, Form.CELL)} | {t.band} |")
    return "\n".join(rows) + f"\n\n**{overall_words(card.percent, card.grade)}**"


def debrief_markdown(debrief: Debrief) -> str:
    parts = [f"# Debrief: {debrief.title}"]
    who = played_by(debrief)
    if who:
        parts.append(who)
    if debrief.ending_title:
        parts.append(f"## {debrief.ending_title}\n\n{debrief.ending_body.strip()}\n\n"
                     f"{debrief.assessment.strip()}")
    elif not debrief.ended:
        parts.append("*The week is not over yet: these are the scores so far.*")
    if debrief.older_version:
        parts.append(f"*{OLDER_VERSION_NOTE}*")
    parts.append("## Scores\n\n" + scorecard_markdown(debrief.scorecard))
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    parts.append("## Your decisions")
    if not debrief.decisions:
        parts.append("*No decisions yet.*")
    for n, d in enumerate(debrief.decisions, 1):
        effects = effects_words(d.effects, names)
        block = [f"### {n}. {d.scene_title} ({d.when})",
                 f"**You chose:** {escape(d.choice)}",
                 f"**Why it scored {effects or 'nothing'}:** {d.feedback.strip()}"]
        if d.what_happened:
            block.append(f"**What the article reports:** {d.what_happened.strip()}")
            block.append(f"> “{escape(d.source)}”")
        parts.append("\n\n".join(block))
    if debrief.other_reporting:
        parts.append(other_reporting_markdown(debrief.other_reporting))
    parts.append("## Your answers")
    if not debrief.questions:
        parts.append("*No questions answered yet.*")
    for n, q in enumerate(debrief.questions, 1):
        mark = "✓" if q.correct else ("◐" if q.points > 0 else "✗")
        block = [f"### {mark} {n}. {escape(q.ask)}"]
        if q.retry_answer:
            block.append(f"**Your answer:** {escape(q.your_answer)}")
            block.append(f"**Second try, for {percent(RETRY_SHARE)} of the points:** "
                         f"{escape(q.retry_answer)} — {points(q.points)} of "
                         f"{points(q.max_points)} in all")
        else:
            block.append(f"**Your answer:** {escape(q.your_answer)} — {points(q.points)} of "
                         f"{points(q.max_points)}")
        if q.hinted:
            block.append(f"*With the hint (−{percent(HINT_COST)} of the points).*")
        block += [f"**Right answer:** {escape(q.right_answer)}", q.explanation.strip(),
                  f"> “{escape(q.source)}”"]
        parts.append("\n\n".join(block))
    return "\n\n".join(parts) + "\n"


def other_reporting_markdown(items: tuple[OtherReporting, ...]) -> str:
    """Each item of other reporting with its citation, beside the article's claims."""
    parts = ["## Other reporting", f"*{OTHER_REPORTING_NOTE}*"]
    for item in items:
        report = item.report
        byline = f", by {escape(report.author)}" if report.author else ""
        block = [f"### {escape(report.outlet)}, {escape(report.date)}",
                 f"“{escape(report.title)}”{byline}."
                 + (f" {escape(report.url)}" if report.url else "")]
        for fact in item.facts:
            block += [f"**The article ({escape(fact_label(fact))}):** {escape(fact.text)}",
                      f"> “{escape(fact.source)}”"]
        block += [f"**{escape(report.outlet)}:**", f"> “{escape(report.quote)}”"]
        if report.note.strip():
            block.append(f"**What differs:** {escape(report.note)}")
        parts.append("\n\n".join(block))
    return "\n\n".join(parts)


def played_by(debrief: Debrief) -> str:
    """Who played and how, in italics (typed names escaped: shown as typed, never as markup)."""
    text = engine_played_by(debrief, name=lambda typed: f"**{escape(typed)}**",
                            class_code=escape)
    return f"*{text}*" if text else ""
