"""`briefing graph`: days as clusters, labelled choices, endings, unreachable scenes, dead ends."""

from __future__ import annotations

import shutil

from game.authoring.story_map import to_dot, to_mermaid, to_text
from game.cli import main
from game.content import compile_pack

from ..conftest import MINI


def broken_map(tmp_path):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text().replace("    ending: true\n    assessment: Check your sources.\n", "")
    scenes.write_text(text + "  - id: orphan\n    day: Tuesday\n    time: Late\n"
                      "    title: Nobody comes here\n    body: Alone.\n    ending: true\n")
    return compile_pack(pack).pack


def test_mermaid_has_days_labelled_choices_and_marks(tmp_path):
    out = to_mermaid(broken_map(tmp_path))
    assert out.startswith("flowchart TD")
    assert 'subgraph day0["Monday"]' in out and 'subgraph day1["Tuesday"]' in out
    assert 's_mon_alarm -->|"Report 55 moved"| s_tue_radio' in out
    assert "class s_end_good,s_orphan ending" in out
    assert "class s_orphan unreachable" in out
    assert "class s_end_weak deadend" in out


def test_dot_marks_endings_unreachable_and_dead_ends(tmp_path):
    out = to_dot(broken_map(tmp_path))
    assert out.startswith("digraph story {") and out.rstrip().endswith("}")
    assert 'subgraph cluster_0 { label="Monday";' in out
    assert '"end-good" [label="A sound note", peripheries=2];' in out
    assert 'xlabel="unreachable"' in out and 'xlabel="dead end"' in out
    assert '"mon-alarm" -> "tue-radio" [label="Report 55 moved"];' in out


def test_text_tree_from_the_start(mini_pack):
    out = to_text(mini_pack)
    lines = out.splitlines()
    assert lines[0] == "mon-alarm: The river rises (Monday)"
    assert any("[Report 55 moved] tue-radio: The radio calls (Tuesday)" in line for line in lines)
    assert any("→ tue-wrap (above)" in line for line in lines)
    assert any("end-good: A sound note (Tuesday)  [ENDING]" in line for line in lines)


def test_graph_command_draws_a_pack_with_errors_and_names_them(tmp_path, capsys):
    broken_map(tmp_path)
    assert main(["graph", str(tmp_path / "mini")]) == 0
    captured = capsys.readouterr()
    assert "dead-end" in captured.err and "Unreachable from the start:" in captured.out
    assert "DEAD END" in captured.out
