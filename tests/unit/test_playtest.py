"""`briefing playtest`: deterministic reports, failures with the path that reproduces them,
coverage, and the exhaustive mode's exact ranges within its bound."""

from __future__ import annotations

import shutil

from collections import Counter

from game.authoring.exhaustive import enumerate_paths, exhaustive
from game.authoring.playtest import playtest
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


def test_exhaustive_gives_exact_scores_per_ending(mini_pack):
    report = exhaustive(mini_pack)
    assert report.runs == 2 and not report.bound_reached and not report.cyclic
    assert report.scores["end-good"]["tradecraft"] == Counter({2: 1})
    assert report.scores["end-weak"]["tradecraft"] == Counter({-1: 1})
    text, passed = render(mini_pack, report, None, False)
    assert "ending end-good: reachable" in text and "ending end-weak: reachable" in text


def test_merged_walk_matches_enumerating_every_path(tmp_path):
    # The synthetic pack has choices behind score and flag conditions, `any`, routes that read
    # scores and scenes not visited: merging paths must change nothing, path for path.
    from benchmarks.synthetic_pack import write_pack

    pack = compile_pack(write_pack(tmp_path / "syn", scenes=33, per_file=10)).pack
    merged, one_by_one = exhaustive(pack), enumerate_paths(pack, 1_000_000)
    assert not one_by_one.bound_reached and merged.runs == one_by_one.runs > 10_000
    assert merged.scores == one_by_one.scores
    assert (merged.scenes_seen, merged.choices_taken, merged.questions_asked) == (
        one_by_one.scenes_seen, one_by_one.choices_taken, one_by_one.questions_asked)
    assert render(pack, merged, None, False)[0].replace(" (one by one: the story map loops)", "") \
        == render(pack, one_by_one, None, False)[0].replace(" (one by one: the story map loops)", "")


def test_exhaustive_covers_every_path_of_the_campaign(campaign):
    report = exhaustive(campaign)
    assert not report.bound_reached and not report.failures
    # Worked out apart from the playtest: a count over (scene, flags, the choice a route names,
    # the escalation gauge), checked against playing every path out from several Friday scenes.
    assert report.completed == report.runs == 333_000_000
    assert sum(report.scores["end-strong"]["tradecraft"].values()) > 0
    text, passed = render(campaign, report, None, False)
    assert passed and "Completed: 333,000,000 of 333,000,000 paths" in text
    for ending in ("end-strong", "end-sound", "end-hedged", "end-overclaimed", "end-shaky"):
        assert f"ending {ending}: reachable" in text


GAUGE = """scenes:
  - id: mon-alarm
    day: Monday
    time: Morning
    title: The river rises
    body: The river has risen.
    choices:
      - {text: Sound the alarm, effects: {escalation: 1}}
      - {text: Wait and see, effects: {escalation: 0}}
    next: mon-gauge
  - id: mon-gauge
    day: Monday
    time: Noon
    title: The gauge
    body: The gauge is read.
    choices:
      - {text: Call the army, effects: {escalation: 1}}
      - {text: Call the mayor, effects: {escalation: 0}}
    next:
      - {to: end-hot, if: {at_least: {escalation: 2}}}
      - {to: end-cool}
  - id: end-hot
    day: Monday
    time: Night
    title: Hot
    body: Too much.
    ending: true
  - id: end-cool
    day: Monday
    time: Night
    title: Cool
    body: Calm.
    ending: true
"""


def test_a_route_is_judged_with_the_points_of_the_choice_just_made(tmp_path):
    # Both paths into mon-gauge are under the threshold on arrival; only the one that sounded
    # the alarm is taken over it by calling the army. Played out: 4 paths, 1 of them hot.
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    (pack_dir / "scenes.yaml").write_text(GAUGE, encoding="utf-8")
    result = compile_pack(pack_dir)
    assert result.ok, [str(d) for d in result.errors]
    report = exhaustive(result.pack)
    assert report.completed == 4 and not report.failures
    assert report.scores["end-hot"]["escalation"] == Counter({2: 1})
    assert report.scores["end-cool"]["escalation"] == Counter({1: 2, 0: 1})


