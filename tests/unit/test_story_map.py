"""`briefing graph`: days as clusters, labelled choices, endings, unreachable scenes, dead ends."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest

from game.authoring.story_map import edges, to_dot, to_mermaid, to_text
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


def test_text_outline_has_days_scene_headers_and_exits(mini_pack):
    lines = to_text(mini_pack).splitlines()
    assert lines[0] == "The Flood (mini)"
    monday = lines.index("Monday")
    assert lines[monday + 1] == "──────"
    assert lines[monday + 2] == "mon-alarm  The river rises  [START]"
    assert lines[monday + 3].startswith("  Report 40 moved, and note the radio's 55 ")
    assert lines[monday + 3].endswith(" → tue-wrap")
    assert lines[monday + 4].startswith("  Report 55 moved ")
    assert lines[monday + 4].endswith(" → tue-radio")
    assert lines[monday + 3].index("→") == lines[monday + 4].index("→")  # lined up
    assert "tue-radio  The radio calls" in lines and "  → tue-wrap" in lines
    assert "end-good  A sound note  [ENDING]" in lines


def test_graph_command_draws_a_pack_with_errors_and_names_them(tmp_path, capsys):
    broken_map(tmp_path)
    assert main(["graph", str(tmp_path / "mini")]) == 0
    captured = capsys.readouterr()
    assert "dead-end" in captured.err and "Unreachable from the start:" in captured.out
    assert "DEAD END" in captured.out


def choices_without_their_own_next(tmp_path, file_the_note_if: str = ""):
    """The mini pack with every choice falling through to its scene's next: mon-alarm's two
    choices to one scene, and two new choices on tue-wrap to its list of routes (the first
    offered only under ``file_the_note_if``, when given)."""
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
                        + (f"        if: {file_the_note_if}\n" if file_the_note_if else "")
                        + "      - text: Sit on it\n        effects: {}\n"
                        "    next:\n      - to: end-good")
    scenes.write_text(text)
    result = compile_pack(pack)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def test_text_outline_puts_a_choices_routes_beneath_it(tmp_path):
    pack = choices_without_their_own_next(tmp_path)
    lines = to_text(pack).splitlines()
    wrap = lines.index("tue-wrap  Wrap up")
    # The routes' words are edges()' own ("if …", or the condition itself), lined up.
    guarded, otherwise = [edge.route for edge in edges(pack.scenes["tue-wrap"])][:2]
    column = max(len(guarded), len(otherwise))
    routes = [f"      {guarded.ljust(column)} → end-good",
              f"      {otherwise.ljust(column)} → end-weak"]
    assert lines[wrap + 1:wrap + 7] == ["  File the note", *routes, "  Sit on it", *routes]


def test_mermaid_and_dot_label_choices_that_take_the_scenes_next(tmp_path):
    pack = choices_without_their_own_next(tmp_path)
    mermaid, dot = to_mermaid(pack), to_dot(pack)
    assert 's_mon_alarm -->|"Report 55 moved"| s_tue_radio' in mermaid
    assert """s_mon_alarm -->|"Report 40 moved, and note the radio's 55"| s_tue_radio""" in mermaid
    assert 's_tue_wrap -->|"Sit on it, otherwise"| s_end_weak' in mermaid
    assert "s_mon_alarm --> s_tue_radio" not in mermaid  # no unlabelled edge hides the choices
    assert '"mon-alarm" -> "tue-radio" [label="Report 55 moved"];' in dot
    assert '"tue-wrap" -> "end-good" [label="File the note, if flags: careful; tradecraft ≥ 2"];' in dot
    assert '"mon-alarm" -> "tue-radio";' not in dot


def run_of_plain_scenes(tmp_path, first_id="tue-a"):
    """The mini pack with tue-radio leading on to tue-wrap through two more scenes, each with
    one next and no choice: tue-radio → first_id → tue-b → tue-wrap."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text()
    assert text.count("    next: tue-wrap\n  - id: tue-wrap") == 1
    plain = ("  - id: {id}\n    day: Tuesday\n    time: Noon\n    title: On the way\n"
             "    body: The road.\n    next: {next}\n")
    text = text.replace("    next: tue-wrap\n  - id: tue-wrap",
                        f"    next: {first_id}\n"
                        + plain.format(id=first_id, next="tue-b")
                        + plain.format(id="tue-b", next="tue-wrap") + "  - id: tue-wrap")
    scenes.write_text(text)
    result = compile_pack(pack)
    assert result.pack is not None and first_id in result.pack.scenes
    return result.pack


def test_text_outline_draws_a_run_of_plain_scenes_on_one_line(tmp_path):
    lines = to_text(run_of_plain_scenes(tmp_path)).splitlines()
    assert "3 scenes in a row: tue-radio → tue-a → tue-b → tue-wrap" in lines
    assert not any(line.startswith(("tue-radio ", "tue-a ", "tue-b ")) for line in lines)
    assert "tue-wrap  Wrap up" in lines  # where the run leads has its own entry


def test_text_outline_ends_a_run_that_loops_back_where_it_closes(tmp_path):
    scenes = tmp_path / "mini" / "scenes.yaml"
    run_of_plain_scenes(tmp_path)
    scenes.write_text(scenes.read_text().replace("    next: tue-wrap\n  - id: tue-wrap",
                                                 "    next: tue-a\n  - id: tue-wrap"))
    pack = compile_pack(tmp_path / "mini").pack
    lines = to_text(pack).splitlines()
    assert "3 scenes in a row: tue-radio → tue-a → tue-b → tue-a" in lines


