"""The result-file model: the reader takes every file the writer writes, refuses each damaged
field with words that name it, reads odd optional values as missing, and still reads files
written before the model existed."""

from __future__ import annotations

import copy
import json

import pytest

from game.classroom.identity import new_attempt_id
from game.classroom.live import PackShelf, class_view
from game.classroom.report import build_report
from game.classroom.results import (ResultDocument, read_one, read_results, result_document,
                                    write_result)
from game.engine import right_response, Story, wrong_response

from ..conftest import FIXTURES

OLD_RESULTS = FIXTURES / "results"  # written by briefing before the model, by its own writer


def started(pack, name: str = "Ana", mode: str = "practice", seed: int = 5) -> Story:
    story = Story(pack, seed=seed, clock=lambda: "2026-03-02T10:00:00+00:00")
    state = story.state
    state.class_code, state.player, state.mode = "7B", name, mode
    state.attempt_id, state.started_at = new_attempt_id(), "2026-03-02T10:00:00+00:00"
    return story


def step(story: Story, respond) -> None:
    """One move: a second try when one is open (right), else an answer (a hint first, where
    the mode gives hints), else the last choice on offer."""
    if story.retry_question is not None:
        question = story.retry_question
        story.retry(right_response(question, story.presentation(question).options))
    elif story.pending_question:
        question = story.pending_question
        if question.hint and story.state.mode == "practice":
            story.take_hint()
        story.answer(respond(question, story.presentation(question).options))
    else:
        story.choose(len(story.choices) - 1)


def as_written(document: dict) -> dict:
    """A document as it comes back from its file: JSON's lists for tuples, and so on."""
    return json.loads(json.dumps(document, allow_nan=False))


@pytest.mark.parametrize("mode", ["practice", "exam", "presenter"])
@pytest.mark.parametrize("respond", [right_response, wrong_response])
def test_every_file_the_writer_writes_reads_back_as_it_was_written(tmp_path, campaign, mode,
                                                                   respond):
    story = started(campaign, mode=mode)
    written = 0
    while True:  # a file at every autosave, as a game writes them, up to the debrief
        path = write_result(tmp_path, campaign, story.state)
        document, problem = read_one(path)
        assert problem == "" and document is not None
        assert document.to_dict() == json.loads(path.read_text(encoding="utf-8"))
        assert document == ResultDocument.from_dict(as_written(result_document(
            campaign, story.state, now=document.updated_at)))
        written += 1
        if story.state.ended:
            break
        step(story, respond)
    assert written > 10 and document.completed and document.ending == story.state.scene
    assert len(document.answers) == len(story.state.answers) > 0
    assert [a.question for a in document.answers] == [a.question for a in story.state.answers]


def test_the_model_holds_what_the_game_scored(mini_pack):
    story = started(mini_pack)
    story.answer(7)  # q-villages, wrong
    story.retry(3)
    card = story.scorecard()
    document = ResultDocument.from_game(mini_pack, story.state, now="t")
    assert (document.pack.id, document.pack.title) == ("mini", mini_pack.manifest.title)
    assert document.pack.content_hash == mini_pack.content_hash
    assert (document.class_code, document.name, document.mode) == ("7B", "Ana", "practice")
    assert [(a.attempt, a.correct) for a in document.answers] == [(1, False), (2, True)]
    assert document.track("recall").earned == card.track("recall").earned
    assert (document.percent, document.grade, document.updated_at) == (card.percent, card.grade,
                                                                       "t")
    assert document.track("no-such-track") is None and not document.completed


def a_document(pack) -> dict:
    """A written document with an answer and a decision in it, to damage."""
    story = started(pack)
    story.answer(3)
    story.answer("Monday")
    story.choose(0)
    return as_written(result_document(pack, story.state, now="2026-03-02T10:05:00+00:00"))


def drop(*keys):
    def change(data: dict) -> None:
        *parents, last = keys
        for key in parents:
            data = data[key]
        del data[last]
    return change


