"""No free points (issue 12): no option-surface strategy (always the longest option, the
shortest, the first shown, always "true", always "false") scores more on a graded track than
the median of 100 random players plus 10 points. Checked on the campaign, and on small packs
built to fail it (one per strategy that authoring can cue) and to pass it."""

from __future__ import annotations

import random

import pytest

from game.authoring.strategies import (
    GAMES_PER_STRATEGY,
    MARGIN,
    respond,
    STRATEGIES,
    surface_figures,
    SurfaceFigures,
)
from game.content import compile_pack
from game.content.kinds import kind_of
from game.engine import grade

from ..conftest import FIXTURES
from .cue_packs import cue_pack, decision, single_choice, true_false


def free_points(pack, seed: int = 1) -> tuple[SurfaceFigures, list[str]]:
    """The figures, and a line for each strategy and track over the random median + MARGIN."""
    figures = surface_figures(pack, seed=seed)
    return figures, [str(excess) for excess in figures.excesses()]


def assert_no_free_points(pack, seed: int = 1) -> None:
    figures, found = free_points(pack, seed)
    table = "\n".join(
        f"  {name:<16} " + "  ".join(f"{t} {show(p)}" for t, p in by_track.items())
        for name, by_track in [("random median", figures.random_median),
                               *figures.strategies.items()])
    assert not found, ("A player answering by the options' look scores too well:\n  "
                       + "\n  ".join(found) + "\nAll figures (percent per track):\n" + table)


def show(percent) -> str:
    return "—" if percent is None else f"{percent:.1f}%"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_campaign_gives_no_free_points(campaign, seed):
    # Fails on the campaign as it stood before issue 12's rewrite: its best choice is the
    # longest in 16 of 17 decisions. The rewrite is what makes it pass, whatever the seed:
    # each strategy's mean is over GAMES_PER_STRATEGY games, enough that chance alone does not
    # carry one past the margin.
    assert_no_free_points(campaign, seed)
    assert surface_figures(campaign, seed=seed).games == GAMES_PER_STRATEGY >= 200


# -- the check can fail: packs that cue the answer --------------------------------------------

LONGEST_BEST = decision(0, [60, 50, 45])
SHORTEST_BEST = decision(2, [60, 50, 45])


@pytest.mark.parametrize("pack_parts, strategy, track", [
    ({"decisions": [LONGEST_BEST] * 9}, "longest", "tradecraft"),
    ({"decisions": [SHORTEST_BEST] * 9}, "shortest", "tradecraft"),
    ({"questions": [true_false(f"q{n}", True) for n in range(6)]}, 'always "true"', "recall"),
    ({"questions": [true_false(f"q{n}", False) for n in range(6)]}, 'always "false"', "recall"),
])
def test_a_pack_that_cues_its_answers_fails(tmp_path, pack_parts, strategy, track):
    pack = compile_pack(cue_pack(tmp_path, **pack_parts)).pack
    with pytest.raises(AssertionError) as failure:
        assert_no_free_points(pack)
    message = str(failure.value)
    # The cued strategy is right every time: every decision best, every true-false answer right.
    assert f"{strategy} scores 100.0% on {track}: more than the random players' median " in message
    figures = surface_figures(pack)
    assert figures.strategies[strategy][track] == 100.0
    assert figures.random_median[track] + MARGIN < 100.0


def test_the_cue_pack_fails_on_both_its_cues_and_no_other(tmp_path):
    pack = compile_pack(cue_pack(tmp_path, [LONGEST_BEST] * 9,
                                 [true_false(f"q{n}", False) for n in range(6)])).pack
    figures, found = free_points(pack)
    assert {(e.strategy, e.track) for e in figures.excesses()} == {
        ("longest", "tradecraft"), ('always "false"', "recall")}
    # Recall is checked only for the true-false strategies: "longest" picks "False" there too.
    assert figures.strategies["longest"]["recall"] == 100.0
    # Longest is the best call every time: 2 points of the 2 on offer, nine times.
    assert figures.strategies["longest"]["tradecraft"] == 100.0
    # Shortest is the worst every time: -1 of 2 on offer.
    assert figures.strategies["shortest"]["tradecraft"] == -50.0


# -- and pass: a pack whose answers the options' look does not give away ----------------------

def fair_pack(tmp_path):
    options = ["Monday", "On the Tuesday", "Late on Sunday night"]
    return compile_pack(cue_pack(
        tmp_path,
        # The best choice is the longest, the middle and the shortest in turn.
        [decision(n % 3, [60, 50, 45]) for n in range(9)],
        [true_false(f"q-tf{n}", n % 2 == 0) for n in range(6)]
        + [single_choice(f"q-day{n}", options, options[n % 3]) for n in range(6)])).pack


def test_a_fair_pack_passes(tmp_path):
    pack = fair_pack(tmp_path)
    assert_no_free_points(pack)
    figures = surface_figures(pack)
    # Longest and shortest are right in three decisions of nine, as a random pick would be.
    assert figures.strategies["longest"]["tradecraft"] == 0.0
    assert figures.strategies["shortest"]["tradecraft"] == 0.0
    assert figures.random_median["tradecraft"] == 0.0


def test_the_figures_are_the_same_for_a_seed(tmp_path):
    pack = fair_pack(tmp_path)
    assert surface_figures(pack, seed=3) == surface_figures(pack, seed=3)
    assert surface_figures(pack, seed=3) != surface_figures(pack, seed=4)


# -- how a strategy answers each kind -----------------------------------------------------------

def test_a_strategy_answers_every_kind_with_a_response_it_takes():
    pack = compile_pack(FIXTURES / "every-kind").pack
    for question in pack.questions().values():
        options = kind_of(question).present(question, "1/" + question.id).options
        for strategy in STRATEGIES:
            grade(question, respond(strategy, question, options, random.Random(1)))


def test_the_strategies_pick_by_the_look_of_the_shown_options():
    pack = compile_pack(FIXTURES / "every-kind").pack
    by_kind = {q.type: q for q in pack.questions().values()}
    single = by_kind["single-choice"]
    shown = tuple(sorted(single.options, key=len))
    rng = random.Random(1)
    names = {s.name: s for s in STRATEGIES}
    assert respond(names["longest"], single, shown, rng) == shown[-1]
    assert respond(names["shortest"], single, shown, rng) == shown[0]
    assert respond(names["first shown"], single, shown[::-1], rng) == shown[-1]
    verdict = by_kind["true-false"]
    assert respond(names['always "true"'], verdict, ("True", "False"), rng) is True
    assert respond(names['always "false"'], verdict, ("True", "False"), rng) is False
    # "False" is the longer word: answering by length answers true-false too.
    assert respond(names["longest"], verdict, ("True", "False"), rng) is False
    ticks = by_kind["multiple-select"]
    assert respond(names["longest"], ticks, ticks.options, rng) == (max(ticks.options, key=len),)
