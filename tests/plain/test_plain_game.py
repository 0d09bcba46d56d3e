"""`briefing play --plain`: whole games from a scripted stdin, in a subprocess."""

from __future__ import annotations

import json

import pytest

from game.saves import SaveStore, save_slot
from tests.conftest import CAMPAIGN_ID, MINI
from tests.plain.scripts import run_plain, script_for

PROMPTS = {  # each question type's prompt, as plain mode asks it
    "single-choice": "Your answer, 1 to ",
    "multiple-select": "Your answers, numbers separated by spaces? ",
    "timeline": "The order, every number, earliest first? ",
    "true-false": "True or false, t or f? ",
    "numeric": "Your answer, a number",
    "short-text": "Your answer, in a few words? ",
    "forecast": "Your forecast, 1 to 7 or its words? ",
}


def load_save(data_dir, pack_id, mode="practice", class_code="", name=""):
    store = SaveStore(data_dir)
    loaded = store.load(save_slot(pack_id, mode, class_code, name))
    assert loaded.state is not None, loaded.problem
    return loaded.state


def test_a_whole_campaign_from_a_script(campaign, tmp_path):
    first = "q-hasakah-troops"  # numeric, with a hint
    lines, expected = script_for(
        campaign, 7, wrong={first}, hints={"q-fleet-source"},
        extra={first: ["h", "n", "twelve", "notebook"]})
    done = run_plain(["--pack", CAMPAIGN_ID, "--seed", "7"], "\n".join(lines) + "\n", tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for kind, prompt in PROMPTS.items():
        assert prompt in out, kind
    assert "Help." in out and "n or notebook:" in out
    assert "Your notebook: " in out and "Glossary: " in out and "Source: “" in out
    assert "Type a number, in digits (for example 12)." in out  # the bad input, then again
    assert "Second try." in out and "Hint: " in out
    assert "Debrief: Hit for Hit" in out
    # the summary comes first, the offer to save it last; input ended there, so no file
    assert out.index("Summary.") < out.index("Your decisions: ") < out.index("End of the debrief.")
    # the pre-check comes before the first scene; its totals with the post-check's close the
    # debrief, just before the offer to save it
    assert out.index("Before the week: a short check") < out.index("Flash traffic from Hasakah")
    end = out.rindex("End of the debrief.")
    assert " ".join(out[end:].split()) == (
        "End of the debrief. Your check: 4 of 4 before the week, 4 of 4 after it. It did not "
        "count toward your score. Save this debrief to a file? [y/N]")
    state = load_save(tmp_path, CAMPAIGN_ID)
    assert state.ended and state.scene == expected.state.scene
    assert [(a.question, a.points) for a in state.answers] == \
        [(a.question, a.points) for a in expected.state.answers]
    assert [d.text for d in state.decisions] == [d.text for d in expected.state.decisions]
    assert state.hints == ["q-fleet-source"]
    assert out.count("\nSaved.\n") == len(state.answers) + len(state.decisions)
    # no markup, no colour, no box drawing; lines that fit 80 columns (a pipe is no terminal)
    assert "\x1b" not in out and "**" not in out
    assert not set(out) & set("│─╭╮╰╯┃━")
    assert max(len(line) for line in out.splitlines()) <= 80


def test_end_of_input_saves_and_the_next_run_continues(mini_pack, tmp_path):
    lines, expected = script_for(mini_pack, 3)
    cut = 3
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join(lines[:cut]) + "\n",
                     tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().splitlines()[-1] == "Input ended; your game is saved."
    partial = load_save(tmp_path, "mini")
    assert not partial.ended and (len(partial.answers), len(partial.decisions)) == (2, 1)

    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join(["y", *lines[cut:]]) + "\n",
                     tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Continue saved game? [Y/n] y" in done.stdout
    assert "Continuing: 2 answers and 1 decision so far." in done.stdout
    state = load_save(tmp_path, "mini")
    assert state.ended
    assert [a.question for a in state.answers] == [a.question for a in expected.state.answers]
    assert "End of the debrief." in done.stdout


def test_a_new_game_replaces_the_save_when_asked(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 3)
    run_plain(["--pack", str(MINI), "--seed", "3"], lines[0] + "\n", tmp_path)
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "n\n", tmp_path)
    assert "Starting a new game; it replaces the saved one." in done.stdout
    assert load_save(tmp_path, "mini").answers == []


def test_quit_saves_and_exits_0(tmp_path):
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "q\n", tmp_path)
    assert done.returncode == 0
    assert done.stdout.rstrip().endswith("Stopped; your game is saved.")
    assert load_save(tmp_path, "mini").answers == []


