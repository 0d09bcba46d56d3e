"""Plain mode's debrief: the summary first, then the detail, then the offer to save it, which
writes nothing unless the player asks, asks before replacing a file, and says in one sentence
what is wrong with a name it cannot write."""

from __future__ import annotations

import errno
import io

import pytest

import game.debrief_file as debrief_file
from game.debrief_html import debrief_html
from game.debrief_text import debrief_markdown
from game.engine import build_debrief
from game.plain.console import Console
from game.plain.save_prompt import offer_save
from tests.conftest import MINI
from tests.plain.scripts import run_plain, script_for

from ..unit.test_story import play_hasty


def hasty(scene, options) -> int:
    return next(i for i, o in enumerate(options) if o.text.startswith("Report 55"))


def test_the_summary_comes_first_then_the_detail_then_the_offer(mini_pack, tmp_path):
    here = tmp_path / "here"
    here.mkdir()
    lines, expected = script_for(mini_pack, 3, wrong={"q-villages"}, pick=hasty)
    done = run_plain(["--pack", str(MINI), "--seed", "3"],
                     "\n".join([*lines, "y", ""]) + "\n", tmp_path / "data", cwd=here,
                     columns=200)  # the temporary folder's long path on one line
    out = done.stdout
    assert done.returncode == 0 and done.stderr == "", done.stderr
    summary = out[out.index("\nSummary.\n"):out.index("\nThe detail:")]
    assert "Tradecraft: −1 of 2 points (−50%), Shaky.\nEscalation risk: 1, not graded.\n" in summary
    assert "\nEnding: A shaky note.\n" in summary
    assert ("Decisions most worth revisiting (1 of 1 below the best call).\n"
            "1. The river rises — 3 points below the best call (Monday, 07:40).\n"
            "   You chose: Report 55 moved\n"
            "   A better call: Report 40 moved, and note the radio's 55\n"
            "   Source: “Officials said 40 people were moved.”\n") in summary
    assert ("1. How many villages flooded? (0.5 of 1).\n"  # wrong, then right at the retry
            "   Your answers: 103; then 3\n   Right answer: 3\n"
            "   Source: “flooding three villages”\n") in summary
    assert out.index("End of the debrief.") < out.index("Save this debrief to a file? [y/N] y")
    saved = here / "debrief-mini.md"
    assert f"Saved the debrief to this file:\n{saved}\n" in out
    assert saved.read_text(encoding="utf-8") == debrief_markdown(
        build_debrief(mini_pack, expected.state))
    assert sorted(p.name for p in here.iterdir()) == ["debrief-mini.md"]
    assert out.rstrip().endswith("Save it to another file too (the other format, say)? [y/N]")


def offer(pack, typed: str, here, story=None) -> tuple[str, object]:
    """The offer to save, answered with the lines ``typed``; what it printed, and the debrief."""
    debrief = build_debrief(pack, (story or play_hasty(pack)).state)
    out = io.StringIO()
    # wide: a temporary folder's long path stays on one line
    offer_save(Console(io.StringIO(typed), out, echo=True, width=400), debrief, "mini", here)
    return out.getvalue(), debrief


def test_nothing_is_written_unless_the_player_asks(mini_pack, tmp_path):
    for typed in ("\n", "n\n", "no\n", ""):  # Enter alone is no; so is the end of input
        out, _ = offer(mini_pack, typed, tmp_path)
        assert out.startswith("Save this debrief to a file? [y/N] ")
        assert "Saved" not in out
    assert list(tmp_path.iterdir()) == []


def test_a_name_ending_html_saves_the_web_page_then_another_file_may_follow(mini_pack,
                                                                           tmp_path):
    out, debrief = offer(mini_pack, "maybe\ny\nmy notes.html\ny\n\nn\n", tmp_path)
    assert "Type y for yes or n for no (Enter alone is no)." in out
    assert "A name ending .md saves Markdown; .html, a web page you can print." in out
    assert f"Saved the debrief to this file:\n{tmp_path / 'my notes.html'}\n" in out
    assert (tmp_path / "my notes.html").read_text(encoding="utf-8") == debrief_html(debrief)
    assert (tmp_path / "debrief-mini.md").read_text(encoding="utf-8") == \
        debrief_markdown(debrief)  # the second, by the name offered
    assert out.rstrip().endswith("Save it to another file too (the other format, say)? [y/N] n")


def test_a_name_with_no_known_ending_is_saved_as_markdown(mini_pack, tmp_path):
    out, debrief = offer(mini_pack, "y\nnotes\n", tmp_path)
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == debrief_markdown(debrief)


def test_an_existing_file_is_kept_unless_the_player_says_replace(mini_pack, tmp_path):
    kept = tmp_path / "debrief-mini.md"
    kept.write_text("my own notes", encoding="utf-8")
    out, _ = offer(mini_pack, "y\n\nn\nn\n", tmp_path)
    assert f"debrief-mini.md is already in {tmp_path}. Replace it? [y/N] n" in out
    assert "Kept debrief-mini.md as it was." in out
    assert out.rstrip().endswith("Save this debrief to a file? [y/N] n")  # asked again
    assert kept.read_text(encoding="utf-8") == "my own notes"
    out, debrief = offer(mini_pack, "y\n\ny\n", tmp_path)
    assert kept.read_text(encoding="utf-8") == debrief_markdown(debrief)


def test_a_bad_path_is_one_sentence_then_the_offer_again(mini_pack, tmp_path):
    out, _ = offer(mini_pack, "y\nnowhere/x.md\nn\n", tmp_path)
    assert (f"There is no folder {tmp_path / 'nowhere'}. Check the name, or create the folder "
            "first.") in " ".join(out.split())
    assert out.count("Save this debrief to a file? [y/N]") == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code, words", [
    (errno.EACCES, "You cannot write in {here}: it is read-only for you."),
    (errno.EROFS, "{here} is on a read-only disk."),
])
def test_a_folder_that_cannot_be_written_is_said_and_the_game_ends_well(
        mini_pack, tmp_path, monkeypatch, code, words):
    def refuse(path, text, mode=None):
        raise OSError(code, "refused", str(path))

    monkeypatch.setattr(debrief_file, "atomic_write", refuse)
    out, _ = offer(mini_pack, "y\nx.md\n", tmp_path)  # then the input ends
    assert words.format(here=tmp_path) in " ".join(out.split())
    assert "Traceback" not in out and list(tmp_path.iterdir()) == []
