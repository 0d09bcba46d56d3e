"""What plain mode prints in one go: the help, the notebook, the scores and the debrief."""

from __future__ import annotations

from ..asked_again_words import ASKED_AGAIN, missed_words
from ..content.facts import fact_label, status_key
from ..content.glossary import reached_glossary
from ..engine import (
    HINT_COST,
    HINT_MODES,
    OLDER_VERSION_NOTE,
    RETRY_MODES,
    RETRY_SHARE,
    build_debrief,
    Debrief,
    OtherReporting,
    Mode,
    percent,
    played_by as engine_played_by,
    QUESTIONS_TO_REVISIT,
    Scorecard,
    Story,
)
from ..debrief_summary import (ALL_RIGHT, ARTICLE_HEADING, OTHER_REPORTING_NOTE, Entry,
                               article_paragraphs, more_questions, replay_line, summarise)
from ..forecast_words import FORECASTS_NOTE, brier_words
from ..prose import in_quotes, labelled, sentence, title_and_byline
from ..score_words import Form, effects_words, overall_words, signed, track_words
from .answer_forms import ANSWER_FORMS
from .text import Heading, labelled_text, markdown_text, one_line, points


# How the debrief is kept, said by the help: a terminal offers a file, a web page is one.
SAVE_AS_FILE = "Then you may save it all as a file, Markdown or a web page you can print."


def help_lines(mode: Mode, debrief_kept: str = SAVE_AS_FILE) -> list[str]:
    lines = [
        Heading("Help.", 2),
        "Each scene is printed, then its recall questions, then your decision.",
        "Answer with the numbers shown:",
        *(f"  {kind.help}" for kind in ANSWER_FORMS.values()),
        "Commands, at any prompt:",
        "  n or notebook: your facts, with status and source, and the glossary.",
        "  h or help: this help.",
    ]
    if mode in HINT_MODES:
        lines.append(f"  hint: the question's hint; it costs {percent(HINT_COST)} of the "
                     "question's points.")
    lines.append("  q or quit: save and stop. Play again later to continue.")
    if mode in RETRY_MODES:
        lines.append(f"Practice mode: after an answer that is not fully right you may try "
                     f"once more for {percent(RETRY_SHARE)} of the points, unless only one "
                     "answer would be left (true or false, a choice of two). The question "
                     "keeps the better of your two tries.")
    elif mode is Mode.EXAM:
        lines.append("Exam mode: answers are only recorded; the debrief at the end shows "
                     "every answer and how it scored.")
    lines.append("The game saves after every answer and every decision.")
    lines.append("At the end comes the debrief, its summary first: your scores, and the "
                 f"decisions and questions most worth revisiting. {debrief_kept}")
    return lines


def notebook_lines(story: Story) -> list[str]:
    pack, state = story.pack, story.state
    facts = build_debrief(pack, state).notebook
    lines = [Heading(f"Your notebook: {len(facts)} fact{'' if len(facts) == 1 else 's'}.", 2)]
    for n, fact in enumerate(facts, 1):
        lines.append(f"{n}. " + labelled(fact_label(fact), one_line(fact.text)))
        lines.append(f"   Source: {in_quotes(one_line(fact.source))}")
    if facts:
        lines += ["What the labels mean:", *(f"  {line}" for line in status_key())]
    glossary = reached_glossary(pack, state.visited)
    lines.append(f"Glossary: {len(glossary)} term{'' if len(glossary) == 1 else 's'}.")
    for entry in glossary:
        lines.append("- " + labelled(one_line(entry.term), one_line(entry.meaning)))
    lines.append("End of the notebook.")
    return lines


def score_line(story: Story) -> str:
    """The running scores in one line (none in exam mode, where they would give answers away)."""
    if story.state.mode is Mode.EXAM:
        return "Scores: in the debrief (exam mode)."
    return "Scores: " + ", ".join(track_words(t, Form.BAR)
                                  for t in story.scorecard().tracks) + "."


def scorecard_lines(card: Scorecard) -> list[str]:
    lines = []
    for t in card.tracks:
        lines.append(sentence(track_words(t, Form.LINE)))
    lines.append(sentence(overall_words(card.percent, card.grade)))
    return lines


