"""Issue 13, finding 7: control characters written as YAML escapes ("\\e]0;...\\a", "\\x1b[2J",
"\\u009b") in any text are refused by `validate` at file:line, and neither front end writes a
control character from a pack (or a result file) to the terminal."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import compile_pack
from game.content.cover import read_cover
from game.plain.console import Console
from game.plain.text import markdown_text
from game.terminal_text import TERMINAL_CONTROL

from ..conftest import MINI

ROOT = Path(__file__).resolve().parents[2]
TITLE_ESCAPE = r'"The Flood\e]0;pwned\a"'  # sets the terminal window's title
CLEAR_SCREEN = r'"The river\x1b[2J rises"'
ONE_BYTE_CSI = r'"Monday\u009b6n"'  # an 8-bit CSI: asks the terminal to type its cursor place

# file, the text as the mini pack has it, the same with an escape
PLACES = [
    ("pack.yaml", "title: The Flood", f"title: {TITLE_ESCAPE}"),
    ("pack.yaml", "role: River analyst", r'role: "River\x07 analyst"'),
    ("scenes.yaml", "title: The river rises", f"title: {CLEAR_SCREEN}"),
    ("scenes.yaml", "body: |\n      The river has **risen**.",
     r'body: "The river has\e[8m **risen**."'),
    ("scenes.yaml", "options: [Monday, Tuesday, Sunday]",
     f"options: [{ONE_BYTE_CSI}, Tuesday, Sunday]"),
    ("scenes.yaml", "feedback: Both figures, each with its source.",
     r'feedback: "Both\x9d0;x\x9c figures."'),
    ("scenes.yaml", "explanation: Three.", r'explanation: "Three.\e[2J"'),
    ("scenes.yaml", "- id: q-villages", r'- id: "q-villages\e[31m"'),
    ("scenes.yaml", "assessment: Careful work.", r'assessment: "Careful\x1b work."'),
    ("pack.yaml", "{term: NGO, meaning: Non-governmental organisation}",
     r'{term: NGO, meaning: "Non\e[1mgovernmental"}'),
]


def hostile_copy(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    for file, old, new in edits:
        text = (pack / file).read_text(encoding="utf-8")
        assert old in text, old
        (pack / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


@pytest.mark.parametrize("file, old, new", PLACES, ids=[p[2][:24] for p in PLACES])
def test_an_escaped_control_character_is_an_error_at_its_line(tmp_path, capsys, file, old, new):
    pack = hostile_copy(tmp_path, (file, old, new))
    text = (pack / file).read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index(new)) + 1
    found = [d for d in compile_pack(pack).diagnostics if d.code == "escaped-control-character"]
    assert [(Path(d.file).name, d.line, d.severity) for d in found] == [(file, line, "error")]
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{file}:{line}:" in out and not TERMINAL_CONTROL.search(out)


def test_tab_and_new_line_escapes_stay_allowed(tmp_path):
    pack = hostile_copy(tmp_path, ("scenes.yaml", "body: |\n      The river has **risen**.",
                                   r'body: "The river\thas\n**risen**."'))
    result = compile_pack(pack)
    assert result.ok and not result.diagnostics
    assert result.pack.scenes["mon-alarm"].body == "The river\thas\n**risen**."


def test_a_pack_loaded_despite_its_errors_holds_no_control_character(tmp_path):
    pack = hostile_copy(tmp_path, *((file, old, new) for file, old, new in PLACES))
    result = compile_pack(pack)
    assert not result.ok
    texts = [result.pack.manifest.title, result.pack.manifest.role,
             *(s.title + s.body for s in result.pack.scenes.values()),
             *(o for q in result.pack.questions().values() for o in q.options)]
    assert texts and not any(TERMINAL_CONTROL.search(text) for text in texts)


def test_plain_play_refuses_the_pack_and_writes_no_escape(tmp_path):
    pack = hostile_copy(tmp_path, *((file, old, new) for file, old, new in PLACES))
    run = subprocess.run([sys.executable, "-m", "game", "play", "--plain", "--pack", str(pack),
                          "--data-dir", str(tmp_path / "data")], input=b"\n\n1\n1\n",
                         capture_output=True, cwd=ROOT, timeout=60)
    assert b"escaped-control-character" in run.stderr and run.returncode != 0
    assert b"\x1b" not in run.stdout + run.stderr and b"\x07" not in run.stdout + run.stderr
    assert "\x9b" not in (run.stdout + run.stderr).decode("utf-8")


def test_the_plain_console_writes_no_control_character_from_any_text():
    """The second line: text the compiler never saw (a result file, an older pack)."""
    out = __import__("io").StringIO()
    console = Console(__import__("io").StringIO(), out, echo=False, width=80)
    console.say("Title\x1b]0;pwned\x07", "clear\x1b[2J here", "csi\x9b6n", "tab\tand\nline")
    assert out.getvalue() == "Title]0;pwned\nclear[2J here\ncsi6n\ntab\tand\nline\n"
    assert markdown_text("**bold**\x1b[2J and\x9d0;x") == ["bold[2J and0;x"]


def test_a_cover_read_before_compiling_holds_no_control_character(tmp_path):
    pack = hostile_copy(tmp_path, *((file, old, new) for file, old, new in PLACES[:2]))
    cover = read_cover(pack)
    assert (cover.title, cover.role) == ("The Flood]0;pwned", "River analyst")


def test_the_report_prints_no_escape_from_a_result_files_question_id(tmp_path, capsys):
    from ..unit.test_report import answer, document, write

    folder = tmp_path / "results"
    bad_id = "q-villages\x1b]0;pwned\x07"
    write(folder, "ana", document("Ana", content_hash="sha256:0000000000000000", percent=100,
                                  answers=[answer(bad_id, 3, 1)]))
    assert json.loads((folder / "7b" / "ana.json").read_text())["answers"][0]["question"] == bad_id
    assert main(["report", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "q-villages" in out and "\x1b" not in out and "\x07" not in out