def test_exhaustive_says_when_its_bound_is_reached(campaign):
    report = exhaustive(campaign, max_states=50)
    assert report.bound_reached
    assert "Bound reached" in render(campaign, report, None, True)[0]


def test_a_looping_map_is_enumerated_path_by_path_up_to_the_bound(tmp_path):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    # "Report 55 moved" now goes back to the first scene: a loop with a way out.
    scenes.write_text(scenes.read_text().replace("        next: tue-radio\n",
                                                 "        next: mon-alarm\n", 1))
    looping = compile_pack(pack_dir).pack
    report = exhaustive(looping, max_states=40)
    assert report.cyclic and report.bound_reached and report.completed == 40
    assert not report.failures  # going round a loop with a way out is no fault
    assert "one by one: the story map loops" in render(looping, report, None, True)[0]


def test_any_number_of_jobs_gives_the_same_report(campaign):
    one = render(campaign, playtest(campaign, 600, seed=4, jobs=1), 4, False)[0]
    two = render(campaign, playtest(campaign, 600, seed=4, jobs=2), 4, False)[0]
    assert one == two and "Completed: 600 of 600 runs" in one


def test_the_default_jobs_are_the_cpus_this_process_may_use(campaign, monkeypatch):
    import game.authoring.playtest as module

    monkeypatch.setattr(module.os, "sched_getaffinity", lambda pid: {1}, raising=False)
    monkeypatch.setattr(module.os, "cpu_count", lambda: 8)
    assert module.usable_cpus() == 1

    def no_workers(*args, **kwargs):
        raise AssertionError("one usable CPU: no worker processes")

    monkeypatch.setattr(module, "ProcessPoolExecutor", no_workers)
    assert playtest(campaign, 600, seed=4).runs == 600  # three blocks, played here


def test_sparkline():
    assert sparkline(Counter([1, 1, 1])) == "█"
    assert sparkline(Counter([0, 10])) == "█      █"
    assert sparkline(Counter({0: 3, 10: 1})) == "█      ▃"


