"""The class report as CSV for a spreadsheet: one row per student (the attempt that counts).

Columns, left to right, in groups (a group is a function of the report, so a new kind of
column is one more function in ``column_groups``):
- who: class, name as typed (with a roster: roster name, student id, e-mail, how it matched),
  pack, mode, attempts, times;
- the grade: overall percent and the grade as its band's letter ("B", not the whole label);
- graded tracks as percents, then one column per question, headed by its number, a short form
  of its wording and its points ("Q3 How many US troops does the… (1 pt)");
- last, the tracks that are not graded (a gauge's level), headed "Not graded: …".

A question cell holds the points scored, or says why there are none: ``n/a (other branch)``
when the student's path did not pass its scene (and no longer can), ``n/a (not asked again)``
for a question asked again only to those who missed the first time, and an empty cell when the
student could have answered it and did not (or has not yet).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Any, Callable

from .report import ClassReport, QuestionStats, Section, Student, short_grade
from .roster import Matching, RosterStudent
from .route import scenes_open

NOT_ON_PATH = "n/a (other branch)"
NOT_ASKED_AGAIN = "n/a (not asked again)"
NO_ANSWER = ""
SHORT_LABEL = 32  # characters of a question's wording in its column heading
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and
# some still do after leading spaces or line breaks (OWASP's CSV injection advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters but tab, line feed and carriage return (which CSV quotes and keeps).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """Numbers as they are; text that a spreadsheet would run as a formula (whatever blanks
    come first) gets a leading apostrophe, which spreadsheets show as plain text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    text = CONTROL.sub("", str(value))  # no escape sequence reaches whoever prints the file
    if PLAIN_NUMBER.fullmatch(text):
        return text  # "-3" is a number to a spreadsheet, not a formula
    # lstrip(): every Unicode blank, the ideographic space too, not only ASCII's
    starts_a_formula = text.startswith(FORMULA_STARTS) or text.lstrip().startswith(
        FORMULA_STARTS[:4])
    return "'" + text if starts_a_formula else text


@dataclass(frozen=True)
class Row:
    """What a column reads to fill one student's cell."""

    section: Section
    student: Student
    roster: RosterStudent | None
    match: str  # "exact", "close" or "none"; "" without a roster


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Row], Any]


def who_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    columns = [Column("class", lambda r: r.student.class_code),
               Column("name", lambda r: r.student.name)]
    if matching is not None:
        columns += [Column("roster name", lambda r: r.roster.name if r.roster else ""),
                    Column("student id", lambda r: r.roster.student_id if r.roster else ""),
                    Column("e-mail", lambda r: r.roster.email if r.roster else ""),
                    Column("roster match", lambda r: r.match)]
    columns += [Column("simulated", lambda r: r.student.simulated),
                Column("pack", lambda r: r.section.pack_id),
                Column("pack version", lambda r: r.section.version),
                Column("mode", lambda r: r.student.document.mode),
                Column("completed", lambda r: r.student.document.completed),
                Column("attempts", lambda r: len(r.student.attempts)),
                Column("counted attempt", lambda r: r.student.document.attempt),
                Column("started", lambda r: r.student.document.started_at),
                Column("updated", lambda r: r.student.document.updated_at)]
    return columns


def grade_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    return [Column("percent", lambda r: r.student.document.percent),
            Column("grade", lambda r: short_grade(r.student.document.grade)
                   if r.student.document.grade else "")]


def track_headers(report: ClassReport, graded: bool) -> dict[str, str]:
    """Track id -> its name, in pack order across sections."""
    names: dict[str, str] = {}
    for section in report.sections:
        for track in section.tracks:
            if track.graded == graded:
                names.setdefault(track.id, track.name)
    return names


def graded_track_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    return [Column(f"{name} %", lambda r, t=track_id: r.student.track_value(t))
            for track_id, name in track_headers(report, graded=True).items()]


def gauge_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    return [Column(f"Not graded: {name} (level)", lambda r, t=track_id: r.student.track_value(t))
            for track_id, name in track_headers(report, graded=False).items()]


def question_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    questions: dict[str, QuestionStats] = {}
    for section in report.sections:
        for question in section.questions:
            questions.setdefault(question.id, question)
    paths = PathFinder()
    return [Column(question_label(number, question, report),
                   lambda r, q=question: question_cell(r, q, paths))
            for number, question in enumerate(questions.values(), start=1)]


def column_groups(report: ClassReport, matching: Matching | None) -> list[Column]:
    columns: list[Column] = []
    for group in (who_columns, grade_columns, graded_track_columns, question_columns,
                  gauge_columns, learning_columns):
        columns += group(report, matching)
    return columns


