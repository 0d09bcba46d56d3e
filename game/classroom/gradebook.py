"""Gradebook import files for Canvas and Moodle: one grade per student and pack (the percent
of the attempt that counts), students found by the roster's ids and e-mails.

Canvas, as its "How do I import grades in the Gradebook?" guide describes and its importer
(canvas-lms, app/models/gradebook_importer.rb) reads the file:
- the header starts Student, ID, SIS User ID, SIS Login ID, Section; every later column is an
  assignment: "Name (123)" updates assignment 123, a name it has updates that assignment, any
  other name makes a new one. A column whose name holds "Current Score", "Final Grade" and the
  like is a read-only total and is dropped, so no assignment is named so;
- an optional "Points Possible" row (its first cell says so) gives a new assignment its points;
- a student is found by ID (Canvas's own number), else SIS User ID, else SIS Login ID, else
  name; one that is found by none is listed on Canvas's preview, never graded silently;
- UTF-8, comma-separated (Canvas also guesses semicolons from the first lines' field counts,
  so every row has the same number of fields).
Moodle, as its "Grade import" page (docs.moodle.org) describes and grade/import/csv reads it:
- a header row; the teacher maps one column to identify users (ID number -> useridnumber, or
  Email address -> useremail; e-mail matching is case-sensitive) and each other column to a
  grade item, a new grade item (named by its header), feedback, or nothing;
- every row has as many fields as the header; a row whose identifier is empty is not skipped
  safely (the previous row's user is kept), so no row is written without one, and a user that
  is not found stops the whole import;
- a grade is a number (or empty or "-" for none) no greater than the site's maximum (100 by
  default); UTF-8 is the form's default encoding, and a BOM is dropped.
Both files are written without a BOM, with CRLF line ends (RFC 4180), every text cell through
``safe_cell`` (no cell starts a formula).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .report import ClassReport, Section, Student
from .report_csv import safe_cell
from .roster import Matching, RosterStudent

CANVAS_STUDENT_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_POINTS_ROW = "Points Possible"
# Canvas drops an import column whose name holds one of these (its read-only totals).
CANVAS_READ_ONLY = ("Current Score", "Current Points", "Current Grade", "Final Score",
                    "Final Points", "Final Grade", "Override Score", "Override Grade",
                    "Override Status")
CANVAS_ASSIGNMENT_ID = re.compile(r"\(\d+\)\s*$")  # "Name (123)": Canvas assignment 123
MOODLE_ID_NUMBER = "ID number"  # the headers Moodle's own grade export uses
MOODLE_EMAIL = "Email address"
MOODLE_NAME = "Full name"
POINTS_POSSIBLE = 100.0  # the grade is the game's percent


class GradebookError(ValueError):
    """Why the gradebook files cannot be written as asked, in words for the teacher."""


@dataclass(frozen=True)
class GradeItem:
    pack_id: str
    title: str  # the assignment's (Canvas) or grade item's (Moodle) name


@dataclass
class Gradebook:
    items: list[GradeItem]
    grades: dict[RosterStudent, dict[str, float]]  # roster student -> pack id -> percent
    roster_order: list[RosterStudent]
    notes: list[str] = field(default_factory=list)  # what was left out, and why

    @property
    def rows(self) -> list[tuple[RosterStudent, dict[str, float]]]:
        """Roster students with a grade, in roster order: no row clears a grade."""
        return [(s, self.grades[s]) for s in self.roster_order if self.grades.get(s)]


def item_title(section: Section, chosen: str | None) -> str:
    if chosen:
        return chosen
    title = " ".join(section.title.split()) or section.pack_id
    if CANVAS_ASSIGNMENT_ID.search(title) or any(w in title for w in CANVAS_READ_ONLY):
        title += " - briefing"  # neither taken for an assignment id nor dropped as a total
    return title


def build_gradebook(report: ClassReport, matching: Matching,
                    item_name: str | None = None) -> Gradebook:
    """Each matched student's grade per pack; a student with several results for one pack
    (two typed names on one roster line, several classes or versions) gets none, and is
    named in ``notes`` with every other student left out."""
    items: dict[str, GradeItem] = {}
    for section in report.sections:
        items.setdefault(section.pack_id, GradeItem(section.pack_id,
                                                    item_title(section, item_name)))
    if item_name and len(items) > 1:
        raise GradebookError(f"--grade-item names one column, and these results are for "
                             f"{len(items)} packs ({', '.join(items)})")
    if item_name and any(w in item_name for w in CANVAS_READ_ONLY):
        raise GradebookError(f"--grade-item '{item_name}': Canvas reads a column named so as a "
                             "read-only total and drops it; choose another name")
    found: dict[tuple[str, RosterStudent], list[tuple[Section, Student]]] = {}
    for section in report.sections:
        for student in section.students:
            roster_student = matching.student_for(student.name)
            if roster_student is not None and not student.simulated:
                found.setdefault((section.pack_id, roster_student), []).append(
                    (section, student))
    book = Gradebook(list(items.values()), {}, list(matching.roster.students))
    unfinished, clamped = [], []
    for (pack_id, roster_student), results in found.items():
        title = items[pack_id].title
        if len(results) > 1:
            where = "; ".join(f"'{st.name}', class {st.class_code}, version {sec.version}"
                              for sec, st in results)
            book.notes.append(f"{roster_student} has {len(results)} results for '{title}' "
                              f"({where}): no grade written; keep one, or fix the roster")
            continue
        _, student = results[0]
        document = student.document
        if not document.completed or document.percent is None:
            unfinished.append(f"{roster_student.name}")
            continue
        percent = min(POINTS_POSSIBLE, max(0.0, round(document.percent, 2)))
        if percent != document.percent:
            clamped.append(f"{roster_student.name} ({document.percent:g}%)")
        book.grades.setdefault(roster_student, {})[pack_id] = percent
    if unfinished:
        book.notes.append(f"Not finished, so no grade written ({len(unfinished)}): "
                          + ", ".join(sorted(unfinished)))
    if clamped:
        book.notes.append("Written as 0 or 100, the gradebook's bounds: " + ", ".join(clamped))
    return book


def write_rows(rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def canvas_csv(book: Gradebook) -> str:
    """The Canvas gradebook import file (see the module's docstring)."""
    titles = [item.title for item in book.items]
    rows: list[list] = [CANVAS_STUDENT_COLUMNS + titles,
                        [CANVAS_POINTS_ROW, "", "", "", ""] + [POINTS_POSSIBLE] * len(titles)]
    for student, grades in book.rows:
        rows.append([student.name, student.canvas_id, student.student_id,
                     student.login or student.email, student.section]
                    + [grades.get(item.pack_id) for item in book.items])
    return write_rows(rows)


def moodle_identifiers(book: Gradebook) -> list[tuple[str, str]]:
    """(header, roster field) of the identifier columns: the roster's ids and e-mails."""
    columns = []
    if book.roster_order and any(s.student_id for s in book.roster_order):
        columns.append((MOODLE_ID_NUMBER, "student_id"))
    if book.roster_order and any(s.email for s in book.roster_order):
        columns.append((MOODLE_EMAIL, "email"))
    return columns


def moodle_csv(book: Gradebook) -> tuple[str, list[str]]:
    """The Moodle grade import file (see the module's docstring), and the students left out
    of it for want of an identifier."""
    identifiers = moodle_identifiers(book)
    if not identifiers:
        raise GradebookError("Moodle finds students by ID number or e-mail, and the roster "
                             "gives neither")
    rows: list[list] = [[h for h, _ in identifiers] + [MOODLE_NAME]
                        + [item.title for item in book.items]]
    left_out = []
    for student, grades in book.rows:
        ids = [getattr(student, attribute) for _, attribute in identifiers]
        if not all(ids):
            missing = " and ".join(h for (h, _), value in zip(identifiers, ids) if not value)
            left_out.append(f"{student}: no {missing.lower()} on the roster")
            continue
        rows.append(ids + [student.name] + [grades.get(item.pack_id) for item in book.items])
    return write_rows(rows), left_out
