"""`briefing new`: the scaffolded pack validates clean, and refuses to overwrite anything."""

from __future__ import annotations

import pytest

from game.authoring.scaffold import ScaffoldError, first_sentence, scaffold
from game.content import compile_pack
from game.paths import seeds_root

ARTICLE = seeds_root() / "000_303921b9cf9db215.txt"


def test_new_pack_with_the_sample_article_validates_clean(tmp_path):
    written = scaffold(tmp_path / "my-week")
    assert [p.name for p in written] == ["pack.yaml", "scenes.yaml", "article.txt", "careful.yaml"]
    result = compile_pack(tmp_path / "my-week")
    assert result.ok and result.diagnostics == []
    assert result.stats()["scenes"] == 2


def test_new_pack_from_an_article_quotes_its_first_sentence(tmp_path):
    scaffold(tmp_path / "drones", ARTICLE)
    assert (tmp_path / "drones" / ARTICLE.name).read_bytes() == ARTICLE.read_bytes()
    result = compile_pack(tmp_path / "drones")
    assert result.diagnostics == []
    fact = result.pack.scenes["first-scene"].facts[0]
    assert fact.source.startswith("Iranian President Ebrahim Raisi addresses a crowd")


def test_first_sentence_keeps_abbreviations_whole():
    text = "Headline Here\n\nThe U.S. Army said on Monday that six people were moved to safety. More."
    assert first_sentence(text) == "The U.S. Army said on Monday that six people were moved to safety."


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    with pytest.raises(ScaffoldError, match="not empty"):
        scaffold(tmp_path / "taken")
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("name", ["My Week", "Week_1", "week!"])
def test_refuses_awkward_pack_ids(tmp_path, name):
    with pytest.raises(ScaffoldError, match="not a good pack id"):
        scaffold(tmp_path / name)


def test_every_author_command_works_on_a_fresh_pack(tmp_path, capsys, monkeypatch):
    from game.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-week"]) == 0
    assert main(["validate", "my-week", "--strict"]) == 0
    assert main(["graph", "my-week", "--format", "mermaid"]) == 0
    assert main(["playtest", "my-week", "--runs", "50", "--seed", "1"]) == 0
    assert main(["playtest", "my-week", "--exhaustive"]) == 0
    assert main(["facts", "my-week"]) == 0
    assert main(["test", "my-week"]) == 0
    out = capsys.readouterr().out
    assert "PASS  my-week/walkthroughs/careful.yaml: The careful path" in out
