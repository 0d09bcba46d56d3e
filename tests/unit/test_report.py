"""`briefing report`: the numbers a teacher reads, from result files written by hand, so every
expected count below can be checked by eye against the files."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from game.classroom.report import build_report, counted_attempt, histogram
from game.classroom.report_csv import NOT_ON_PATH, report_csv, safe_cell
from game.classroom.report_html import report_html
from game.classroom.report_text import print_report
from game.classroom.results import FORMAT, SCHEMA_VERSION, read_results
from game.cli import main

MINI_KEY = {"id": "mini", "version": "1.0", "title": "The Flood"}


def answer(question: str, response, points: float, max_points: float = 1, *,
           correct: bool | None = None, attempt: int = 1, hinted: bool = False,
           scene: str = "mon-alarm") -> dict:
    return {"scene": scene, "question": question, "response": response, "points": points,
            "max_points": max_points, "correct": points == max_points if correct is None
            else correct, "attempt": attempt, "hinted": hinted, "at": "2026-03-02T10:00:00+00:00"}


REPORT_40 = (0, "Report 40 moved, and note the radio's 55", {"tradecraft": 2.0})
REPORT_55 = (1, "Report 55 moved", {"tradecraft": -1.0, "escalation": 1.0})


def document(name: str, *, answers: list[dict], decision=None, class_code: str = "7B",
             mode: str = "practice", completed: bool = True, percent: float | None = None,
             grade: str = "A", started: str = "2026-03-02T10:00:00+00:00",
             attempt: str | None = None, simulated: bool = False, content_hash: str,
             version: str = "1.0") -> dict:
    earned = sum(a["points"] for a in answers)
    offered = sum(a["max_points"] for a in answers)
    tradecraft = decision[2]["tradecraft"] if decision else 0.0
    escalation = decision[2].get("escalation", 0.0) if decision else 0.0
    decisions = [] if decision is None else [
        {"scene": "mon-alarm", "choice": decision[0], "text": decision[1], "effects": decision[2],
         "available": {"tradecraft": 2.0, "escalation": 1.0}, "at": started}]
    return {
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "simulated": simulated,
        "pack": {**MINI_KEY, "version": version, "content_hash": content_hash},
        "class": class_code, "name": name, "mode": mode, "seed": 7, "same_order": False,
        "attempt": attempt or f"{started[:10]}-{name}", "started_at": started,
        "updated_at": started, "completed": completed, "scene": "end-good" if completed
        else "mon-alarm", "ending": "end-good" if completed else None,
        "decisions": decisions, "answers": answers,
        "tracks": {
            "tradecraft": {"name": "Tradecraft", "earned": tradecraft, "available": 2.0,
                           "percent": tradecraft * 50, "graded": True, "band": "x"},
            "escalation": {"name": "Escalation risk", "earned": escalation, "available": 1.0,
                           "percent": escalation * 100, "graded": False, "band": "—"},
            "recall": {"name": "Recall", "earned": earned, "available": offered,
                       "percent": round(100 * earned / offered, 1) if offered else None,
                       "graded": True, "band": "x"}},
        "percent": percent, "grade": grade,
    }


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / "7b" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def class_folder(tmp_path, mini_pack) -> Path:
    """Four students, one of them twice; one simulated result; a later pack version; three
    files that are not results."""
    folder = tmp_path / "results"
    key = mini_pack.content_hash
    write(folder, "ana", document("Ana", content_hash=key, percent=100, decision=REPORT_40,
                                  answers=[answer("q-villages", 3, 1),
                                           answer("q-day", "Monday", 2, 2)]))
    write(folder, "ben", document("Ben", content_hash=key, percent=12.5, grade="C",
                                  mode="exam", decision=REPORT_55, answers=[
                                      answer("q-villages", 5, 0),
                                      answer("q-day", "Tuesday", 0, 2),
                                      answer("q-who", ["Officials", "The mayor"], 0.5,
                                             scene="tue-radio", hinted=True)]))
    # Cara: an unfinished first try, then a finished one that counts.
    write(folder, "cara-1", document("Cara", content_hash=key, completed=False, percent=None,
                                     started="2026-03-02T09:00:00+00:00",
                                     answers=[answer("q-villages", 3, 1)]))
    write(folder, "cara-2", document("Cara", content_hash=key, percent=55,
                                     decision=REPORT_40, answers=[
                                         answer("q-villages", 4, 0),
                                         answer("q-villages", 3, 0.5, attempt=2),
                                         answer("q-day", "Sunday", 0, 2)]))
    write(folder, "markup", document("[bold]x[/]", content_hash=key, percent=91,
                                     decision=REPORT_40, answers=[
                                         answer("q-villages", 3, 1),
                                         answer("q-day", "Monday", 2, 2)]))
    write(folder, "sim", document("Simulated 001", content_hash=key, simulated=True,
                                  percent=0, class_code="SIM",
                                  answers=[answer("q-day", "Sunday", 0, 2)]))
    write(folder, "dan-v2", document("Dan", content_hash="sha256:0000000000000000",
                                     version="2.0", percent=45, decision=REPORT_55,
                                     answers=[answer("q-day", "Monday", 2, 2)]))
    (folder / "7b" / "truncated.json").write_text(
        json.dumps(document("Eve", content_hash=key, answers=[]))[:120], encoding="utf-8")
    (folder / "7b" / "foreign.json").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "7b" / "binary.json").write_bytes(b"\xff\xfe\x00junk")
    return folder


def main_section(report):
    return next(s for s in report.sections if s.version == "1.0")


def test_each_student_counts_once_with_their_latest_finished_attempt(class_folder, mini_pack):
    report = build_report(read_results(class_folder), [mini_pack])
    section = main_section(report)
    names = [s.name for s in section.students]
    assert names == ["[bold]x[/]", "Ana", "Ben", "Cara"]  # the simulated one is left out
    cara = section.students[3]
    assert len(cara.attempts) == 2 and cara.counted_number == 2
    assert cara.why_counted == "latest completed" and cara.document.percent == 55
    assert report.simulated_left_out == 1 and not report.only_simulated


def test_first_try_percent_correct_and_distractor_counts(class_folder, mini_pack):
    section = main_section(build_report(read_results(class_folder), [mini_pack]))
    questions = {q.id: q for q in section.questions}
    day = questions["q-day"]
    assert (day.answered, day.correct_first, day.percent_correct) == (4, 2, 50.0)
    assert [(o.text, o.picked, o.right) for o in day.options] == [
        ("Monday", 2, True), ("Tuesday", 1, False), ("Sunday", 1, False)]
    villages = questions["q-villages"]
    # Cara was wrong at the first try and right at her retry: only the first try counts.
    assert (villages.answered, villages.correct_first, villages.percent_correct) == (4, 2, 50.0)
    assert villages.common_wrong == [("5", 1), ("4", 1)]
    who = questions["q-who"]
    assert (who.answered, who.correct_first, who.partial_first, who.hinted) == (1, 0, 1, 1)
    assert [(o.text, o.picked) for o in who.options] == [
        ("Officials", 1), ("Local radio", 0), ("The mayor", 1)]
    assert questions["q-mayor"].answered == 0 and questions["q-mayor"].percent_correct is None
    assert [q.id for q in section.most_missed()] == ["q-who", "q-villages", "q-day"]
    assert section.most_missed()[0].source == "Officials said 40 people were moved."


def test_decision_splits_histogram_and_averages(class_folder, mini_pack):
    section = main_section(build_report(read_results(class_folder), [mini_pack]))
    [decision] = section.decisions
    assert decision.scene == "mon-alarm" and decision.reached == 4
    assert [(c.text, c.count) for c in decision.choices] == [(REPORT_40[1], 3), (REPORT_55[1], 1)]
    assert decision.what_happened == "Officials said 40."
    bins = dict(section.histogram)
    assert bins == {"under 10%": 0, "10–19%": 1, "20–29%": 0, "30–39%": 0, "40–49%": 0, "50–59%": 1,
                    "60–69%": 0, "70–79%": 0, "80–89%": 0, "90–100%": 2}
    assert section.average_percent == round((100 + 12.5 + 55 + 91) / 4, 1)
    tradecraft = next(t for t in section.tracks if t.id == "tradecraft")
    # 2, 2, 2 and -1 of 2: a negative score counts as it is, not as none
    assert tradecraft.average_percent == round((100 + 100 + 100 - 50) / 4, 1) == 62.5
    assert tradecraft.students == 4


def test_other_pack_versions_get_their_own_section_never_merged(class_folder, mini_pack):
    report = build_report(read_results(class_folder), [mini_pack])
    assert [(s.version, len(s.students)) for s in report.sections] == [("1.0", 4), ("2.0", 1)]
    later = report.sections[1]
    assert [s.name for s in later.students] == ["Dan"]
    assert {q.id: q.answered for q in later.questions}["q-day"] == 1
    assert main_section(report).pack_note == "" and "has changed" in later.pack_note


def test_damaged_and_foreign_files_are_skipped_and_named(class_folder, mini_pack):
    report = build_report(read_results(class_folder), [mini_pack])
    skipped = {path.name: why for path, why in report.skipped}
    assert set(skipped) == {"truncated.json", "foreign.json", "binary.json"}
    assert "not valid JSON" in skipped["truncated.json"]
    assert "not a briefing result" in skipped["foreign.json"]


def test_simulated_results_alone_are_reported_and_marked(tmp_path, mini_pack):
    write(tmp_path, "sim", document("Simulated 001", content_hash=mini_pack.content_hash,
                                    simulated=True, percent=0,
                                    answers=[answer("q-day", "Sunday", 0, 2)]))
    report = build_report(read_results(tmp_path), [mini_pack])
    assert report.only_simulated and report.simulated_left_out == 0
    assert "SIMULATED" in rendered(report)
    assert "simulated results" in report_html(report)


def test_include_simulated_counts_them_with_the_class_and_marks_each(class_folder, mini_pack):
    report = build_report(read_results(class_folder), [mini_pack], include_simulated=True)
    section = main_section(report)
    assert report.simulated_left_out == 0 and section.mixed_simulated
    assert {q.id: q.answered for q in section.questions}["q-day"] == 5
    assert "Simulated 001 (simulated)" in rendered(report)


def test_without_the_pack_the_report_still_works_by_id(class_folder):
    report = build_report(read_results(class_folder), packs=[])
    section = main_section(report)
    assert section.pack is None and "--pack" in section.pack_note
    day = {q.id: q for q in section.questions}["q-day"]
    assert day.ask == "q-day" and day.source is None and day.percent_correct == 50.0
    assert {o.text: o.picked for o in day.options} == {"Monday": 2, "Tuesday": 1, "Sunday": 1}
    assert [c.text for c in section.decisions[0].choices] == [REPORT_40[1], REPORT_55[1]]
    assert "q-day" in rendered(report)


def test_counted_attempt_prefers_a_finished_exam(class_folder):
    results = [r for r in read_results(class_folder).results if r.document.name == "Cara"]
    results.sort(key=lambda r: r.document.started_at)
    exam = replace(results[0], document=replace(results[0].document, mode="exam",
                                                completed=True))
    counted, why = counted_attempt([exam, results[1]])
    assert counted is exam and why == "latest completed exam"


def test_histogram_bins_edges():
    # a total below zero is in the lowest bin, which says "under", not "0–9%"
    assert dict(histogram([-12.5, 0, 9.9, 10, 99.9, 100])) == {
        "under 10%": 3, "10–19%": 1, "20–29%": 0, "30–39%": 0, "40–49%": 0, "50–59%": 0,
        "60–69%": 0, "70–79%": 0, "80–89%": 0, "90–100%": 2}


def rendered(report, width: int = 120) -> str:
    out = io.StringIO()
    print_report(report, Console(file=out, width=width, color_system=None))
    return out.getvalue()


def test_terminal_report_shows_names_literally(class_folder, mini_pack):
    data = json.loads((class_folder / "7b" / "ana.json").read_text())
    data.update(name="Zed \x1b[31mred", attempt="zed")  # a hand-edited file: a raw escape
    write(class_folder, "zed", data)
    text = rendered(build_report(read_results(class_folder), [mini_pack]))
    assert "[bold]x[/]" in text and "\x1b" not in text and "Zed \\x1b[31mred" in text
    assert "When did the river rise?" in text and "Officials said 40" in text
    assert "truncated.json" not in text  # the CLI warns on stderr, see below


def test_csv_has_one_row_per_student_and_a_column_per_track_and_question(class_folder,
                                                                         mini_pack):
    report = build_report(read_results(class_folder), [mini_pack])
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    header = list(rows[0])
    assert header[:2] == ["class", "name"]
    # the grade, graded tracks, questions (by number, short wording and points), then gauges
    assert header[header.index("percent"):] == [
        "percent", "grade", "Tradecraft %", "Recall %",
        "Q1 How many villages flooded? (1 pt)", "Q2 When did the river rise? (2 pts)",
        "Q3 Who gave a figure? (1 pt)", "Q4 Who promised to rebuild? (1 pt)",
        "Q5 Put in order. (1 pt)", "Q6 The radio's figure was… (1 pt)",
        "Not graded: Escalation risk (level)"]
    assert [(r["name"], r["pack version"]) for r in rows] == [
        ("[bold]x[/]", "1.0"), ("Ana", "1.0"), ("Ben", "1.0"), ("Cara", "1.0"), ("Dan", "2.0")]
    ana, ben, cara = rows[1:4]
    villages, day, who = (f"Q{n} {text}" for n, text in (
        (1, "How many villages flooded? (1 pt)"), (2, "When did the river rise? (2 pts)"),
        (3, "Who gave a figure? (1 pt)")))
    assert cara["attempts"] == "2" and cara["completed"] == "yes" and cara["percent"] == "55"
    assert cara[villages] == "0.5" and cara[day] == "0"
    # Ben reported 55 and went by the radio scene; Ana reported 40, and its question was on
    # the branch she did not take: not the same as a question left unanswered
    assert ben[who] == "0.5" and ana[who] == NOT_ON_PATH == "n/a (other branch)"
    assert ben["mode"] == "exam" and ben["Tradecraft %"] == "-50"  # -1 of 2, as it is
    assert (ana["grade"], ben["grade"]) == ("A", "C")  # the band's letter


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\r=1",
                                  " =1+1", "\n=1+1", " \t\r\n @SUM(A1)", "   -2+3", "+A1",
                                  "-", "=", "\u3000=1+1", "\u2003@SUM(A1)"])
def test_csv_cells_never_start_a_formula(text):
    """Whatever comes first, spaces and line breaks included (issue 13, finding 16)."""
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value, cell", [(-1.5, "-1.5"), (-3, "-3"), ("-3", "-3"), ("+1", "+1"),
                                         ("-2.5e3", "-2.5e3"), ("Ana", "Ana"), (None, ""),
                                         ("1 =2", "1 =2"), (True, "yes"),
                                         ("\x1b]0;x\x07Ana\x9b", "]0;xAna")])
def test_csv_numbers_stay_numbers_and_plain_text_stays_as_it_is(value, cell):
    assert safe_cell(value) == cell


def test_csv_guards_a_formula_name(class_folder, mini_pack):
    data = json.loads((class_folder / "7b" / "ana.json").read_text())
    data.update(name='=HYPERLINK("http://x","y")', attempt="evil")
    write(class_folder, "evil", data)
    text = report_csv(build_report(read_results(class_folder), [mini_pack]))
    names = [row["name"] for row in csv.DictReader(io.StringIO(text))]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in names


def test_html_is_self_contained_and_escapes_names(class_folder, mini_pack):
    data = json.loads((class_folder / "7b" / "ana.json").read_text())
    data.update(name="<script>alert(1)</script>", class_code="7B", attempt="xss")
    write(class_folder, "xss", data)
    page = report_html(build_report(read_results(class_folder), [mini_pack]))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for outside in ("src=", "<link", "@import", "url("):
        assert outside not in page
    assert "[bold]x[/]" in page and "truncated.json" in page  # skipped files are named
    assert "When did the river rise?" in page and "Officials said 40 people were moved." in page


def test_report_command_writes_csv_and_html_and_warns_of_each_skipped_file(
        class_folder, tmp_path, capsys):
    csv_file, html_file = tmp_path / "out" / "class.csv", tmp_path / "out" / "class.html"
    assert main(["report", str(class_folder), "--pack", "tests/fixtures/mini",
                 "--csv", str(csv_file), "--html", str(html_file)]) == 0
    out, err = capsys.readouterr()
    for name in ("truncated.json", "foreign.json", "binary.json"):
        assert f"skipped {class_folder / '7b' / name}" in err
    assert "[bold]x[/]" in out and "1 simulated result(s) left out" in out
    assert csv_file.read_text(encoding="utf-8-sig").startswith("class,name,")
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    from game.debrief_file import umask  # reports are for colleagues too; results stay private
    assert {f.stat().st_mode & 0o777 for f in (csv_file, html_file)} == {0o666 & ~umask()}


def test_report_command_on_an_empty_or_missing_folder(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 1
    assert "No results in" in capsys.readouterr().out
    assert main(["report", str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_hand_edited_file_with_odd_values_is_reported_not_fatal(tmp_path, mini_pack):
    data = document("Odd", content_hash=mini_pack.content_hash, percent=None, decision=REPORT_40,
                    answers=[answer("q-day", {"weird": 1}, 0, 2), answer("q-villages", None, 0)])
    data.update(percent="lots", grade=5, started_at=None)
    data["tracks"]["recall"]["percent"] = "x"
    write(tmp_path, "odd", data)
    report = build_report(read_results(tmp_path), [mini_pack])
    assert not report.skipped and report.sections[0].students[0].name == "Odd"
    assert "Odd" in rendered(report) and "Odd" in report_html(report)
    assert "Odd" in report_csv(report)
    assert {q.id: q.common_wrong for q in report.sections[0].questions}["q-villages"] == [
        ("(no answer)", 1)]


def test_the_report_and_the_dashboard_give_the_same_class_average(tmp_path, mini_pack):
    """Averages are of the exact percents, rounded once: 100% and 1 of 6 (16.67%) make 58.3%,
    where the mean of the rounded percents would read 58.4%."""
    from game.classroom.live import track_averages

    folder = tmp_path / "results"
    key = mini_pack.content_hash
    write(folder, "ana", document("Ana", content_hash=key, answers=[answer("q-villages", 3, 1)]))
    write(folder, "ben", document("Ben", content_hash=key, answers=[
        answer("q-villages", 5, 0), answer("q-day", "Tuesday", 1, 5)]))
    found = read_results(folder)
    [section] = build_report(found, [mini_pack]).sections
    recall = next(t for t in section.tracks if t.id == "recall")
    dashboard = next(t for t in track_averages(found.results, {}) if t.track == "Recall")
    assert recall.average_percent == dashboard.percent == 58.3


def test_a_gauge_is_a_level_in_the_report_the_csv_and_the_dashboard(class_folder, mini_pack):
    """Escalation risk is not graded: its column and average are levels, never percents; a
    graded track below zero is shown as it is."""
    from game.classroom.live import track_averages
    from game.tui.dashboard.screen import average_text

    found = read_results(class_folder)
    report = build_report(found, [mini_pack])
    section = main_section(report)
    ben = next(s for s in section.students if s.name == "Ben")  # reported 55: escalation 1
    assert (ben.track_cell("escalation"), ben.track_cell("tradecraft")) == ("1", "−50%")
    gauge = next(t for t in section.tracks if t.id == "escalation")
    assert gauge.average_text == "average level 0.2"  # 0, 1, 0, 0 over the four finished
    text = " ".join(rendered(report).split())
    assert "Escalation risk (not graded): average level 0.2" in text
    assert "Not graded: Escalation risk (a level, not a percent)." in text
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    ben_row = next(r for r in rows if r["name"] == "Ben")
    assert ben_row["Not graded: Escalation risk (level)"] == "1"
    assert "Escalation risk %" not in rows[0]
    html = report_html(report)
    assert "average level 0.2" in html and "−50%" in html
    averages = {a.track: a for a in track_averages(found.results, {})
                if a.pack == mini_pack.manifest.title}
    assert average_text(averages["Escalation risk"]).startswith("level ")
    assert "%" not in average_text(averages["Escalation risk"])
    assert average_text(averages["Tradecraft"]).endswith("%")


def test_the_students_table_fits_the_width_and_loses_no_column():
    from game.classroom.text_columns import Column, column_table

    columns = [Column("Name", ["Ana", "A very long name that has to fold"], min_width=12,
                      wrap=True)]
    columns += [Column(f"Track {n}", ["−22.5%", "100%"], justify="right", min_width=6)
                for n in range(8)]
    columns.append(Column("Tries", ["1", "2"], justify="right"))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(column_table("Students", columns, [],
                                                                      80))
    lines = out.getvalue().splitlines()
    assert all(len(line.rstrip()) <= 80 for line in lines)
    assert lines[1].split()[-1] == "Tr…" and lines[3].split()[-2:] == ["−22.5%", "1"]
    assert lines[4].startswith("A very long ") and lines[4].split()[-2:] == ["100%", "2"]
    assert lines[5].strip() == "name that has" and lines[6].strip() == "to fold"
    assert lines[3].count("−22.5%") == 8  # no column is cut away
