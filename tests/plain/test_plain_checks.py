"""Plain mode through a pack with a pre/post check: the pre-check after the intro and before the
first scene, the post-check after the last scene and before the debrief, no feedback on either,
a save mid-check that continues at the same item, and the result file's check answers."""

from __future__ import annotations

import json

from game.content import compile_pack
from game.classroom.identity import class_seed

from ..conftest import CHECKS
from .scripts import run_plain, script_for

PACK = compile_pack(CHECKS).pack


def test_the_checks_come_before_the_first_scene_and_after_the_last(tmp_path):
    lines, story = script_for(PACK, 5, wrong_checks={"pre-villages", "pre-rebuild"})
    done = run_plain(["--pack", str(CHECKS), "--seed", "5"], "\n".join(lines) + "\n", tmp_path)
    out = " ".join(done.stdout.split())  # the words, whatever the line breaks
    assert done.returncode == 0, done.stderr
    before = out.index("Before the week: a short check, 4 questions. It does not count toward "
                       "your score")
    first_item = out.index("Check before the week, question 1 of 4 (does not count toward your "
                           "score). How many villages flooded?")
    first_scene = out.index("Monday, 07:40. The river rises.")
    after = out.index("After the week: the short check again, 4 questions.")
    last_scene = out.index("Tuesday, Evening. Wrap up.")
    debrief = out.index("Debrief:")
    assert out.index("Press Enter to begin") < before < first_item < first_scene
    assert first_scene < last_scene < after < debrief
    assert out.count("Check after the week, question") == 4
    # no verdict, no answer, no source while checking: only that the answer was recorded
    checking = out[before:first_scene] + out[after:debrief]
    assert checking.count("Answer recorded. Saved.") == 8
    for told in ("Right", "Not right", "Answer:", "Source:"):
        assert told not in checking
    assert "Your check: 2 of 4 before the week, 4 of 4 after it." in out
    # the check scored nothing in the game
    assert story.totals() == {"tradecraft": 2.0, "recall": 6.0}  # 1 + 2 + 1 + 1 + 1: no check


def test_a_game_stopped_mid_check_continues_at_the_same_item(tmp_path):
    lines, _ = script_for(PACK, 8)
    first = run_plain(["--pack", str(CHECKS), "--seed", "8"], "\n".join(lines[:3]) + "\n",
                      tmp_path)
    assert "Input ended; your game is saved." in first.stdout
    assert first.stdout.count("Answer recorded. Saved.") == 2  # the intro, then two items
    second = run_plain(["--pack", str(CHECKS), "--seed", "8"],
                       "\n".join(["y", *lines[3:]]) + "\n", tmp_path)
    out = " ".join(second.stdout.split())
    assert second.returncode == 0, second.stderr
    assert "Check before the week, question 3 of 4" in out
    assert "question 1 of 4" not in out[:out.index("Monday, 07:40.")]
    assert "Your check: 4 of 4 before the week, 4 of 4 after it." in out


def test_the_result_file_holds_the_check_answers_and_the_skills(tmp_path):
    lines, _ = script_for(PACK, class_seed("7B", "Ana", False), mode="exam",
                          wrong_checks={"pre-moved", "pre-radio", "post-radio"})
    results = tmp_path / "results"
    done = run_plain(["--pack", str(CHECKS), "--class", "7B", "--name", "Ana", "--mode", "exam",
                      "--results", str(results)], "\n".join(lines) + "\n", tmp_path)
    assert done.returncode == 0, done.stderr
    [result] = list(results.rglob("*.json"))
    document = json.loads(result.read_text(encoding="utf-8"))
    checks = document["checks"]
    assert [(a["question"], a["points"]) for a in checks["pre"]] == [
        ("pre-villages", 1.0), ("pre-moved", 0.0), ("pre-radio", 0.0), ("pre-rebuild", 1.0)]
    assert [(a["question"], a["points"]) for a in checks["post"]] == [
        ("post-villages", 1.0), ("post-moved", 1.0), ("post-radio", 0.0), ("post-rebuild", 1.0)]
    assert checks["pairs"] == [["pre-villages", "post-villages"], ["pre-moved", "post-moved"],
                               ["pre-radio", "post-radio"], ["pre-rebuild", "post-rebuild"]]
    skills = document["skills"]
    assert skills["names"] == {"sourcing": "Sourcing", "attribution": "Attribution",
                               "precision": "Precision"}
    assert skills["items"]["pre-moved"] == ["sourcing", "precision"]
    assert skills["items"]["q-villages"] == ["precision"]
    assert skills["decisions"] == {"mon-alarm": ["attribution", "sourcing"]}
    # the game's own answers hold no check item
    assert document["answers"] and all(a["question"].startswith("q-")
                                       for a in document["answers"])
