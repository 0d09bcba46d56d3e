"""`briefing playtest --results`: one intact simulated result per run, the same for a seed
whatever --jobs, that `briefing report` reads back."""

from __future__ import annotations

import json

from game.authoring.playtest import BLOCK, SimulatedClass, playtest
from game.classroom.report import build_report
from game.classroom.results import read_results
from game.cli import main

from ..conftest import MINI

VARYING = ("attempt", "started_at", "updated_at")  # a clock and a random id, nothing else


def comparable(folder) -> dict[str, dict]:
    """Each simulated student's document without its times and attempt id."""
    documents = {}
    for result in read_results(folder).results:
        data = {k: v for k, v in result.document.to_dict().items() if k not in VARYING}
        data["decisions"] = [{k: v for k, v in d.items() if k != "at"} for d in data["decisions"]]
        data["answers"] = [{k: v for k, v in a.items() if k != "at"} for a in data["answers"]]
        documents[data["name"]] = data
    return documents


def test_the_command_writes_one_intact_simulated_result_per_run(tmp_path, capsys):
    folder = tmp_path / "results"
    assert main(["playtest", str(MINI), "--runs", "30", "--seed", "4", "--results",
                 str(folder), "--class", "Try-out"]) == 0
    assert "Wrote 30 simulated results (class Try-out)" in capsys.readouterr().out
    found = read_results(folder)
    assert not found.skipped and len(found.results) == 30
    assert all(r.document.simulated and r.document.mode == "practice" and r.document.completed
               and r.document.class_code == "Try-out" for r in found.results)
    names = sorted(r.document.name for r in found.results)
    assert names == [f"Simulated {n:03d}" for n in range(1, 31)]
    assert len({r.document.attempt for r in found.results}) == 30
    assert all(r.document.started_at and r.document.answers[0].at for r in found.results)

    report = build_report(found, [])
    assert report.only_simulated and len(report.sections[0].students) == 30
    assert sum(n for _, n in report.sections[0].histogram) == 30
    assert main(["report", str(folder)]) == 0
    assert "SIMULATED" in capsys.readouterr().out


def test_results_are_the_same_for_a_seed_whatever_the_jobs(tmp_path, mini_pack):
    runs = BLOCK + 10  # two blocks, so two worker processes when there are two jobs
    alone, shared = tmp_path / "alone", tmp_path / "shared"
    one = playtest(mini_pack, runs, seed=9, jobs=1, simulated=SimulatedClass(alone))
    two = playtest(mini_pack, runs, seed=9, jobs=2, simulated=SimulatedClass(shared))
    assert len(one.results_written) == len(two.results_written) == runs
    assert [p.parent.name for p in two.results_written] == ["sim"] * runs
    assert comparable(alone) == comparable(shared)
    assert len(comparable(alone)) == runs


def test_results_do_not_go_with_exhaustive(tmp_path, capsys):
    assert main(["playtest", str(MINI), "--exhaustive", "--results", str(tmp_path)]) == 2
    assert "--exhaustive" in capsys.readouterr().err


def test_a_run_that_stops_early_still_writes_its_partial_result(tmp_path, mini_pack,
                                                                  monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("game.engine.story.grade", broken)
    report = playtest(mini_pack, 3, seed=1, simulated=SimulatedClass(tmp_path))
    assert report.completed == 0 and len(report.results_written) == 3
    documents = [json.loads(p.read_text()) for p in report.results_written]
    assert all(not d["completed"] and d["scene"] == "mon-alarm" for d in documents)
