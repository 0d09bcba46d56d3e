"""Plain mode with a question asked again (spaced retrieval): the note says why, and the
debrief labels it."""

from __future__ import annotations

from game.content import compile_pack
from tests.conftest import FIXTURES
from tests.plain.scripts import run_plain, script_for

RETRIEVAL = FIXTURES / "retrieval"
NOTE = "Asked again: you missed this on Monday, so it comes back for a share of the points."


def test_a_missed_question_comes_back_with_a_note_and_its_own_label(tmp_path):
    pack = compile_pack(RETRIEVAL).pack
    lines, expected = script_for(pack, 3, mode="exam", wrong={"q-villages"},
                                 pick=lambda scene, options: next(
                                     i for i, o in enumerate(options) if "south" in o.text))
    done = run_plain(["--pack", str(RETRIEVAL), "--seed", "3", "--mode", "exam"],
                     "\n".join(lines) + "\n", tmp_path, columns=200)  # the note on one line
    assert done.returncode == 0, done.stderr
    out = done.stdout
    asked = out.index("The river flooded how many villages?")
    assert out.rindex("Question 1 of 2, 1 point.", 0, asked) < out.rindex(NOTE, 0, asked)
    assert "Question 2 of 2, 1 point." in out  # q-mayor: the radio question never met
    assert "Officials confirmed the radio's count" not in out
    assert "Asked again: you missed it on Monday." in out  # in the debrief
    assert [a.question for a in expected.state.answers] == [
        "q-villages", "q-villages-again", "q-mayor"]


def test_a_question_right_the_first_time_does_not_come_back(tmp_path):
    pack = compile_pack(RETRIEVAL).pack
    lines, _ = script_for(pack, 3, mode="exam")
    done = run_plain(["--pack", str(RETRIEVAL), "--seed", "3", "--mode", "exam"],
                     "\n".join(lines) + "\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Asked again" not in done.stdout
    assert "The river flooded how many villages?" not in done.stdout
