"""The class report as CSV for a gradebook: one row per student (the attempt that counts), one
column per track and per question."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from .report import ClassReport, Section, Student

FIXED_COLUMNS = ["class", "name", "simulated", "pack", "pack version", "mode", "completed",
                 "attempts", "counted attempt", "started", "updated", "percent", "grade"]
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


def columns(report: ClassReport) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(track id, header) and (question id, header) pairs, in pack order across sections.
    Sections usually share them; one that lacks a column leaves its cells empty."""
    tracks: dict[str, str] = {}
    questions: dict[str, str] = {}
    for section in report.sections:
        for track in section.tracks:  # a gauge (not graded) is a level, not a percent
            tracks.setdefault(track.id, f"{track.name} %" if track.graded
                              else f"{track.name} (level, not graded)")
        for question in section.questions:
            points = "" if question.points is None else f" (of {question.points:g})"
            questions.setdefault(question.id, f"{question.id}{points}")
    return list(tracks.items()), list(questions.items())


def student_row(section: Section, student: Student, track_ids: list[str],
                question_ids: list[str]) -> list[Any]:
    document = student.document
    row = [student.class_code, student.name, student.simulated, section.pack_id,
           section.version, document.mode, document.completed, len(student.attempts),
           document.attempt, document.started_at, document.updated_at, document.percent,
           document.grade]
    row += [student.track_value(t) for t in track_ids]
    row += [student.question_points(q) for q in question_ids]
    return [safe_cell(v) for v in row]


def learning_columns(report: ClassReport) -> list[tuple[str, str]]:
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


def learning_cells(section: Section, student: Student,
                   keys: list[tuple[str, str]]) -> list[Any]:
    """The student's cells under learning_columns: numbers, or empty where there is none."""
    if section.learning is None or not keys:
        return [""] * len(keys)
    found = next(s for s, d in zip(section.learning.students, section.students)
                 if d is student)
    values = {"pre": found.pre, "post": found.post, "gain": found.gain, "g": found.normalised}
    cells = []
    for key, _ in keys:
        value = (found.mastery.get(key.removeprefix("mastery:")) if key.startswith("mastery:")
                 else values[key])
        cells.append(safe_cell(None if value is None else round(value, 3)))
    return cells


def report_csv(report: ClassReport) -> str:
    tracks, questions = columns(report)
    learning = learning_columns(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow([safe_cell(h) for h in
                     FIXED_COLUMNS + [h for _, h in tracks] + [h for _, h in questions]
                     + [h for _, h in learning]])
    for section in report.sections:
        for student in section.students:
            writer.writerow(student_row(section, student, [t for t, _ in tracks],
                                        [q for q, _ in questions])
                            + learning_cells(section, student, learning))
    return out.getvalue()
