"""The class report as one printable HTML file: inline CSS, no scripts, nothing fetched.

Every text is escaped on its way in (``esc``), whoever wrote it.
"""

from __future__ import annotations

from html import escape

from .. import __version__
from ..prose import in_quotes
from .report import ClassReport, Section, percent_text, short_grade, shown

NAME_LIMIT = 80

STYLE = """
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.meta, .dim { color: #555; font-size: .9rem; }
.warning { border: 2px solid #b58900; background: #fff8e1; padding: .5rem .8rem; }
.simulated { border: 3px dashed #c0392b; color: #c0392b; font-weight: bold; padding: .5rem .8rem; }
.tag { border: 1px solid #c0392b; color: #c0392b; font-size: .75rem; padding: 0 .3rem;
       border-radius: .2rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
table.narrow { width: auto; min-width: 24rem; }
table.counts { table-layout: fixed; }
table.counts .mark { width: 1.5rem; } table.counts .n { width: 4.5rem; } table.counts .b { width: 13rem; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #333; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.right td { font-weight: bold; }
.bar { display: inline-block; height: .8em; background: #2a6f97; vertical-align: middle;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #999;
             font-style: italic; }
ul.attempts { margin: .2rem 0; }
.counted { font-weight: bold; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  /* The heading, the summary and the students' table share page 1: only a small table or a
     box is kept whole; a long table breaks between rows and repeats its header row. */
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h1 { margin-top: 0; }
  h2 { margin-top: 1.2rem; }
  section.pack { break-before: page; }
  section.pack:first-of-type { break-before: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.narrow, table.counts, .question, .decision, blockquote, li { break-inside: avoid; }
  .meta, .dim { font-size: .9em; }
  h2, h3 { break-after: avoid; }
  /* Colour that carries meaning is printed, not dropped to save ink. */
  .simulated, .tag, .warning, .bar { -webkit-print-color-adjust: exact;
                                     print-color-adjust: exact; }
}
"""


def esc(value: object, limit: int | None = None) -> str:
    return escape(shown(str(value), limit), quote=True)


def bar(count: int, top: int, width_em: float = 12) -> str:
    if not top or not count:
        return ""
    return f'<span class="bar" style="width: {width_em * count / top:.2f}em"></span>'


def students_table(section: Section) -> str:
    # As in the terminal: a column that would say the same on every row goes in the heading.
    classes, modes = section.classes, section.modes
    columns: list[tuple[str, bool]] = []  # (header, numeric)
    if len(classes) > 1:
        columns.append(("Class", False))
    columns += [("Name", False)] + ([("Mode", False)] if len(modes) > 1 else [])
    columns += [(t.name + ("" if t.graded else "*"), True) for t in section.tracks]
    columns += [("Overall", True), ("Grade", False), ("Finished", False)]
    if section.several_attempts:
        columns.append(("Attempts", True))
    rows = ["<tr>" + "".join(f'<th class="num">{esc(h)}</th>' if numeric else f"<th>{esc(h)}</th>"
                             for h, numeric in columns) + "</tr>"]
    for student in section.students:
        document = student.document
        name = esc(student.name, NAME_LIMIT)
        if section.mixed_simulated and student.simulated:
            name += ' <span class="tag">simulated</span>'
        cells = [f"<td>{esc(student.class_code, 30)}</td>"] if len(classes) > 1 else []
        cells.append(f"<td>{name}</td>")
        if len(modes) > 1:
            cells.append(f"<td>{esc(document.mode)}</td>")
        cells += [f'<td class="num">{esc(student.track_cell(t.id))}</td>'
                  for t in section.tracks]
        cells += [f'<td class="num">{esc(percent_text(document.percent))}</td>',
                  f"<td>{esc(short_grade(document.grade or '—'))}</td>",
                  f"<td>{'yes' if document.completed else 'no'}</td>"]
        if section.several_attempts:
            cells.append(f'<td class="num">{len(student.attempts)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    notes = [f"* not graded: {', '.join(t.name for t in section.tracks if not t.graded)} "
             "(a level, not a percent)"] if any(not t.graded for t in section.tracks) else []
    notes += [label for label in section.grade_labels() if short_grade(label) != label]
    legend = "".join(f"<br>{esc(n)}" for n in notes)[4:]
    heading = "Students" + (f" of class {esc(classes[0], 30)}" if len(classes) == 1 else "")
    heading += f", {esc(modes[0])} mode" if len(modes) == 1 else ""
    # thead/tbody: a printed table that runs over a page repeats its header row there.
    return (f'<h3>{heading}</h3>\n<table class="students">\n<thead>{rows[0]}</thead>\n<tbody>\n'
            + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n"
            + (f'<p class="dim">{legend}</p>' if legend else ""))


