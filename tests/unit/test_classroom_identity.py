"""Who plays: saves kept apart per student and mode, the class seed, the default results folder,
and the play command's classroom options."""

from __future__ import annotations

import pytest

from game.classroom.identity import class_seed
from game.cli import main
from game.engine import Story
from game.paths import results_root
from game.saves import SaveStore, save_slot

from ..conftest import MINI


def started(pack, class_code="", name="", mode="practice") -> Story:
    return Story(pack, seed=class_seed(class_code, name, False) if class_code else 1,
                 mode=mode, class_code=class_code, player=name, attempt_id="a")


def test_someone_on_their_own_keeps_the_old_save_name():
    assert save_slot("mini") == "mini"
    assert save_slot("mini", "exam") == "mini--exam"


def test_two_students_on_one_machine_never_share_a_save(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    ana, bo = started(mini_pack, "7B", "Ana"), started(mini_pack, "7B", "Bo")
    ana.answer(3)
    store.save(ana.state)
    store.save(bo.state)
    assert store.load(save_slot("mini", "practice", "7B", "Ana")).state == ana.state
    assert store.load(save_slot("mini", "practice", "7B", "Bo")).state.answers == []
    assert not store.exists("mini")  # nobody's anonymous save was touched


@pytest.mark.parametrize("a, b", [
    (("7B", "Ana"), ("7B", "ana")),  # same slug, different names
    (("7B", "!!"), ("7B", "??")),  # names of symbols only
    (("7B", "Ana"), ("7C", "Ana")),  # the same name in two classes
    (("", "Ana"), ("Ana", "")),
])
def test_look_alike_identities_get_different_saves(a, b):
    assert save_slot("mini", "practice", *a) != save_slot("mini", "practice", *b)


def test_a_practice_and_an_exam_game_are_saved_apart():
    assert save_slot("mini", "practice", "7B", "Ana") != save_slot("mini", "exam", "7B", "Ana")


@pytest.mark.parametrize("name", ["../../x", "[bold]boom[/]", "a\x1b[31mred\x07", "é" * 10_000,
                                  "con", "..", "/"])
def test_a_save_never_escapes_the_saves_folder(tmp_path, name):
    store = SaveStore(tmp_path)
    path = store.path_for(save_slot("mini", "exam", "../7B", name))
    assert path.parent == store.folder and len(path.name) < 200


def test_the_class_seed_orders_options_per_student(mini_pack):
    ana, bo = started(mini_pack, "7B", "Ana"), started(mini_pack, "7B", "Bo")
    again = started(mini_pack, "7B", "Ana")
    assert ana.state.seed == class_seed("7B", "Ana", False) == again.state.seed
    assert ana.question.options == again.question.options  # the same student, the same order
    assert ana.state.seed != bo.state.seed


def test_results_default_to_a_folder_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path))
    assert results_root() == tmp_path / "results"
    assert results_root(tmp_path / "other") == tmp_path / "other" / "results"


def test_seed_and_class_together_are_a_usage_error(capsys):
    assert main(["play", "--pack", str(MINI), "--class", "7B", "--seed", "3"]) == 2
    assert "--seed and --class" in capsys.readouterr().err


def test_same_order_needs_a_class(capsys):
    assert main(["play", "--pack", str(MINI), "--same-order"]) == 2
    assert "--same-order needs --class" in capsys.readouterr().err


def test_an_unknown_mode_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["play", "--mode", "quiz"])
    assert "invalid choice" in capsys.readouterr().err
