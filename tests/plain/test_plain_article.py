"""Plain mode after the debrief: the line on endings and routes, and the article offered,
printed only when the player asks."""

from __future__ import annotations

from tests.conftest import MINI
from tests.plain.scripts import run_plain, script_for

LINE = "This week has 2 endings and 4 routes through it: play again to find the others."
OFFER = "Read the article this week was drawn from? [y/N]"


def test_the_article_is_offered_after_the_save_and_printed_when_asked(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 3)
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join([*lines, "n", "y"]) + "\n",
                     tmp_path, columns=200)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count(LINE) == 1  # in the summary, said once
    assert out.index("End of the debrief.") < out.index(OFFER) < out.index("The article.")
    assert "The “river” rose on Monday, flooding three villages." in out
    assert out.rstrip().endswith("End of the article.")


def test_the_article_is_not_printed_unasked(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 3)
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join([*lines, "n", ""]) + "\n",
                     tmp_path)
    assert done.returncode == 0, done.stderr
    assert OFFER in done.stdout and "The article." not in done.stdout
