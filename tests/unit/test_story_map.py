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


def choices_without_their_own_next(tmp_path):
    """The mini pack with every choice falling through to its scene's next: mon-alarm's two
    choices to one scene, and two new choices on tue-wrap to its list of routes."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text()
    for own_next in ("        next: tue-wrap\n", "        next: tue-radio\n"):
        assert own_next in text
        text = text.replace(own_next, "")
    text = text.replace("    what_happened:\n      text: Officials said 40.",
                        "    next: tue-radio\n    what_happened:\n      text: Officials said 40.")
    text = text.replace("    next:\n      - to: end-good",
                        "    choices:\n      - text: File the note\n        effects: {}\n"
                        "      - text: Sit on it\n        effects: {}\n"
                        "    next:\n      - to: end-good")
    scenes.write_text(text)
    result = compile_pack(pack)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def test_text_tree_labels_choices_that_take_the_scenes_next(tmp_path):
    lines = to_text(choices_without_their_own_next(tmp_path)).splitlines()
    assert lines[1] == "├─ [Report 40 moved, and note the radio's 55] tue-radio: The radio calls (Tuesday)"
    assert lines[-1] == "└─ [Report 55 moved] → tue-radio (above)"
    routes = [line.split("─ ", 1)[1] for line in lines if "File the note" in line or "Sit on it" in line]
    assert routes == ["[File the note, if …] end-good: A sound note (Tuesday)  [ENDING]",
                      "[File the note, otherwise] end-weak: A shaky note (Tuesday)  [ENDING]",
                      "[Sit on it, if …] → end-good (above)",
                      "[Sit on it, otherwise] → end-weak (above)"]


def test_mermaid_and_dot_label_choices_that_take_the_scenes_next(tmp_path):
    pack = choices_without_their_own_next(tmp_path)
    mermaid, dot = to_mermaid(pack), to_dot(pack)
    assert 's_mon_alarm -->|"Report 55 moved"| s_tue_radio' in mermaid
    assert """s_mon_alarm -->|"Report 40 moved, and note the radio's 55"| s_tue_radio""" in mermaid
    assert 's_tue_wrap -->|"Sit on it, otherwise"| s_end_weak' in mermaid
    assert "s_mon_alarm --> s_tue_radio" not in mermaid  # no unlabelled edge hides the choices
    assert '"mon-alarm" -> "tue-radio" [label="Report 55 moved"];' in dot
    assert '"tue-wrap" -> "end-good" [label="File the note, if …"];' in dot
    assert '"mon-alarm" -> "tue-radio";' not in dot
