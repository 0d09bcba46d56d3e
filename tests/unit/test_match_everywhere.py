"""A match question end to end outside the TUI: playtest, walkthroughs, debrief, handout, the
class report and its CSV, and plain mode."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from game.authoring.playtest import playtest
from game.authoring.walkthrough import run_all
from game.classroom.handout import handout_markdown
from game.classroom.report import build_report
from game.classroom.report_csv import report_csv
from game.classroom.report_html import report_html
from game.classroom.results import read_results, write_result
from game.content import compile_pack
from game.content.kinds import KINDS
from game.engine import Phase, Story, build_debrief

from ..conftest import FIXTURES
from ..plain.scripts import match_line, run_plain

MATCHING = FIXTURES / "matching"
CLAIMS = "q-who-said"
MATCH_KIND = KINDS["match"]


@pytest.fixture(scope="module")
def pack():
    result = compile_pack(MATCHING)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def right(question) -> dict:
    return {p.left: p.right for p in question.pairs}


def play(pack, name: str, wrong_pairs: int = 0, seed: int = 1) -> Story:
    """A whole game: the claims question with ``wrong_pairs`` of its first pairs swapped."""
    story = Story(pack, seed=seed, clock=lambda: "2026-03-02T10:00:00+00:00", player=name,
                  class_code="7B", attempt_id=f"attempt-{name}")
    while story.phase is not Phase.ENDED:
        if story.phase is Phase.AWAITING_ANSWER:
            q = story.pending_question
            response = right(q)
            if q.id == CLAIMS and wrong_pairs:
                lefts = [p.left for p in q.pairs][:wrong_pairs + 1]
                rights = [response[left] for left in lefts]
                response.update(zip(lefts, rights[1:] + rights[:1]))
            story.answer(response)
        else:
            story.choose(0)
    return story


def test_partial_credit_is_per_pair(pack):
    story = play(pack, "Ana", wrong_pairs=1)  # two pairs swapped: 2 of 4 right
    [record] = [a for a in story.state.answers if a.question == CLAIMS]
    assert record.points == 1.5 and record.max_points == 3 and not record.correct
    assert isinstance(record.response, dict) and len(record.response) == 4


def test_playtest_plays_match_questions(pack):
    report = playtest(pack, 40, seed=3, jobs=1)
    assert CLAIMS in report.questions_asked
    assert report.runs == 40


def test_walkthroughs_answer_by_the_right_side_in_pair_order_or_pair_by_pair():
    pack = compile_pack(MATCHING).pack
    runs = run_all(pack, MATCHING)
    assert [path.name for path, _, _ in runs] == ["01-all-right.yaml", "02-pairs-by-name.yaml"]
    assert all(walkthrough is not None and problems == [] for _, walkthrough, problems in runs)


def test_the_debrief_writes_out_both_answers(pack):
    story = play(pack, "Ana", wrong_pairs=1)
    review = next(q for q in build_debrief(pack, story.state).questions
                  if q.ask.startswith("Match each claim"))
    assert review.right_answer.startswith("The storm closed the port → Harbour officials; ")
    assert "→" in review.your_answer and review.your_answer != review.right_answer
    assert review.points == 1.5


def test_the_handout_shows_the_pairs_to_the_teacher_and_the_choices_to_students(pack):
    key = handout_markdown(pack)
    student = handout_markdown(pack, student=True)
    right_side = ("Match with (each once): A fishing union; Harbour officials; Local radio; "
                  "The coast guard; The weather service.")
    assert right_side in key and right_side in student
    assert ("**Answer:** The storm closed the port → Harbour officials; Winds would reach "
            "120 km/h → The weather service;") in key
    assert "match each item to one on the right" in student
    assert "→" not in student  # the pairs are the teacher's
    assert "- 30 boats were damaged\n- The ferry was cancelled\n" in student


def test_the_report_counts_who_got_each_pair_right(pack, tmp_path):
    for name, wrong_pairs in (("Ana", 0), ("Ben", 1), ("Cy", 3)):
        write_result(tmp_path, pack, play(pack, name, wrong_pairs).state)
    report = build_report(read_results(tmp_path), [pack])
    [section] = report.sections
    stats = next(q for q in section.questions if q.id == CLAIMS)
    assert stats.breakdown.count_heading == "Got it right"
    got = {row.text: row.picked for row in stats.options}
    # Ana all four; Ben swapped the first two pairs; Cy rotated all four.
    assert got == {"The storm closed the port → Harbour officials": 1,
                   "Winds would reach 120 km/h → The weather service": 1,
                   "30 boats were damaged → A fishing union": 2,
                   "The ferry was cancelled → Local radio": 2}
    assert all(row.right for row in stats.options)
    html = report_html(report)
    assert "<th>Pair</th>" in html and "Got it right" in html

    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    points = {row["name"]: row["Q1 Match each claim to who made it. (3 pts)"] for row in rows}
    assert points == {"Ana": "3", "Ben": "1.5", "Cy": "0"}


def test_plain_mode_reads_one_line_of_pairs(pack, tmp_path):
    story = Story(pack, seed=5)
    presented = story.question
    q = presented.question
    line = match_line(presented, right(q))
    second = story.pack.scenes["fri-storm"].questions[1]
    stdin = "\n".join(["1a 1b", line, "", "nonsense", "1b 2a 3b", "", "1", ""]) + "\n"
    done = run_plain(["--pack", str(MATCHING), "--seed", "5"], stdin, tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "Match each item from 1 to 4 once" in out  # "1a 1b" names item 1 twice
    assert "Right: 3 of 3 points." in out
    assert "Type a number and a letter for each item" in out  # "nonsense"
    assert second.ask in out
    assert "Traceback" not in out + done.stderr


def test_a_term_in_a_pair_is_checked_by_the_glossary(tmp_path):
    pack = tmp_path / "matching"
    shutil.copytree(MATCHING, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8").replace("right: Local radio}",
                                                      "right: The harbourmaster}")
    text = text.replace("    ending: true\n", "    ending: true\n    glossary: [{term: "
                        "harbourmaster, meaning: The official in charge of a harbour.}]\n")
    scenes.write_text(text, encoding="utf-8")
    found = [d for d in compile_pack(pack).diagnostics if d.code == "term-used-before-defined"]
    assert [(d.line, "harbourmaster" in d.message) for d in found] == [(18, True)]


def test_the_student_handout_says_a_match_may_reuse_only_where_it_may(pack):
    student = handout_markdown(pack, student=True)
    assert "Match with (each once):" in student
    assert "Match with (an item may be used more than once): Harbour officials; The mayor." \
        in student


def test_plain_mode_repeats_the_whole_match_answered_within_its_width(pack, tmp_path):
    story = Story(pack, seed=5)
    presented = story.question
    q = presented.question
    wrong = {p.left: p.right for p in q.pairs}
    first, second = presented.options[:2]
    wrong[first], wrong[second] = wrong[second], wrong[first]
    stdin = "\n".join([match_line(presented, wrong), "2", "", "1b 2a 3a", "", "1", ""]) + "\n"
    out = run_plain(["--pack", str(MATCHING), "--seed", "5"], stdin, tmp_path).stdout
    feedback = out[out.index("Partly right: 1.5 of 3 points."):].split("\nAnswer:")[0]
    assert feedback.replace("\n", " ").endswith(
        MATCH_KIND.describe(q, wrong)), feedback
    assert max(len(line) for line in out.splitlines()) <= 80  # a pipe: 80 columns


def test_plain_help_says_how_to_answer_a_match(tmp_path):
    out = run_plain(["--pack", str(MATCHING)], "h\nq\n", tmp_path).stdout
    assert "Match: a number and a letter for each item, e.g. 1b 2a 3c." in out
