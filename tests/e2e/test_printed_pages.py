"""Printed in a real browser: the class report of 30 students and the campaign's handouts, as
Chromium prints them to PDF, read back page by page (pypdf). Page 1 of the report holds the
heading, the summary and the start of the students' table, and the table's header row is
printed again on the page it runs on to; the handouts keep their route map and name line."""

from __future__ import annotations

import re

import pytest

from game.classroom.handout import handout_html
from game.cli import main

from .test_browser_play import chromium_path, require

pytestmark = pytest.mark.browser
A4 = (595, 842)  # points
STUDENTS = 30


def printed_pages(html: str, tmp_path, name: str) -> list[str]:
    """The text of each page Chromium prints ``html`` on, with the page size the CSS asks."""
    try:
        from playwright.sync_api import sync_playwright
        from pypdf import PdfReader
    except ImportError:
        require(False, "Playwright or pypdf is not installed (pip install -e '.[test]')")
    page_file, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    page_file.write_text(html, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()
    reader = PdfReader(pdf)
    for sheet in reader.pages:
        assert tuple(round(float(x)) for x in sheet.mediabox.upper_right) == A4
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


@pytest.fixture(scope="module")
def report_of_30(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    results, out = folder / "results", folder / "report.html"
    assert main(["playtest", "week-of-march-23", "--runs", str(STUDENTS), "--results",
                 str(results)]) == 0
    assert main(["report", str(results), "--html", str(out)]) == 0
    return out.read_text(encoding="utf-8")


STUDENT_ROW = re.compile(r"Simulated (\d{3}) ")
LEARNING_HEADING = "Learning: the check before and after the week"
HEADER_ROW = "Name Tradecraft Judgement Escalation risk* Recall Overall Grade Finished"


def before_learning(pages: list[str]) -> list[str]:
    """The printed pages up to the report's learning section (the pre/post check and mastery)."""
    kept = []
    for text in pages:
        cut = text.find(LEARNING_HEADING)
        kept.append(text if cut < 0 else text[:cut])
        if cut >= 0:
            break
    return kept


def test_page_one_of_a_printed_30_student_report_holds_the_start_of_its_table(report_of_30,
                                                                                tmp_path):
    pages = printed_pages(report_of_30, tmp_path, "report")
    first = pages[0]
    assert first.startswith("Class report")
    assert "Hit for Hit: A Week on the Syria Desk" in first
    assert "Students of class SIM, practice mode" in first
    assert HEADER_ROW in first
    on_page_one = STUDENT_ROW.findall(first)
    assert len(on_page_one) >= 15, first  # the table starts here, not on page 2
    # every student once, in order, and each page the table runs on starts with its header
    # (the learning section's tables, further on, name the students again)
    rows = [(n, row) for n, text in enumerate(before_learning(pages))
            for row in STUDENT_ROW.findall(text)]
    assert [row for _, row in rows] == [f"{i:03d}" for i in range(1, STUDENTS + 1)]
    for n in sorted({n for n, _ in rows}):
        assert HEADER_ROW in pages[n], n
    assert len({n for n, _ in rows}) == 2  # 30 rows need a second page, and only one


@pytest.fixture(scope="module")
def campaign_pages(campaign, tmp_path_factory):
    folder = tmp_path_factory.mktemp("handouts")
    chromium_path()
    return {student: printed_pages(handout_html(campaign, student=student), folder,
                                   "student" if student else "teacher")
            for student in (False, True)}


def test_the_printed_answer_key_keeps_its_route_map_headings_with_what_follows(campaign_pages):
    pages = campaign_pages[False]
    assert pages[0].startswith("Hit for Hit: A Week on the Syria Desk: answer key")
    assert "The article: \"We Are Not Going To Stop\": US and Iran Go Hit-for-Hit" in pages[0]
    # the heading is printed on the page of the first place the week branches
    assert any("Where the week branches After What can Iran do? (Thursday 23 March, 23:30)"
               in text for text in pages)
    ending = next(n for n, text in enumerate(pages) if "How each ending is reached" in text)
    assert "At Send (Monday 27 March, 16:55)" in pages[ending]
    assert "Sound, with dents: otherwise" in " ".join(pages[ending:ending + 2])
    for text in pages:  # a heading never ends a page
        assert not text.endswith(("Where the week branches", "How each ending is reached",
                                  "Route map")), text[-200:]


def test_the_printed_student_sheet_has_its_name_line_first_and_the_article_on_its_own_pages(
        campaign_pages):
    pages = campaign_pages[True]
    assert pages[0].startswith("Hit for Hit: A Week on the Syria Desk: reading-along handout "
                               "Name: Class: Date:")
    reading = [n for n, text in enumerate(pages) if text.startswith("Reading sheet: the article")]
    assert len(reading) == 1 and reading[0] > 0
    assert not any("Route map" in text or "Branch:" in text for text in pages)
