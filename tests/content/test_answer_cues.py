"""Answer cues: validate finds the best option by its length, hedging words or a lean to true or
false, with the figures that show it; packs just under each threshold stay quiet."""

from __future__ import annotations

import json
import re

import pytest

from game.cli import main
from game.content import compile_pack
from game.content.cues import (
    ABOVE_CHANCE,
    HEDGE_RATIO,
    MIN_EXTRA_CHARACTERS,
    MIN_HEDGED,
    MIN_ITEMS,
    MOST,
    MUCH_LONGER,
    TRUE_FALSE_MOST,
    hedge,
)
from game.packs import compile_pack as compile_shipped
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID, FIXTURES
from .cue_packs import cue_pack, decision, single_choice, true_false
from .test_diagnostic_codes import GUIDE
from .test_loader_errors import line_of

CUE_CODES = {"cue-longest", "cue-shortest", "cue-much-longer", "cue-true-false", "cue-hedging"}


def found(pack, code: str) -> list:
    return [d for d in compile_pack(pack).diagnostics if d.code == code]


# -- the best option is the longest (or shortest) in most items -------------------------------

# Three choices, lengths close enough that no single one is "much longer".
LONGEST_BEST = decision(0, [60, 50, 45])
LONGEST_OTHER = decision(1, [60, 50, 45])


def test_the_best_choice_longest_in_four_of_six_decisions_is_a_pattern(tmp_path):
    pack = cue_pack(tmp_path, [LONGEST_BEST] * 4 + [LONGEST_OTHER] * 2)
    [warning] = found(pack, "cue-longest")
    assert warning.severity == "warning"
    assert warning.file.endswith("cues/pack.yaml")
    assert ("The best choice is the longest option in 4 of 6 decisions (67%; picking at "
            "random would find it in 33%)." in warning.message)
    assert "Median length: the best choices 60 characters, the other options 48." in warning.message
    assert "Longest against the rest: scenes.yaml:" in warning.message
    assert "--explain cue-longest" in warning.hint


def test_three_of_six_is_under_the_threshold(tmp_path):
    pack = cue_pack(tmp_path, [LONGEST_BEST] * 3 + [LONGEST_OTHER] * 3)
    assert found(pack, "cue-longest") == []


def test_fewer_than_six_decisions_are_too_few_to_judge(tmp_path):
    pack = cue_pack(tmp_path, [LONGEST_BEST] * (MIN_ITEMS - 1))
    assert found(pack, "cue-longest") == []


def test_with_two_choices_chance_is_a_half_so_the_share_must_be_higher(tmp_path):
    best, other = decision(0, [60, 50]), decision(1, [60, 50])
    # 4 of 6 is 67%: past 60%, but not 20 points above the 50% chance gives.
    assert found(cue_pack(tmp_path / "a", [best] * 4 + [other] * 2), "cue-longest") == []
    [warning] = found(cue_pack(tmp_path / "b", [best] * 5 + [other]), "cue-longest")
    assert "5 of 6 decisions (83%; picking at random would find it in 50%)" in warning.message


def test_a_tie_for_best_raises_what_chance_gives(tmp_path):
    tied = decision(0, [60, 50, 45], points=[2, 2, -1])  # the longest is one of two best
    # 4 of 6 (67%) with two best of three in four of them: chance is 56%, and 67% is not 20
    # points above it.
    assert found(cue_pack(tmp_path / "a", [tied] * 4 + [LONGEST_OTHER] * 2), "cue-longest") == []
    [warning] = found(cue_pack(tmp_path / "b", [tied] * 6), "cue-longest")
    assert "6 of 6 decisions (100%; picking at random would find it in 67%)" in warning.message


def test_decisions_where_every_choice_scores_the_same_have_no_best(tmp_path):
    flat = decision(0, [60, 50, 45], points=[1, 1, 1])
    pack = cue_pack(tmp_path, [flat] * 6)
    assert found(pack, "cue-longest") == [] and found(pack, "cue-shortest") == []
    assert compile_pack(pack).cue_figures().decisions.items == ()


def test_the_answer_shortest_in_most_single_choice_questions(tmp_path):
    def question(n: int, shortest: bool) -> str:
        options = ["Monday", "On the Tuesday", "Late on Sunday"]
        return single_choice(f"q{n}", options, options[0] if shortest else options[1])

    pack = cue_pack(tmp_path / "a", questions=[question(n, n < 4) for n in range(6)])
    [warning] = found(pack, "cue-shortest")
    assert ("The answer is the shortest option in 4 of 6 single-choice questions (67%; picking "
            "at random would find it in 33%)." in warning.message)
    under = cue_pack(tmp_path / "b", questions=[question(n, n < 3) for n in range(6)])
    assert found(under, "cue-shortest") == []


# -- one best option much longer than the others ---------------------------------------------

