"""Gradebook files for Canvas and Moodle, from a 30-student class whose roster has two names
typed otherwise by their students, checked against each system's documented import rules
(the rules are listed in game/classroom/gradebook.py, with where they come from)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from game.classroom.gradebook import (CANVAS_READ_ONLY, GradebookError, build_gradebook,
                                      canvas_csv, moodle_csv)
from game.classroom.report import build_report
from game.classroom.report_csv import NOT_ON_PATH, report_csv
from game.classroom.results import read_results
from game.classroom.roster import match_names, read_roster
from game.cli import main

from .class_sample import (NOT_PLAYED, ROSTER_NAMES, TYPED, UNFINISHED, email, student_id,
                           write_class, write_roster)

FORMULA_START = re.compile(r"^\s*[=+\-@]|^[\t\r]")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


@pytest.fixture(scope="module")
def sample(campaign, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("class")
    write_class(campaign, folder / "results")
    write_roster(folder / "roster.csv")
    return folder


@pytest.fixture(scope="module")
def class_files(sample, campaign):
    report = build_report(read_results(sample / "results"), [campaign])
    matching = match_names([s.name for sec in report.sections for s in sec.students],
                           read_roster(sample / "roster.csv"))
    book = build_gradebook(report, matching)
    moodle, left_out = moodle_csv(book)
    return report, matching, canvas_csv(book), moodle, left_out


def lines_of(text: str) -> list[str]:
    """The file's lines, after checking what both systems read: UTF-8 text without a BOM,
    every line ended by CRLF (RFC 4180), one header and rows of the same width."""
    data = text.encode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.split("\r\n")[:-1]


def check_cells(rows: list[list[str]]) -> None:
    width = len(rows[0])
    for row in rows:
        assert len(row) == width, row  # Canvas guesses the delimiter by it; Moodle requires it
        for cell in row:
            assert not FORMULA_START.match(cell) or NUMBER.fullmatch(cell), cell


def check_grade(cell: str, points_possible: float) -> float | None:
    if cell == "":
        return None
    assert NUMBER.fullmatch(cell), cell
    assert 0 <= float(cell) <= points_possible, cell
    return float(cell)


def check_canvas(text: str) -> dict[str, tuple[str, float | None]]:
    """Canvas's gradebook import rules; returns SIS User ID -> (name, grade)."""
    rows = list(csv.reader(lines_of(text)))
    check_cells(rows)
    header, points, students = rows[0], rows[1], rows[2:]
    # the student columns, as Canvas's importer recognises them: Student, ID, then SIS User ID
    # and SIS Login ID together, and Section last
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assignments = header[5:]
    assert assignments and len(set(assignments)) == len(assignments)
    for title in assignments:
        assert title.strip() and not any(word in title for word in CANVAS_READ_ONLY)
    assert "Points Possible" in points[0] and points[1:5] == ["", "", "", ""]
    possible = [float(p) for p in points[5:]]
    grades = {}
    for row in students:
        assert row[0].strip() and "Points Possible" not in row[0]
        assert row[2].strip(), row  # found by SIS User ID, never by name alone
        assert row[2] not in grades
        grades[row[2]] = (row[0], check_grade(row[5], possible[0]))
        for cell, top in zip(row[6:], possible[1:]):
            check_grade(cell, top)
    return grades


def check_moodle(text: str, identifier: str) -> dict[str, tuple[str, float | None]]:
    """Moodle's grade import rules; returns the identifier -> (name, grade)."""
    rows = list(csv.reader(lines_of(text)))
    check_cells(rows)
    header, students = rows[0], rows[1:]
    assert len(set(header)) == len(header) and all(h.strip() == h and h for h in header)
    column = header.index(identifier)
    items = [n for n, h in enumerate(header) if h not in ("ID number", "Email address",
                                                            "Full name")]
    assert items
    grades = {}
    for row in students:
        assert row[column].strip(), row  # a blank identifier keeps the row before's user
        assert row[column] not in grades
        grades[row[column]] = (row[header.index("Full name")],
                               check_grade(row[items[0]], 100))
        for n in items[1:]:
            check_grade(row[n], 100)
    return grades


