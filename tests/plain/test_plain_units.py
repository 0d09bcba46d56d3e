"""Plain mode's parts: the parsers, literal echo, and no TUI imports (Markdown and line
wrapping: test_plain_text.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.plain.console import (
    Unusable, a_number, an_order, one_number, some_numbers, some_text, true_or_false)
from game.plain.text import literal
from tests.conftest import MINI
from tests.plain.scripts import ROOT


def test_numbers_by_commas_or_spaces():
    assert one_number(" 2 ", 3) == 1
    assert some_numbers("1, 3", 3) == [0, 2] == some_numbers("1 3 1", 3)
    assert an_order("3 1 2", 3) == [2, 0, 1]


@pytest.mark.parametrize("parser, line", [
    (lambda s: one_number(s, 3), "4"), (lambda s: one_number(s, 3), "1 2"),
    (lambda s: one_number(s, 3), ""), (lambda s: some_numbers(s, 3), "x"),
    (lambda s: an_order(s, 3), "1 2"), (lambda s: an_order(s, 3), "1 1 2"),
    (a_number, "twelve"), (a_number, "nan"), (a_number, "inf"), (true_or_false, "maybe"),
    (some_text, "   "), (some_text, "\x1b\x07"),
])
def test_unusable_lines_say_why_in_one_line(parser, line):
    with pytest.raises(Unusable) as problem:
        parser(line)
    assert "\n" not in str(problem.value) and str(problem.value).endswith(".")


def test_numbers_and_true_or_false():
    assert a_number("1,000") == 1000 and a_number("2.5") == 2.5 and a_number("-3") == -3
    assert [true_or_false(w) for w in ("t", "TRUE", "yes", "1")] == [True] * 4
    assert [true_or_false(w) for w in ("f", "false", "No", "2")] == [False] * 4


def test_player_text_is_literal_without_control_characters():
    assert literal("[bold]x[/] \x1b[31mred\x1b[0m\x07 ../") == "[bold]x[/] red ../"
    assert some_text("  [link=http://x]A[/link]  ") == "[link=http://x]A[/link]"
    assert some_text(" **Ana** _x_ ") == "**Ana** _x_"  # never read as Markdown


def test_plain_mode_imports_no_textual_or_rich(tmp_path):
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('q\\n')\n"
        "from game.cli import main\n"
        f"status = main(['play', '--plain', '--pack', {str(MINI)!r}, '--data-dir', "
        f"{str(tmp_path)!r}])\n"
        "print('LEAK', status, ' '.join(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'rich'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "LEAK 0"
