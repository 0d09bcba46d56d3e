"""Issue 13, finding 10: a scene's Markdown (everything one screen shows at once) has a size
limit that keeps it quick to show; a bigger one is an error at its line with the size and the
limit. How long sizes take to show is measured in benchmarks/scene_markdown.py, not here."""

from __future__ import annotations

from pathlib import Path

from game.cli import main
from game.content import compile_pack
from game.content.limits import MAX_FILE_BYTES, MAX_SCENE_MARKDOWN

from .test_escaped_controls import hostile_copy

BODY = "body: |\n      The river has **risen**.\n"
PARAGRAPH = "The water rises, and **the radio** says so.\n\n"


def with_body(tmp_path: Path, characters: int) -> Path:
    text = (PARAGRAPH * (characters // len(PARAGRAPH) + 1))[:characters]
    lines = "".join(f"      {line}\n" if line else "\n" for line in text.split("\n"))
    return hostile_copy(tmp_path, ("scenes.yaml", BODY, "body: |\n" + lines))


def too_long(pack: Path) -> list:
    return [d for d in compile_pack(pack).diagnostics if d.code == "markdown-too-long"]


def test_a_scene_over_the_limit_is_an_error_at_its_body(tmp_path, capsys):
    pack = with_body(tmp_path, 100_000)  # 100 KB: half a minute to show before
    found = too_long(pack)
    assert [(Path(d.file).name, d.line, d.severity) for d in found] == [("scenes.yaml", 7,
                                                                         "error")]
    assert f"{MAX_SCENE_MARKDOWN:,}" in found[0].message and "'mon-alarm'" in found[0].message
    assert main(["validate", str(pack)]) == 1
    assert "scenes.yaml:7:" in capsys.readouterr().out


def shown_at_once(pack: Path) -> int:
    scene = compile_pack(pack).pack.scenes["mon-alarm"]
    return sum(map(len, (scene.title, scene.body, scene.prompt, scene.notes,
                         *(choice.text for choice in scene.choices))))


def test_the_limit_counts_what_the_screen_shows_with_the_body(tmp_path):
    others = shown_at_once(with_body(tmp_path / "empty", 0))  # title, choices, notes
    assert others > 100
    others += 1  # a block scalar ('|') ends its text with a new line
    fits = with_body(tmp_path / "fits", MAX_SCENE_MARKDOWN - others)
    assert shown_at_once(fits) == MAX_SCENE_MARKDOWN and not too_long(fits)
    over = with_body(tmp_path / "over", MAX_SCENE_MARKDOWN - others + 1)
    assert shown_at_once(over) == MAX_SCENE_MARKDOWN + 1 and too_long(over)


def test_a_long_intro_is_refused_too(tmp_path):
    intro = "intro: |\n" + "  A long intro line of words.\n" * (MAX_SCENE_MARKDOWN // 28 + 1)
    pack = hostile_copy(tmp_path, ("pack.yaml", "source: seed.txt\n",
                                   "source: seed.txt\n" + intro))
    assert [(Path(d.file).name, d.line) for d in too_long(pack)] == [("pack.yaml", 6)]


def test_the_file_limit_stays():
    assert MAX_FILE_BYTES == 2 * 1024 * 1024 and MAX_SCENE_MARKDOWN < MAX_FILE_BYTES


def test_the_value_limits_are_documented():
    from game.content.text_checks import MAX_NUMBER

    guide = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text("utf-8")
    assert f"**{MAX_SCENE_MARKDOWN:,}** characters" in guide
    assert f"**{MAX_NUMBER:,}**" in guide