def test_canvas_file_imports_by_its_rules(class_files):
    report, matching, canvas, _, _ = class_files
    grades = check_canvas(canvas)
    [section] = report.sections
    percent = {s.name: s.document.percent for s in section.students}
    played = [n for n in ROSTER_NAMES if n != NOT_PLAYED and n not in UNFINISHED]
    # every student who finished, under the roster's name and id; the two who typed their
    # names otherwise are there under the roster's spelling
    assert sorted(grades) == sorted(student_id(ROSTER_NAMES.index(n) + 1) for n in played)
    assert len(grades) == 27
    for number, name in enumerate(ROSTER_NAMES, start=1):
        if name in played:
            typed = TYPED.get(name, name)
            assert grades[student_id(number)] == (name, min(100, max(0, percent[typed])))
    assert canvas.splitlines()[0].endswith(",Hit for Hit: A Week on the Syria Desk")
    assert canvas.splitlines()[1] == "Points Possible,,,,,100"
    assert "john.10@school.example" in canvas  # the e-mail as SIS Login ID


def test_moodle_file_imports_by_its_rules(class_files):
    _, _, _, moodle, left_out = class_files
    by_id = check_moodle(moodle, "ID number")
    by_email = check_moodle(moodle, "Email address")
    assert len(by_id) == len(by_email) == 27 and not left_out
    assert by_id[student_id(1)] == by_email[email("John Smith")]
    assert by_id[student_id(2)][0] == "Ana María Lopez"
    assert moodle.splitlines()[0] == ("ID number,Email address,Full name,"
                                      "Hit for Hit: A Week on the Syria Desk")


def test_the_column_rules_have_teeth(class_files):
    """A file that breaks a rule fails its check: a blank identifier, a formula, a grade over
    the points possible, a BOM, a missing Section column, bare line feeds."""
    _, _, canvas, moodle, _ = class_files
    lines = canvas.split("\r\n")
    broken = [
        "\r\n".join(lines[:2] + [lines[2].replace(",S1001,", ",,")] + lines[3:]),
        "\r\n".join(lines[:2] + ["=cmd|' /C calc'!A0" + lines[2][len("John Smith"):]]
                    + lines[3:]),
        "\r\n".join(lines[:2] + [re.sub(r",[\d.]+$", ",101", lines[2])] + lines[3:]),
        "\ufeff" + canvas,
        canvas.replace("SIS Login ID,Section,", "SIS Login ID,Group,"),
        canvas.replace("\r\n", "\n"),
    ]
    for text in broken:
        with pytest.raises(AssertionError):
            check_canvas(text)
    mlines = moodle.split("\r\n")
    with pytest.raises(AssertionError):
        check_moodle("\r\n".join(mlines[:1] + [",,x,50"] + mlines[1:]), "ID number")


def test_the_terminal_lists_every_close_match_and_who_is_missing(class_files):
    from game.classroom.roster import matching_lines

    _, matching, _, _, _ = class_files
    text = "\n".join(matching_lines(matching))
    assert "'jon smith' matched to 'John Smith' (roster line 2)" in text
    assert "'Ana-Maria  López' matched to 'Ana María Lopez' (roster line 3)" in text
    assert "27 exactly, 2 by a close spelling" in text
    assert "On the roster with no result (1): 'Ethan Clarke' (roster line 31)" in text


