"""Surface strategies: does a pack give points to a player who answers by how the options look?

Issue 12's test of a fair pack: no option-surface strategy (always the longest option, the
shortest, the first shown, always "true", always "false") may score more on a graded track than
the median of random players plus MARGIN points. Pure: the figures are data; `briefing
playtest` prints them and tests/content/test_no_free_points.py asserts them.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from ..content.kinds import kind_of
from ..content.models import RECALL_TRACK, Pack, Question
from ..engine import EngineError, Story, play

GAMES_PER_STRATEGY = 300  # each over its own seed: the options' order differs from game to game;
# fewer leave a mean a dozen points off on some seeds (sampling noise), which the margin would flag
RANDOM_PLAYERS = 100
MARGIN = 10.0  # percentage points a strategy may score above the random median

# Which shown option a strategy takes, by the options' texts; None when it has no rule for them
Look = Callable[[Sequence[str]], "int | None"]


def longest(texts: Sequence[str]) -> int:
    return max(range(len(texts)), key=lambda i: len(texts[i]))  # a tie: the first shown


def shortest(texts: Sequence[str]) -> int:
    return min(range(len(texts)), key=lambda i: len(texts[i]))


def first_shown(texts: Sequence[str]) -> int:
    return 0


def always(word: str) -> Look:
    def pick(texts: Sequence[str]) -> int | None:
        return texts.index(word) if word in texts else None
    return pick


@dataclass(frozen=True)
class Strategy:
    name: str
    look: Look
    # The length and order strategies pick decisions by their look too; "always true" or
    # "false" has nothing to say about a decision and picks one at random.
    on_decisions: bool
    # Where it is checked besides the graded decision tracks: always "false" lives on recall.
    checks_recall: bool


STRATEGIES = (
    Strategy("longest", longest, on_decisions=True, checks_recall=False),
    Strategy("shortest", shortest, on_decisions=True, checks_recall=False),
    Strategy("first shown", first_shown, on_decisions=True, checks_recall=False),
    Strategy('always "true"', always("True"), on_decisions=False, checks_recall=True),
    Strategy('always "false"', always("False"), on_decisions=False, checks_recall=True),
)


@dataclass(frozen=True)
class Excess:
    """A strategy that scores more on a track than the random median allows."""

    strategy: str
    track: str
    percent: float
    random_median: float

    def __str__(self) -> str:
        return (f"{self.strategy} scores {self.percent:.1f}% on {self.track}: more than the "
                f"random players' median {self.random_median:.1f}% + {MARGIN:g} points")


@dataclass(frozen=True)
class SurfaceFigures:
    """Each strategy's mean percent per graded track, and the random players' median."""

    decision_tracks: tuple[str, ...]  # the graded tracks other than recall
    tracks: tuple[str, ...]  # those, then recall when it is graded
    random_median: Mapping[str, float | None]
    strategies: Mapping[str, Mapping[str, float | None]]  # strategy name -> track -> percent
    games: int
    random_players: int

    def checked_tracks(self, strategy: Strategy) -> tuple[str, ...]:
        if strategy.checks_recall:
            return self.tracks
        return self.decision_tracks

    def excesses(self) -> list[Excess]:
        """Every strategy and track where the strategy beats random by more than MARGIN."""
        found = []
        for strategy in STRATEGIES:
            for track in self.checked_tracks(strategy):
                percent = self.strategies[strategy.name].get(track)
                median = self.random_median.get(track)
                if percent is not None and median is not None and percent > median + MARGIN:
                    found.append(Excess(strategy.name, track, percent, median))
        return found


def surface_figures(pack: Pack, seed: int = 1, games: int = GAMES_PER_STRATEGY,
                    random_players: int = RANDOM_PLAYERS) -> SurfaceFigures:
    """Play each strategy ``games`` times and a random player ``random_players`` times; the
    same seed gives the same figures."""
    graded = [t.id for t in pack.manifest.tracks if t.graded]
    decision_tracks = tuple(t for t in graded if t != RECALL_TRACK)
    tracks = decision_tracks + ((RECALL_TRACK,) if RECALL_TRACK in graded else ())
    seeds = random.Random(seed)
    strategy_seeds = [seeds.randrange(2**31) for _ in range(games)]
    random_seeds = [seeds.randrange(2**31) for _ in range(random_players)]
    by_strategy = {}
    for strategy in STRATEGIES:
        percents = [played_percents(pack, strategy, s, tracks) for s in strategy_seeds]
        by_strategy[strategy.name] = {t: mean(p[t] for p in percents if p) for t in tracks}
    randoms = [played_percents(pack, None, s, tracks) for s in random_seeds]
    median = {t: median_of(p[t] for p in randoms if p) for t in tracks}
    return SurfaceFigures(decision_tracks, tracks, median, by_strategy, games, random_players)


def played_percents(pack: Pack, strategy: Strategy | None, seed: int,
                    tracks: Sequence[str]) -> dict[str, float | None] | None:
    """One game's percent per track; None when the game could not be finished (a dead end or
    a loop, which the playtest reports on its own)."""
    rng = random.Random(seed)

    def pick(story: Story) -> int:
        options = story.choices
        index = None
        if strategy is not None and strategy.on_decisions:
            index = strategy.look([o.text for o in options])
        return rng.randrange(len(options)) if index is None else index

    def answer(question: Question, options: tuple[str, ...]) -> Any:
        return respond(strategy, question, options, rng)

    try:
        story = play(pack, pick, answer, seed=seed)
    except (EngineError, RuntimeError):
        return None
    card = story.scorecard()
    return {t: card.track(t).percent for t in tracks}


def respond(strategy: Strategy | None, question: Question, options: tuple[str, ...],
            rng: random.Random) -> Any:
    """The strategy's answer: the option its look picks, where the kind's answer is a pick
    among shown options; otherwise (and for the random player) a random answer."""
    kind = kind_of(question)
    if strategy is not None and options:
        index = strategy.look(options)
        if index is not None:
            response = kind.pick_one(question, options[index])
            if response is not None:
                return response
    return kind.random_pick(question, options, rng)


def mean(values) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.fmean(known), 1) if known else None


def median_of(values) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.median(known), 1) if known else None