def not_finished_html(section: Section) -> str:
    playing = [s for s in section.students if not s.document.completed]
    if not playing:
        return ""
    titles = section.pack.scenes if section.pack else {}
    scenes = [(s, s.document.scene) for s in playing]
    items = "".join(
        f"<li>{esc(s.name, NAME_LIMIT)}: "
        f"{esc(titles[scene].title if scene in titles else scene)}</li>" for s, scene in scenes)
    return f"<h3>Not finished (where each one is)</h3>\n<ul>{items}</ul>"


def attempts_html(section: Section) -> str:
    several = [s for s in section.students if len(s.attempts) > 1]
    if not several:
        return ""
    items = []
    for student in several:
        entries = []
        for n, attempt in enumerate(student.attempts, 1):
            document = attempt.document
            text = esc(f"#{n} {document.mode}, started {document.started_at or '?'}, "
                       f"{'finished' if document.completed else 'not finished'}, overall "
                       f"{percent_text(document.percent)}")
            entries.append(f'<li class="counted">{text} (counts)</li>'
                           if attempt is student.counted else f"<li>{text}</li>")
        items.append(f"<li>{esc(student.name, NAME_LIMIT)} ({esc(student.class_code, 30)})"
                     f'<ul class="attempts">{"".join(entries)}</ul></li>')
    return ("<h3>Students with several attempts</h3>\n"
            "<ul>" + "\n".join(items) + "</ul>")


def scores_html(section: Section) -> str:
    averages = "".join(
        f"<tr><td>{esc(t.name)}{'' if t.graded else ' (not graded)'}</td>"
        f'<td class="num">{esc(t.average_text)}</td></tr>' for t in section.tracks)
    averages += (f'<tr><td><b>Overall</b></td><td class="num"><b>'
                 f"{esc(percent_text(section.average_percent))}</b></td></tr>")
    top = max((n for _, n in section.histogram), default=0)
    bins = "".join(f'<tr><td class="num">{esc(label)}</td><td class="num">{count}</td>'
                   f"<td>{bar(count, top, 20)}</td></tr>"
                   for label, count in reversed(section.histogram))
    left_out = len(section.students) - section.finished
    note = f" ({left_out} not finished, left out)" if left_out else ""
    return (f"<h3>Class averages (finished games)</h3>\n<table class=narrow>{averages}</table>\n"
            f"<h3>Overall scores{esc(note)}</h3>\n<table class=narrow>"
            f'<tr><th class="num">Score</th><th class="num">Students</th><th></th></tr>'
            f"{bins}</table>")


def most_missed_html(section: Section) -> str:
    missed = section.most_missed()
    if not missed:
        return ""
    items = []
    for q in missed:
        parts = [f"<b>{esc(percent_text(q.percent_correct))} right</b> · {esc(q.ask)}"]
        if q.right_answer is not None:
            parts.append(f"<br>Answer: {esc(q.right_answer)}")
        if q.source:
            parts.append(f"<blockquote>{esc(in_quotes(q.source))}</blockquote>")
        items.append(f"<li>{''.join(parts)}</li>")
    return "<h3>Most missed, with the article's words</h3>\n<ol>" + "\n".join(items) + "</ol>"