def test_plain_csv_with_a_roster_tells_other_branch_from_no_answer(class_files):
    report, matching, _, _, _ = class_files
    rows = list(csv.DictReader(io.StringIO(report_csv(report, matching))))
    jon = next(r for r in rows if r["name"] == "jon smith")
    assert (jon["roster name"], jon["student id"], jon["roster match"]) == (
        "John Smith", "S1001", "close")
    assert jon["e-mail"] == "john.10@school.example"
    questions = [h for h in rows[0] if re.match(r"Q\d+ ", h)]
    finished = [r for r in rows if r["completed"] == "yes"]
    unfinished = [r for r in rows if r["completed"] == "no"]
    assert len(finished) == 27 and len(unfinished) == 2
    # a finished game answered every question on its route; the rest were on other branches
    # or asked again only of those who missed them
    for row in finished:
        assert all(row[q] not in ("",) for q in questions), row["name"]
    assert any(row[q] == NOT_ON_PATH for row in finished for q in questions)
    # an unfinished game can still reach what lies ahead: no answer yet, not "other branch"
    for row in unfinished:
        assert row[questions[-1]] == ""
    # the track columns end with the ungraded one; the campaign tags its questions and
    # decisions with skills, so a mastery column per skill follows, kept apart from them
    header = list(rows[0])
    tracks_end = header.index("Not graded: Escalation risk (level)") + 1
    assert [h for h in header[tracks_end:] if h.startswith("mastery ")] == [
        "mastery Sourcing %", "mastery Attribution %", "mastery Precision %",
        "mastery Uncertainty %"]
    assert all(h.startswith(("mastery ", "check ")) for h in header[tracks_end:])
    assert {r["grade"] for r in finished} <= {"A", "B", "C", "D", "E"}


def test_report_command_writes_both_gradebooks_and_says_what_it_matched(sample, tmp_path,
                                                                        capsys):
    canvas, moodle = tmp_path / "canvas.csv", tmp_path / "moodle.csv"
    assert main(["report", str(sample / "results"), "--roster", str(sample / "roster.csv"),
                 "--canvas", str(canvas), "--moodle", str(moodle)]) == 0
    out = capsys.readouterr().out
    assert "'jon smith' matched to 'John Smith' (roster line 2)" in out
    assert "Not finished, so no grade written (2): Grace Taylor, Leo Novak" in out
    assert f"wrote {canvas}" in out and f"wrote {moodle}" in out
    assert len(check_canvas(canvas.read_bytes().decode("utf-8"))) == 27
    assert len(check_moodle(moodle.read_bytes().decode("utf-8"), "Email address")) == 27


def test_a_gradebook_needs_a_roster_and_a_bad_roster_is_named_by_line(sample, tmp_path,
                                                                      capsys):
    assert main(["report", str(sample / "results"), "--moodle", str(tmp_path / "m.csv")]) == 2
    assert "--moodle needs --roster FILE" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email\nAna,ana@x\nBen,ana@x\n", encoding="utf-8")
    assert main(["report", str(sample / "results"), "--roster", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: e-mail ana@x is also on line 2" in err and "Traceback" not in err
    assert not (tmp_path / "m.csv").exists()


def test_two_results_for_one_roster_student_are_reported_not_merged(campaign, tmp_path):
    from .class_sample import play
    from game.classroom.results import write_result

    results = tmp_path / "results"
    write_result(results, campaign, play(campaign, "John Smith", seed=1).state)
    other = play(campaign, "John Smith", seed=2).state
    other.class_code = "7C"  # the same name typed in another class: two students to the report
    write_result(results, campaign, other)
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,Student ID\nJohn Smith,S1\n", encoding="utf-8")
    report = build_report(read_results(results), [campaign])
    matching = match_names(["John Smith"], read_roster(roster))
    book = build_gradebook(report, matching)
    assert book.rows == []
    assert any("'John Smith' (roster line 2) has 2 results" in note and "no grade written"
               in note for note in book.notes)


def test_grade_item_names_the_column_once(class_files):
    report, matching, _, _, _ = class_files
    book = build_gradebook(report, matching, "Week 3 briefing (4417)")
    assert canvas_csv(book).splitlines()[0].endswith(",Week 3 briefing (4417)")
    with pytest.raises(GradebookError, match="read-only total"):
        build_gradebook(report, matching, "Final Grade")
