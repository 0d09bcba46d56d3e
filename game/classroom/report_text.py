"""The class report in the terminal, with Rich. Only for terminal output, so it imports Rich;
the CLI imports it only for `briefing report`.

Every text that comes from a result file (names, class codes, typed answers) goes in as a
``Text``, never as a markup string, so ``[bold]x[/]`` prints as typed.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..prose import in_quotes
from .report import ClassReport, Section, percent_text, short_grade, shown
from .text_columns import Column, column_table

NAME_LIMIT = 60  # characters of a name shown in a table; the CSV has it whole
BAR_WIDTH = 30


def bar(count: int, top: int, width: int = BAR_WIDTH) -> str:
    return "█" * round(width * count / top) if top and count else ""


def section_heading(report: ClassReport, section: Section) -> RenderableType:
    heading = Text.assemble(("Class report: ", "bold"), (section.title, "bold"),
                            f"  ({section.pack_id}, version {section.version}, "
                            f"{section.content_hash})")
    lines: list[RenderableType] = [Rule(style="dim"), heading]
    if report.only_simulated or section.simulated:
        share = ("every result here is" if section.simulated == len(section.students)
                 else f"{section.simulated} of these results are")
        lines.append(Text(f"SIMULATED: {share} from `briefing playtest --results`, not from "
                          "students. Use it to try the report before class.",
                          style="bold reverse yellow"))
    if section.pack_note:
        lines.append(Text(section.pack_note, style="yellow"))
    return Group(*lines)


def students_table(section: Section, width: int) -> RenderableType:
    # Columns that would say the same on every row go in the title instead (class, mode), or
    # are left out (attempts): the table has to fit 80 columns with four or five tracks.
    students = section.students
    classes, modes = section.classes, section.modes
    title = "Students"
    if len(classes) == 1:
        title += f" of class {shown(classes[0], 30)}"
    if len(modes) == 1:
        title += f", {modes[0]} mode"
    names, mixed_simulated = [], section.mixed_simulated  # once: it counts every student
    for student in students:
        name = shown(student.name, NAME_LIMIT)
        if mixed_simulated and student.simulated:
            name += " (simulated)"
        names.append(name)
    documents = [student.document for student in students]
    columns = [Column("Class", [shown(s.class_code, 30) for s in students], max_width=12,
                      wrap=True)] if len(classes) > 1 else []
    columns.append(Column("Name", names, min_width=12, wrap=True))
    if len(modes) > 1:
        columns.append(Column("Mode", [d.mode for d in documents]))
    columns += [Column(t.name, [s.track_cell(t.id) for s in students], justify="right",
                       min_width=6, dim=not t.graded) for t in section.tracks]
    columns += [Column("Overall", [percent_text(d.percent) for d in documents], justify="right",
                       min_width=6),
                Column("Grade", [short_grade(d.grade or "—") for d in documents], min_width=5,
                       max_width=12),
                Column("Done", ["yes" if d.completed else "no" for d in documents])]
    if section.several_attempts:
        columns.append(Column("Tries", [str(len(s.attempts)) for s in students],
                              justify="right"))
    ungraded = [t.name for t in section.tracks if not t.graded]
    legend = [label for label in section.grade_labels() if short_grade(label) != label]
    caption = ([f"Not graded: {', '.join(ungraded)} (a level, not a percent)."]
               if ungraded else []) + legend
    return column_table(f"{title}: {len(students)}, {section.finished} finished", columns,
                        caption, width)


def attempts_list(section: Section) -> RenderableType | None:
    """Students with several attempts (which one counts), and those who have not finished."""
    several = [s for s in section.students if len(s.attempts) > 1]
    playing = [s for s in section.students if not s.document.completed]
    lines: list[RenderableType] = []
    if several:
        lines.append(Text("Several attempts (→ the one that counts):", style="bold"))
    for student in several:
        lines.append(Text(f"  {shown(student.name, NAME_LIMIT)} ({shown(student.class_code, 30)})"))
        for n, attempt in enumerate(student.attempts, 1):
            document = attempt.document
            mark = "→" if attempt is student.counted else " "
            lines.append(Text(
                f"    {mark} #{n} {document.mode}, started {document.started_at or '?'}, "
                f"{'finished' if document.completed else 'not finished'}, "
                f"overall {percent_text(document.percent)}"))
    if playing:
        lines.append(Text("Not finished (where each one is):", style="bold"))
        titles = section.pack.scenes if section.pack else {}
        for student in playing:
            scene = student.document.scene
            where = titles[scene].title if scene in titles else shown(scene)
            lines.append(Text(f"  {shown(student.name, NAME_LIMIT)}: {where}"))
    return Group(*lines) if lines else None


def averages_and_histogram(section: Section) -> RenderableType:
    lines = [Text("Class averages (finished games):", style="bold")]
    for track in section.tracks:
        graded = "" if track.graded else " (not graded)"
        lines.append(Text(f"  {track.name}{graded}: {track.average_text}"))
    lines.append(Text(f"  Overall: {percent_text(section.average_percent)}"))
    lines.append(Text(""))
    left_out = len(section.students) - section.finished
    note = f" ({left_out} not finished, left out)" if left_out else ""
    lines.append(Text(f"Overall scores{note}:", style="bold"))
    top = max((n for _, n in section.histogram), default=0)
    for label, count in reversed(section.histogram):
        lines.append(Text(f"  {label:>8} {count:>3} ") + Text(bar(count, top), style="cyan"))
    return Group(*lines)


def counts_grid(rows: list[tuple[str, int, str]], total: int) -> Table:
    """Rows of (mark, count, text) with a bar each, text wrapping in its own column."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=1)
    grid.add_column(justify="right")
    grid.add_column(justify="right")
    grid.add_column(width=12, style="cyan")
    grid.add_column(ratio=1)
    top = max((count for _, count, _ in rows), default=0)
    for mark, count, text in rows:
        share = f"{round(100 * count / total)}%" if total else "—"
        grid.add_row(Text(mark), Text(str(count)), Text(share), Text(bar(count, top, 12)),
                     Text(text))
    return grid


