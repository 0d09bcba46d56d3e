"""`briefing playtest`: deterministic reports, failures with the path that reproduces them,
coverage, and the exhaustive mode's exact ranges within its bound."""

from __future__ import annotations

import shutil

from game.authoring.playtest import exhaustive, playtest
from game.authoring.playtest_text import render, sparkline
from game.cli import main
from game.content import compile_pack

from ..conftest import MINI


def test_same_seed_same_report_different_seed_different(campaign):
    first = render(campaign, playtest(campaign, 60, seed=11), 11, False)
    again = render(campaign, playtest(campaign, 60, seed=11), 11, False)
    other = render(campaign, playtest(campaign, 60, seed=12), 12, False)
    assert first == again and first != other


def test_the_command_is_green_and_repeatable_on_the_campaign(capsys):
    assert main(["playtest", "--runs", "300", "--seed", "11"]) == 0
    first = capsys.readouterr().out
    assert main(["playtest", "--runs", "300", "--seed", "11"]) == 0
    assert capsys.readouterr().out == first
    assert "Completed: 300 of 300" in first and first.rstrip().endswith("Result: PASS")
    for ending in ("end-strong", "end-sound", "end-hedged", "end-overclaimed", "end-shaky"):
        assert f"  {ending} (" in first


def test_a_dead_end_is_reported_with_the_choices_that_reach_it(tmp_path):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    # Only careful analysts have a way on from the wrap-up: everyone else is stuck.
    scenes.write_text(scenes.read_text().replace("      - to: end-weak\n", ""))
    pack = compile_pack(pack_dir).pack
    report = playtest(pack, 40, seed=3)
    stuck = [f for f in report.failures if f.kind == "dead end"]
    assert stuck and all(f.scene == "tue-wrap" for f in stuck)
    assert stuck[0].path == ("Report 55 moved",)
    text, passed = render(pack, report, 3, allow_unreached=True)
    assert not passed and 'reproduce by choosing: "Report 55 moved"' in text


def test_a_crash_is_caught_and_reported(mini_pack, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("game.engine.story.grade", broken)
    report = playtest(mini_pack, 5, seed=1)
    assert report.completed == 0
    assert {f.kind for f in report.failures} == {"crash"}
    assert report.failures[0].detail == "ZeroDivisionError: division by zero"


def test_unreached_content_fails_unless_allowed(mini_pack):
    report = playtest(mini_pack, 1, seed=5)
    unreached = report.unreached(mini_pack)
    assert unreached["scenes"] or unreached["choices"]
    assert render(mini_pack, report, 5, False)[1] is False
    assert render(mini_pack, report, 5, True)[1] is True


def test_exhaustive_gives_exact_ranges_per_ending(mini_pack):
    report = exhaustive(mini_pack)
    assert report.runs == 2 and not report.bound_reached
    endings = {o.ending: o.scores for o in report.outcomes}
    assert endings["end-good"]["tradecraft"] == 2 and endings["end-weak"]["tradecraft"] == -1
    text, passed = render(mini_pack, report, None, False)
    assert "ending end-good: reachable" in text and "ending end-weak: reachable" in text


def test_exhaustive_says_when_its_bound_is_reached(campaign):
    report = exhaustive(campaign, max_paths=50)
    assert report.runs == 50 and report.bound_reached
    assert "Bound reached" in render(campaign, report, None, True)[0]


def test_sparkline():
    assert sparkline([1, 1, 1]) == "█"
    assert sparkline([0, 10]) == "█      █"
