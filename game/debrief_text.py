"""The debrief written out as Markdown: for the TUI's debrief screen, and for the file a player
saves. One function per section, each from the ``Debrief`` alone; the TUI lays the detail out
block by block (``detail_sections``), a file joins it all (``debrief_markdown``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .asked_again_words import ASKED_AGAIN, missed_words
from .content.models import Fact
from .debrief_summary import (
    ARTICLE_HEADING,
    OTHER_REPORTING_NOTE,
    ALL_RIGHT,
    article_paragraphs,
    replay_line,
    Entry,
    fact_label,
    more_questions,
    summarise,
)
from .engine import (
    HINT_COST,
    OLDER_VERSION_NOTE,
    QUESTIONS_TO_REVISIT,
    RETRY_SHARE,
    Debrief,
    OtherReporting,
    percent,
    played_by as engine_played_by,
    Scorecard,
)
from .forecast_words import FORECASTS_NOTE, brier_words
from .prose import in_quotes, title_and_byline
from .score_words import Form, effects_words, overall_words, points, signed, track_words

if TYPE_CHECKING:  # the review types, named in annotations only
    from .engine.debrief import DecisionReview, QuestionReview

# What can make Markdown of a text inside a line: emphasis, code, links (their brackets; the
# parentheses and "!" after them then do nothing), HTML and autolinks, entities, tables,
# strikethrough, a heading's closing hashes. Escaped text never starts a line, so list and
# quote markers (1. - + >) at a line's start cannot arise and are left as typed.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")


def escape(text: str) -> str:
    """Player input and quotes shown literally, on one line: no Markdown links, emphasis or
    HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@dataclass(frozen=True)
class Section:
    """A part of the debrief's detail: its heading, then blocks of Markdown that each stand
    alone (one decision, one answer, one fact), so that a screen can lay out a few at a time."""

    heading: str
    blocks: tuple[str, ...]

    def markdown(self) -> str:
        return "\n\n".join((self.heading, *self.blocks))


# -- the file's opening and the summary -------------------------------------------------------

def title_markdown(debrief: Debrief) -> str:
    who = played_by(debrief)
    return f"# Debrief: {escape(debrief.title)}" + (f"\n\n{who}" if who else "")


def summary_markdown(debrief: Debrief) -> str:
    summary = summarise(debrief)
    parts = ["## Summary", " · ".join(summary.scores) + f"  \n**{summary.overall}** · "
             f"{escape(summary.ending)}"]
    if summary.forecasts:
        parts.append(escape(summary.forecasts))
    if summary.replay:
        parts.append(f"*{summary.replay}*")
    if summary.nothing_to_revisit:
        return "\n\n".join([*parts, f"*{ALL_RIGHT}*"])
    parts.append(f"### {summary.decisions_heading}")
    parts += [entry_markdown(f"{n}. ", e) for n, e in enumerate(summary.decisions, 1)]
    if summary.decisions_note:
        parts.append(f"*{summary.decisions_note}*")
    parts.append(f"### {summary.questions_heading}")
    shown = summary.questions[:QUESTIONS_TO_REVISIT]
    parts += [entry_markdown("", e) for e in shown]
    left = len(summary.questions) - len(shown)
    note = more_questions(left) if left else summary.questions_note
    if note:
        parts.append(f"*{note}*")
    return "\n\n".join(parts)


def entry_markdown(number: str, entry: Entry) -> str:
    lines = "  \n".join(f"{line.label}: {escape(line.text)}" for line in entry.lines)
    when = f" ({escape(entry.when)})" if entry.when else ""
    block = f"**{number}{escape(entry.title)}**{when}\n\n{lines}"
    return block + (f"\n\n> {escape(in_quotes(entry.quote))}" if entry.quote else "")


# -- the detail, section by section ----------------------------------------------------------

def ending_section(debrief: Debrief, replay: bool = False) -> Section:
    """``replay``: end with what there is to play again for (the full-screen debrief, whose
    one-screen summary has no row to spare for it; the files say it in their summary)."""
    blocks = []
    if debrief.ending_title:
        heading = f"## {debrief.ending_title}"
        blocks += [b for b in (debrief.ending_body.strip(), debrief.assessment.strip()) if b]
    else:
        heading = "## The week so far"
        if not debrief.ended:
            blocks.append("*The week is not over yet: these are the scores so far.*")
    if replay and replay_line(debrief):
        blocks.append(f"*{replay_line(debrief)}*")
    if debrief.older_version:
        blocks.append(f"*{OLDER_VERSION_NOTE}*")
    return Section(heading, tuple(blocks))


def scorecard_markdown(card: Scorecard) -> str:
    rows = ["| Track | Score | Band |", "|---|---|---|"]
    for t in card.tracks:
        rows.append(f"| {t.name} | {track_words(t, Form.CELL)} | {t.band} |")
    return "\n".join(rows) + f"\n\n**{overall_words(card.percent, card.grade)}**"


def scores_section(debrief: Debrief) -> Section:
    return Section("## Scores", (scorecard_markdown(debrief.scorecard),))


def decisions_section(debrief: Debrief) -> Section:
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    blocks = [decision_markdown(n, d, names) for n, d in enumerate(debrief.decisions, 1)]
    return Section("## Your decisions", tuple(blocks) or ("*No decisions yet.*",))


