"""Issue 13, finding 11: `source:` reads only the pack's own folder and the shipped seeds/, links
followed; an absolute path, a `..` escape or a link out is an error at its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli import main
from game.content import compile_pack
from game.packs import compile_pack as compile_with_seeds
from game.paths import packs_root, seeds_root

from ..conftest import CAMPAIGN_ID
from .test_escaped_controls import hostile_copy

SECRET = "the teacher's private notes"


def pack_reading(tmp_path: Path, source: str) -> Path:
    (tmp_path / "private.txt").write_text(SECRET, encoding="utf-8")
    return hostile_copy(tmp_path, ("pack.yaml", "source: seed.txt", f"source: {source}"))


def outside_diagnostics(pack: Path) -> list:
    result = compile_pack(pack, [seeds_root()])
    assert SECRET not in result.pack.seed_text
    return [d for d in result.diagnostics if d.code == "source-outside-pack"]


@pytest.mark.parametrize("source", ["../private.txt", "{tmp}/private.txt", "/etc/hostname",
                                    "../../../../../../../../etc/hostname"])
def test_a_path_out_of_the_pack_is_an_error_at_its_line(tmp_path, capsys, source):
    source = source.format(tmp=tmp_path)
    if "etc" in source and not Path("/etc/hostname").is_file():
        source = str(tmp_path / "private.txt")  # a system without /etc/hostname
    pack = pack_reading(tmp_path, source)
    found = outside_diagnostics(pack)
    assert [(Path(d.file).name, d.line, d.severity) for d in found] == [("pack.yaml", 5, "error")]
    assert "the pack folder and seeds/" in found[0].message
    assert main(["validate", str(pack)]) == 1
    assert "pack.yaml:5:" in capsys.readouterr().out


def test_a_link_in_the_pack_to_a_file_elsewhere_is_refused(tmp_path):
    pack = pack_reading(tmp_path, "article.txt")
    os.symlink(tmp_path / "private.txt", pack / "article.txt")
    assert len(outside_diagnostics(pack)) == 1


def test_a_link_to_a_file_in_the_pack_and_a_subfolder_are_fine(tmp_path):
    pack = pack_reading(tmp_path, "texts/article.txt")
    (pack / "texts").mkdir()
    os.symlink(pack / "seed.txt", pack / "texts" / "article.txt")
    result = compile_pack(pack)
    assert result.ok, [str(d) for d in result.diagnostics]


def test_the_shipped_campaign_still_reads_its_article_from_seeds():
    result = compile_with_seeds(packs_root() / CAMPAIGN_ID)
    assert result.ok and result.pack.seed_text
    assert not (packs_root() / CAMPAIGN_ID / result.pack.manifest.source).exists()
