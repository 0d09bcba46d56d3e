"""A class roster (name, student id, e-mail) and how result names are matched to it.

Students type their own names, so "jon smith" may stand for the roster's "John Smith". A name
matches exactly when it is the same after Unicode (NFKC), case and blank normalisation; else by
a close spelling only when one roster student is clearly nearest (a score threshold and a margin
over the next). Every close match, every name matched to no one, every roster student with no
result and every roster student claimed by two names is listed for the teacher: never a
silent guess.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .report import shown

# A close spelling is taken only at this score (rapidfuzz's 0-100 token-sort ratio, accents,
# punctuation and word order set aside) and this far ahead of the next roster student.
FUZZY_THRESHOLD = 85.0
FUZZY_MARGIN = 10.0
MAX_ROSTER_BYTES = 5_000_000  # a roster of tens of thousands of students is far inside

# Header spellings, compared casefolded with blanks, dashes and underscores as one space.
NAME_HEADERS = {"name", "student", "student name", "full name", "student full name"}
FIRST_NAME_HEADERS = {"first name", "given name", "firstname"}
LAST_NAME_HEADERS = {"last name", "surname", "family name", "lastname"}
ID_HEADERS = {"id", "student id", "sis user id", "sis id", "student number", "id number",
              "idnumber", "user id"}
EMAIL_HEADERS = {"email", "e mail", "email address", "e mail address", "mail"}
LOGIN_HEADERS = {"sis login id", "login", "login id", "username", "user name"}
SECTION_HEADERS = {"section", "class", "group"}
CANVAS_ID_HEADERS = {"canvas id", "canvas user id"}
# Rows a Canvas gradebook export holds besides students (it may serve as the roster).
NOT_STUDENTS = {"points possible"}


class RosterError(ValueError):
    """What is wrong with a roster, as one line that starts with file:line."""


@dataclass(frozen=True)
class RosterStudent:
    line: int  # in the roster file, for the teacher to find it
    name: str
    student_id: str = ""
    email: str = ""
    login: str = ""
    section: str = ""
    canvas_id: str = ""  # Canvas's own user id, when the roster is a Canvas export

    def __str__(self) -> str:
        return f"'{shown(self.name, 60)}' (roster line {self.line})"


@dataclass(frozen=True)
class Roster:
    source: str
    students: tuple[RosterStudent, ...]
    has_ids: bool
    has_emails: bool


def header_key(text: str) -> str:
    return " ".join(re.sub(r"[-_\s]+", " ", text.strip().lstrip("\ufeff")).casefold().split())


def read_roster(path: Path) -> Roster:
    """The roster in a CSV file (UTF-8, with or without a BOM; comma, semicolon or tab)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ROSTER_BYTES + 1)
    except OSError as exc:
        raise RosterError(f"{path}: cannot read the roster: {exc.strerror or exc}") from None
    if len(data) > MAX_ROSTER_BYTES:
        raise RosterError(f"{path}: over {MAX_ROSTER_BYTES // 1_000_000} MB, too big for a roster")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RosterError(f"{path}:{line}: not UTF-8 text; save the roster as "
                          "\"CSV UTF-8\"") from None
    return parse_roster(text, str(path))


def parse_roster(text: str, source: str) -> Roster:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise RosterError(f"{source}:{reader.line_num}: not a CSV row ({exc})") from None
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise RosterError(f"{source}:1: the roster is empty (it needs a header row, such as "
                          "Name,Student ID,Email, and a row per student)")
    header_line, header = rows[0]
    columns = find_columns(header, source, header_line)
    students: list[RosterStudent] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows[1:]:
        student = roster_student(row, columns, line)
        if student is None:
            continue
        if not student.name:
            raise RosterError(f"{source}:{line}: no name in this row")
        # e-mails compared casefolded: one inbox, however it is typed
        for what, value, key in (("student id", student.student_id, student.student_id),
                                 ("e-mail", student.email, student.email.casefold())):
            if value and (what, key) in seen:
                raise RosterError(f"{source}:{line}: {what} {value} is also on line "
                                  f"{seen[what, key]}")
            if value:
                seen[what, key] = line
        students.append(student)
    if not students:
        raise RosterError(f"{source}:{header_line}: no students under the header row")
    return Roster(source, tuple(students), "student_id" in columns, "email" in columns)