def test_the_report_shows_the_surface_strategies_and_marks_those_above_the_line(tmp_path, capsys):
    from tests.content.cue_packs import cue_pack, decision

    pack = cue_pack(tmp_path, [decision(0, [60, 50, 45])] * 9)  # the longest is always best
    assert main(["playtest", str(pack), "--runs", "40", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    block = out[out.index("Surface strategies"):].splitlines()
    assert block[2].split() == ["Tradecraft", "Recall"]
    assert block[3].split()[:3] == ["random", "(median)", "0.0%"]
    assert block[4].split()[:2] == ["longest", "100.0%!"]
    assert block[5].split()[:2] == ["shortest", "-50.0%"]
    assert "  1 above the line: the options' look gives points away" in out
    assert "mostly chance" not in out  # nine decisions are enough to judge
    assert main(["playtest", str(MINI), "--runs", "40", "--seed", "2"]) == 0
    assert ("  (with 1 decision these figures are mostly chance: the cue checks wait for 6)"
            in capsys.readouterr().out)
    assert out.rstrip().endswith("Result: PASS")  # the figures inform; they do not fail a pack


def test_routes_are_the_distinct_sequences_of_scenes_to_each_ending(mini_pack):
    report = playtest(mini_pack, 40, seed=2, jobs=1)
    # Careful: mon-alarm, tue-wrap, end-good. Not: mon-alarm, tue-radio, tue-wrap, end-weak.
    assert {ending: len(routes) for ending, routes in report.routes.items()} == {
        "end-good": 1, "end-weak": 1}
    text = render(mini_pack, report, 2, False)[0]
    assert ("Routes: 2 distinct ways through, 2 of 2 endings reached\n"
            "  end-good: 1 route\n  end-weak: 1 route\n") in text


def test_an_ending_no_run_reached_is_named(tmp_path):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    # The good ending now asks for more tradecraft than the week offers.
    scenes.write_text(scenes.read_text().replace("at_least: {tradecraft: 2}",
                                                 "at_least: {tradecraft: 3}"))
    pack = compile_pack(pack_dir).pack
    text = render(pack, playtest(pack, 40, seed=2, jobs=1), 2, True)[0]
    assert ("Routes: 2 distinct ways through, 1 of 2 endings reached\n"
            "  end-good: not reached\n  end-weak: 2 routes\n") in text


def test_the_routes_and_reading_times_are_the_same_whatever_the_jobs(campaign):
    one, two = playtest(campaign, 600, seed=4, jobs=1), playtest(campaign, 600, seed=4, jobs=2)
    assert sorted(map(sorted, (r.values() for r in one.routes.values()))) == \
        sorted(map(sorted, (r.values() for r in two.routes.values())))
    assert one.reading_range() == two.reading_range()
    assert sum(len(r) for r in one.routes.values()) >= 3  # the issue asks for three at least


def test_the_command_shows_the_careful_paths_reading_time(capsys):
    from game.authoring.reading_time import careful_path, reading_time
    from tests.conftest import FIXTURES

    pack = FIXTURES / "reading"
    assert main(["playtest", str(pack), "--runs", "20", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    careful = reading_time(careful_path(compile_pack(pack).pack))
    assert (f"Reading time (200 words a minute + 15 s per interaction): careful path about "
            f"{careful.minutes:.0f} min (shortest ") in out
    assert f"  careful path: {careful.words} words, {careful.interactions} interactions" in out


def test_questions_asked_again_are_played_at_random_and_named_not_played_when_all_right():
    pack = compile_pack(MINI.parent / "retrieval").pack
    report = playtest(pack, runs=60, seed=1)
    assert report.unreached(pack)["questions"] == []
    assert {"q-villages-again", "q-radio-again"} <= report.questions_asked
    every = exhaustive(pack)
    assert every.unreached(pack)["questions"] == []  # not asked with every answer right...
    text, passed = render(pack, every, None, allow_unreached=False)
    assert passed
    assert "questions 3/3" in text  # ...so not counted as on offer either
    assert ("not played: question q-radio-again, asked again only to a player who missed "
            "q-radio (run without --exhaustive to play it)") in text


def long_chain(folder, scenes: int):
    """A pack with no loop at all: ``scenes`` scenes in a row, each with a question, then an
    ending. Its one playthrough has more answers plus moves than MAX_STEPS."""
    shutil.copytree(MINI, folder)
    manifest = (folder / "pack.yaml").read_text().replace("start: mon-alarm", "start: s0")
    (folder / "pack.yaml").write_text(manifest)
    lines = ["scenes:"]
    for n in range(scenes):
        lines += [f"  - id: s{n}", "    day: Monday", "    time: Morning", f"    title: Step {n}",
                  "    body: The river rises.", f"    next: s{n + 1}", "    questions:",
                  f"      - id: q{n}", "        type: true-false",
                  "        ask: Did the river rise on Monday?", "        answer: true",
                  "        source: 'The \"river\" rose on Monday'", "        explanation: It did."]
    lines += [f"  - id: s{scenes}", "    day: Tuesday", "    time: Noon", "    title: The end",
              "    body: Done.", "    ending: true"]
    (folder / "scenes.yaml").write_text("\n".join(lines) + "\n")
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.errors][:3]
    return result.pack


def test_a_long_pack_without_loops_is_never_called_a_loop(tmp_path):
    """Issue 14: answers counted as steps made a 1,200-scene chain 'no ending after 2000
    steps'. Only moves between scenes count, and a pack never needs more than it has scenes."""
    report = playtest(long_chain(tmp_path / "chain", 1_200), runs=2, seed=1, jobs=1)
    assert not report.failures, report.failures[:1]
    assert report.completed == 2