def short_text(text: str, limit: int = SHORT_LABEL) -> str:
    """A question's wording cut at a word to about ``limit`` characters, for a heading."""
    text = " ".join(text.split())
    text = re.sub(r"^true or false:\s*", "T/F: ", text, flags=re.IGNORECASE)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:") + "…"


def points_label(points: float | None) -> str:
    if points is None:
        return ""
    return f" ({points:g} pt)" if points <= 1 else f" ({points:g} pts)"


def question_label(number: int, question: QuestionStats, report: ClassReport) -> str:
    """'Q3 How many US troops does the… (1 pt)': numbered in pack order, so unique."""
    points = question.points
    if points is None:  # the pack is not at hand: the most any answer could get
        offered = [a.max_points for s in report.sections for st in s.students
                   for a in st.document.answers if a.question == question.id]
        points = max(offered) if offered else None
    return f"Q{number} {short_text(question.ask)}{points_label(points)}"


class PathFinder:
    """Each game's open scenes (see route.py) and each pack's questions, worked out once."""

    def __init__(self) -> None:
        self._open: dict[int, set[str]] = {}
        self._questions: dict[int, dict] = {}

    def authored(self, section: Section, question_id: str):
        """The pack's question, or None when the pack is not at hand."""
        if section.pack is None:
            return None
        if id(section) not in self._questions:
            self._questions[id(section)] = dict(section.pack.questions())
        return self._questions[id(section)].get(question_id)

    def open_scenes(self, section: Section, student: Student) -> set[str] | None:
        """Scenes the game passed or can still reach; None when the pack is not at hand."""
        if section.pack is None:
            return None
        document = student.document
        if id(document) not in self._open:
            self._open[id(document)] = scenes_open(section.pack, document)
        return self._open[id(document)]


def question_cell(row: Row, question: QuestionStats, paths: PathFinder) -> Any:
    """Points scored, or why there are none (see the module's docstring)."""
    got = row.student.question_points(question.id)
    if got is not None:
        return got
    document = row.student.document
    authored = paths.authored(row.section, question.id)
    if authored is not None and authored.asks_again:
        first = next((a for a in document.answers
                      if a.question == authored.asks_again and a.attempt == 1), None)
        if first is not None and first.correct:
            return NOT_ASKED_AGAIN
    open_scenes = paths.open_scenes(row.section, row.student)
    if open_scenes is None:  # no story map: a finished game's unanswered question was not on it
        named = {a.scene for a in document.answers} | {d.scene for d in document.decisions}
        return NOT_ON_PATH if document.completed and question.scene not in named else NO_ANSWER
    return NO_ANSWER if question.scene in open_scenes else NOT_ON_PATH


def learning_keys(report: ClassReport) -> list[tuple[str, str]]:
    """The pre/post check and mastery columns (issue 15, item 4): (key, header) pairs, only
    when some section's results have a check or skills. Kept apart from the other columns."""
    skills: dict[str, str] = {}
    checks = False
    for section in report.sections:
        if section.learning is not None:
            checks = checks or section.learning.any_check
            for skill, name in section.learning.skill_names.items():
                skills.setdefault(skill, name)
    keys = ([("pre", "check pre %"), ("post", "check post %"), ("gain", "check gain (points)"),
             ("g", "check normalised gain")] if checks else [])
    return keys + [(f"mastery:{skill}", f"mastery {name} %") for skill, name in skills.items()]


def learning_cell(row: Row, key: str) -> Any:
    """The student's number under a learning column, or empty where there is none."""
    learning = row.section.learning
    if learning is None:
        return None
    found = next(s for s, d in zip(learning.students, row.section.students) if d is row.student)
    value = (found.mastery.get(key.removeprefix("mastery:")) if key.startswith("mastery:")
             else {"pre": found.pre, "post": found.post, "gain": found.gain,
                   "g": found.normalised}[key])
    return None if value is None else round(value, 3)


def learning_columns(report: ClassReport, matching: Matching | None) -> list[Column]:
    return [Column(header, lambda r, k=key: learning_cell(r, k))
            for key, header in learning_keys(report)]


def report_rows(report: ClassReport, matching: Matching | None) -> list[Row]:
    rows = []
    for section in report.sections:
        for student in section.students:
            match = matching.by_name.get(student.name) if matching else None
            rows.append(Row(section, student, match.student if match else None,
                            match.how if match else ""))
    return rows


def report_csv(report: ClassReport, matching: Matching | None = None) -> str:
    columns = column_groups(report, matching)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow([safe_cell(c.header) for c in columns])
    for row in report_rows(report, matching):
        writer.writerow([safe_cell(c.cell(row)) for c in columns])
    return out.getvalue()