def find_columns(header: list[str], source: str, line: int) -> dict[str, int]:
    keys = [header_key(cell) for cell in header]

    def first(names: set[str]) -> int | None:
        return next((n for n, key in enumerate(keys) if key in names), None)

    found = {"name": first(NAME_HEADERS), "first": first(FIRST_NAME_HEADERS),
             "last": first(LAST_NAME_HEADERS), "email": first(EMAIL_HEADERS),
             "login": first(LOGIN_HEADERS), "section": first(SECTION_HEADERS),
             "canvas_id": first(CANVAS_ID_HEADERS)}
    # A Canvas export has both "ID" (Canvas's own) and "SIS User ID" (the school's).
    sis = next((n for n, key in enumerate(keys) if key in {"sis user id", "sis id"}), None)
    plain_id = next((n for n, key in enumerate(keys) if key == "id"), None)
    if sis is not None and plain_id is not None:
        found["student_id"], found["canvas_id"] = sis, found["canvas_id"] or plain_id
    else:
        found["student_id"] = first(ID_HEADERS)
    columns = {what: n for what, n in found.items() if n is not None}
    if "name" not in columns and not ("first" in columns and "last" in columns):
        raise RosterError(f"{source}:{line}: no name column (a header such as Name or Student "
                          f"name, or First name and Last name); found: {', '.join(header)}")
    if "student_id" not in columns and "email" not in columns:
        raise RosterError(f"{source}:{line}: no student id or e-mail column (a header such as "
                          f"Student ID, SIS User ID or Email); found: {', '.join(header)}")
    return columns


def roster_student(row: list[str], columns: dict[str, int], line: int) -> RosterStudent | None:
    def cell(what: str) -> str:
        n = columns.get(what)
        return row[n].strip() if n is not None and n < len(row) else ""

    name = cell("name") or " ".join(part for part in (cell("first"), cell("last")) if part)
    if normal(name) in NOT_STUDENTS:
        return None
    return RosterStudent(line, name, cell("student_id"), cell("email"), cell("login"),
                         cell("section"), cell("canvas_id"))


# -- matching -------------------------------------------------------------------------------

