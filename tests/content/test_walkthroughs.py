"""Golden walkthroughs: the shipped ones pass; a failing step is reported at its file:line."""

from __future__ import annotations

import shutil

import pytest

from game.authoring.walkthrough import load, run_all, run_walkthrough, walkthrough_files
from game.cli import main
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID, MINI

SHIPPED = walkthrough_files(packs_root() / CAMPAIGN_ID)


def test_the_campaign_ships_several_walkthroughs():
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_walkthrough_passes(campaign, path):
    walkthrough, problems = load(path)
    assert problems == []
    assert run_walkthrough(campaign, walkthrough) == []


def write(tmp_path, text):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    (pack / "walkthroughs").mkdir()
    (pack / "walkthroughs" / "w.yaml").write_text(text)
    return pack


def test_a_failing_expectation_names_its_line(tmp_path, mini_pack):
    pack = write(tmp_path, "name: careful\nsteps:\n  - answer: 3\n  - answer: Monday\n"
                           "  - choose: Report 40\n  - expect_scene: tue-radio\n")
    [(path, _, problems)] = run_all(mini_pack, pack)
    assert [(d.line, d.code) for d in problems] == [(6, "walkthrough-failed")]
    assert "expected scene 'tue-radio', but the player is in 'tue-wrap'" in problems[0].message


@pytest.mark.parametrize("steps, line, words", [
    ("  - expect_assessment: careful work\n  - expect_assessment: sources\n", 9,
     "the assessment at 'end-good' does not say \"sources\""),
    ("  - expect_not_in_assessment: Check your sources\n  - expect_not_in_assessment: Careful\n",
     9, "the assessment at 'end-good' says \"Careful\""),
])
def test_a_walkthrough_checks_the_players_assessment(tmp_path, mini_pack, steps, line, words):
    pack = write(tmp_path, "name: careful\nsteps:\n  - answer_all: right\n  - choose: Report 40\n"
                           "  - answer_all: right\n  - continue: true\n  - expect_ending: end-good\n"
                           + steps)
    [(_, _, problems)] = run_all(mini_pack, pack)
    assert [(d.line, d.code) for d in problems] == [(line, "walkthrough-failed")]
    assert words in problems[0].message


def test_an_assessment_is_not_there_before_the_end(tmp_path, mini_pack):
    pack = write(tmp_path, "name: early\nsteps:\n  - expect_assessment: Careful work\n")
    [(_, _, problems)] = run_all(mini_pack, pack)
    assert "there is no assessment yet: the player is in 'mon-alarm'" in problems[0].message


def test_choosing_while_questions_wait_is_explained(tmp_path, mini_pack):
    pack = write(tmp_path, "name: too fast\nsteps:\n  - choose: Report 40\n")
    [(_, _, problems)] = run_all(mini_pack, pack)
    assert "cannot choose" in problems[0].message and "2 question(s) still waiting" in problems[0].message


def test_step_format_mistakes_are_diagnostics(tmp_path, mini_pack):
    pack = write(tmp_path, "name: typo\nsteps:\n  - chose: Report 40\n"
                           "  - {answer: 3, expect_scene: mon-alarm}\n")
    [(_, _, problems)] = run_all(mini_pack, pack)
    codes = [(d.line, d.code) for d in problems]
    assert (3, "unknown-key") in codes and (4, "step-keys") in codes
    assert "Did you mean 'choose'?" in next(d.message for d in problems if d.code == "unknown-key")


def test_briefing_test_command(capsys, tmp_path):
    assert main(["test"]) == 0
    assert capsys.readouterr().out.count("PASS ") == len(SHIPPED)
    assert main(["test", str(MINI)]) == 1
    assert "No walkthroughs found" in capsys.readouterr().out


def test_choose_prefers_the_whole_text_to_a_start(tmp_path):
    from game.content import compile_pack

    pack = write(tmp_path, "name: exact\nsteps:\n  - answer_all: right\n  - choose: Report 55 moved\n"
                           "  - expect_scene: tue-radio\n")
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("Report 40 moved, and note the radio's 55",
                                                 "Report 55 moved, and note the officials' 40"))
    [(_, _, problems)] = run_all(compile_pack(pack).pack, pack)
    assert problems == []
