"""Answer cues: surface features that give the best option away without reading the scene.

Item-writing practice: the right answer should not be the longest option, nor the most hedged,
nor more often one answer than the other; a player who goes by the look of the options should
score what chance gives. Figures are worked out for every pack (validate prints them); a
pattern is reported only past the thresholds below, which docs/authoring.md explains.

Positions are not checked: the game shuffles every question's options (true-false aside, whose
"position" is its answer, checked as a lean to true or false) and every decision's choices.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from .models import Manifest, Scene

MIN_ITEMS = 6  # fewer decisions (or questions) of a kind than this tell nothing yet
MOST = 0.6  # the best is the longest (or shortest) in at least this share...
ABOVE_CHANCE = 0.2  # ...and in at least this much more than picking at random would give
MUCH_LONGER = 1.5  # the best option is more than this times as long as every other...
MIN_EXTRA_CHARACTERS = 30  # ...and at least this many characters longer (short ones are read whole)
TRUE_FALSE_MOST = 0.7  # more than this share of true-false answers one way is a lean
MIN_HEDGED = 4  # items whose best option alone hedges, before hedging is a pattern
HEDGE_RATIO = 2  # ...and at least this many times the items where a wrong option alone does
WORST_SHOWN = 3  # items named in a pack-wide message

Report = Any  # PackChecker.report(model, field, code, message, hint)

# Words that qualify a statement: in right answers more than wrong ones, a classic cue.
# "may" only in lower case, so that the month does not count.
HEDGES = re.compile(
    r"(?<![\w-])(?:may|(?i:might|could|likely|probably|possibly|perhaps|apparently|allegedly|"
    r"reportedly|appears?|appeared|seems?|seemed|suggests?|suggested|according to|if so|"
    r"unconfirmed|not (?:yet )?(?:independently )?(?:confirmed|verified)))(?![\w-])")


def length(text: str) -> int:
    """What a player sees of an option's length: its characters, runs of spaces as one."""
    return len(" ".join(text.split()))


def hedge(text: str) -> str | None:
    match = HEDGES.search(text)
    return match.group(0) if match else None


@dataclass(frozen=True)
class Item:
    """A decision or a single-choice question that has a best option."""

    model: Any  # where to report it: the best choice, or the question
    field: str  # "text" of the choice, "answer" of the question
    best: tuple[str, ...]  # the texts of the best option(s): a decision may have a tie
    others: tuple[str, ...]

    @cached_property
    def best_length(self) -> int:
        return max(map(length, self.best))

    @cached_property
    def other_length(self) -> int:
        return max(map(length, self.others))

    @cached_property
    def best_is_longest(self) -> bool:
        """Whoever picks the longest option picks a best one."""
        return self.best_length > self.other_length

    @cached_property
    def best_is_shortest(self) -> bool:
        return min(map(length, self.best)) < min(map(length, self.others))

    @cached_property
    def chance(self) -> float:
        """The share of options that are best: what picking at random finds."""
        return len(self.best) / (len(self.best) + len(self.others))

    @cached_property
    def ratio(self) -> float:
        return self.best_length / max(1, self.other_length)

    @cached_property
    def much_longer(self) -> bool:
        return (self.ratio > MUCH_LONGER
                and self.best_length - self.other_length >= MIN_EXTRA_CHARACTERS)

    @cached_property
    def best_hedge(self) -> str | None:
        return next(filter(None, map(hedge, self.best)), None)

    @cached_property
    def other_hedge(self) -> str | None:
        return next(filter(None, map(hedge, self.others)), None)


@dataclass(frozen=True)
class LengthFigures:
    """The length cue over one kind of item: decisions, or single-choice questions."""

    items: tuple[Item, ...]

    @cached_property
    def longest(self) -> int:
        return sum(item.best_is_longest for item in self.items)

    @cached_property
    def shortest(self) -> int:
        return sum(item.best_is_shortest for item in self.items)

    @cached_property
    def chance(self) -> float:
        return statistics.fmean(i.chance for i in self.items) if self.items else 0.0

    def speaks(self, count: int) -> bool:
        """Whether ``count`` of the items is a pattern, not chance."""
        n = len(self.items)
        return n >= MIN_ITEMS and count / n >= max(MOST, self.chance + ABOVE_CHANCE)

    def medians(self) -> tuple[float, float]:
        best = [length(text) for item in self.items for text in item.best]
        others = [length(text) for item in self.items for text in item.others]
        return statistics.median(best), statistics.median(others)