def played_by(debrief: Debrief) -> str:
    return engine_played_by(debrief, name=one_line, class_code=one_line)


def summary_lines(debrief: Debrief) -> list[str]:
    """The summary the debrief starts with: the scores, the ending, and what is most worth
    revisiting, each with the article's words."""
    summary = summarise(debrief)
    lines = ["", Heading("Summary."), *(sentence(score) for score in summary.scores),
             sentence(summary.overall), sentence(summary.ending)]
    if summary.forecasts:
        lines.append(summary.forecasts)
    if summary.replay:
        lines.append(summary.replay)
    if summary.nothing_to_revisit:
        return lines + ["", ALL_RIGHT]
    lines += ["", Heading(sentence(summary.decisions_heading))]
    for n, entry in enumerate(summary.decisions, 1):
        lines += entry_lines(f"{n}. ", entry)
    if summary.decisions_note:
        lines.append(summary.decisions_note)
    lines += ["", Heading(sentence(summary.questions_heading))]
    shown = summary.questions[:QUESTIONS_TO_REVISIT]
    for n, entry in enumerate(shown, 1):
        lines += entry_lines(f"{n}. ", entry)
    left = len(summary.questions) - len(shown)
    note = more_questions(left) if left else summary.questions_note
    return lines + ([note] if note else [])


def entry_lines(lead: str, entry: Entry) -> list[str]:
    """One item worth revisiting: its title, then its lines and the article's words indented
    under it (the console keeps a wrapped line under its first word)."""
    when = f" ({entry.when})" if entry.when else ""
    lines = [lead + sentence(f"{one_line(entry.title)}{when}")]
    lines += [f"   {labelled(line.label, one_line(line.text))}" for line in entry.lines]
    if entry.quote:
        lines.append(f"   Source: {in_quotes(one_line(entry.quote))}")
    return lines


def debrief_lines(story: Story) -> list[str]:
    """The whole debrief: the summary first, then the detail, section by section."""
    debrief = build_debrief(story.pack, story.state)
    lines = ["", Heading(sentence(f"Debrief: {debrief.title}"), 2)]
    if played_by(debrief):
        lines.append(played_by(debrief))
    lines += summary_lines(debrief)
    lines += ["", Heading("The detail: every decision and answer, then the notebook.")]
    for section in (ending_lines, scores_lines, decisions_lines, debrief_other_reporting_lines,
                    answers_lines, forecasts_lines, debrief_notebook_lines):
        lines += section(debrief)
    return lines + ["", "End of the debrief."]


def ending_lines(debrief: Debrief) -> list[str]:
    lines = []
    if debrief.ending_title:
        lines += ["", Heading(sentence(debrief.ending_title))] + markdown_text(debrief.ending_body)
        if debrief.assessment.strip():
            lines += [""] + markdown_text(debrief.assessment)
    if debrief.older_version:
        lines += ["", OLDER_VERSION_NOTE]
    return lines


def article_lines(article: str) -> list[str]:
    """The whole article, as written: offered after the debrief, never printed unasked."""
    lines = ["", Heading(f"{ARTICLE_HEADING}.", 2)]
    for paragraph in article_paragraphs(article):
        lines += ["", one_line(paragraph)]
    return lines + ["", "End of the article."]


def scores_lines(debrief: Debrief) -> list[str]:
    return ["", Heading("Scores.")] + scorecard_lines(debrief.scorecard)


def decisions_lines(debrief: Debrief) -> list[str]:
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    lines = ["", Heading(f"Your decisions: {len(debrief.decisions)}.")]
    for n, d in enumerate(debrief.decisions, 1):
        lines += ["", f"Decision {n}: {sentence(d.scene_title)} {sentence(d.when)}"]
        lines.append(f"You chose: {one_line(d.choice)}")
        lines.append(f"Scored: {effects_words(d.effects, names) or 'no change'}.")
        lines += labelled_text("Why", d.feedback)
        if d.better is not None:
            scored = effects_words(dict(d.better.effects), names)
            lines.append(sentence(f"A better call on offer: {one_line(d.better.text)}"
                                  + (f" ({scored})" if scored else "")))
        if d.what_happened:
            lines += labelled_text("What the article reports", d.what_happened)
            lines.append(f"Source: {in_quotes(one_line(d.source))}")
    return lines


