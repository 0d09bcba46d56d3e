"""A question on a branch the student did not take is "n/a (other branch)" in the CSV; one the
student can still reach, or passed without answering, is an empty cell ("no answer")."""

from __future__ import annotations

import csv
import io

from game.classroom.report import build_report
from game.classroom.report_csv import NO_ANSWER, NOT_ON_PATH, report_csv
from game.classroom.results import read_results, write_result
from game.classroom.route import scenes_open, scenes_passed
from game.classroom.results import ResultDocument
from game.engine import Phase, Story, right_response

WHO = "Q3 Who gave a figure? (1 pt)"  # in tue-radio, reached only by reporting 55
MAYOR = "Q4 Who promised to rebuild? (1 pt)"  # in tue-wrap, where both choices end up


def game(pack, name: str, choice: int, steps: int):
    """``steps`` answers or choices (choosing ``choice`` at the decision), then stop."""
    story = Story(pack, seed=1, clock=lambda: "2026-03-02T10:00:00+00:00", player=name,
                  class_code="7B", attempt_id=f"a-{name}")
    for _ in range(steps):
        if story.phase is Phase.ENDED:
            break
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            story.answer(right_response(presented.question, presented.options))
        else:
            story.choose(next(n for n, option in enumerate(story.choices)
                              if option.authored_index in (choice, -1)))
    return story


def test_the_route_follows_the_recorded_decisions(mini_pack):
    careful = ResultDocument.from_game(mini_pack, game(mini_pack, "Ana", 0, 99).state)
    assert careful.completed
    assert scenes_passed(mini_pack, careful) == {"mon-alarm", "tue-wrap", "end-good"}
    at_start = ResultDocument.from_game(mini_pack, game(mini_pack, "Ben", 1, 1).state)
    assert scenes_open(mini_pack, at_start) >= {"tue-radio", "tue-wrap"}


def test_csv_cells_for_other_branch_unanswered_and_answered(mini_pack, tmp_path):
    for name, choice, steps in (("Ana", 0, 99), ("Ben", 1, 99), ("Cy", 0, 3), ("Di", 1, 1)):
        write_result(tmp_path, mini_pack, game(mini_pack, name, choice, steps).state)
    report = build_report(read_results(tmp_path), [mini_pack])
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(report_csv(report)))}
    ana, ben, cy, di = (rows[n] for n in ("Ana", "Ben", "Cy", "Di"))
    assert (ana[WHO], ana[MAYOR]) == (NOT_ON_PATH, "1")  # finished, reported 40
    assert (ben[WHO], ben[MAYOR]) == ("1", "1")  # finished, reported 55
    # Cy reported 40 and stopped: the radio scene is behind him, the wrap-up ahead
    assert cy["completed"] == "no" and (cy[WHO], cy[MAYOR]) == (NOT_ON_PATH, NO_ANSWER)
    # Di stopped before deciding: both branches are still open
    assert (di[WHO], di[MAYOR]) == (NO_ANSWER, NO_ANSWER) == ("", "")


def test_without_the_pack_a_finished_games_unreached_question_is_other_branch(mini_pack,
                                                                              tmp_path):
    for name, choice in (("Ana", 0), ("Ben", 1)):
        write_result(tmp_path, mini_pack, game(mini_pack, name, choice, 99).state)
    report = build_report(read_results(tmp_path), [])  # no pack: questions by id
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(report_csv(report)))}
    header = next(h for h in rows["Ana"] if h.startswith("Q") and "q-who" in h)
    assert header.endswith(" q-who (1 pt)")  # its points from the answers
    assert (rows["Ana"][header], rows["Ben"][header]) == (NOT_ON_PATH, "1")