@pytest.mark.parametrize("lengths, reported", [
    ([91, 60, 40], True),    # 1.52 times and 31 characters more
    ([90, 60, 40], False),   # 1.5 times exactly: not more than 1.5 times
    ([58, 28, 20], True),    # 2.1 times and 30 characters more
    ([57, 28, 20], False),   # 2.0 times but 29 characters more: short options are read whole
])
def test_a_best_choice_much_longer_than_every_other(tmp_path, lengths, reported):
    pack = cue_pack(tmp_path, [decision(0, lengths)])
    warnings = found(pack, "cue-much-longer")
    assert bool(warnings) is reported
    if reported:
        [warning] = warnings
        assert warning.line == line_of(pack / "scenes.yaml", '- text: "Choice 0')
        assert warning.message == (
            f"The best choice is {lengths[0] / lengths[1]:.1f}x as long as the longest other "
            f"option ({lengths[0]} vs {lengths[1]} characters).")


def test_a_right_answer_much_longer_is_reported_at_its_answer(tmp_path):
    options = ["An American contractor working for the US forces in Syria", "A diplomat",
               "A journalist"]
    pack = cue_pack(tmp_path, questions=[single_choice("q-long", options, options[0])])
    [warning] = found(pack, "cue-much-longer")
    assert warning.line == line_of(pack / "scenes.yaml", "        answer:")
    assert (f"The answer is {len(options[0]) / 12:.1f}x as long as the longest other option "
            f"({len(options[0])} vs 12 characters)." == warning.message)


# -- true-false answers that lean one way ----------------------------------------------------

def test_five_false_of_six_true_false_answers_is_a_lean(tmp_path):
    pack = cue_pack(tmp_path, questions=[true_false(f"q{n}", n == 0) for n in range(6)])
    [warning] = found(pack, "cue-true-false")
    assert warning.message == (
        "5 of the 6 true-false answers are false (83%): a player who answers false every "
        "time scores 83% on them. The only true one: scenes.yaml:"
        f"{line_of(pack / 'scenes.yaml', 'answer: true')}.")


def test_seven_of_ten_is_not_more_than_seventy_percent(tmp_path):
    pack = cue_pack(tmp_path, questions=[true_false(f"q{n}", n < 3) for n in range(10)])
    assert found(pack, "cue-true-false") == []


def test_a_lean_to_true_is_a_lean_too_and_five_questions_are_too_few(tmp_path):
    pack = cue_pack(tmp_path / "a", questions=[true_false(f"q{n}", True) for n in range(6)])
    assert "6 of the 6 true-false answers are true (100%)" in found(pack, "cue-true-false")[0].message
    few = cue_pack(tmp_path / "b", questions=[true_false(f"q{n}", True) for n in range(5)])
    assert found(few, "cue-true-false") == []


# -- hedging words mostly in the best options ------------------------------------------------

HEDGED_BEST = [("The strike may have come from the militias", 2),
               ("The strike came from the militias in the east", -1)]
HEDGED_WRONG = [("The strike came from the militias, officials say", 2),
                ("The strike was likely launched by Iran itself", -1)]
HEDGED_BOTH = [("It appears the militias sent it, on this evidence", 2),
               ("It seems Iran sent it, on this evidence alone", -1)]


def test_hedging_in_the_best_option_alone_four_times_against_two(tmp_path):
    pack = cue_pack(tmp_path, [HEDGED_BEST] * 4 + [HEDGED_WRONG] * 2)
    [warning] = found(pack, "cue-hedging")
    assert warning.message.startswith(
        "Hedging words are in the best option alone in 4 of 6 decisions and single-choice "
        "questions, and in a wrong option alone in 2: scenes.yaml:")
    assert '("may")' in warning.message


def test_hedging_under_the_thresholds_is_quiet(tmp_path):
    # four against three is not twice as many; three against none is fewer than four
    assert found(cue_pack(tmp_path / "a", [HEDGED_BEST] * 4 + [HEDGED_WRONG] * 3),
                 "cue-hedging") == []
    assert found(cue_pack(tmp_path / "b", [HEDGED_BEST] * 3 + [HEDGED_BOTH] * 3),
                 "cue-hedging") == []


@pytest.mark.parametrize("text, word", [
    ("The drone may be Iranian", "may"), ("It was, according to officials, Iranian",
                                          "according to"),
    ("Likely Iranian", "Likely"), ("Not independently confirmed", "Not independently confirmed"),
    ("Filed in May", None), ("An unlikely claim", None), ("He says so", None),
    ("The may-pole", None),
])
def test_hedging_words(text, word):
    assert hedge(text) == word


# -- the shipped campaign and every fixture pack ---------------------------------------------