def answers_lines(debrief: Debrief) -> list[str]:
    lines = ["", Heading(f"Your answers: {len(debrief.questions)}.")]
    for n, q in enumerate(debrief.questions, 1):
        verdict = "Right" if q.correct else ("Partly right" if q.points > 0 else "Wrong")
        lines += ["", f"Question {n}, {verdict.lower()}: {one_line(q.ask)}"]
        if q.missed_on:
            lines.append(f"{ASKED_AGAIN}: {one_line(missed_words(q.missed_on))}")
        lines.append(f"Your answer: {one_line(q.your_answer)}")
        if q.retry_answer:
            lines.append(f"Second try, for {percent(RETRY_SHARE)} of the points: "
                         f"{one_line(q.retry_answer)}")
        lines.append(f"Points: {points(q.points)} of {points(q.max_points)}.")
        if q.hinted:
            lines.append(f"With the hint: {percent(HINT_COST)} of the points off.")
        lines.append(f"Right answer: {one_line(q.right_answer)}")
        lines += markdown_text(q.explanation)
        lines.append(f"Source: {in_quotes(one_line(q.source))}")
    return lines


def forecasts_lines(debrief: Debrief) -> list[str]:
    """Each settled forecast beside its outcome, with its Brier score and points."""
    if not debrief.forecasts:
        return []
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    lines = ["", Heading(f"Your forecasts: {len(debrief.forecasts)}."), FORECASTS_NOTE]
    for n, f in enumerate(debrief.forecasts, 1):
        q = f.question
        where = "" if f.scene else " (settled at the end of the week)"
        lines += ["", f"Forecast {n}: {one_line(q.ask)}",
                  f"Your forecast: {f.term.label}.",
                  f"Outcome: {f.outcome.rstrip('.')}{where}."]
        lines += markdown_text(q.resolution) if q.resolution.strip() else []
        lines.append(f"Source: {in_quotes(one_line(q.source))}")
        lines.append(f"Brier score: {brier_words(f.brier)}; {signed(f.points)} of "
                     f"{points(f.out_of)} {names.get(f.track, f.track)}.")
        lines += markdown_text(q.explanation)
    return lines


def debrief_notebook_lines(debrief: Debrief) -> list[str]:
    facts = debrief.notebook
    lines = ["", Heading(f"Your notebook: {len(facts)} fact{'' if len(facts) == 1 else 's'}.")]
    for n, fact in enumerate(facts, 1):
        lines.append(f"{n}. " + labelled(fact_label(fact), one_line(fact.text)))
        lines.append(f"   Source: {in_quotes(one_line(fact.source))}")
    return lines


def debrief_other_reporting_lines(debrief: Debrief) -> list[str]:
    return other_reporting_lines(debrief.other_reporting) if debrief.other_reporting else []


def other_reporting_lines(items: tuple[OtherReporting, ...]) -> list[str]:
    """Each item beside the article's claims. Without its address: one longer than a line
    (the campaign's are over 100 characters) would be cut by the wrapping; the handout has it."""
    lines = ["", Heading(f"Other reporting: {len(items)}."), OTHER_REPORTING_NOTE]
    for item in items:
        report = item.report
        named = title_and_byline(report.title, report.author, one_line)
        lines += ["", f"{one_line(report.outlet)}, {one_line(report.date)}"
                      + (f": {named}." if named else ".")]
        for fact in item.facts:
            lines.append(labelled(f"The article ({fact_label(fact)})", one_line(fact.text)))
            lines.append(f"   Source: {in_quotes(one_line(fact.source))}")
        lines.append(labelled(one_line(report.outlet), in_quotes(one_line(report.quote))))
        if report.note.strip():
            lines.append(labelled("What differs", one_line(report.note)))
    return lines