def put(*keys_and_value):
    *keys, value = keys_and_value

    def change(data: dict) -> None:
        *parents, last = keys
        for key in parents:
            data = data[key]
        data[last] = value
    return change


DAMAGED = [
    (put("format", "briefing-save"), "is not a briefing result file"),
    (drop("schema_version"), "has no schema version"),
    (put("schema_version", "1"), "has no schema version"),
    (put("schema_version", True), "has no schema version"),
    (put("schema_version", 2), "was written by a newer briefing (result schema 2)"),
    (drop("pack"), "does not say which pack it is for: pack is missing"),
    (put("pack", "mini"), "does not say which pack it is for: pack is not an object"),
    (put("pack", "version", 1), "does not say which pack it is for: pack.version is not text"),
    (drop("pack", "content_hash"),
     "does not say which pack it is for: pack.content_hash is missing"),
    (put("class", None), "has a damaged field: class is not text"),
    (drop("name"), "has a damaged field: name is missing"),
    (put("mode", "homework"),
     "has a damaged field: mode is not one of practice, exam, presenter"),
    (put("attempt", 12), "has a damaged field: attempt is not text"),
    (drop("scene"), "has a damaged field: scene is missing"),
    (put("completed", "yes"), "has a damaged field: completed is not true or false"),
    (drop("simulated"), "has a damaged field: simulated is missing"),
    (put("answers", {}), "has a damaged field: answers is not a list"),
    (put("decisions", None), "has a damaged field: decisions is not a list"),
    (put("answers", 1, "x"), "has a damaged answer: answers[1] is not an object"),
    (put("answers", 1, "points", "lots"),
     "has a damaged answer: answers[1].points is not a number"),
    (put("answers", 0, "max_points", True),
     "has a damaged answer: answers[0].max_points is not a number"),
    (drop("answers", 0, "question"), "has a damaged answer: answers[0].question is missing"),
    (put("answers", 0, "correct", 1),
     "has a damaged answer: answers[0].correct is not true or false"),
    (put("answers", 1, "attempt", 1.5),
     "has a damaged answer: answers[1].attempt is not a whole number"),
    (put("answers", 0, "hinted", "no"),
     "has a damaged answer: answers[0].hinted is not true or false"),
    (put("answers", 0, "at", None), "has a damaged answer: answers[0].at is not text"),
    (put("decisions", 0, "choice", "0"),
     "has a damaged decision: decisions[0].choice is not a whole number"),
    (put("decisions", 0, "effects", "tradecraft", "2"),
     "has a damaged decision: decisions[0].effects is not a number per track"),
    (drop("decisions", 0, "available"),
     "has a damaged decision: decisions[0].available is missing"),
    (put("decisions", 0, "text", ["Report 40"]),
     "has a damaged decision: decisions[0].text is not text"),
    (put("tracks", []), "has damaged track totals: tracks is not an object"),
    (put("tracks", "recall", 5), "has damaged track totals: tracks.recall is not an object"),
    (put("tracks", "recall", "earned", "x"),
     "has damaged track totals: tracks.recall.earned is not a number"),
    (drop("tracks", "tradecraft", "available"),
     "has damaged track totals: tracks.tradecraft.available is missing"),
]


@pytest.mark.parametrize("damage, problem", DAMAGED, ids=[why for _, why in DAMAGED])
def test_each_damaged_field_is_named_and_the_file_skipped(tmp_path, mini_pack, damage, problem):
    good = tmp_path / "7b" / "good.json"
    good.parent.mkdir()
    good.write_text(json.dumps(a_document(mini_pack)), encoding="utf-8")
    data = a_document(mini_pack)
    damage(data)
    bad = tmp_path / "7b" / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    found = read_results(tmp_path)
    assert [r.path for r in found.results] == [good]
    assert found.skipped == [(bad, problem)]


