"""The dashboard's one screen: the class at a glance. Names are shown exactly as typed
(Content and Text, never markup).

When the students' table does not fit the height left (30 students at 100x30), the screen
compacts so that the whole class is in sight at once: the track averages and the hardest
question take a line each, and the students sit two to a row. ``c`` switches by hand."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...classroom.live import ClassView, StudentRow, TrackAverage
from ...prose import in_quotes
from ...score_words import percent, points
from ..widgets.keys_footer import KeysFooter

# (heading, width): sized so that the table fits 100 columns without scrolling sideways.
STUDENT_COLUMNS = (("Name", 18), ("Class", 5), ("Status", 10), ("Where", 19),
                   ("Answered", 8), ("Retries", 7), ("Score", 6), ("Updated", 7))
AVERAGE_COLUMNS = (("Track", 32), ("Class average", 13), ("Students", 8))
# Longer names, classes and scene titles are cut with an ellipsis.
NAME_WIDTH, CLASS_WIDTH, WHERE_WIDTH = 18, 5, 19
# The compact table: two students to a row, each half ~48 columns of a 100-column terminal
# (a column takes its width and one space either side), split by a thin rule. Scores are
# shown to the whole percent there (-22.2% would not fit); the full table has the tenths.
HALF_COLUMNS = (("Name", 15), ("Status", 10), ("Ans+retry", 9), ("Score", 5))
RULE_COLUMN = ("", 1)
COMPACT_NAME_WIDTH, COMPACT_STATUS_WIDTH = 15, 10
QUIET_NAMED = 4  # quiet students named in the summary; the table marks them all
SKIPPED_NAMED = 3  # files named in the skipped line; the report lists them all


def average_text(row: TrackAverage) -> str:
    """A track's class average: a percent, or a gauge's mean level (it has no best value)."""
    if row.graded:
        return percent(row.percent)
    return "—" if row.level is None else f"level {points(row.level)}"


def cut(text: str, width: int) -> Text:
    return Text(text if len(text) <= width else text[:width - 1] + "…")


def local_time(stamp: str) -> str:
    """An ISO time from a result file as the teacher's clock shows it, or as it is."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except (TypeError, ValueError):
        return stamp or "—"


