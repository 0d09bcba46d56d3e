"""The class report on forecasts: each forecast's split of likelihoods, and the class's
calibration table (how often each likelihood came true, the mean Brier score)."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from game.classroom.report import build_report
from game.classroom.report_html import report_html
from game.classroom.report_text import print_report
from game.classroom.results import read_results, result_document
from game.content import compile_pack
from game.engine import Story

from ..conftest import FIXTURES


@pytest.fixture(scope="module")
def pack():
    return compile_pack(FIXTURES / "forecast").pack


def finished(pack, name: str, rain: str, cleared: str) -> Story:
    story = Story(pack, seed=2, class_code="7B", player=name, attempt_id=f"a-{name}")
    story.answer(3)
    story.answer(rain)
    story.answer(cleared)
    story.choose([c.text for c in story.choices].index("At the desk, with the wires"))
    story.choose(0)
    return story


@pytest.fixture
def report(tmp_path, pack):
    folder = tmp_path / "results" / "7b"
    folder.mkdir(parents=True)
    # rain did not happen, clearing did
    for name, rain, cleared in (("Ana", "unlikely", "likely"), ("Ben", "likely", "likely"),
                                ("Cy", "almost no chance", "almost certain")):
        document = result_document(pack, finished(pack, name, rain, cleared).state)
        (folder / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
    return build_report(read_results(tmp_path / "results"), [pack])


def test_the_calibration_table_counts_each_likelihood_and_what_came_true(report):
    [section] = report.sections
    table = section.calibration
    rows = {row.term.words: (row.used, row.came_true) for row in table.rows}
    assert rows == {"almost no chance": (1, 0), "very unlikely": (0, 0), "unlikely": (1, 0),
                    "roughly even chance": (0, 0), "likely": (3, 2), "very likely": (0, 0),
                    "almost certain": (1, 1)}
    likely = next(row for row in table.rows if row.term.words == "likely")
    assert (likely.share_true, likely.within_range) == (66.7, True)
    unlikely = next(row for row in table.rows if row.term.words == "unlikely")
    assert (unlikely.share_true, unlikely.within_range) == (0, False)
    assert table.forecasts == 6
    expected = (0.325 ** 2 + 0.675 ** 2 + 0.03 ** 2 + 0.325 ** 2 * 2 + 0.03 ** 2) / 6
    assert table.mean_brier == round(expected, 3)


def test_each_forecast_shows_the_split_of_likelihoods_and_is_never_most_missed(report):
    [section] = report.sections
    cleared = next(q for q in section.questions if q.id == "f-cleared")
    assert cleared.forecast and cleared.answered == 3
    assert [(o.text, o.picked) for o in cleared.options if o.picked] == [
        ("likely (55–80%)", 2), ("almost certain (95–99%)", 1)]
    assert cleared.breakdown.caption == "Outcome: it happened."
    assert all(not q.forecast for q in section.most_missed())


def test_the_report_in_text_and_html_shows_the_calibration(report):
    out = io.StringIO()
    print_report(report, Console(file=out, width=100, color_system=None))
    text = out.getvalue()
    assert "Calibration (forecasts by likelihood, and how many came true):" in text
    assert any(line.split() == ["likely", "55–80%", "3", "66.7%", "within", "its", "range"]
               for line in text.splitlines())
    assert any(line.split() == ["unlikely", "20–45%", "1", "0%", "outside", "its", "range"]
               for line in text.splitlines())
    assert "3 forecasts · How likely is it that all three villages" in text
    page = report_html(report)
    assert "<h3>Calibration</h3>" in page
    assert "A forecast: 3 given. Outcome: it happened." in page


def test_the_handout_shows_the_outcome_to_the_teacher_and_boxes_to_the_student(pack):
    from game.classroom.handout import handout_html, handout_markdown

    teacher = handout_markdown(pack)
    rain = teacher[teacher.index("more rain falls"):teacher.index("all three villages are")]
    assert "- roughly even chance (45–55%)" in rain
    assert "Settled on reaching the scene 'tue-field'" in rain
    assert "**Answer:** It did not happen" in rain
    assert "> “No more rain fell on Tuesday”" in rain
    student = handout_markdown(pack, student=True)
    rain = student[student.index("more rain falls"):student.index("all three villages are")]
    assert rain.count("**☐**") == 7 and "- **☐** likely (55–80%)" in rain
    assert "*Settled later in the week.*" in rain
    # the week's scenes never say how it turned out (the sheet opens with the article's first
    # line, its headline, and closes with the whole article, for reading after the game)
    assert "happen" not in rain
    assert "No more rain" not in student[student.index("\n## Monday\n"):
                                         student.index("Reading sheet")]
    sheet = handout_html(pack, student=True)
    assert "No more rain" not in sheet[sheet.index("<h2>Monday</h2>"):sheet.index("Reading sheet")]


def test_the_dashboard_never_calls_a_forecast_the_hardest_question(tmp_path, pack):
    from game.classroom.live import class_view

    folder = tmp_path / "results" / "7b"
    folder.mkdir(parents=True)
    story = finished(pack, "Ana", "likely", "likely")
    (folder / "ana.json").write_text(json.dumps(result_document(pack, story.state)))
    view = class_view(read_results(tmp_path / "results"), lambda pack_id: pack)
    assert view.hardest.text == "How many villages flooded?"