@dataclass(frozen=True)
class CueFigures:
    """Every answer-cue figure of a pack."""

    decisions: LengthFigures
    questions: LengthFigures  # single-choice
    true_false: tuple[Any, ...]  # the true-false questions
    manifest: Any  # where a pack-wide pattern is reported: pack.yaml

    @cached_property
    def trues(self) -> int:
        return sum(q.answer is True for q in self.true_false)

    @cached_property
    def falses(self) -> int:
        return len(self.true_false) - self.trues

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return (*self.decisions.items, *self.questions.items)

    @cached_property
    def hedged_best(self) -> tuple[Item, ...]:
        """Items whose best option hedges and no other does."""
        return tuple(i for i in self.items if i.best_hedge and not i.other_hedge)

    @cached_property
    def hedged_other(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.other_hedge and not i.best_hedge)

    def true_false_lean(self) -> bool:
        n = len(self.true_false)
        return n >= MIN_ITEMS and max(self.trues, self.falses) / n > TRUE_FALSE_MOST

    def hedging_lean(self) -> bool:
        best, other = len(self.hedged_best), len(self.hedged_other)
        return (len(self.items) >= MIN_ITEMS and best >= MIN_HEDGED
                and best >= HEDGE_RATIO * other)


def cue_figures(manifest: Manifest, scenes: Iterable[Scene]) -> CueFigures:
    graded = {track.id for track in manifest.tracks if track.graded}
    decisions, questions, true_false = [], [], []
    for scene in scenes:
        item = decision_item(scene, graded)
        if item is not None:
            decisions.append(item)
        for q in scene.questions:
            if q.type == "true-false" and isinstance(q.answer, bool):
                true_false.append(q)
            elif (q.type == "single-choice" and q.answer in q.options
                  and len(set(q.options)) > 1):
                others = tuple(o for o in q.options if o != q.answer)
                questions.append(Item(q, "answer", (q.answer,), others))
    return CueFigures(LengthFigures(tuple(decisions)), LengthFigures(tuple(questions)),
                      tuple(true_false), manifest)


def decision_item(scene: Scene, graded: set[str]) -> Item | None:
    """The decision's best choices (the most points on the graded tracks, as the playtest's
    careful player counts them) against the rest; None when every choice scores the same.
    A choice offered only on some paths counts as if always offered."""
    worth = [sum(v for track, v in c.effects.items() if track in graded) for c in scene.choices]
    if len(set(worth)) < 2:
        return None
    top = max(worth)
    best = [c for c, w in zip(scene.choices, worth) if w == top]
    longest = max(best, key=lambda c: length(c.text))
    return Item(longest, "text", tuple(c.text for c in best),
                tuple(c.text for c, w in zip(scene.choices, worth) if w != top))


def report_cues(figures: CueFigures, report: Report) -> None:
    """Report each pattern past its threshold, with the figures that show it."""
    for figures_of, what, best in ((figures.decisions, "decisions", "the best choice"),
                                   (figures.questions, "single-choice questions", "the answer")):
        report_length(figures, figures_of, what, best, report)
    if figures.true_false_lean():
        report_true_false(figures, report)
    if figures.hedging_lean():
        report_hedging(figures, report)


def report_length(figures: CueFigures, of: LengthFigures, what: str, best: str,
                  report: Report) -> None:
    n = len(of.items)
    best_median, other_median = of.medians() if n else (0, 0)
    medians = (f"Median length: {best}s {best_median:.0f} characters, the other options "
               f"{other_median:.0f}.")
    chance = f"picking at random would find it in {of.chance:.0%}"
    if of.speaks(of.longest):
        worst = sorted((i for i in of.items if i.best_is_longest), key=lambda i: -i.ratio)
        report(figures.manifest, "", "cue-longest",
               f"{best.capitalize()} is the longest option in {of.longest} of {n} {what} "
               f"({of.longest / n:.0%}; {chance}). {medians} Longest against the rest: "
               f"{places(worst, lambda i: f'{i.best_length} vs {i.other_length}')}.",
               "Give some wrong options the same care and detail as the best, or say the best "
               "in fewer words (briefing validate --explain cue-longest).")
    if of.speaks(of.shortest):
        worst = [i for i in of.items if i.best_is_shortest]
        report(figures.manifest, "", "cue-shortest",
               f"{best.capitalize()} is the shortest option in {of.shortest} of {n} {what} "
               f"({of.shortest / n:.0%}; {chance}). {medians} For example: "
               f"{places(worst, lambda i: f'{min(map(length, i.best))} characters')}.",
               "Let some best options be as long as the others, or give some wrong options "
               "fewer words.")
    for item in of.items:
        if item.much_longer:
            report(item.model, item.field, "cue-much-longer",
                   f"{best.capitalize()} is {item.ratio:.1f}x as long as the longest other "
                   f"option ({item.best_length} vs {item.other_length} characters).",
                   "Cut it to what the player must weigh, or give another option as much "
                   "detail.")