def numbered_grid() -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", min_width=3)
    grid.add_column(ratio=1)
    return grid


def questions_view(section: Section) -> RenderableType:
    grid = numbered_grid()
    for n, q in enumerate(section.questions, 1):
        extra = [f"{q.partial_first} partly right"] if q.partial_first else []
        extra += [f"{q.hinted} used the hint"] if q.hinted else []
        share = (f"{q.answered} forecast{'' if q.answered == 1 else 's'}" if q.forecast
                 else f"{percent_text(q.percent_correct)} right of {q.answered}")
        head = Text.assemble((share, "bold"), " · ", shown(q.ask), (f"  [{shown(q.id)}]", "dim"))
        if extra:
            head.append(f" ({', '.join(extra)})", style="dim")
        parts: list[RenderableType] = [head]
        if q.options and q.breakdown.caption:
            parts.append(Text(q.breakdown.caption, style="dim"))
        if q.options:
            parts.append(counts_grid([("✓" if o.right else "", o.picked, o.text)
                                      for o in q.options], q.answered))
        if q.common_wrong:
            wrong = ", ".join(f"{in_quotes(text)} ×{count}" for text, count in q.common_wrong)
            parts.append(Text(f"Common wrong answers: {wrong}", style="dim"))
        grid.add_row(Text(f"{n}."), Group(*parts))
    return Group(Text("Questions (right at the first try; ✓ marks right options):",
                      style="bold"), grid)


def decisions_view(section: Section) -> RenderableType:
    grid = numbered_grid()
    for n, decision in enumerate(section.decisions, 1):
        parts: list[RenderableType] = [
            Text.assemble((decision.title, "bold"),
                          (f"  [{decision.scene}] · {decision.reached} decided", "dim")),
            counts_grid([("", c.count, c.text) for c in decision.choices], decision.reached)]
        if decision.what_happened:
            parts.append(Text(f"What the article reports: {decision.what_happened}",
                              style="dim"))
        grid.add_row(Text(f"{n}."), Group(*parts))
    return Group(Text("Decisions (how the class split):", style="bold"), grid)


