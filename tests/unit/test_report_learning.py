"""The class report's learning section on a class worked by hand: five students' result files
written from games of the checks fixture pack, then the terminal, HTML and CSV reports read
for each student's pre, post, gain and g, the class's gain and effect size, per skill, and the
mastery per skill. Result files without a check still report ("no check")."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from rich.console import Console

from game.classroom.learning_gain import class_gain
from game.classroom.report import build_report
from game.classroom.report_csv import report_csv
from game.classroom.report_html import report_html
from game.classroom.report_text import print_report
from game.classroom.results import read_results, write_result
from game.content import compile_pack
from game.engine import Phase, Story, right_response, wrong_response

from ..conftest import CHECKS, MINI

PACK = compile_pack(CHECKS).pack

# Which check items each student gets right (the rest wrong), by the pre item they pair with:
#   Ana pre 1/4 = 25 %, post 4/4 = 100 %: gain +75, g = 75 / 75 = 1.00
#   Ben pre 2/4 = 50 %, post 3/4 = 75 %: gain +25, g = 25 / 50 = 0.50
#   Cal pre 2/4 = 50 %, post 1/4 = 25 %: gain -25, g = -25 / 50 = -0.50
#   Dee pre 3/4 = 75 %, post 3/4 = 75 %: gain 0, g = 0 / 25 = 0.00
#   Eve pre 4/4 = 100 %, post 4/4 = 100 %: gain 0, g undefined (left out of the mean of g)
# mean pre = (25 + 50 + 50 + 75 + 100) / 5 = 60; mean post = (100 + 75 + 25 + 75 + 100) / 5 = 75
# mean gain = (75 + 25 - 25 + 0 + 0) / 5 = 15
# mean of g = (1 + 0.5 - 0.5 + 0) / 4 = 0.25; class-average g = (75 - 60) / (100 - 60) = 0.375
# gains minus 15: 60, 10, -40, -15, -15; squares 3600 + 100 + 1600 + 225 + 225 = 5750
# sd = sqrt(5750 / 4) = 37.914; d_z = 15 / 37.914 = 0.40
ALL = ("villages", "moved", "radio", "rebuild")
CLASS = {
    "Ana": ({"villages"}, set(ALL)),
    "Ben": ({"villages", "moved"}, {"villages", "moved", "radio"}),
    "Cal": ({"villages", "moved"}, {"villages"}),
    "Dee": ({"villages", "moved", "radio"}, {"villages", "moved", "radio"}),
    "Eve": (set(ALL), set(ALL)),
}
# In the game: Cal misses every question and reports the radio's 55 (no tradecraft); Ben
# misses q-villages; the others get every question right and report both figures.
# Attribution (items pre/post-radio and -rebuild), pre -> post: Ana 0 -> 100, Ben 0 -> 50,
# Cal 0 -> 0, Dee 50 -> 50, Eve 100 -> 100: mean 30 -> 60, gain +30, class g = 30 / 70 = 0.43
# Mastery of precision (q-villages, post-villages, post-moved): Ben 0 + 1 + 1 of 3 = 67 %
# Mastery of attribution (q-tf, mon-alarm's decision of 2 tradecraft, post-radio, post-rebuild):
# Ana 1 + 2 + 1 + 1 of 5 = 100 %; Cal 0 + 0 + 0 + 0 of 5 = 0 %


def play(name: str, pre_right: set[str], post_right: set[str], results) -> None:
    story = Story(PACK, seed=11, mode="exam", class_code="7B", player=name,
                  attempt_id=f"attempt-{name}", checks=True)
    while story.phase is not Phase.ENDED:
        if story.phase is Phase.CHECK:
            item = story.check_item
            right = item.question.id.split("-", 1)[1] in (
                pre_right if item.check == "pre" else post_right)
            story.answer_check((right_response if right else wrong_response)(
                item.question, item.options))
        elif story.phase is Phase.AWAITING_ANSWER:
            shown = story.question
            q = shown.question
            right = name != "Cal" and not (name == "Ben" and q.id == "q-villages")
            story.answer((right_response if right else wrong_response)(q, shown.options))
        else:
            careful = name != "Cal"
            index = next((i for i, o in enumerate(story.choices)
                          if o.text.startswith("Report 40") == careful), 0)
            story.choose(index)
    write_result(results, PACK, story.state)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    results = tmp_path_factory.mktemp("results")
    for name, (pre, post) in CLASS.items():
        play(name, pre, post, results)
    return build_report(read_results(results), [PACK])


def terminal(report) -> str:
    out = io.StringIO()
    print_report(report, Console(file=out, width=120, color_system=None))
    return out.getvalue()


def test_the_numbers_are_the_hand_checked_ones(report):
    lesson = report.sections[0].learning
    rows = {s.name: (s.pre, s.post, s.gain, s.normalised) for s in lesson.students}
    assert rows == {"Ana": (25, 100, 75, 1.0), "Ben": (50, 75, 25, 0.5),
                    "Cal": (50, 25, -25, -0.5), "Dee": (75, 75, 0, 0.0),
                    "Eve": (100, 100, 0, None)}
    gain = lesson.overall
    assert (gain.n, gain.mean_pre, gain.mean_post, gain.mean_gain) == (5, 60, 75, 15)
    assert gain.mean_g == pytest.approx(0.25) and gain.class_g == pytest.approx(0.375)
    assert gain.d_z == pytest.approx(15 / math.sqrt(5750 / 4))
    assert gain == class_gain([(25, 100), (50, 75), (50, 25), (75, 75), (100, 100)])
    attribution = next(k for k in lesson.skills if k.id == "attribution")
    assert (attribution.gain.mean_pre, attribution.gain.mean_post) == (30, 60)
    assert attribution.gain.class_g == pytest.approx(30 / 70)
    mastery = {s.name: s.mastery for s in lesson.students}
    assert mastery["Ben"]["precision"] == pytest.approx(200 / 3)
    assert mastery["Ana"]["attribution"] == 100 and mastery["Cal"]["attribution"] == 0


def test_the_terminal_report_shows_gains_effect_size_skills_and_mastery(report):
    text = terminal(report)
    flat = " ".join(text.split())
    gain = report.sections[0].learning.overall
    assert "Learning: the check before and after the week" in text
    assert "Ana 25% 100% +75 pts 1.00" in flat
    assert "Cal 50% 25% -25 pts -0.50" in flat
    assert "Eve 100% 100% +0 pts n/a (pre 100%)" in flat
    assert ("5 student(s) with both checks: mean pre 60%, mean post 75%, mean gain +15 points."
            in flat)
    assert "mean of the students' g = 0.25 (over 4); class-average g = 0.38." in flat
    assert "1 student(s) scored 100% before the week" in flat
    assert (f"Effect size: d_z = 0.40 (95% CI {gain.d_low:.2f} to {gain.d_high:.2f})."
            in flat)
    assert "Attribution 5 30% 60% +30 0.43 d_z =" in flat
    assert "Mastery per skill" in text and "100% ✓" in text and "67%" in flat
    assert "noncentral t" in flat and "mastered at 80% or more" in flat


def test_the_html_report_shows_the_same(report):
    html = report_html(report)
    assert "<h3>Learning: the check before and after the week</h3>" in html
    assert ("<tr><td>Ana</td><td class=num>25%</td><td class=num>100%</td><td class=num>"
            "+75 pts</td><td class=num>1.00</td>") in html
    assert "mean of the students&#x27; g = 0.25 (over 4); class-average g = 0.38." in html
    assert "Effect size: d_z = 0.40 (95% CI" in html
    assert "<caption>By skill (check items tagged with it)</caption>" in html
    assert "<td class=num>67%</td>" in html and "<td class=num>100% ✓</td>" in html


def test_the_csv_has_a_block_of_check_and_mastery_columns(report):
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    ana = next(r for r in rows if r["name"] == "Ana")
    assert (ana["check pre %"], ana["check post %"], ana["check gain (points)"],
            ana["check normalised gain"]) == ("25", "100", "75", "1")
    eve = next(r for r in rows if r["name"] == "Eve")
    assert eve["check normalised gain"] == ""  # undefined at 100 % before
    ben = next(r for r in rows if r["name"] == "Ben")
    assert ben["mastery Precision %"] == "66.667" and ben["mastery Sourcing %"] == "100"


def test_a_result_without_a_check_still_reports_and_says_no_check(report, tmp_path):
    results = tmp_path / "results"
    play("Ana", {"villages"}, set(ALL), results)
    [path] = list(results.rglob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    older = {k: v for k, v in data.items() if k not in ("checks", "skills")}
    (path.parent / "older.json").write_text(json.dumps({**older, "name": "Old", "attempt": "o"}))
    found = build_report(read_results(results), [PACK])
    assert not found.skipped
    lesson = found.sections[0].learning
    old = next(s for s in lesson.students if s.name == "Old")
    assert old.status == "no check" and old.pre is None
    assert lesson.overall.n == 1  # Ana alone: no effect size
    flat = " ".join(terminal(found).split())
    assert "Old — — — — no check" in flat
    assert "effect size needs 2 or more students with both checks (here 1)" in flat


def test_a_pack_without_checks_or_skills_reports_as_before(tmp_path):
    mini = compile_pack(MINI).pack
    story = Story(mini, seed=3, class_code="7B", player="Ana", attempt_id="a", checks=True)
    assert story.phase is not Phase.CHECK
    write_result(tmp_path, mini, story.state)
    [path] = list(tmp_path.rglob("*.json"))
    assert "checks" not in json.loads(path.read_text()) and "skills" not in path.read_text()
    found = build_report(read_results(tmp_path), [mini])
    assert found.sections[0].learning is None
    assert "check pre %" not in report_csv(found) and "Learning:" not in terminal(found)


def test_a_damaged_check_is_skipped_by_name_and_odd_skills_are_left_out(tmp_path):
    results = tmp_path / "results"
    play("Ana", {"villages"}, set(ALL), results)
    [path] = list(results.rglob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    (path.parent / "damaged.json").write_text(json.dumps(
        {**data, "attempt": "d", "checks": {**data["checks"], "pre": "none"}}))
    (path.parent / "odd-skills.json").write_text(json.dumps(
        {**data, "attempt": "o", "name": "Odd", "skills": {"names": [1], "items": "x"}}))
    found = read_results(results)
    assert [(p.name, why) for p, why in found.skipped] == [
        ("damaged.json", "has damaged check answers: checks.pre is not a list")]
    odd = next(r.document for r in found.results if r.document.name == "Odd")
    assert odd.skills is None and odd.checks is not None


def test_a_playtests_simulated_class_answers_the_check_so_the_report_can_be_tried(tmp_path):
    from game.authoring.playtest import SimulatedClass, playtest

    playtest(PACK, 6, seed=2, jobs=1, simulated=SimulatedClass(tmp_path))
    found = build_report(read_results(tmp_path), [PACK])
    lesson = found.sections[0].learning
    assert found.only_simulated and lesson.overall.n == 6  # every run did both checks
    for path in tmp_path.rglob("*.json"):
        checks = json.loads(path.read_text(encoding="utf-8"))["checks"]
        assert [a["question"] for a in checks["pre"]] == [q.id for q in PACK.checks.pre]
        assert len(checks["post"]) == 4
