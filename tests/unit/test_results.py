"""Result files: safe names whatever a student types, atomic writes that never collide, and
damaged or foreign files skipped with a reason instead of stopping a report."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from game.classroom.identity import (MAX_NAME, class_seed, clean_name, new_attempt_id,
                                     result_file_name, slug)
from game.classroom.results import read_results, result_document, write_result
from game.engine import play, right_response, Story

HOSTILE_NAMES = ["../../x", "[bold]boom[/]", "a\x1b[31mred\x07\x00b", "é" * 10_000, "///",
                 "CON", "  ", "[link=file:///etc/passwd]x[/link]"]


def started(pack, name: str, class_code: str = "7B", mode: str = "practice") -> Story:
    story = Story(pack, seed=class_seed(class_code, name, False), clock=lambda: "t")
    state = story.state
    state.class_code, state.player, state.mode = class_code, name, mode
    state.attempt_id = new_attempt_id()
    return story


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_result_file_never_escapes_its_folder_whatever_the_name(tmp_path, mini_pack, name):
    story = started(mini_pack, clean_name(name) or name)
    path = write_result(tmp_path, mini_pack, story.state)
    assert path.resolve().is_relative_to(tmp_path.resolve())
    assert path.parent.parent == tmp_path and len(path.name) < 150
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["name"] == story.state.player  # kept exactly, markup and all


def test_clean_name_keeps_markup_literal_but_drops_control_characters():
    assert clean_name("[bold]boom[/]") == "[bold]boom[/]"
    assert clean_name("a\x1b[31mred\x07\x00b") == "a[31mredb"
    assert clean_name("  Ana \n  Lee ") == "Ana Lee"
    assert len(clean_name("x" * 10_000)) == MAX_NAME


def test_same_looking_names_get_different_files_and_slugs_are_plain():
    assert slug("../../x") == "x" and slug("[bold]") == "bold" and slug("///") == ""
    names = {result_file_name("7B", name, "a1")[1] for name in ("Ana", "ana", "ANA", "///", "")}
    assert len(names) == 5


def test_class_seed_is_per_student_or_per_class():
    assert class_seed("7B", "Ana", False) == class_seed("7B", "Ana", False)
    assert class_seed("7B", "Ana", False) != class_seed("7B", "Ben", False)
    assert class_seed("7B", "Ana", True) == class_seed("7B", "Ben", True)


def test_the_document_holds_what_the_report_needs(mini_pack):
    story = started(mini_pack, "Ana")
    play(mini_pack, lambda s: 0, right_response)  # a different game: nothing leaks between them
    while story.phase.value != "ended":
        if story.pending_question:
            story.answer(right_response(story.pending_question, ()))
        else:
            story.choose(0)
    document = result_document(mini_pack, story.state)
    assert document["completed"] and document["ending"] == story.state.scene
    assert document["pack"]["content_hash"].startswith("sha256:")
    assert [a["question"] for a in document["answers"]] == [
        a.question for a in story.state.answers]
    card = story.scorecard()
    assert document["grade"] == card.grade and document["percent"] == card.percent
    assert {t: v["earned"] for t, v in document["tracks"].items()} == {
        t.id: t.earned for t in card.tracks}


def write_one(args: tuple[str, int]) -> str:
    """In a worker process: a student finishing a whole game into the shared folder."""
    from game.content import compile_pack

    folder, number = args
    pack = compile_pack(Path(__file__).resolve().parents[1] / "fixtures" / "mini").pack
    story = started(pack, f"Student {number % 20}")  # pairs of students share a name
    while story.phase.value != "ended":
        if story.pending_question:
            story.answer(right_response(story.pending_question, ()))
        else:
            story.choose(0)
        write_result(Path(folder), pack, story.state)  # every autosave, as the game does
    return str(write_result(Path(folder), pack, story.state))


def test_forty_students_finishing_at_once_give_forty_intact_files(tmp_path):
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        paths = pool.map(write_one, [(str(tmp_path), n) for n in range(40)])
    assert len(set(paths)) == 40
    found = read_results(tmp_path)
    assert not found.skipped and len(found.results) == 40
    assert all(result.document.completed for result in found.results)
    assert not list(tmp_path.rglob(".*.tmp"))  # no temp file left behind


def test_damaged_and_foreign_files_are_skipped_by_name(tmp_path, mini_pack):
    good = write_result(tmp_path, mini_pack, started(mini_pack, "Ana").state)
    text = good.read_text(encoding="utf-8")
    (tmp_path / "7b" / "truncated.json").write_text(text[: len(text) // 2], encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    edited = json.loads(text)
    edited["answers"] = [{"question": "q", "points": "lots"}]
    (tmp_path / "7b" / "edited.json").write_text(json.dumps(edited), encoding="utf-8")
    (tmp_path / "7b" / "nan.json").write_text(text.replace('"seed": ', '"seed": NaN, "x": '),
                                              encoding="utf-8")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    found = read_results(tmp_path)
    assert [r.path for r in found.results] == [good]
    reasons = {path.name: why for path, why in found.skipped}
    assert set(reasons) == {"truncated.json", "notes.json", "edited.json", "nan.json",
                            "binary.json"}
    assert "truncated" in reasons["truncated.json"] and "not a briefing result" in reasons[
        "notes.json"]
    assert "damaged answer" in reasons["edited.json"]
