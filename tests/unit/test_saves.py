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