def test_odd_values_where_the_report_can_do_without_read_as_missing(mini_pack):
    data = a_document(mini_pack)
    data.update(percent="lots", grade=5, started_at=None, updated_at=3, seed="x",
                same_order="yes", ending=7, comment="added by hand")
    data["pack"]["title"] = None
    data["tracks"]["recall"].update(name="", percent="x", graded="x", band=None)
    data["answers"][0]["colour"] = "red"  # a field this version does not know
    data["answers"][1]["response"] = {"weird": [1, None]}
    del data["answers"][0]["attempt"], data["answers"][0]["hinted"]  # fields with defaults
    document = ResultDocument.from_dict(data)
    assert (document.percent, document.grade, document.seed, document.same_order) == (
        None, None, None, False)
    assert (document.started_at, document.updated_at, document.ending) == ("", "", None)
    assert document.pack.title == "mini"
    recall = document.track("recall")
    assert (recall.name, recall.percent, recall.graded, recall.band) == ("recall", None, True, "")
    assert (document.answers[0].attempt, document.answers[0].hinted) == (1, False)
    assert document.answers[1].response == {"weird": [1, None]}  # the kind's JSON, as it is


def test_files_written_before_the_model_still_read_and_write_back_the_same():
    found = read_results(OLD_RESULTS)
    assert not found.skipped and len(found.results) == 2
    for result in found.results:
        assert result.document.to_dict() == json.loads(result.path.read_text(encoding="utf-8"))
    ana, ben = sorted((r.document for r in found.results), key=lambda d: d.name)
    assert (ana.name, ana.mode, ana.completed, ana.ending) == (
        "Ana [bold]Lee[/]", "practice", True, "end-weak")
    assert [(a.question, a.attempt, a.hinted) for a in ana.answers[:2]] == [
        ("q-villages", 1, True), ("q-villages", 2, True)]
    assert ana.decisions[0].effects == {"tradecraft": -1.0, "escalation": 1.0}
    assert (ana.percent, ana.grade, ana.track("escalation").graded) == (70.9, "B", False)
    assert (ben.mode, ben.completed, ben.ending, ben.track("recall").percent) == (
        "exam", False, None, 100.0)


def test_the_report_reads_the_old_files(mini_pack):
    section = build_report(read_results(OLD_RESULTS), [mini_pack]).sections[0]
    assert [s.name for s in section.students] == ["Ana [bold]Lee[/]", "Ben"]
    villages = {q.id: q for q in section.questions}["q-villages"]
    assert (villages.answered, villages.correct_first, villages.hinted) == (2, 1, 1)
    assert section.finished == 1 and section.average_percent == 70.9


def test_a_file_nested_too_deeply_is_skipped_not_fatal(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    document, problem = read_one(path)
    assert document is None and problem


def test_a_read_result_cannot_be_changed(mini_pack):
    """The model shares the game's records, so they are frozen: no reader can change a game."""
    data = a_document(mini_pack)
    document = ResultDocument.from_dict(copy.deepcopy(data))
    with pytest.raises(AttributeError):
        document.answers[0].points = 99  # type: ignore[misc]
    assert document.to_dict() == data



def test_the_dashboard_reads_the_old_files(mini_pack):
    from datetime import datetime, timezone

    # Read far from when they were written: Ben's unfinished game has long gone quiet.
    view = class_view(read_results(OLD_RESULTS), PackShelf([mini_pack], folders=[]),
                      now=datetime(2100, 1, 1, tzinfo=timezone.utc))
    assert [(s.name, s.status, s.first_tries, s.retries, s.percent)
            for s in view.students] == [("Ana [bold]Lee[/]", "finished", 6, 1, 70.9),
                                        ("Ben", "quiet", 1, 0, 100.0)]
    assert view.students[0].where == f"Debrief ({mini_pack.scenes['end-weak'].title})"
    assert (view.hardest.text, view.hardest.percent_right) == ("How many villages flooded?", 50)
    recall = next(a for a in view.averages if a.track == "Recall")
    assert (recall.percent, recall.students) == (round((100 * 6.38 / 7 + 100) / 2, 1), 2)