def normal(name: str) -> str:
    """The name as compared exactly: NFKC, casefolded, blanks as one space."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def loose(name: str) -> str:
    """The name as compared for a close spelling: no accents, punctuation as blanks."""
    decomposed = unicodedata.normalize("NFKD", normal(name))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]|_", " ", bare).split())


def name_forms(name: str) -> list[str]:
    """A roster name, and "Smith, John" also as "John Smith" (Canvas lists names that way)."""
    forms = [name]
    last, comma, rest = name.partition(",")
    if comma and "," not in rest and last.strip() and rest.strip():
        forms.append(f"{rest.strip()} {last.strip()}")
    return forms


@dataclass(frozen=True)
class Match:
    typed: str  # the name as the student typed it
    student: RosterStudent | None
    how: str  # "exact", "close" or "none"
    why: str = ""  # for "none": why, in words
    score: float = 100.0


@dataclass
class Matching:
    roster: Roster
    by_name: dict[str, Match] = field(default_factory=dict)  # typed name -> its match
    clashes: list[tuple[RosterStudent, list[str]]] = field(default_factory=list)

    def student_for(self, typed: str) -> RosterStudent | None:
        match = self.by_name.get(typed)
        return match.student if match else None

    @property
    def close(self) -> list[Match]:
        return [m for m in self.by_name.values() if m.how == "close"]

    @property
    def unmatched(self) -> list[Match]:
        return [m for m in self.by_name.values() if m.how == "none"]

    @property
    def without_result(self) -> list[RosterStudent]:
        matched = {m.student for m in self.by_name.values() if m.student}
        claimed = {s for s, _ in self.clashes}
        return [s for s in self.roster.students if s not in matched and s not in claimed]


def match_names(typed_names: Iterable[str], roster: Roster) -> Matching:
    """Each typed name's roster student, exact first, then close; two names on one roster
    student keep it only when one of them is exact (the other is then unmatched)."""
    exact: dict[str, list[RosterStudent]] = {}
    for student in roster.students:
        for form in name_forms(student.name):
            key = normal(form)
            if student not in exact.get(key, []):
                exact.setdefault(key, []).append(student)
    # token_sort_ratio sets word order aside, so "Smith, John" needs no second form here
    choices = {n: loose(student.name) for n, student in enumerate(roster.students)}
    matches = [match_one(name, exact, choices, roster) for name in sorted(set(typed_names))]
    matching = Matching(roster)
    by_student: dict[RosterStudent, list[Match]] = {}
    for match in matches:
        if match.student is not None:
            by_student.setdefault(match.student, []).append(match)
        else:
            matching.by_name[match.typed] = match
    for student, claims in by_student.items():
        exacts = [m for m in claims if m.how == "exact"]
        if len(claims) == 1 or len(exacts) == 1:
            keep = claims[0] if len(claims) == 1 else exacts[0]
            matching.by_name[keep.typed] = keep
            for other in claims:
                if other is not keep:
                    matching.by_name[other.typed] = Match(
                        other.typed, None, "none",
                        f"close to {student}, which '{keep.typed}' matches exactly",
                        other.score)
        else:
            matching.clashes.append((student, sorted(m.typed for m in claims)))
            for other in claims:
                matching.by_name[other.typed] = Match(
                    other.typed, None, "none", f"{student} is matched by more than one name",
                    other.score)
    return matching


def match_one(typed: str, exact: dict[str, list[RosterStudent]], choices: dict[int, str],
              roster: Roster) -> Match:
    same = exact.get(normal(typed), [])
    if len(same) == 1:
        return Match(typed, same[0], "exact")
    if len(same) > 1:
        lines = ", ".join(str(s.line) for s in same)
        return Match(typed, None, "none", f"the roster has {len(same)} students of that name "
                     f"(lines {lines})")
    from rapidfuzz import fuzz, process  # imported only when a name needs a close look

    ranked = process.extract(loose(typed), choices, scorer=fuzz.token_sort_ratio, limit=2)
    if not ranked:
        return Match(typed, None, "none", "no roster name is close", 0.0)
    _, best, index = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    nearest = roster.students[index]
    if best >= FUZZY_THRESHOLD and best - second >= FUZZY_MARGIN:
        return Match(typed, nearest, "close", score=best)
    if best >= FUZZY_THRESHOLD:
        why = f"as close to {nearest} as to another roster name"
    else:
        why = f"nearest is {nearest}, not close enough"
    return Match(typed, None, "none", why, best)


def matching_lines(matching: Matching) -> list[str]:
    """What the teacher reads about the matching, one line each: close matches, names matched
    to no one, roster students with no result and roster students two names claim."""
    roster = matching.roster
    matched = [m for m in matching.by_name.values() if m.student]
    lines = [f"Roster {roster.source}: {len(roster.students)} students; "
             f"{len(matched)} of {len(matching.by_name)} result names matched "
             f"({len(matched) - len(matching.close)} exactly, {len(matching.close)} by a close "
             "spelling)."]
    if matching.close:
        lines.append("Matched by a close spelling (check them):")
        lines += [f"  '{shown(m.typed, 60)}' matched to {m.student}" for m in
                  sorted(matching.close, key=lambda m: m.typed.casefold())]
    if matching.unmatched:
        lines.append("Result names that match no one on the roster (left out of the "
                     "gradebook files):")
        lines += [f"  '{shown(m.typed, 60)}': {m.why}" for m in
                  sorted(matching.unmatched, key=lambda m: m.typed.casefold())]
    for student, names in matching.clashes:
        quoted = " and ".join("'" + shown(name, 60) + "'" for name in names)
        lines.append(f"Roster student {student} is matched by {quoted}: not merged; rename "
                     "one result or fix the roster.")
    missing = matching.without_result
    if missing:
        lines.append(f"On the roster with no result ({len(missing)}): "
                     + ", ".join(str(s) for s in missing))
    return lines