def test_the_output_is_the_same_every_time(mini_pack, tmp_path):
    lines, _ = script_for(mini_pack, 5, wrong={"q-villages"})
    stdin = "\n".join(lines) + "\n"
    first = run_plain(["--pack", str(MINI), "--seed", "5"], stdin, tmp_path / "a")
    second = run_plain(["--pack", str(MINI), "--seed", "5"], stdin, tmp_path / "b")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_a_class_asks_the_name_and_writes_a_result(mini_pack, tmp_path):
    from game.classroom.identity import class_seed

    name = "[bold]Ana[/] \x1b[31mLee"
    kept = "[bold]Ana[/] [31mLee"  # as the TUI keeps it: control characters dropped
    lines, _ = script_for(mini_pack, class_seed("7B", kept, False), mode="exam")
    results = tmp_path / "results"
    done = run_plain(["--pack", str(MINI), "--class", "7B", "--mode", "exam", "--results",
                      str(results)], "\n".join(["", name, *lines]) + "\n", tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "A class code needs a name" in out
    assert f"Playing as {kept}, class 7B." in out
    assert "\x1b" not in out
    assert "Answer recorded." in out and "Decision recorded." in out
    assert "Scores: in the debrief (exam mode)." in out
    assert f"Played by {kept}, class 7B, exam mode." in out
    [result] = list(results.rglob("*.json"))
    document = json.loads(result.read_text(encoding="utf-8"))
    assert document["completed"] is True and document["name"] == kept
    # the result's place is said last before the offer to save the debrief
    assert out.endswith(f"saved in this folder:\n{result.parent}\n\n"
                        "Save this debrief to a file? [y/N] \n")


def test_exam_mode_gives_no_hint(tmp_path):
    done = run_plain(["--pack", str(MINI), "--seed", "3", "--mode", "exam"], "hint\n", tmp_path)
    assert "No hint: exam mode gives no hints." in done.stdout


def test_a_retry_and_a_hint_cost_what_practice_says(mini_pack, tmp_path):
    lines, expected = script_for(mini_pack, 3, wrong={"q-villages"}, hints={"q-villages"})
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join(lines) + "\n", tmp_path)
    assert "Type hint for a hint; it costs 25% of the points." in done.stdout
    assert "Hint: Count the villages, not the people." in done.stdout
    assert "You may try once more, for 50% of the points (up to 0.38 more)." in done.stdout
    first, second = load_save(tmp_path, "mini").answers[:2]
    assert (first.points, second.attempt, second.points, second.hinted) == (0, 2, 0.38, True)


def test_presenter_mode_is_refused_in_words(tmp_path):
    done = run_plain(["--pack", str(MINI), "--mode", "presenter"], "", tmp_path)
    assert done.returncode == 2
    assert "presenter mode is for the projector" in done.stderr


@pytest.mark.parametrize("stdin", ["", "\xff\xfe garbage\n"])
def test_odd_input_never_crashes(tmp_path, stdin):
    done = run_plain(["--pack", str(MINI), "--seed", "3"], stdin, tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "Input ended; your game is saved." in done.stdout


def test_a_typo_is_accepted_and_said_a_certain_retry_is_not_offered_and_scores_read_honestly(
        mini_pack, tmp_path):
    """Item 3 of issue 11 in plain mode: "the mayr" counts and the feedback says for what; a
    wrong true/false answer gets no second try, with one line why; a negative track reads as
    it is, in the running scores and the debrief, and the gauge as a level."""
    def hasty(scene, options):
        return [o.text for o in options].index("Report 55 moved")

    lines, story = script_for(mini_pack, 3, wrong={"q-tf"}, pick=hasty)
    lines[lines.index("THE MAYOR")] = "the mayr"
    done = run_plain(["--pack", str(MINI), "--seed", "3"], "\n".join(lines) + "\n", tmp_path)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "Right: 1 of 1 point. You answered: the mayr" in out
    assert "Accepted: you typed 'the mayr' for 'the mayor'." in out
    verdict = out.index("Not right: 0 of 1 point. You answered: True")
    assert out[verdict:].splitlines()[1:3] == [
        "No second try: with one answer left, it would be certain.", "Answer: False"]
    assert "You may try once more" not in out  # every other answer was right
    assert "Scores: Tradecraft −1 of 2, Escalation risk 1, Recall 3 of 3." in out
    assert "Tradecraft: −1 of 2 points (−50%), Shaky." in out
    assert "Escalation risk: 1, not graded" in out and "Escalation risk (not graded)" not in out
    answers = load_save(tmp_path, "mini").answers
    assert [(a.question, a.points) for a in answers if a.question in ("q-mayor", "q-tf")] == [
        ("q-mayor", 1), ("q-tf", 0)]
    assert len(answers) == len(story.state.answers)  # no second try recorded