def status_cell(student: StudentRow) -> Text:
    """'playing', 'quiet 12m' (no word from the game for 12 minutes), 'finished'; '×2' when
    the student has started two games."""
    status = student.status
    if student.quiet_for is not None:
        minutes = int(student.quiet_for.total_seconds() // 60)
        status += f" {minutes}m" if minutes else " <1m"
    if student.attempts > 1:
        status += f" ×{student.attempts}"
    return Text(status, style="bold" if student.status == "quiet" else "")


def answered_cell(student: StudentRow) -> Text:
    """First tries, and '+2' for two practice retries: '5+2' (a retry is not a question)."""
    return Text(f"{student.first_tries}+{student.retries}" if student.retries
                else str(student.first_tries))


def averages_line(view: ClassView) -> str:
    """All the track averages in one line, as the full table words them, the gauges (not
    graded) last: a cut at the screen's edge takes them first."""
    packs = {average.pack for average in view.averages}
    parts = []
    for average in sorted(view.averages, key=lambda average: not average.graded):
        name = average.track if len(packs) == 1 else f"{average.pack}: {average.track}"
        graded = "" if average.graded else " (not graded)"
        parts.append(f"{name} {average_text(average)}{graded}")
    return "Averages: " + (" · ".join(parts) if parts else "none yet")


def hardest_short(view: ClassView) -> str:
    """The hardest question in one line: the numbers first, so that a cut takes the words."""
    hardest = view.hardest
    if hardest is None:
        return "Hardest question so far: none answered yet."
    return (f"Hardest so far: {percent(hardest.percent_right)} right at the first try, "
            f"{hardest.answered} answered: {in_quotes(hardest.text)} ({hardest.where})")


class DashboardScreen(Screen):
    BINDINGS = [
        Binding("c", "toggle_compact", "Compact/full", id="compact",
                tooltip="Two students to a row and one line per summary, or the full table"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.shown_once = False  # until the first read has been shown
        self.view: ClassView | None = None  # the last class view shown
        self.chosen: bool | None = None  # compact (True) or full (False) chosen with c

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Reading {self.folder} …"), id="summary")
        yield DataTable(id="students", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="students-compact", cursor_type="none", zebra_stripes=True,
                        classes="compact")
        yield Static("Class average per track", classes="heading full", markup=False)
        yield DataTable(id="averages", cursor_type="none", classes="full")
        yield Static("", id="averages-line", classes="compact one-line", markup=False)
        yield Static(Content("Hardest question so far: none answered yet."), id="hardest",
                     classes="full")
        yield Static("", id="hardest-line", classes="compact one-line", markup=False)
        yield Static("", id="skipped", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = str(self.folder)
        students = self.query_one("#students", DataTable)
        for label, width in STUDENT_COLUMNS:
            students.add_column(label, width=width)
        compact = self.query_one("#students-compact", DataTable)
        for half in ("", " "):  # the right half's keys differ, its headings do not
            if half:
                compact.add_column(RULE_COLUMN[0], width=RULE_COLUMN[1], key="rule")
            for label, width in HALF_COLUMNS:
                compact.add_column(label, width=width, key=label + half)
        averages = self.query_one("#averages", DataTable)
        for label, width in AVERAGE_COLUMNS:
            averages.add_column(label, width=width)
        self.lay_out()

    def reading(self, files: int) -> None:
        """A read has begun; said only before the first view (later reads keep the last)."""
        if not self.shown_once:
            self.query_one("#summary", Static).update(Content(
                f"Reading {files} result file{'' if files == 1 else 's'} in {self.folder} …"))

    def show(self, view: ClassView | None, at: datetime, problem: str = "") -> None:
        """Show what was read at ``at``; when the folder could not be read, say so and keep
        the last view."""
        read_at = at.strftime("%H:%M:%S")
        summary = self.query_one("#summary", Static)
        self.shown_once = True
        if view is None:
            summary.update(Content(f"Could not read {self.folder} at {read_at}: {problem}"))
            return
        summary.update(Content(self.summary_line(view, read_at)))
        self.view = view
        self.fill_students(view)
        self.fill_compact_students(view)
        self.fill_averages(view)
        self.query_one("#averages-line", Static).update(averages_line(view))
        self.query_one("#hardest", Static).update(self.hardest_line(view))
        self.query_one("#hardest-line", Static).update(hardest_short(view))
        skipped = self.query_one("#skipped", Static)
        skipped.display = bool(view.skipped)
        names = ", ".join(path.name for path, _ in view.skipped[:SKIPPED_NAMED])
        more = "…" if len(view.skipped) > SKIPPED_NAMED else ""
        skipped.update(Content(f"{len(view.skipped)} file(s) skipped, not results or damaged: "
                               f"{names}{more} (briefing report says why)"))
        self.lay_out()

    def on_resize(self) -> None:
        self.lay_out()

    def action_toggle_compact(self) -> None:
        """The other layout, kept through resizes; back to the one that fits, and it is
        chosen by size again."""
        compact = not self.has_class("compact")
        self.chosen = None if compact != self.full_table_fits() else compact
        self.lay_out()

    def lay_out(self) -> None:
        """Compact or full, as chosen with c, else compact only when the full table would
        not fit; the table that is shown takes the keys (both scroll)."""
        compact = self.chosen if self.chosen is not None else not self.full_table_fits()
        if compact == self.has_class("compact"):
            return
        self.set_class(compact, "compact")
        shown = self.query_one("#students-compact" if compact else "#students", DataTable)
        shown.focus()

    def full_table_fits(self) -> bool:
        """Whether every student's row of the full table fits under the summary, with the
        averages table and the hardest question, as they would be drawn now."""
        view = self.view
        if view is None or not view.students:
            return True
        width = max(self.size.width - 2, 10)  # the padding either side of each line
        summary = self.query_one("#summary", Static)
        skipped = self.query_one("#skipped", Static)
        others = (self.lines(summary, width) + 1  # the averages' heading
                  + min(1 + len(view.averages), 7)  # the averages table, at most 7 high
                  + self.lines(self.query_one("#hardest", Static), width)
                  + (self.lines(skipped, width) if skipped.display else 0)
                  + 1)  # the footer
        return self.size.height - others >= 1 + len(view.students)  # heading and rows

    def lines(self, widget: Static, width: int) -> int:
        """How many lines a Static's text takes at this width, wrapped as it is drawn."""
        text = Text(str(widget.render()))
        return max(len(text.wrap(self.app.console, width)), 1)

    def summary_line(self, view: ClassView, read_at: str) -> str:
        if not view.students:
            return (f"No results yet in {self.folder} (read at {read_at}). Games appear here "
                    "as soon as a student starts.")
        counts = [f"{view.count('playing')} playing"]
        quiet = [s.name for s in view.students if s.status == "quiet"]
        if quiet:
            more = f" and {len(quiet) - QUIET_NAMED} more" if len(quiet) > QUIET_NAMED else ""
            counts.append(f"{len(quiet)} quiet ({', '.join(quiet[:QUIET_NAMED])}{more})")
        counts.append(f"{view.finished} finished")
        return (f"{len(view.students)} student(s): {', '.join(counts)} · read at {read_at} "
                f"from {self.folder}")

    def fill_students(self, view: ClassView) -> None:
        table = self.query_one("#students", DataTable)
        row = table.cursor_row
        table.clear()
        for student in view.students:
            table.add_row(cut(student.name, NAME_WIDTH), cut(student.class_code, CLASS_WIDTH),
                          status_cell(student), cut(student.where, WHERE_WIDTH),
                          Text(str(student.first_tries)),
                          Text(str(student.retries) if student.retries else ""),
                          Text(percent(student.percent)), Text(local_time(student.updated_at)))
        if view.students:
            table.move_cursor(row=min(row, len(view.students) - 1))

    def fill_compact_students(self, view: ClassView) -> None:
        """Two students to a row, down the left half and then down the right, in the
        same order as the full table."""
        table = self.query_one("#students-compact", DataTable)
        table.clear()
        rows = (len(view.students) + 1) // 2
        left, right = view.students[:rows], view.students[rows:]
        for at, student in enumerate(left):
            cells = self.half_row(student)
            if at < len(right):
                cells += [Text("│", style="dim"), *self.half_row(right[at])]
            table.add_row(*cells)

    @staticmethod
    def half_row(student: StudentRow) -> list[Text]:
        status = status_cell(student)
        if len(status) > COMPACT_STATUS_WIDTH:
            status.truncate(COMPACT_STATUS_WIDTH - 1)
            status.append("…")
        return [cut(student.name, COMPACT_NAME_WIDTH), status, answered_cell(student),
                Text(percent(None if student.percent is None else round(student.percent)))]

    def fill_averages(self, view: ClassView) -> None:
        table = self.query_one("#averages", DataTable)
        table.clear()
        packs = {average.pack for average in view.averages}
        for average in view.averages:
            name = average.track if len(packs) == 1 else f"{average.pack}: {average.track}"
            if not average.graded:
                name += " (not graded)"
            table.add_row(cut(name, AVERAGE_COLUMNS[0][1]), Text(average_text(average)),
                          Text(str(average.students)))

    @staticmethod
    def hardest_line(view: ClassView) -> Content:
        hardest = view.hardest
        if hardest is None:
            return Content("Hardest question so far: none answered yet.")
        return Content(f"Hardest question so far: {in_quotes(hardest.text)} ({hardest.where}): "
                       f"{percent(hardest.percent_right)} right at the first try, "
                       f"{hardest.answered} answered.")
