"""The projector's view of a class (game/classroom/projector.py) and the dashboard's quiet games
and first tries (game/classroom/live.py): counted from result files written by real games."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

from game.classroom.identity import new_attempt_id
from game.classroom.live import PackShelf, class_view
from game.classroom.projector import Step, projector_view
from game.classroom.results import read_results, write_result
from game.engine import Story

NOW = datetime.now(timezone.utc)


def game(pack, name: str) -> Story:
    story = Story(pack, seed=1, mode="practice", class_code="7B", player=name,
                  attempt_id=new_attempt_id())
    return story


def age(path, minutes: float) -> None:
    """Make a result file look as if its game last wrote it ``minutes`` ago."""
    then = NOW - timedelta(minutes=minutes)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["updated_at"] = then.isoformat(timespec="seconds")
    path.write_text(json.dumps(document), encoding="utf-8")
    os.utime(path, (then.timestamp(), then.timestamp()))


def write_mini_class(folder, pack) -> dict:
    """Six students in the mini pack's first scene (q-villages: 3; q-day: Monday of Monday,
    Tuesday, Sunday), one of whose games has gone quiet."""
    paths = {}
    ana = game(pack, "Ana")
    ana.answer(3), ana.answer("Monday")
    ben = game(pack, "Ben")
    ben.answer(7)
    ben.retry(3)  # a practice retry: the first try (7, wrong) is what counts
    ben.answer("Tuesday")
    cara = game(pack, "Cara")
    cara.answer(3), cara.answer("Sunday")
    dev = game(pack, "Dev")
    dev.answer(3)
    eve = game(pack, "Eve")  # has not answered yet: on q-villages
    fay = game(pack, "Fay")  # quiet: her vote does not count, her answers do
    fay.answer(9)
    for story in (ana, ben, cara, dev, eve, fay):
        paths[story.state.player] = write_result(folder, pack, story.state)
    age(paths["Fay"], minutes=25)
    return paths


def test_the_class_is_at_the_furthest_question_half_of_it_has_done(tmp_path, mini_pack):
    write_mini_class(tmp_path, mini_pack)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    assert (view.students, view.playing, view.quiet, view.finished) == (6, 5, 1, 0)
    # Ana, Ben and Cara did q-day; Dev did only q-villages, Eve is on it; Fay is quiet.
    split = view.current_split
    assert split.step == Step("mon-alarm", "q-day")
    assert split.ask == "When did the river rise?"
    # A to Z: each game showed the options in its own order, the author's puts Monday first
    assert [(b.label, b.text, b.count, b.right) for b in split.bars] == [
        ("A", "Monday", 1, True), ("B", "Sunday", 1, False), ("C", "Tuesday", 1, False)]
    assert split.answered == 3 and split.answer == "Monday" and split.revealable
    assert split.where == "Monday · The river rises"


def test_typed_answers_split_right_and_wrong_at_the_first_try(tmp_path, mini_pack):
    write_mini_class(tmp_path, mini_pack)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    villages = next(s for s in view.splits if s.step.question == "q-villages")
    # Ana, Cara, Dev right; Ben's first try (7) and Fay's 9 wrong; Ben's retry not counted.
    assert [(b.text, b.count, b.tone) for b in villages.bars] == [("Right", 3, "right"),
                                                                  ("Wrong", 2, "wrong")]
    assert villages.answered == 5
    assert villages.common_wrong == ()  # 7 and 9 were typed once each: not shown


def test_a_typed_answer_is_shown_only_when_several_students_typed_it(tmp_path, mini_pack):
    for name, typed in (("Ana", "the radio"), ("Ben", "the radio"), ("Cara", "Zed Quinlan"),
                        ("Dev", "the mayor")):
        story = game(mini_pack, name)
        story.answer(3), story.answer("Monday")
        story.choose(next(i for i, c in enumerate(story.choices) if c.text.startswith("Report 40")))
        story.answer(typed)
        write_result(tmp_path, mini_pack, story.state)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    mayor = view.current_split
    assert mayor.step == Step("tue-wrap", "q-mayor")
    assert [(b.text, b.count) for b in mayor.bars] == [("Right", 1), ("Wrong", 3)]
    # Typed by two, it is shown; one student's text (a classmate's name) never reaches the wall.
    assert mayor.common_wrong == (("the radio", 2),)


def test_decisions_split_by_choice_and_days_count_who_got_there(tmp_path, mini_pack):
    for name, pick in (("Ana", "Report 40"), ("Ben", "Report 55"), ("Cara", "Report 40")):
        story = game(mini_pack, name)
        story.answer(3), story.answer("Monday")
        story.choose(next(i for i, c in enumerate(story.choices) if c.text.startswith(pick)))
        write_result(tmp_path, mini_pack, story.state)
    write_result(tmp_path, mini_pack, game(mini_pack, "Dev").state)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    decision = next(s for s in view.splits if s.step == Step("mon-alarm"))
    assert [(b.label, b.count, b.right) for b in decision.bars] == [("A", 2, True),
                                                                    ("B", 1, False)]
    assert decision.kind == "decision" and decision.answered == 3
    assert view.current_split.step == Step("mon-alarm")  # three decided; Dev is on q1
    assert [(d.day, d.reached, d.here) for d in view.days] == [
        ("Monday", 4, 1), ("Tuesday", 3, 3), ("Debrief", 0, 0)]


def test_no_name_is_in_the_projector_view(tmp_path, mini_pack):
    write_mini_class(tmp_path, mini_pack)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    shown = repr(view)
    for name in ("Ana", "Ben", "Cara", "Dev", "Eve", "Fay", "7B"):
        assert f"'{name}'" not in shown and f" {name}" not in shown


def test_the_dashboard_marks_quiet_games_and_counts_first_tries(tmp_path, mini_pack):
    write_mini_class(tmp_path, mini_pack)
    view = class_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    rows = {s.name: s for s in view.students}
    assert rows["Fay"].status == "quiet" and rows["Fay"].quiet_for >= timedelta(minutes=25)
    assert rows["Ana"].status == "playing" and rows["Ana"].quiet_for is None
    assert (rows["Ben"].first_tries, rows["Ben"].retries) == (2, 1)
    assert (rows["Ana"].first_tries, rows["Ana"].retries) == (2, 0)
    # Quiet only after the time given: 25 minutes is not quiet for a class told 30.
    patient = class_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW,
                         quiet_after=timedelta(minutes=30))
    assert {s.name: s.status for s in patient.students}["Fay"] == "playing"


def test_a_clock_behind_does_not_make_a_game_look_quiet(tmp_path, mini_pack):
    """A student's computer whose clock is an hour behind writes an old time into the file;
    the file's own change time (the shared drive's) says it was written just now."""
    path = write_result(tmp_path, mini_pack, game(mini_pack, "Ana").state)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["updated_at"] = (NOW - timedelta(hours=1)).isoformat(timespec="seconds")
    path.write_text(json.dumps(document), encoding="utf-8")
    view = class_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    assert view.students[0].status == "playing"


def test_a_finished_game_is_never_quiet(tmp_path, mini_pack):
    from game.engine import play

    story = play(mini_pack, pick=lambda story: 0)
    state = story.state
    state.class_code, state.player, state.attempt_id = "7B", "Eve", new_attempt_id()
    age(write_result(tmp_path, mini_pack, state), minutes=120)
    view = class_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    assert view.students[0].status == "finished"


def test_without_the_pack_the_split_still_counts(tmp_path, mini_pack):
    write_mini_class(tmp_path, mini_pack)
    view = projector_view(read_results(tmp_path), PackShelf(folders=[]), NOW)
    day = next(s for s in view.splits if s.step.question == "q-day")
    assert sorted((b.text, b.count) for b in day.bars) == [("Monday", 1), ("Sunday", 1),
                                                          ("Tuesday", 1)]
    assert view.days == () and not day.revealable  # what is right is in the pack


def test_before_anyone_answers_the_class_is_on_the_first_question(tmp_path, mini_pack):
    for name in ("Ana", "Ben", "Cara"):
        write_result(tmp_path, mini_pack, game(mini_pack, name).state)
    view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
    split = view.current_split
    assert split.step == Step("mon-alarm", "q-villages") and split.answered == 0
    assert [(b.text, b.count) for b in split.bars] == [("Right", 0), ("Wrong", 0)]


def test_the_class_step_moves_on_only_when_half_the_class_has(tmp_path, mini_pack):
    """Two fast students racing ahead do not move the class on; the slow ones catching up on
    the first question do not take it back."""
    stories = [game(mini_pack, name) for name in ("Ana", "Ben", "Cara", "Dev", "Eve")]

    def class_question() -> str:
        for story in stories:
            write_result(tmp_path, mini_pack, story.state)
        view = projector_view(read_results(tmp_path), PackShelf([mini_pack], folders=[]), NOW)
        return view.current_split.step.question

    for story in stories[:2]:
        story.answer(3), story.answer("Monday")
    assert class_question() == "q-villages"  # three of five are still on it
    stories[2].answer(3)
    assert class_question() == "q-villages"  # three have done it; two have done q-day
    stories[2].answer("Monday")
    assert class_question() == "q-day"  # now three have done q-day
    stories[3].answer(3), stories[4].answer(3)
    assert class_question() == "q-day"  # the back catching up does not take it back