def test_the_campaign_shows_no_pattern_and_gives_its_figures(capsys):
    # Issue 12's rewrite: the best choice is the longest in 6 of 19 decisions, about what a
    # random pick finds, and true-false answers are balanced; no cue check warns.
    result = compile_shipped(packs_root() / CAMPAIGN_ID)
    assert [d.code for d in result.diagnostics if d.code in CUE_CODES] == []
    assert main(["validate", CAMPAIGN_ID, "--format", "json"]) == 0
    cues = json.loads(capsys.readouterr().out)["packs"][0]["cues"]
    assert cues["decisions"] == {"count": 19, "best_longest": 6, "best_shortest": 5,
                                 "chance": 0.334, "much_longer": 0}
    assert cues["true_false"] == {"count": 4, "true": 2, "false": 2}
    assert main(["validate", CAMPAIGN_ID, "--strict"]) == 0
    out = capsys.readouterr().out
    assert "    decisions (19): the best choice is the longest in 6 (32%; at random 33%),\n" in out
    assert "    true-false questions (4, too few): 2 true, 2 false\n" in out


# The shape of the campaign's first edition: the best choice the longest in 16 of 17 decisions,
# 14 of them much longer than the rest, and 9 of 10 true-false answers false.
MUCH_LONGER_BEST = decision(0, [100, 50, 45])


def first_edition_cues(tmp_path):
    return cue_pack(tmp_path, [MUCH_LONGER_BEST] * 14 + [LONGEST_BEST] * 2
                    + [decision(2, [60, 50, 45])],
                    [true_false("q-true", True)]
                    + [true_false(f"q-false{n}", False) for n in range(9)])


def test_a_pack_shows_its_pattern_with_the_figures(tmp_path):
    result = compile_pack(first_edition_cues(tmp_path))
    codes = [d.code for d in result.diagnostics if d.code in CUE_CODES]  # not the test pack's own
    assert set(codes) == {"cue-longest", "cue-much-longer", "cue-true-false"}
    assert codes.count("cue-much-longer") == 14
    [longest] = [d for d in result.diagnostics if d.code == "cue-longest"]
    assert longest.message.startswith("The best choice is the longest option in 16 of 17 "
                                      "decisions (94%;")
    [lean] = [d for d in result.diagnostics if d.code == "cue-true-false"]
    assert lean.message.startswith("9 of the 10 true-false answers are false (90%)")


def test_validate_folds_a_check_that_fires_many_times(tmp_path, capsys):
    pack = str(first_edition_cues(tmp_path))
    assert main(["validate", pack]) == 0
    out = capsys.readouterr().out
    assert out.count("warning[cue-much-longer]: ") == 3
    assert "    … and 11 more warning[cue-much-longer] at scenes.yaml:" in out
    assert "(each in full: --format json)" in out
    assert "  Answer cues (how they are judged: docs/authoring.md, section 5.1):" in out
    assert "    decisions (17): the best choice is the longest in 16 (94%; at random 33%),\n" in out
    assert "    true-false questions (10): 1 true, 9 false\n" in out
    assert max(len(line) for line in out.split("Answer cues")[1].splitlines()) <= 79
    assert main(["validate", pack, "--strict"]) == 1  # warnings fail with --strict
    capsys.readouterr()
    assert main(["validate", pack, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in report["diagnostics"]].count("cue-much-longer") == 14
    assert report["packs"][0]["cues"]["decisions"] == {
        "count": 17, "best_longest": 16, "best_shortest": 1, "chance": 0.333,
        "much_longer": 14}
    assert report["packs"][0]["cues"]["true_false"] == {"count": 10, "true": 1, "false": 9}


FIXTURE_PACKS = sorted(path.parent for path in FIXTURES.glob("*/pack.yaml"))


@pytest.mark.parametrize("pack", FIXTURE_PACKS, ids=lambda p: p.name)
def test_validate_prints_the_cue_figures_of_every_fixture_pack(capsys, pack):
    assert main(["validate", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "Answer cues" in out
    assert re.search(r"decisions \(\d, too few\): the best choice is the", out)
    assert not [code for code in CUE_CODES if f"[{code}]" in out]


def test_the_mini_packs_figures(capsys):
    assert main(["validate", str(FIXTURES / "mini")]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("  Answer cues (how they are judged: docs/authoring.md, section 5.1):")
    assert lines[start + 1:] == [
        "    decisions (1, too few): the best choice is the longest in 1 (100%; at",
        "      random 50%), the shortest in 0, much longer than the rest in 0",
        "    single-choice questions (1, too few): the answer is the longest in 0 (0%;",
        "      at random 33%), the shortest in 0, much longer than the rest in 0",
        "    true-false questions (1, too few): 0 true, 1 false",
        "    hedging words (2 items, too few): in the best option alone in 0, in a wrong",
        "      option alone in 0",
        "    (too few: a pattern needs 6 of a kind)",
    ]


def test_the_guide_gives_the_thresholds_the_checks_use():
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index("### 5.1 Answer cues"):guide.index("### Help from your editor")]
    for figure in (f"at least {MIN_ITEMS}", f"{MOST:.0%}", f"{ABOVE_CHANCE * 100:.0f} points",
                   f"{MUCH_LONGER:g} times", f"{MIN_EXTRA_CHARACTERS} characters",
                   f"{TRUE_FALSE_MOST:.0%}", f"at least {MIN_HEDGED}",
                   f"{HEDGE_RATIO} times as many"):
        assert figure in section, figure