def test_text_outline_wraps_an_id_longer_than_a_line(tmp_path):
    long_id = "tue-" + "a-very-long-scene-id-" * 5
    out = to_text(run_of_plain_scenes(tmp_path, first_id=long_id), width=40)
    assert all(len(line) <= 40 for line in out.splitlines())
    assert long_id in out.replace("\n", "").replace(" ", "")


def every_exit(pack):
    return [(edge.source, edge.target) for scene in pack.scenes.values() for edge in edges(scene)]


def assert_outline_shows_everything(pack, out: str, width: int):
    """Every line fits; every scene has a header or a place in a run; every exit is drawn."""
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    headers = {line.split("  ", 1)[0] for line in lines if line and not line.startswith(" ")}
    runs = [" ".join(itertools.takewhile(lambda l: l.startswith("    "), lines[at + 1:]))
            for at, line in enumerate(lines) if " scenes in a row: " in line]
    runs = [(line + " " + more).split(": ", 1)[1].split(" → ") for line, more in zip(
        [line for line in lines if " scenes in a row: " in line], runs)]
    in_runs = {scene_id for run in runs for scene_id in run[:-1]}
    assert set(pack.scenes) <= headers | in_runs
    drawn_exits = 0
    for scene_id in pack.scenes:
        if scene_id in in_runs:
            drawn_exits += 1
            continue
        block = lines[lines.index(next(l for l in lines if l.startswith(scene_id + "  "))) + 1:]
        exits = [l for l in itertools.takewhile(lambda l: l.startswith("  "), block) if "→" in l]
        assert sorted(l.rsplit("→ ", 1)[1] for l in exits) == sorted(
            e.target for e in edges(pack.scenes[scene_id])), scene_id
        drawn_exits += len(exits)
    assert drawn_exits == len(every_exit(pack))


@pytest.mark.parametrize("width", [80, 60, 120])
def test_text_outline_of_the_campaign_fits_and_shows_every_scene_and_exit(campaign, width):
    assert_outline_shows_everything(campaign, to_text(campaign, width=width), width)


def test_text_outline_of_a_synthetic_pack_fits_and_grows_linearly(tmp_path):
    from benchmarks.synthetic_pack import write_pack

    outlines = {}
    for scenes in (100, 1000):
        pack = compile_pack(write_pack(tmp_path / str(scenes), scenes=scenes)).pack
        outlines[scenes] = to_text(pack)
        assert_outline_shows_everything(pack, outlines[scenes], 80)
    lines = len(outlines[1000].splitlines()) / len(outlines[100].splitlines())
    chars = len(outlines[1000]) / len(outlines[100])
    assert 9 <= lines <= 11 and 9 <= chars <= 11.5, (lines, chars)


def test_graph_width_option(capsys):
    assert main(["graph", str(MINI), "--width", "44"]) == 0
    narrow = capsys.readouterr().out.splitlines()
    assert max(map(len, narrow)) <= 44 < max(map(len, to_text(compile_pack(MINI).pack).splitlines()))
    with pytest.raises(SystemExit):
        main(["graph", str(MINI), "--width", "3"])
    assert "--width: the map needs at least 40 columns" in capsys.readouterr().err


def test_graph_takes_a_wider_terminals_width_and_80_otherwise(monkeypatch):
    from game import cli

    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda fallback: os.terminal_size((132, 40)))
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True)
    assert cli.text_map_width() == 132
    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda fallback: os.terminal_size((60, 40)))
    assert cli.text_map_width() == 80
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: False)
    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda fallback: os.terminal_size((132, 40)))
    assert cli.text_map_width() == 80


def test_conditions_are_labelled_in_words_in_every_format(tmp_path):
    pack = choices_without_their_own_next(tmp_path)
    label = "if flags: careful; tradecraft ≥ 2"
    assert f's_tue_wrap -->|"File the note, {label}"| s_end_good' in to_mermaid(pack)
    assert f'"tue-wrap" -> "end-good" [label="Sit on it, {label}"];' in to_dot(pack)
    text = to_text(pack)
    assert f"      {label} → end-good" in text.splitlines()
    assert "if …" not in text


def test_a_conditional_choice_shows_its_condition_beside_its_text(tmp_path):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text()
    assert "      - text: Report 55 moved\n" in text
    scenes.write_text(text.replace(
        "      - text: Report 55 moved\n",
        "      - text: Report 55 moved\n        if: {not_flags: [careful], below: {tradecraft: 3}}\n"))
    compiled = compile_pack(pack)
    assert compiled.ok, [str(d) for d in compiled.diagnostics]
    assert ('"mon-alarm" -> "tue-radio" [label="Report 55 moved (if not flags: careful; '
            'tradecraft < 3)"];') in to_dot(compiled.pack)
    outline = to_text(compiled.pack).splitlines()
    at = outline.index("  Report 55 moved")  # the choice heads its own condition, never cut
    assert outline[at + 1].split("→")[0].strip() == "if not flags: careful; tradecraft < 3"
    assert outline[at + 1].endswith("→ tue-radio")


def test_a_conditional_choice_that_takes_the_scenes_routes_shows_both(tmp_path):
    pack = choices_without_their_own_next(tmp_path, "{flags: [careful]}")
    outline = to_text(pack).splitlines()
    at = outline.index("  File the note")
    assert outline[at + 1] == "      offered if flags: careful"
    assert outline[at + 2].split("→")[0].strip() == "if flags: careful; tradecraft ≥ 2"
