"""`briefing playtest`: random playthroughs (ChoiceScript's randomtest) and, with --exhaustive,
every path up to a bound (its quicktest). Pure: returns a report as data; the CLI prints it."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

from ..content.models import Pack, Question
from ..engine import EngineError, Phase, Story
from ..engine.explore import right_response
from ..engine.scoring import scorecard

MAX_STEPS = 2_000  # a playthrough longer than this is going round in circles


@dataclass
class Failure:
    kind: str  # "crash", "dead end" or "loop"
    scene: str
    path: tuple[str, ...]  # the choice texts that lead there, in order
    detail: str = ""


@dataclass
class Outcome:
    ending: str
    scores: dict[str, float]  # earned per track


@dataclass
class PlaytestReport:
    runs: int
    completed: int = 0
    failures: list[Failure] = field(default_factory=list)
    scenes_seen: set[str] = field(default_factory=set)
    choices_taken: set[tuple[str, int]] = field(default_factory=set)
    questions_asked: set[str] = field(default_factory=set)
    outcomes: list[Outcome] = field(default_factory=list)
    exhaustive: bool = False
    bound_reached: bool = False

    def unreached(self, pack: Pack) -> dict[str, list[str]]:
        """What no playthrough reached, by kind."""
        choices = [f"{s.id} #{i + 1}: {c.text}" for s in pack.scenes.values()
                   for i, c in enumerate(s.choices) if (s.id, i) not in self.choices_taken]
        return {
            "scenes": sorted(set(pack.scenes) - self.scenes_seen),
            "choices": choices,
            "questions": sorted(set(pack.questions()) - self.questions_asked),
        }


def fork(story: Story) -> Story:
    """A copy of the story to branch from; records are never changed once made, so lists copy."""
    state = story.state
    copied = dataclasses.replace(state, visited=list(state.visited), flags=list(state.flags),
                                 notebook=list(state.notebook), decisions=list(state.decisions),
                                 answers=list(state.answers))
    return Story(story.pack, copied, clock=story.clock)


def random_response(question: Question, options: tuple[str, ...], rng: random.Random) -> Any:
    """A plausible answer: right half the time, otherwise a random pick of the right kind."""
    if rng.random() < 0.5:
        return right_response(question, options)
    kind = question.type
    if kind == "single-choice":
        return rng.choice(options)
    if kind == "multiple-select":
        return tuple(o for o in options if rng.random() < 0.5)
    if kind == "numeric":
        return question.answer + rng.choice((-2, -1, 1, 2)) * (question.tolerance + 1)
    if kind == "short-text":
        return rng.choice(("?", "not sure"))
    if kind == "timeline":
        items = list(options)
        rng.shuffle(items)
        return tuple(items)
    return rng.random() < 0.5


# Every fourth run plays carefully and every fourth carelessly: endings that need a run of strong
# (or weak) calls are rarely met by chance alone, and an author needs to know they can be.
PERSONAS = ("explorer", "careful", "explorer", "careless")


class Playtester:
    def __init__(self, pack: Pack):
        self.pack = pack
        self.uses: Counter = Counter()
        self.graded = {t.id for t in pack.manifest.tracks if t.graded}

    def pick(self, story: Story, rng: random.Random, persona: str) -> int:
        """A choice: mostly the best (careful) or worst (careless) for the graded tracks, or a
        random one biased toward choices that earlier runs have not taken yet (explorer)."""
        options = story.choices
        if persona != "explorer" and story.scene.choices and rng.random() < 0.9:
            worth = [sum(v for t, v in story.scene.choices[o.authored_index].effects.items()
                         if t in self.graded) for o in options]
            target = max(worth) if persona == "careful" else min(worth)
            return rng.choice([i for i, w in enumerate(worth) if w == target])
        weights = [1.0 / (1 + self.uses[(story.scene.id, o.authored_index)]) ** 2 for o in options]
        return rng.choices(range(len(options)), weights)[0]

    def play_once(self, seed: int, report: PlaytestReport, persona: str = "explorer") -> None:
        rng = random.Random(seed)
        story = Story(self.pack, seed=seed, clock=lambda: "")
        path: list[str] = []
        try:
            for _ in range(MAX_STEPS):
                report.scenes_seen.add(story.state.scene)
                if story.phase is Phase.ENDED:
                    self.finish(story, report)
                    return
                if story.phase is Phase.AWAITING_ANSWER:
                    presented = story.question
                    report.questions_asked.add(presented.question.id)
                    story.answer(random_response(presented.question, presented.options, rng))
                    continue
                if not story.choices:
                    report.failures.append(Failure("dead end", story.state.scene, tuple(path),
                                                   "no choice is on offer"))
                    return
                index = self.pick(story, rng, persona)
                picked = story.choices[index]
                if not picked.is_continue:
                    key = (story.scene.id, picked.authored_index)
                    self.uses[key] += 1
                    report.choices_taken.add(key)
                    path.append(picked.text)
                story.choose(index)
            report.failures.append(Failure("loop", story.state.scene, tuple(path),
                                           f"no ending after {MAX_STEPS} steps"))
        except EngineError as exc:
            report.failures.append(Failure("dead end", story.state.scene, tuple(path), str(exc)))
        except Exception as exc:  # a crash is what playtesting is for: report, never raise
            report.failures.append(Failure("crash", story.state.scene, tuple(path),
                                           f"{type(exc).__name__}: {exc}"))

    def finish(self, story: Story, report: PlaytestReport) -> None:
        report.completed += 1
        card = scorecard(self.pack, story.state)
        report.outcomes.append(Outcome(story.state.scene, {t.id: t.earned for t in card.tracks}))


def playtest(pack: Pack, runs: int, seed: int,
             progress: Callable[[int], None] | None = None) -> PlaytestReport:
    """``runs`` random playthroughs; the same seed gives the same report."""
    tester = Playtester(pack)
    report = PlaytestReport(runs=runs)
    master = random.Random(seed)
    for run in range(runs):
        tester.play_once(master.randrange(2**31), report, PERSONAS[run % len(PERSONAS)])
        if progress:
            progress(run + 1)
    return report


def exhaustive(pack: Pack, max_paths: int = 200_000,
               progress: Callable[[int], None] | None = None) -> PlaytestReport:
    """Every sequence of choices (answers all right), up to ``max_paths`` complete paths.

    Within the bound the score ranges per ending are exact; past it the report says so.
    """
    report = PlaytestReport(runs=0, exhaustive=True)
    start = Story(pack, seed=1, clock=lambda: "")
    stack: list[tuple[Story, tuple[str, ...]]] = [(start, ())]
    while stack:
        story, path = stack.pop()
        while story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            report.questions_asked.add(presented.question.id)
            story.answer(right_response(presented.question, presented.options))
        report.scenes_seen.add(story.state.scene)
        if story.phase is Phase.ENDED:
            report.runs += 1
            report.completed += 1
            card = scorecard(pack, story.state)
            report.outcomes.append(Outcome(story.state.scene, {t.id: t.earned for t in card.tracks}))
            if progress:
                progress(report.runs)
            if report.runs >= max_paths:
                report.bound_reached = bool(stack)
                return report
            continue
        options = story.choices
        if not options:
            report.failures.append(Failure("dead end", story.state.scene, path, "nothing on offer"))
            continue
        if len(path) > MAX_STEPS:
            report.failures.append(Failure("loop", story.state.scene, path, "path too long"))
            continue
        for index in reversed(range(len(options))):
            branch = fork(story)
            option = options[index]
            try:
                branch.choose(index)
            except EngineError as exc:
                report.failures.append(Failure("dead end", story.state.scene,
                                               (*path, option.text), str(exc)))
                continue
            if not option.is_continue:
                report.choices_taken.add((story.scene.id, option.authored_index))
            stack.append((branch, path if option.is_continue else (*path, option.text)))
    return report


def distribution(outcomes: list[Outcome]) -> dict[str, dict[str, list[float]]]:
    """Scores by ending, then by track: {ending: {track: [scores]}}, plus '(all)'."""
    table: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for outcome in outcomes:
        for track, value in outcome.scores.items():
            table[outcome.ending][track].append(value)
            table["(all)"][track].append(value)
    return table