def decision_markdown(n: int, d: DecisionReview, names: dict[str, str]) -> str:
    effects = effects_words(d.effects, names)
    block = [f"### {n}. {d.scene_title} ({d.when})",
             f"**You chose:** {escape(d.choice)}",
             f"**Why it scored {effects or 'nothing'}:** {d.feedback.strip()}"]
    if d.better is not None:
        better = f"**A better call on offer:** {escape(d.better.text)}"
        scored = effects_words(dict(d.better.effects), names)
        block.append(better + (f" ({scored})" if scored else "")
                     + (f" — {d.better.feedback.strip()}" if d.better.feedback.strip() else ""))
    if d.what_happened:
        block.append(f"**What the article reports:** {d.what_happened.strip()}")
        block.append(f"> {escape(in_quotes(d.source))}")
    return "\n\n".join(block)


def answers_section(debrief: Debrief) -> Section:
    blocks = [answer_markdown(n, q) for n, q in enumerate(debrief.questions, 1)]
    return Section("## Your answers", tuple(blocks) or ("*No questions answered yet.*",))


def answer_markdown(n: int, q: QuestionReview) -> str:
    mark = "✓" if q.correct else ("◐" if q.points > 0 else "✗")
    block = [f"### {mark} {n}. {escape(q.ask)}"]
    if q.missed_on:
        block.append(f"**{ASKED_AGAIN}:** {escape(missed_words(q.missed_on))}")
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
              f"> {escape(in_quotes(q.source))}"]
    return "\n\n".join(block)


def forecasts_section(debrief: Debrief) -> Section:
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    return Section("## Your forecasts", (f"*{FORECASTS_NOTE}*", *(
        forecast_markdown(n, f, names.get(f.track, f.track))
        for n, f in enumerate(debrief.forecasts, 1))))


def forecast_markdown(n: int, f, track_name: str) -> str:
    """One settled forecast: the question, the likelihood given beside the outcome, the
    article's words, the Brier score and points, and why."""
    q = f.question
    where = "" if f.scene else " (settled at the end of the week)"
    block = [f"### {n}. {escape(q.ask)}",
             f"**Your forecast:** {escape(f.term.label)}",
             f"**Outcome:** {f.outcome.rstrip('.')}{where}. {q.resolution.strip()}".rstrip(),
             f"> {escape(in_quotes(q.source))}",
             f"**Brier score:** {brier_words(f.brier)} — {signed(f.points)} of "
             f"{points(f.out_of)} {escape(track_name)}"]
    if q.explanation.strip():
        block.append(q.explanation.strip())
    return "\n\n".join(block)


def notebook_section(debrief: Debrief) -> Section:
    blocks = [fact_markdown(n, f) for n, f in enumerate(debrief.notebook, 1)]
    return Section("## Your notebook", tuple(blocks) or ("*No facts in your notebook.*",))


def fact_markdown(n: int, fact: Fact) -> str:
    return (f"{n}. **{escape(fact_label(fact))}** {fact.text.strip()}\n\n"
            f"> {escape(in_quotes(fact.source))}")


def detail_sections(debrief: Debrief, replay: bool = False) -> list[Section]:
    """Everything below the summary, in order (the TUI's detail, the file's body)."""
    sections = [ending_section(debrief, replay), scores_section(debrief),
                decisions_section(debrief)]
    if debrief.other_reporting:  # after the week, beside the article's claims it bears on
        sections.append(other_reporting_section(debrief))
    sections.append(answers_section(debrief))
    if debrief.forecasts:
        sections.append(forecasts_section(debrief))
    sections.append(notebook_section(debrief))
    if debrief.article.strip():  # after the week: the whole article, as written
        sections.append(Section(f"## {ARTICLE_HEADING}", tuple(
            escape(p) for p in article_paragraphs(debrief.article))))
    return sections


def debrief_markdown(debrief: Debrief) -> str:
    """The whole debrief, summary first, as the Markdown file a player saves."""
    parts = [title_markdown(debrief), summary_markdown(debrief)]
    parts += [section.markdown() for section in detail_sections(debrief)]
    return "\n\n".join(parts) + "\n"


def other_reporting_section(debrief: Debrief) -> Section:
    """Each item of other reporting with its citation, beside the article's claims."""
    return Section("## Other reporting",
                   (f"*{OTHER_REPORTING_NOTE}*",
                    *(other_reporting_block(item) for item in debrief.other_reporting)))


def other_reporting_block(item: OtherReporting) -> str:
    report = item.report
    named = title_and_byline(report.title, report.author, escape)
    cited = " ".join(filter(None, [f"{named[:1].upper()}{named[1:]}." if named else "",
                                   escape(report.url) if report.url else ""]))
    block = [f"### {escape(report.outlet)}, {escape(report.date)}"] + ([cited] if cited else [])
    for fact in item.facts:
        block += [f"**The article ({escape(fact_label(fact))}):** {escape(fact.text)}",
                  f"> {escape(in_quotes(fact.source))}"]
    block += [f"**{escape(report.outlet)}:**", f"> {escape(in_quotes(report.quote))}"]
    if report.note.strip():
        block.append(f"**What differs:** {escape(report.note)}")
    return "\n\n".join(block)


def played_by(debrief: Debrief) -> str:
    """Who played and how, in italics (typed names escaped: shown as typed, never as markup)."""
    text = engine_played_by(debrief, name=lambda typed: f"**{escape(typed)}**",
                            class_code=escape)
    return f"*{text}*" if text else ""
