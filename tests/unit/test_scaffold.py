"""`briefing new`: the scaffolded pack validates clean, and refuses to overwrite anything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from game import paths
from game.authoring.scaffold import ScaffoldError, first_sentence, scaffold, schema_in_checkout
from game.content import compile_pack
from game.content.schema import SCHEMA_DIR, schema_file_name, schema_text
from game.paths import seeds_root

ARTICLE = seeds_root() / "000_303921b9cf9db215.txt"
MODELINE = "# yaml-language-server: $schema="


def test_new_pack_with_the_sample_article_validates_clean(tmp_path):
    written = scaffold(tmp_path / "my-week")
    assert [p.name for p in written] == ["pack.yaml", "scenes.yaml", "article.txt", "careful.yaml",
                                         "pack.schema.json", "scenes.schema.json"]
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
    assert main(["upgrade", "my-week", "--check"]) == 0  # written in today's format
    out = capsys.readouterr().out
    assert "PASS  my-week/walkthroughs/careful.yaml: The careful path" in out
    assert "my-week: already in today's format; nothing to change." in out


def schema_named_by(path: Path) -> Path:
    """The schema file a YAML file's modeline points at, checked to be a relative path."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    reference = first[len(MODELINE):]
    assert not Path(reference).is_absolute(), reference
    return path.parent / reference


def assert_modelines_work(pack: Path) -> None:
    """Each modeline names an existing JSON Schema that accepts the file it heads."""
    for name, kind in (("pack.yaml", "pack"), ("scenes.yaml", "scenes")):
        target = schema_named_by(pack / name)
        assert target.name == schema_file_name(kind)
        schema = json.loads(target.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        document = yaml.safe_load((pack / name).read_text(encoding="utf-8"))
        assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_pack_outside_the_checkout_carries_its_own_schemas(tmp_path):
    pack = tmp_path / "my-week"
    scaffold(pack)
    assert schema_named_by(pack / "pack.yaml") == pack / "schema" / "pack.schema.json"
    assert schema_named_by(pack / "scenes.yaml") == pack / "schema" / "scenes.schema.json"
    assert_modelines_work(pack)
    for kind in ("pack", "scenes"):  # the same text as `briefing schema --write`
        assert (pack / "schema" / schema_file_name(kind)).read_text(encoding="utf-8") == schema_text(kind)
    result = compile_pack(pack)  # the loader does not take the schema folder for scenes
    assert result.ok and result.diagnostics == []
    moved = tmp_path / "shared" / "my-week"  # zipped, sent, unpacked elsewhere: still works
    shutil.move(str(pack), str(moved))
    assert_modelines_work(moved)


def fake_checkout(root: Path, monkeypatch, with_schemas: bool) -> Path:
    """Make ``root`` the folder briefing runs from: a checkout, or a wheel's site-packages."""
    if with_schemas:
        (root / SCHEMA_DIR).mkdir(parents=True)
        for kind in ("pack", "scenes"):
            (root / SCHEMA_DIR / schema_file_name(kind)).write_text(schema_text(kind), encoding="utf-8")
    root.mkdir(exist_ok=True)
    monkeypatch.setattr(paths, "CHECKOUT_DIR", root)
    return root


def test_pack_inside_the_checkout_points_at_docs_schema_like_shipped_packs(tmp_path, monkeypatch):
    checkout = fake_checkout(tmp_path / "checkout", monkeypatch, with_schemas=True)
    pack = checkout / "scenes" / "my-week"
    written = scaffold(pack)
    assert (pack / "pack.yaml").read_text().splitlines()[0] == \
        MODELINE + "../../docs/schema/pack.schema.json"
    assert schema_named_by(pack / "scenes.yaml").resolve() == \
        (checkout / SCHEMA_DIR / "scenes.schema.json").resolve()
    assert_modelines_work(pack)
    assert not (pack / "schema").exists()
    assert not any(p.suffix == ".json" for p in written)


def test_installed_without_a_checkout_the_pack_carries_its_own_schemas(tmp_path, monkeypatch):
    site_packages = fake_checkout(tmp_path / "site-packages", monkeypatch, with_schemas=False)
    for pack in (site_packages / "my-week", tmp_path / "elsewhere" / "my-week"):
        scaffold(pack)
        assert schema_named_by(pack / "pack.yaml") == pack / "schema" / "pack.schema.json"
        assert_modelines_work(pack)


def test_the_real_checkout_is_found_and_named_as_shipped_packs_name_it():
    assert schema_in_checkout(paths.CHECKOUT_DIR / "scenes" / "new-pack") == "../../docs/schema"


def test_the_title_comes_from_the_articles_first_line_not_the_folder(tmp_path):
    article = tmp_path / "flood.txt"
    article.write_text("\n# River Floods: Three Villages Cut Off\n\nThe river rose overnight and "
                       "flooded three villages in the valley, officials said on Monday.\n")
    scaffold(tmp_path / "pack2", article)
    result = compile_pack(tmp_path / "pack2")
    assert result.diagnostics == []
    assert result.pack.manifest.title == "River Floods: Three Villages Cut Off"
    assert result.pack.id == "pack2"


def test_the_sample_pack_is_titled_from_the_sample_article(tmp_path):
    scaffold(tmp_path / "pack2")
    assert compile_pack(tmp_path / "pack2").pack.manifest.title == \
        "Town Library Opens Late After Storm"


def test_no_file_it_writes_holds_an_absolute_path(tmp_path):
    written = scaffold(tmp_path / "my-week", ARTICLE)
    for path in written:
        if path.suffix in (".yaml", ".yml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert str(tmp_path) not in text and str(Path.home()) not in text, path


def test_a_fresh_pack_renamed_to_pack_yml_works_with_every_author_command(tmp_path, capsys,
                                                                          monkeypatch):
    from game.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-week"]) == 0
    (tmp_path / "my-week" / "pack.yaml").rename(tmp_path / "my-week" / "pack.yml")
    assert main(["validate", "my-week", "--strict"]) == 0
    assert main(["graph", "my-week", "--format", "mermaid"]) == 0
    assert main(["playtest", "my-week", "--runs", "20", "--seed", "1"]) == 0
    assert main(["test", "my-week"]) == 0
    assert main(["upgrade", "my-week", "--check"]) == 0
    assert "PASS  my-week/walkthroughs/careful.yaml" in capsys.readouterr().out


FLOOD_ARTICLE = ("# River Floods: Three Villages Cut Off\n\nThe river rose overnight and flooded "
                 "three villages in the valley, officials said on Monday.\n")


def test_an_article_saved_with_a_byte_order_mark_gives_a_clean_title(tmp_path):
    article = tmp_path / "flood.txt"
    article.write_bytes(b"\xef\xbb\xbf" + FLOOD_ARTICLE.encode("utf-8"))
    scaffold(tmp_path / "pack2", article)
    assert "\ufeff" not in (tmp_path / "pack2" / "pack.yaml").read_text(encoding="utf-8")
    result = compile_pack(tmp_path / "pack2")
    assert result.diagnostics == []
    assert result.pack.manifest.title == "River Floods: Three Villages Cut Off"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1"])
def test_an_article_not_in_utf8_is_refused_and_no_pack_is_left(tmp_path, capsys, monkeypatch,
                                                               encoding):
    from game.cli import main

    article = tmp_path / "flood.txt"
    article.write_bytes(FLOOD_ARTICLE.replace("valley", "vallée").encode(encoding))
    monkeypatch.chdir(tmp_path)
    assert main(["new", "pack2", "--source", str(article)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(article) in err and "UTF-8" in err
    assert not (tmp_path / "pack2").exists()