def report_true_false(figures: CueFigures, report: Report) -> None:
    n, trues, falses = len(figures.true_false), figures.trues, figures.falses
    side, count = ("false", falses) if falses > trues else ("true", trues)
    few = [q for q in figures.true_false if q.answer is (side == "false")]
    other = "true" if side == "false" else "false"
    rarer = (f" The only {other} one: {places(few, lambda q: '')}." if len(few) == 1 else
             f" The {other} ones: {places(few, lambda q: '', every=True)}." if few else "")
    report(figures.manifest, "", "cue-true-false",
           f"{count} of the {n} true-false answers are {side} ({count / n:.0%}): a player "
           f"who answers {side} every time scores {count / n:.0%} on them.{rarer}",
           f"Turn some {side} statements round, so that the article bears them out (or "
           f"refutes them), until neither answer is more than {TRUE_FALSE_MOST:.0%}.")


def report_hedging(figures: CueFigures, report: Report) -> None:
    hedged = figures.hedged_best
    report(figures.manifest, "", "cue-hedging",
           f"Hedging words are in the best option alone in {len(hedged)} of "
           f"{len(figures.items)} decisions and single-choice questions, and in a wrong option "
           f"alone in {len(figures.hedged_other)}: "
           f"{places(hedged, lambda i: quoted(i.best_hedge))}.",
           "Let some wrong options hedge too (on the wrong thing), or state some best options "
           "plainly where the evidence allows.")


def quoted(text: str) -> str:
    return f"\"{text}\""


def places(items: Iterable[Any], note, every: bool = False) -> str:
    """``file:line (note)`` for the first few items (every one with ``every``)."""
    items = list(items)
    shown = items if every else items[:WORST_SHOWN]
    texts = []
    for item in shown:
        model = getattr(item, "model", item)
        where = model.locs.get(getattr(item, "field", "answer")) or model.locs[""]
        extra = note(item)
        texts.append(f"{Path(where.file).name}:{where.line}" + (f" ({extra})" if extra else ""))
    more = len(items) - len(shown)
    return ", ".join(texts) + (f" and {more} more" if more > 0 else "")


def as_dict(figures: CueFigures) -> dict:
    """The figures for `validate --format json`."""
    def lengths(of: LengthFigures) -> dict:
        return {"count": len(of.items), "best_longest": of.longest, "best_shortest": of.shortest,
                "chance": round(of.chance, 3),
                "much_longer": sum(item.much_longer for item in of.items)}

    return {"decisions": lengths(figures.decisions),
            "single_choice": lengths(figures.questions),
            "true_false": {"count": len(figures.true_false), "true": figures.trues,
                           "false": figures.falses},
            "hedging": {"items": len(figures.items), "best_alone": len(figures.hedged_best),
                        "wrong_alone": len(figures.hedged_other)},
            "min_items": MIN_ITEMS}


def summary(figures: CueFigures) -> list[str]:
    """The figures as validate prints them under a pack's summary line, a line a kind."""
    lines = []
    for of, what, best in ((figures.decisions, "decisions", "the best choice"),
                           (figures.questions, "single-choice questions", "the answer")):
        n = len(of.items)
        if n:
            lines.append(f"{what} ({n}{too_few(n)}): {best} is the longest in {of.longest} "
                         f"({of.longest / n:.0%}; at random {of.chance:.0%}), the shortest in "
                         f"{of.shortest}, much longer than the rest in "
                         f"{sum(i.much_longer for i in of.items)}")
    if figures.true_false:
        n = len(figures.true_false)
        lines.append(f"true-false questions ({n}{too_few(n)}): {figures.trues} true, "
                     f"{figures.falses} false")
    if figures.items:
        n = len(figures.items)
        lines.append(f"hedging words ({n} item{'' if n == 1 else 's'}{too_few(n)}): in the "
                     f"best option alone in {len(figures.hedged_best)}, in a wrong option "
                     f"alone in {len(figures.hedged_other)}")
    if any(too_few(0) in line for line in lines):
        lines.append(f"(too few: a pattern needs {MIN_ITEMS} of a kind)")
    return lines


def too_few(n: int) -> str:
    return ", too few" if n < MIN_ITEMS else ""