def calibration_view(section: Section) -> RenderableType | None:
    table = section.calibration
    if table is None or not table.forecasts:
        return None
    grid = Table(box=None, padding=(0, 2, 0, 0), show_edge=False)
    for heading, justify in (("Likelihood", "left"), ("Range", "right"), ("Used", "right"),
                             ("Came true", "right"), ("", "left")):
        grid.add_column(heading, justify=justify)
    for row in table.rows:
        share = "—" if row.share_true is None else f"{row.share_true:g}%"
        verdict = {None: "", True: "within its range", False: "outside its range"}[
            row.within_range]
        grid.add_row(row.term.words, row.term.range, str(row.used), share, verdict)
    brier = "—" if table.mean_brier is None else f"{table.mean_brier:.2f}"
    return Group(Text("Calibration (forecasts by likelihood, and how many came true):",
                      style="bold"), grid,
                 Text(f"Mean Brier score of the class's {table.forecasts} forecasts: {brier} "
                      "(0 is perfect; roughly even chance every time scores 0.25).",
                      style="dim"))


def most_missed_view(section: Section) -> RenderableType | None:
    missed = section.most_missed()
    if not missed:
        return None
    grid = numbered_grid()
    for n, q in enumerate(missed, 1):
        parts: list[RenderableType] = [
            Text.assemble((f"{percent_text(q.percent_correct)} right", "bold"), " · ", q.ask)]
        if q.right_answer is not None:
            parts.append(Text(f"Answer: {q.right_answer}"))
        if q.source:
            parts.append(Text(f"Source: {in_quotes(q.source)}", style="italic"))
        grid.add_row(Text(f"{n}."), Group(*parts))
    return Group(Text("Most missed, with the article's words:", style="bold"), grid)


def section_view(report: ClassReport, section: Section,
                 width: int = 80) -> list[RenderableType]:
    parts = [section_heading(report, section), students_table(section, width),
             attempts_list(section), averages_and_histogram(section),
             most_missed_view(section), questions_view(section), calibration_view(section),
             decisions_view(section), learning_view(section)]
    return [Padding(p, (0, 0, 1, 0)) for p in parts if p is not None]


def print_report(report: ClassReport, console: Console) -> None:
    for section in report.sections:
        for part in section_view(report, section, console.width):
            console.print(part)
    if report.simulated_left_out:
        console.print(Text(f"{report.simulated_left_out} simulated result(s) left out; add "
                           "--include-simulated to report them with the class.", style="dim"))
    counted = "the latest completed exam, else the latest completed game, else the latest"
    console.print(Text(f"Each student counts once, with {counted}; questions count first tries "
                       "only.", style="dim"))


def learning_view(section: Section) -> RenderableType | None:
    """The pre/post check and mastery per skill (issue 15, item 4), when results have them."""
    lesson = section.learning
    if lesson is None:
        return None
    from .report_learning_words import (FOOTNOTE, class_lines, effect_words, mastery_cell,
                                        pct, ratio, signed, student_cells)

    parts: list[RenderableType] = [Text("Learning: the check before and after the week",
                                        style="bold")]
    if lesson.any_check:
        grid = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
        for heading in ("Name", "Pre", "Post", "Gain", "g", ""):
            grid.add_column(heading, justify="left" if heading in ("Name", "") else "right")
        for student in lesson.students:
            grid.add_row(Text(shown(student.name, NAME_LIMIT)), *student_cells(student),
                         Text(student.status, style="dim"))
        parts += [grid, *(Text(line) for line in class_lines(lesson))]
        if lesson.skills:
            skills = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False,
                           title="By skill (check items tagged with it)", title_justify="left")
            for heading in ("Skill", "n", "Pre", "Post", "Gain", "Class g", "Effect size"):
                skills.add_column(heading, justify="left" if heading in (
                    "Skill", "Effect size") else "right")
            for skill in lesson.skills:
                gain = skill.gain
                skills.add_row(Text(shown(skill.name, 40)), str(gain.n), pct(gain.mean_pre),
                               pct(gain.mean_post), signed(gain.mean_gain), ratio(gain.class_g),
                               effect_words(gain))
            parts.append(skills)
    if lesson.skill_names:
        ids = list(lesson.skill_names)
        mastery = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False,
                        title="Mastery per skill (✓ mastered)", title_justify="left")
        mastery.add_column("Name")
        for skill in ids:
            mastery.add_column(shown(lesson.skill_names[skill], 20), justify="right")
        for student in lesson.students:
            mastery.add_row(Text(shown(student.name, NAME_LIMIT)),
                            *(mastery_cell(student, skill) for skill in ids))
        parts.append(mastery)
    parts.append(Text(FOOTNOTE, style="dim"))
    return Group(*parts)
