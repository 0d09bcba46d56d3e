"""The dashboard's one screen: the class at a glance. Names are shown exactly as typed
(Content and Text, never markup)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
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


class DashboardScreen(Screen):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.shown_once = False  # until the first read has been shown

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Reading {self.folder} …"), id="summary")
        yield DataTable(id="students", cursor_type="row", zebra_stripes=True)
        yield Static("Class average per track", classes="heading", markup=False)
        yield DataTable(id="averages", cursor_type="none")
        yield Static(Content("Hardest question so far: none answered yet."), id="hardest")
        yield Static("", id="skipped", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = str(self.folder)
        students = self.query_one("#students", DataTable)
        for label, width in STUDENT_COLUMNS:
            students.add_column(label, width=width)
        averages = self.query_one("#averages", DataTable)
        for label, width in AVERAGE_COLUMNS:
            averages.add_column(label, width=width)

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
        self.fill_students(view)
        self.fill_averages(view)
        self.query_one("#hardest", Static).update(self.hardest_line(view))
        skipped = self.query_one("#skipped", Static)
        skipped.display = bool(view.skipped)
        names = ", ".join(path.name for path, _ in view.skipped[:SKIPPED_NAMED])
        more = "…" if len(view.skipped) > SKIPPED_NAMED else ""
        skipped.update(Content(f"{len(view.skipped)} file(s) skipped, not results or damaged: "
                               f"{names}{more} (briefing report says why)"))

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
