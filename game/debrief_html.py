"""The debrief as one printable HTML file, the summary first: inline CSS, no scripts, nothing
fetched (the house style of game/classroom/report_html.py).

Everything is escaped on its way in. What the player typed (a name, an answer) is shown as
text, never as markup; the author's Markdown (feedback, explanations, the ending) goes through
the same safe renderer as the handout. One function per section, from the ``Debrief`` alone.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
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
    percent,
    played_by,
)

from .markdown_html import author_markdown_html
from .forecast_words import FORECASTS_NOTE, brier_words
from .prose import in_quotes, title_and_byline
from .score_words import Form, effects_words, overall_words, points, signed, track_words

if TYPE_CHECKING:  # the review types, named in annotations only
    from .engine.debrief import DecisionReview, QuestionReview

STYLE = """
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
.meta, .dim { color: #555; font-size: .9rem; }
.summary { border: 2px solid #333; border-radius: .3rem; padding: .2rem 1rem .6rem; }
.summary h2 { margin-top: .6rem; }
.scores { margin: .3rem 0; padding-left: 1.2rem; }
.entry, .decision, .answer { margin: .6rem 0; }
.entry p, .decision p, .answer p { margin: .2rem 0; }
.mark { font-weight: bold; }
table { border-collapse: collapse; margin: .4rem 0 1rem; min-width: 24rem; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #333; }
td.num, th.num { text-align: right; white-space: nowrap; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #999;
             font-style: italic; }
.label { font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  .summary { break-after: page; }
  .entry, .decision, .answer, blockquote, table { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""


def esc(value: object) -> str:
    """Text shown exactly as it is: on one line, without control characters, escaped."""
    text = "".join(ch for ch in str(value) if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    return escape(" ".join(text.split()), quote=True)


_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>\n?$", re.S)


def authored(text: str) -> str:
    """An author's Markdown as HTML blocks (paragraphs, lists), made safe."""
    return author_markdown_html(text.strip()) if text.strip() else ""


def authored_inline(text: str) -> str:
    """An author's Markdown to follow a label on one line: one paragraph loses its <p>."""
    html = authored(text)
    one = _ONE_PARAGRAPH.match(html)
    return one.group(1) if one and "<p>" not in one.group(1) else html


def quote(text: str) -> str:
    return f"<blockquote>{esc(in_quotes(text))}</blockquote>" if text.strip() else ""


def labelled(label: str, html: str) -> str:
    return f'<p><span class="label">{esc(label)}:</span> {html}</p>'


# -- the opening and the summary --------------------------------------------------------------

def title_html(debrief: Debrief) -> str:
    who = played_by(debrief, name=lambda typed: f"<b>{esc(typed)}</b>", class_code=esc)
    return f"<h1>Debrief: {esc(debrief.title)}</h1>" + (
        f'\n<p class="meta">{who}</p>' if who else "")


def entry_html(entry: Entry) -> str:
    lines = "".join(labelled(line.label, esc(line.text)) for line in entry.lines)
    when = f' <span class="dim">({esc(entry.when)})</span>' if entry.when else ""
    return (f'<li class="entry"><p><b>{esc(entry.title)}</b>{when}</p>{lines}'
            f"{quote(entry.quote)}</li>")


def summary_html(debrief: Debrief) -> str:
    summary = summarise(debrief)
    parts = ["<h2>Summary</h2>",
             '<ul class="scores">' + "".join(f"<li>{esc(s)}</li>" for s in summary.scores)
             + "</ul>",
             f"<p><b>{esc(summary.overall)}</b> · {esc(summary.ending)}</p>"]
    if summary.forecasts:
        parts.append(f"<p>{esc(summary.forecasts)}</p>")
    if summary.replay:
        parts.append(f"<p><i>{esc(summary.replay)}</i></p>")
    if summary.nothing_to_revisit:
        parts.append(f"<p>{esc(ALL_RIGHT)}</p>")
    else:
        parts.append(f"<h3>{esc(summary.decisions_heading)}</h3>")
        if summary.decisions:
            parts.append("<ol>" + "".join(entry_html(e) for e in summary.decisions) + "</ol>")
        if summary.decisions_note:
            parts.append(f'<p class="dim">{esc(summary.decisions_note)}</p>')
        parts.append(f"<h3>{esc(summary.questions_heading)}</h3>")
        shown = summary.questions[:QUESTIONS_TO_REVISIT]
        if shown:
            parts.append("<ul>" + "".join(entry_html(e) for e in shown) + "</ul>")
        left = len(summary.questions) - len(shown)
        note = more_questions(left) if left else summary.questions_note
        if note:
            parts.append(f'<p class="dim">{esc(note)}</p>')
    return '<section class="summary">\n' + "\n".join(parts) + "\n</section>"


# -- the detail, section by section ----------------------------------------------------------

def ending_html(debrief: Debrief) -> str:
    parts = []
    if debrief.ending_title:
        parts += [f"<h2>{esc(debrief.ending_title)}</h2>", authored(debrief.ending_body),
                  authored(debrief.assessment)]
    elif not debrief.ended:
        parts.append("<p><i>The week is not over yet: these are the scores so far.</i></p>")
    if debrief.older_version:
        parts.append(f'<p class="dim">{esc(OLDER_VERSION_NOTE)}</p>')
    return "\n".join(p for p in parts if p)


def article_html(debrief: Debrief) -> str:
    """After the week: the whole article, as written (escaped: it is data, not markup)."""
    if not debrief.article.strip():
        return ""
    return (f"<h2>{esc(ARTICLE_HEADING)}</h2>\n"
            + "\n".join(f"<p>{esc(p)}</p>" for p in article_paragraphs(debrief.article)))


def scores_html(debrief: Debrief) -> str:
    card = debrief.scorecard
    rows = ["<tr><th>Track</th><th>Score</th><th>Band</th></tr>"]
    rows += [f"<tr><td>{esc(t.name)}</td><td>{esc(track_words(t, Form.CELL))}</td>"
             f"<td>{esc(t.band)}</td></tr>" for t in card.tracks]
    return ("<h2>Scores</h2>\n<table>" + "".join(rows) + "</table>\n"
            f"<p><b>{esc(overall_words(card.percent, card.grade))}</b></p>")


def decision_html(n: int, d: DecisionReview, names: dict[str, str]) -> str:
    effects = effects_words(d.effects, names)
    parts = [f"<h3>{n}. {esc(d.scene_title)} ({esc(d.when)})</h3>",
             labelled("You chose", esc(d.choice)),
             labelled(f"Why it scored {effects or 'nothing'}", authored_inline(d.feedback))]
    if d.better is not None:
        scored = effects_words(dict(d.better.effects), names)
        why = authored_inline(d.better.feedback)
        parts.append(labelled("A better call on offer", esc(d.better.text)
                              + (f" ({esc(scored)})" if scored else "")
                              + (f" — {why}" if why else "")))
    if d.what_happened:
        parts += [labelled("What the article reports", authored_inline(d.what_happened)),
                  quote(d.source)]
    return '<div class="decision">' + "".join(parts) + "</div>"


def decisions_html(debrief: Debrief) -> str:
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    blocks = [decision_html(n, d, names) for n, d in enumerate(debrief.decisions, 1)]
    return "<h2>Your decisions</h2>\n" + ("\n".join(blocks) or "<p><i>No decisions yet.</i></p>")


def other_reporting_html(debrief: Debrief) -> str:
    """What other reporting said, each item beside the article's claims it bears on."""
    if not debrief.other_reporting:
        return ""
    blocks = [f"<h2>Other reporting</h2>\n<p><i>{esc(OTHER_REPORTING_NOTE)}</i></p>"]
    for item in debrief.other_reporting:
        report = item.report
        named = title_and_byline(report.title, report.author, esc)
        cited = " ".join(filter(None, [f"{named[:1].upper()}{named[1:]}." if named else "",
                                       esc(report.url) if report.url else ""]))
        parts = [f"<h3>{esc(report.outlet)}, {esc(report.date)}</h3>"]
        if cited:
            parts.append(f"<p>{cited}</p>")
        for fact in item.facts:
            parts += [labelled(f"The article ({fact_label(fact)})", esc(fact.text)),
                      quote(fact.source)]
        parts += [f'<p><span class="label">{esc(report.outlet)}:</span></p>', quote(report.quote)]
        if report.note.strip():
            parts.append(labelled("What differs", esc(report.note)))
        blocks.append('<div class="decision">' + "".join(parts) + "</div>")
    return "\n".join(blocks)


def answer_html(n: int, q: QuestionReview) -> str:
    mark = "✓" if q.correct else ("◐" if q.points > 0 else "✗")
    parts = [f'<h3><span class="mark">{mark}</span> {n}. {esc(q.ask)}</h3>']
    if q.missed_on:
        parts.append(labelled(ASKED_AGAIN, esc(missed_words(q.missed_on))))
    if q.retry_answer:
        parts += [labelled("Your answer", esc(q.your_answer)),
                  labelled(f"Second try, for {percent(RETRY_SHARE)} of the points",
                           f"{esc(q.retry_answer)} — {points(q.points)} of "
                           f"{points(q.max_points)} in all")]
    else:
        parts.append(labelled("Your answer", f"{esc(q.your_answer)} — {points(q.points)} of "
                                             f"{points(q.max_points)}"))
    if q.hinted:
        parts.append(f"<p><i>With the hint (−{esc(percent(HINT_COST))} of the points).</i></p>")
    parts += [labelled("Right answer", esc(q.right_answer)), authored(q.explanation),
              quote(q.source)]
    return '<div class="answer">' + "".join(parts) + "</div>"


def answers_html(debrief: Debrief) -> str:
    blocks = [answer_html(n, q) for n, q in enumerate(debrief.questions, 1)]
    return "<h2>Your answers</h2>\n" + ("\n".join(blocks)
                                        or "<p><i>No questions answered yet.</i></p>")


def forecasts_html(debrief: Debrief) -> str:
    """Each settled forecast beside its outcome, with its Brier score and points."""
    if not debrief.forecasts:
        return ""
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    blocks = []
    for n, f in enumerate(debrief.forecasts, 1):
        q = f.question
        where = "" if f.scene else " (settled at the end of the week)"
        blocks.append('<div class="answer">' + "".join([
            f"<h3>{n}. {esc(q.ask)}</h3>",
            labelled("Your forecast", esc(f.term.label)),
            labelled("Outcome", esc(f.outcome.rstrip(".") + where + ".")),
            authored(q.resolution) if q.resolution.strip() else "",
            quote(q.source),
            labelled("Brier score", f"{brier_words(f.brier)} — {esc(signed(f.points))} of "
                                    f"{points(f.out_of)} {esc(names.get(f.track, f.track))}"),
            authored(q.explanation)]) + "</div>")
    return (f"<h2>Your forecasts</h2>\n<p><i>{esc(FORECASTS_NOTE)}</i></p>\n"
            + "\n".join(blocks))


def fact_html(fact: Fact) -> str:
    return (f"<li><b>{esc(fact_label(fact))}</b> {authored_inline(fact.text)}"
            f"{quote(fact.source)}</li>")


def notebook_html(debrief: Debrief) -> str:
    items = "".join(fact_html(f) for f in debrief.notebook)
    return "<h2>Your notebook</h2>\n" + (f"<ol>{items}</ol>" if items
                                         else "<p><i>No facts in your notebook.</i></p>")


def debrief_html(debrief: Debrief) -> str:
    """The whole debrief, summary first, as one self-contained printable page."""
    body = [title_html(debrief), summary_html(debrief), ending_html(debrief),
            scores_html(debrief), decisions_html(debrief), other_reporting_html(debrief),
            answers_html(debrief), forecasts_html(debrief), notebook_html(debrief),
            article_html(debrief)]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Debrief: {esc(debrief.title)}</title>\n<style>{STYLE}</style>\n"
            "</head>\n<body>\n" + "\n".join(p for p in body if p) + "\n</body>\n</html>\n")
