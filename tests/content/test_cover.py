"""The title screen's covers: read from pack.yaml alone, the same as the compiled pack says, and
safe on any file (a cover never crashes the game; the compiler reports what is wrong)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.content.cover import PackCover, read_cover

from ..conftest import MINI
from .test_hostile_content import FIXTURE_CASES, GENERATED_CASES, HOSTILE, deep_flow

ROOT = Path(__file__).resolve().parents[2]


def test_a_cover_says_what_the_compiled_pack_says(campaign, mini_pack):
    for pack in (campaign, mini_pack):
        assert read_cover(Path(pack.root)) == PackCover.of(pack)
    cover = PackCover.of(campaign)
    assert cover.title == "Hit for Hit: A Week on the Syria Desk"
    assert cover.role == "Pentagon analyst"
    assert cover.span == "Thursday 23 March to Monday 27 March"


def manifest_folder(tmp_path: Path, data: bytes) -> Path:
    folder = tmp_path / "odd-pack"
    folder.mkdir()
    (folder / "pack.yaml").write_bytes(data)
    return folder


@pytest.mark.parametrize("name", sorted(FIXTURE_CASES))
def test_a_hostile_manifest_gives_the_folder_name_as_title(tmp_path, name):
    cover = read_cover(manifest_folder(tmp_path, (HOSTILE / name).read_bytes()))
    assert cover.id == "odd-pack" and cover.title == "odd-pack" and cover.role == ""


@pytest.mark.parametrize("name", sorted(GENERATED_CASES))
def test_a_huge_or_deep_manifest_gives_the_folder_name_as_title(tmp_path, name):
    make, _, _ = GENERATED_CASES[name]
    assert read_cover(manifest_folder(tmp_path, make())).title == "odd-pack"


def test_a_manifest_that_crashes_libyaml_never_reaches_it(tmp_path):
    folder = manifest_folder(tmp_path, deep_flow())
    code = ("import sys; from pathlib import Path; from game.content.cover import read_cover; "
            f"print(read_cover(Path({str(folder)!r})).title)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "odd-pack", run.stderr


def test_a_missing_manifest_or_odd_fields_still_give_a_cover(tmp_path):
    assert read_cover(tmp_path / "nowhere").title == "nowhere"
    folder = manifest_folder(tmp_path, b"title: [1, 2]\nrole: 7\ndays: Monday\n")
    assert read_cover(folder) == PackCover("odd-pack", folder, "odd-pack")
    assert read_cover(MINI).span  # a real pack's days