def questions_html(section: Section) -> str:
    blocks = []
    for n, q in enumerate(section.questions, 1):
        extra = [f"{q.partial_first} partly right"] if q.partial_first else []
        extra += [f"{q.hinted} used the hint"] if q.hinted else []
        share = (f"A forecast: {q.answered} given. {q.breakdown.caption}" if q.forecast else
                 f"{percent_text(q.percent_correct)} right at the first try, of {q.answered} "
                 f"answered{'; ' + ', '.join(extra) if extra else ''}")
        head = (f'<div class="question"><p><b>{n}. {esc(q.ask)}</b> <span class="dim">'
                f"[{esc(q.id)}]</span><br>{esc(share)}</p>")
        body = ""
        if q.options:
            top = max(o.picked for o in q.options)
            rows = "".join(
                f'<tr{" class=right" if o.right else ""}><td>{"✓" if o.right else ""}</td>'
                f"<td>{esc(o.text)}</td><td class=num>{o.picked}</td>"
                f"<td>{bar(o.picked, top)}</td></tr>" for o in q.options)
            heads = q.breakdown
            body = (f'<table class="counts"><tr><th class="mark"></th>'
                    f'<th>{esc(heads.row_heading)}</th>'
                    f'<th class="num n">{esc(heads.count_heading)}</th><th class="b"></th>'
                    f"</tr>{rows}</table>")
        if q.common_wrong:
            body += ("<p class=dim>Common wrong answers: " + ", ".join(
                f"{esc(in_quotes(text))} ×{count}" for text, count in q.common_wrong) + "</p>")
        blocks.append(head + body + "</div>")
    return "<h3>Questions</h3>\n" + "\n".join(blocks)


def calibration_html(section: Section) -> str:
    table = section.calibration
    if table is None or not table.forecasts:
        return ""
    rows = []
    for row in table.rows:
        share = "—" if row.share_true is None else f"{row.share_true:g}%"
        verdict = {None: "", True: "within its range", False: "outside its range"}[
            row.within_range]
        rows.append(f"<tr><td>{esc(row.term.words)}</td><td class=num>{esc(row.term.range)}"
                    f"</td><td class=num>{row.used}</td><td class=num>{esc(share)}</td>"
                    f"<td>{verdict}</td></tr>")
    brier = "—" if table.mean_brier is None else f"{table.mean_brier:.2f}"
    return ("<h3>Calibration</h3>\n<table class=\"counts\"><tr><th>Likelihood</th>"
            "<th class=num>Range</th><th class=num>Used</th><th class=num>Came true</th>"
            "<th></th></tr>" + "".join(rows) + "</table>\n"
            f"<p class=dim>Mean Brier score of the class's {table.forecasts} forecasts: "
            f"{brier} (0 is perfect; roughly even chance every time scores 0.25).</p>")


def decisions_html(section: Section) -> str:
    blocks = []
    for d in section.decisions:
        top = max((c.count for c in d.choices), default=0)
        rows = "".join(
            f"<tr><td>{esc(c.text)}</td><td class=num>{c.count}</td><td class=num>"
            f"{round(100 * c.count / d.reached) if d.reached else 0}%</td>"
            f"<td>{bar(c.count, top)}</td></tr>" for c in d.choices)
        happened = (f"<p class=dim>What the article reports: {esc(d.what_happened)}</p>"
                    if d.what_happened else "")
        blocks.append(f'<div class="decision"><p><b>{esc(d.title)}</b> <span class="dim">'
                      f"[{esc(d.scene)}] · {d.reached} decided</span></p><table class=counts>"
                      "<tr><th>Choice</th><th class='num n'>Students</th><th class='num n'>Share"
                      "</th><th class=b></th></tr>"
                      f"{rows}</table>{happened}</div>")
    return "<h3>Decisions: how the class split</h3>\n" + "\n".join(blocks)


def section_html(report: ClassReport, section: Section) -> str:
    parts = [f"<h2>{esc(section.title)}</h2>",
             f'<p class="meta">Pack {esc(section.pack_id)}, version {esc(section.version)}, '
             f"content {esc(section.content_hash)} · {len(section.students)} students, "
             f"{section.finished} finished</p>"]
    if section.simulated:
        share = ("Every result here is" if section.simulated == len(section.students)
                 else f"{section.simulated} of these results are")
        parts.append(f'<p class="simulated">SIMULATED: {share} from <code>briefing playtest '
                     "--results</code>, not from students.</p>")
    if section.pack_note:
        parts.append(f'<p class="warning">{esc(section.pack_note)}</p>')
    parts += [students_table(section), attempts_html(section), not_finished_html(section),
              scores_html(section), most_missed_html(section), questions_html(section),
              calibration_html(section), decisions_html(section), learning_html(section)]
    return '<section class="pack">\n' + "\n".join(p for p in parts if p) + "\n</section>"


