"""Autosaves: atomic writes, resuming, and corrupt files kept aside with a message."""

from game.engine import Story
from game.saves import SaveStore


def test_save_and_load_round_trip(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    story = Story(mini_pack, seed=3)
    story.answer(3)
    path = store.save(story.state)
    assert path.name == "mini.json"
    assert store.load("mini").state == story.state
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_save_is_kept_aside_and_explained(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    store.save(Story(mini_pack, seed=3).state)
    path = store.path_for("mini")
    path.write_text(path.read_text()[:40])  # truncated mid-write by some other program
    loaded = store.load("mini")
    assert loaded.state is None
    assert "cannot be used" in loaded.problem and "mini.corrupt" in loaded.problem
    assert not path.exists() and path.with_suffix(".corrupt").exists()


def test_missing_save_says_so(tmp_path):
    loaded = SaveStore(tmp_path).load("mini")
    assert loaded.state is None and loaded.problem == "There is no saved game yet."


def test_pack_ids_cannot_escape_the_saves_folder(tmp_path):
    store = SaveStore(tmp_path)
    assert store.path_for("../../etc/passwd").parent == store.folder


import json

import pytest


@pytest.mark.parametrize("field, value", [
    ("question_index", "2"), ("question_index", -1), ("scene", ["x"]), ("seed", 1.5),
    ("flags", "careful"), ("min_compatible_version", "1"), ("ended", "no"),
])
def test_a_save_with_wrong_types_is_kept_aside(tmp_path, mini_pack, field, value):
    store = SaveStore(tmp_path)
    store.save(Story(mini_pack, seed=3).state)
    path = store.path_for("mini")
    data = json.loads(path.read_text())
    data[field] = value
    path.write_text(json.dumps(data))
    loaded = store.load("mini")
    assert loaded.state is None and "cannot be used" in loaded.problem
    assert path.with_suffix(".corrupt").exists() and not path.exists()


def test_a_save_with_a_bad_decision_record_is_kept_aside(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    story = Story(mini_pack, seed=3)
    story.answer(3)
    store.save(story.state)
    path = store.path_for("mini")
    data = json.loads(path.read_text())
    data["answers"][0]["points"] = "lots"
    path.write_text(json.dumps(data))
    assert store.load("mini").state is None
