"""Reading a class roster, and matching the names students typed to it: exact after
normalisation, else a close spelling only when one roster student is clearly nearest; never a
silent guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.classroom.roster import (RosterError, match_names, matching_lines, parse_roster,
                                   read_roster)


def roster_of(text: str):
    return parse_roster(text, "roster.csv")


@pytest.mark.parametrize("header", [
    "Name,ID,Email", "Student name,Student ID,E-mail", "STUDENT,SIS User ID,Email Address",
    "full_name,student-id,e-mail address", " Name ; Student number ; Mail ",
    "Name\tId number\tEmail"])
def test_common_header_spellings_are_read(header):
    separator = ";" if ";" in header else "\t" if "\t" in header else ","
    roster = roster_of(f"{header}\nAna Lopez{separator}S1{separator}ana@school.example\n")
    [student] = roster.students
    assert (student.name, student.student_id, student.email, student.line) == (
        "Ana Lopez", "S1", "ana@school.example", 2)


def test_a_roster_saved_by_excel_with_a_bom_or_first_and_last_names(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("\ufeffFirst name,Last name,Email\r\nAna María,Lopez,a@x\r\n"
                     .encode("utf-8"))
    [student] = read_roster(path).students
    assert student.name == "Ana María Lopez" and student.email == "a@x"


def test_a_canvas_export_serves_as_a_roster():
    roster = roster_of('Student,ID,SIS User ID,SIS Login ID,Section,Quiz (12)\n'
                       '    Points Possible,,,,,10\n'
                       '"Smith, John",4411,S1,jsmith,7B,\n')
    [student] = roster.students  # the Points Possible row is not a student
    assert (student.name, student.canvas_id, student.student_id, student.login,
            student.section, student.line) == ("Smith, John", "4411", "S1", "jsmith", "7B", 3)
    matching = match_names(["John Smith"], roster)
    assert matching.by_name["John Smith"].how == "exact"


@pytest.mark.parametrize("text, message", [
    ("", "roster.csv:1: the roster is empty"),
    ("Pupil,Class\nAna,7B\n", "roster.csv:1: no name column (a header such as Name or Student "
     "name, or First name and Last name); found: Pupil, Class"),
    ("Name,Class\nAna,7B\n", "roster.csv:1: no student id or e-mail column"),
    ("Name,ID\nAna,S1\n,S2\n", "roster.csv:3: no name in this row"),
    ("Name,ID\nAna,S1\n\nBen,S1\n", "roster.csv:4: student id S1 is also on line 2"),
    ("Name,Email\nAna,A@x\nBen,a@X\n", "roster.csv:3: e-mail a@X is also on line 2"),
    ('Name,ID\nAna,S1\n"Ben,S2\n', "roster.csv:3: not a CSV row (unexpected end of data)"),
    ("Name,ID\n", "roster.csv:1: no students under the header row"),
])
def test_a_bad_roster_is_one_line_naming_file_and_line(text, message):
    with pytest.raises(RosterError) as caught:
        roster_of(text)
    assert str(caught.value).startswith(message)


def test_a_roster_that_is_not_utf8_or_not_there(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("Name,ID\nAna,S1\nZoë,S2\n".encode("latin-1"))
    with pytest.raises(RosterError, match=r"roster.csv:3: not UTF-8 text"):
        read_roster(path)
    with pytest.raises(RosterError, match=r"nope.csv: cannot read the roster"):
        read_roster(tmp_path / "nope.csv")


CLASS = roster_of("Name,ID\nJohn Smith,S1\nAna María Lopez,S2\nZoe Chen,S3\nZoe Chan,S4\n"
                  "Maya Cohen,S5\nMaya Cohen,S6\nBen Okafor,S7\n")


def test_exact_after_unicode_case_and_blank_normalisation():
    matching = match_names(["  JOHN   smith ", "Ｊｏｈｎ Ｓｍｉｔｈ"], CLASS)
    # two typed forms of one name, both exact after normalisation: the roster line is claimed
    # twice, which is reported, not merged
    assert [s.line for s, _ in matching.clashes] == [2]
    matching = match_names(["  JOHN   smith "], CLASS)
    assert matching.by_name["  JOHN   smith "].how == "exact"


def test_a_close_spelling_matches_only_a_clearly_nearest_roster_name():
    matching = match_names(["jon smith", "Ana-Maria  López", "Zoe Chin", "Ben", "Maya Cohen"],
                           CLASS)
    found = {typed: (m.how, m.student.line if m.student else None, m.why)
             for typed, m in matching.by_name.items()}
    assert found["jon smith"][:2] == ("close", 2)
    assert found["Ana-Maria  López"][:2] == ("close", 3)
    # "Zoe Chin" is as near "Zoe Chen" as "Zoe Chan": no guess
    assert found["Zoe Chin"][:2] == ("none", None)
    assert "as close to" in found["Zoe Chin"][2]
    assert found["Ben"][:2] == ("none", None) and "not close enough" in found["Ben"][2]
    # two roster students of that name: neither is picked
    assert found["Maya Cohen"] == ("none", None, "the roster has 2 students of that name "
                                                 "(lines 6, 7)")
    text = "\n".join(matching_lines(matching))
    assert "'jon smith' matched to 'John Smith' (roster line 2)" in text
    assert "'Zoe Chin': as close to 'Zoe Chen' (roster line 4) as to another" in text
    assert "On the roster with no result (5):" in text


def test_an_exact_match_keeps_its_roster_student_from_a_close_one():
    matching = match_names(["John Smith", "jon smith"], CLASS)
    assert matching.by_name["John Smith"].student.line == 2
    jon = matching.by_name["jon smith"]
    assert jon.student is None and "which 'John Smith' matches exactly" in jon.why
    assert not matching.clashes


def test_two_close_spellings_of_one_roster_student_are_reported_not_merged():
    matching = match_names(["jon smith", "John Smyth"], CLASS)
    [(student, names)] = matching.clashes
    assert student.line == 2 and names == ["John Smyth", "jon smith"]
    assert all(matching.by_name[n].student is None for n in names)
    text = "\n".join(matching_lines(matching))
    assert ("Roster student 'John Smith' (roster line 2) is matched by 'John Smyth' and "
            "'jon smith': not merged") in text
    assert "'John Smith' (roster line 2)" not in text.split("On the roster with no result")[1]


def test_names_from_result_files_are_shown_safely():
    matching = match_names(["Zed \x1b[31m"], CLASS)
    text = "\n".join(matching_lines(matching))
    assert "\x1b" not in text and "Zed \\x1b[31m" in text


def test_roster_sample_file(tmp_path):
    from .class_sample import write_roster

    roster = read_roster(write_roster(Path(tmp_path) / "roster.csv"))
    assert len(roster.students) == 30 and roster.has_ids and roster.has_emails