def report_html(report: ClassReport) -> str:
    title = "Class report" + (" (simulated results)" if report.only_simulated else "")
    body = [f"<h1>{esc(title)}</h1>",
            f'<p class="meta">Written by briefing {esc(__version__)}. Each student counts once: '
            "the latest completed exam, else the latest completed game, else the latest. "
            "Questions count first tries only.</p>"]
    if report.skipped:
        items = "".join(f"<li><code>{esc(path)}</code> {esc(why)}</li>"
                        for path, why in report.skipped)
        body.append(f'<div class="warning"><b>Files skipped ({len(report.skipped)}):</b>'
                    f"<ul>{items}</ul></div>")
    if report.simulated_left_out:
        body.append(f'<p class="dim">{report.simulated_left_out} simulated result(s) left out '
                    "(add --include-simulated to report them with the class).</p>")
    if report.empty:
        body.append("<p>No results to report.</p>")
    body += [section_html(report, s) for s in report.sections]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def learning_html(section: Section) -> str:
    """The pre/post check and mastery per skill (issue 15, item 4), when results have them."""
    lesson = section.learning
    if lesson is None:
        return ""
    from .report_learning_words import (FOOTNOTE, class_lines, effect_words, mastery_cell,
                                        pct, ratio, signed, student_cells)

    parts = ["<h3>Learning: the check before and after the week</h3>"]
    if lesson.any_check:
        rows = "".join(
            f"<tr><td>{esc(s.name, NAME_LIMIT)}</td>"
            + "".join(f"<td class=num>{esc(cell)}</td>" for cell in student_cells(s))
            + f"<td class=dim>{esc(s.status)}</td></tr>" for s in lesson.students)
        parts.append("<table class=\"learning narrow\"><tr><th>Name</th><th class=num>Pre</th>"
                     "<th class=num>Post</th><th class=num>Gain</th><th class=num>g</th>"
                     f"<th></th></tr>{rows}</table>")
        parts.append("<p>" + "<br>".join(esc(line) for line in class_lines(lesson)) + "</p>")
        if lesson.skills:
            rows = "".join(
                f"<tr><td>{esc(k.name)}</td><td class=num>{k.gain.n}</td>"
                f"<td class=num>{pct(k.gain.mean_pre)}</td><td class=num>"
                f"{pct(k.gain.mean_post)}</td><td class=num>{signed(k.gain.mean_gain)}</td>"
                f"<td class=num>{ratio(k.gain.class_g)}</td><td>{esc(effect_words(k.gain))}"
                "</td></tr>" for k in lesson.skills)
            parts.append("<table class=\"skills narrow\"><caption>By skill (check items "
                         "tagged with it)</caption><tr><th>Skill</th><th class=num>n</th>"
                         "<th class=num>Pre</th><th class=num>Post</th><th class=num>Gain</th>"
                         "<th class=num>Class g</th><th>Effect size</th></tr>"
                         f"{rows}</table>")
    if lesson.skill_names:
        ids = list(lesson.skill_names)
        head = "".join(f"<th class=num>{esc(lesson.skill_names[k], 30)}</th>" for k in ids)
        rows = "".join(
            f"<tr><td>{esc(s.name, NAME_LIMIT)}</td>"
            + "".join(f"<td class=num>{esc(mastery_cell(s, k))}</td>" for k in ids)
            + "</tr>" for s in lesson.students)
        parts.append("<table class=\"mastery narrow\"><caption>Mastery per skill (✓ mastered)"
                     f"</caption><tr><th>Name</th>{head}</tr>{rows}</table>")
    parts.append(f"<p class=dim>{esc(FOOTNOTE)}</p>")
    return "\n".join(parts)
