"""`briefing playtest`: random playthroughs, the analogue of ChoiceScript's randomtest (every path
is in exhaustive.py). Pure: returns a report as data; the CLI prints it."""

from __future__ import annotations

import multiprocessing
import os
import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..content.kinds import kind_of
from ..content.models import Pack, Question
from .reading_time import ReadingTime, reading_time
from ..engine import (
    AnswerRecord,
    authored_options,
    EngineError,
    GameState,
    grade,
    Mode,
    Phase,
    right_response,
    Story,
    utc_now,
)

MAX_STEPS = 2_000  # moves between scenes beyond the pack's own size: going round in circles
ANSWERS_PER_MOVE = 100  # a bound on answers too, so that nothing can spin for ever
BLOCK = 250  # runs per block: each block explores on its own, so any --jobs gives one report


@dataclass
class Failure:
    kind: str  # "crash", "dead end" or "loop"
    scene: str
    path: tuple[str, ...]  # the choice texts that lead there, in order
    detail: str = ""


ScoreTable = dict[str, dict[str, Counter]]  # ending -> track -> {score: how many runs or paths}


@dataclass
class PlaytestReport:
    runs: int
    completed: int = 0
    failures: list[Failure] = field(default_factory=list)
    scenes_seen: set[str] = field(default_factory=set)
    choices_taken: set[tuple[str, int]] = field(default_factory=set)
    questions_asked: set[str] = field(default_factory=set)
    scores: ScoreTable = field(default_factory=dict)
    exhaustive: bool = False
    bound_reached: bool = False
    cyclic: bool = False  # exhaustive only: paths were enumerated one by one, not merged
    results_written: list[Path] = field(default_factory=list)  # simulated results, in run order
    # ending -> {a hash of a route (the scenes visited, in order): the reading minutes of the
    # first run that took it}. A hash, not the route: a playtest plays thousands of games.
    routes: dict[str, dict[int, float]] = field(default_factory=dict)
    careful_reading: ReadingTime | None = None  # the careful path's, when worked out

    def add_outcome(self, ending: str, scores: dict[str, float], weight: int = 1) -> None:
        """``weight`` runs (or paths) ended at ``ending`` with these scores."""
        by_track = self.scores.setdefault(ending, {})
        for track, value in scores.items():
            by_track.setdefault(track, Counter())[value] += weight

    def add_distribution(self, ending: str, scores: dict[str, Counter]) -> None:
        by_track = self.scores.setdefault(ending, {})
        for track, counts in scores.items():
            by_track.setdefault(track, Counter()).update(counts)

    def merge(self, other: "PlaytestReport") -> None:
        """Add another block's findings (in block order, so the report is the same each time)."""
        self.completed += other.completed
        self.failures.extend(other.failures)
        self.scenes_seen |= other.scenes_seen
        self.choices_taken |= other.choices_taken
        self.questions_asked |= other.questions_asked
        self.results_written.extend(other.results_written)
        for ending, routes in other.routes.items():
            mine = self.routes.setdefault(ending, {})
            for route, minutes in routes.items():
                mine.setdefault(route, minutes)  # the earliest block's run, as with one block
        for ending, by_track in other.scores.items():
            self.add_distribution(ending, by_track)

    def by_ending(self) -> ScoreTable:
        """The score table with an '(all)' row that adds up every ending."""
        table = {ending: self.scores[ending] for ending in sorted(self.scores)}
        total: dict[str, Counter] = {}
        for by_track in table.values():
            for track, counts in by_track.items():
                total.setdefault(track, Counter()).update(counts)
        if total:
            table["(all)"] = total
        return table

    def reading_range(self) -> tuple[float, float] | None:
        """The shortest and longest reading minutes over the routes seen."""
        minutes = [m for routes in self.routes.values() for m in routes.values()]
        return (min(minutes), max(minutes)) if minutes else None

    def unreached(self, pack: Pack) -> dict[str, list[str]]:
        """What no playthrough reached, by kind."""
        choices = [f"{s.id} #{i + 1}: {c.text}" for s in pack.scenes.values()
                   for i, c in enumerate(s.choices) if (s.id, i) not in self.choices_taken]
        return {
            "scenes": sorted(set(pack.scenes) - self.scenes_seen),
            "choices": choices,
            "questions": sorted(set(pack.questions()) - self.questions_asked
                                - set(self.not_played(pack))),
        }

    def not_played(self, pack: Pack) -> dict[str, str]:
        """Questions this kind of playtest cannot ask, with the question each asks again: with
        every answer right (--exhaustive), no question is asked again."""
        if not self.exhaustive:
            return {}
        return {q.id: q.asks_again for q in pack.questions().values() if q.asks_again}


def random_response(question: Question, options: tuple[str, ...], rng: random.Random) -> Any:
    """A plausible answer: right half the time, otherwise a random pick of the right kind."""
    if rng.random() < 0.5:
        return right_response(question, options)
    return kind_of(question).random_pick(question, options, rng)


# Every fourth run plays carefully and every fourth carelessly: endings that need a run of strong
# (or weak) calls are rarely met by chance alone, and an author needs to know they can be.
PERSONAS = ("explorer", "careful", "explorer", "careless")


@dataclass(frozen=True)
class SimulatedClass:
    """Where a playtest writes one simulated result per run (so a teacher can try the report
    before class), and under which class code."""

    results_dir: Path
    class_code: str = "SIM"
    name_width: int = 3  # digits in "Simulated 001", enough for every run

    def write(self, pack: Pack, state: GameState, run_number: int) -> Path:
        from ..classroom.identity import new_attempt_id
        from ..classroom.results import write_result

        state.class_code = self.class_code
        state.player = f"Simulated {run_number:0{self.name_width}d}"
        state.mode = Mode.PRACTICE
        state.attempt_id = new_attempt_id()
        if pack.checks is not None and state.ended:
            simulate_checks(pack, state, random.Random(run_number))
        return write_result(self.results_dir, pack, state, simulated=True)


def simulate_checks(pack: Pack, state: GameState, rng: random.Random) -> None:
    """The pack's pre/post check answered at random, so that the report's learning section
    can be tried before class (random answers: expect a gain near zero)."""
    state.with_checks = True
    for question in pack.checks.pre:  # as if asked before the first scene
        response = random_response(question, authored_options(question), rng)
        result = grade(question, response)
        state.check_answers.append(AnswerRecord(
            scene="pre", question=question.id, response=kind_of(question).to_json(response),
            points=result.points,
            max_points=result.max_points, correct=result.correct, at=state.started_at))
    story = Story(pack, state)  # the story has ended: the post-check is asked now
    while story.check_item is not None:
        question = story.check_item.question
        story.answer_check(random_response(question, authored_options(question), rng))


def _no_clock() -> str:
    return ""


class Playtester:
    def __init__(self, pack: Pack, clock: Callable[[], str] = _no_clock):
        self.pack = pack
        # Timestamps cost time on every record and an author's report does not show them; only
        # simulated results, which a teacher's report and dashboard read, need real ones.
        self.clock = clock
        self.uses: Counter = Counter()
        self.graded = {t.id for t in pack.manifest.tracks if t.graded}
        self._worth: dict[int, float] = {}
        self.tracks = [t.id for t in pack.manifest.tracks]

    def pick(self, story: Story, options: list, rng: random.Random, persona: str) -> int:
        """A choice: mostly the best (careful) or worst (careless) for the graded tracks, or a
        random one biased toward choices that earlier runs have not taken yet (explorer)."""
        choices = story.scene.choices
        if persona != "explorer" and choices and rng.random() < 0.9:
            worth = [self.worth(choices[o.authored_index]) for o in options]
            target = max(worth) if persona == "careful" else min(worth)
            return rng.choice([i for i, w in enumerate(worth) if w == target])
        scene_id = story.state.scene
        weights = [1.0 / (1 + self.uses[(scene_id, o.authored_index)]) ** 2 for o in options]
        return rng.choices(range(len(options)), weights)[0]

    def worth(self, choice) -> float:
        """What a choice adds to the graded tracks (memoised: the same few choices, every run)."""
        key = id(choice)
        if key not in self._worth:
            self._worth[key] = sum(v for t, v in choice.effects.items() if t in self.graded)
        return self._worth[key]

    def play_once(self, seed: int, report: PlaytestReport,
                  persona: str = "explorer") -> GameState:
        """One playthrough; returns its state, at the ending or wherever it stopped."""
        rng = random.Random(seed)
        story = Story(self.pack, seed=seed, clock=self.clock)
        path: list[str] = []
        # Only moves between scenes count (a scene's answers are not steps round a loop), and a
        # pack without loops never needs more moves than it has scenes: a long one is no loop.
        allowed = MAX_STEPS + len(self.pack.scenes)
        moves = 0
        try:
            report.scenes_seen.add(story.state.scene)
            for _ in range(allowed * ANSWERS_PER_MOVE):
                if moves >= allowed:
                    break
                # The bare question, not story.question: a random answer needs no option order,
                # and shuffling every question of every run would cost a third of the time.
                question = story.pending_question
                if question is not None:
                    report.questions_asked.add(question.id)
                    story.answer(random_response(question, authored_options(question), rng))
                    continue
                if story.phase is Phase.ENDED:
                    self.finish(story, report)
                    return story.state
                options = story.choices
                if not options:
                    report.failures.append(Failure("dead end", story.state.scene, tuple(path),
                                                   "no choice is on offer"))
                    return story.state
                index = self.pick(story, options, rng, persona)
                picked = options[index]
                if not picked.is_continue:
                    key = (story.state.scene, picked.authored_index)
                    self.uses[key] += 1
                    report.choices_taken.add(key)
                    path.append(picked.text)
                story.choose(index)
                moves += 1
                report.scenes_seen.add(story.state.scene)
            report.failures.append(Failure("loop", story.state.scene, tuple(path),
                                           f"no ending after {moves} moves between scenes"))
        except EngineError as exc:
            report.failures.append(Failure("dead end", story.state.scene, tuple(path), str(exc)))
        except Exception as exc:  # a crash is what playtesting is for: report, never raise
            report.failures.append(Failure("crash", story.state.scene, tuple(path),
                                           f"{type(exc).__name__}: {exc}"))
        return story.state

    def finish(self, story: Story, report: PlaytestReport) -> None:
        report.completed += 1
        totals = story.totals()
        report.add_outcome(story.state.scene, {t: totals.get(t, 0.0) for t in self.tracks})
        routes = report.routes.setdefault(story.state.scene, {})
        route = hash(tuple(story.state.visited))
        if route not in routes:  # reading is counted once a route, not once a run
            routes[route] = reading_time(story).minutes


def playtest(pack: Pack, runs: int, seed: int, progress: Callable[[int], None] | None = None,
             jobs: int | None = None, simulated: SimulatedClass | None = None) -> PlaytestReport:
    """``runs`` random playthroughs; the same seed gives the same report, whatever ``jobs``.

    The runs are cut into blocks of BLOCK, each with its own random stream and its own memory
    of which choices it has taken; blocks run ``jobs`` at a time in separate processes (one per
    CPU unless told) and their reports are merged in block order. With ``simulated``, each run
    also writes a simulated result file, from the process that played it (each file is its own,
    so writers never meet), numbered by its place among all runs.
    """
    blocks = [(block_seed, min(BLOCK, runs - first), first, simulated) for first, block_seed in
              zip(range(0, runs, BLOCK), seeds_for_blocks(seed, -(-runs // BLOCK)))]
    report = PlaytestReport(runs=runs)
    done = 0
    for block in map_blocks(pack, blocks, jobs):
        report.merge(block)
        done += block.runs
        if progress:
            progress(done)
    return report


def seeds_for_blocks(seed: int, count: int) -> list[int]:
    master = random.Random(seed)
    return [master.randrange(2**31) for _ in range(count)]


def play_block(pack: Pack, block_seed: int, runs: int, first_run: int = 0,
               simulated: SimulatedClass | None = None) -> PlaytestReport:
    tester = Playtester(pack) if simulated is None else Playtester(pack, clock=utc_now)
    report = PlaytestReport(runs=runs)
    rng = random.Random(block_seed)
    for run in range(runs):
        state = tester.play_once(rng.randrange(2**31), report, PERSONAS[run % len(PERSONAS)])
        if simulated is not None:
            report.results_written.append(simulated.write(pack, state, first_run + run + 1))
    return report


Block = tuple[int, int, int, "SimulatedClass | None"]  # seed, runs, first run, where results go


def map_blocks(pack: Pack, blocks: list[Block], jobs: int | None):
    """Each block's report, in order: in this process, or in forked worker processes when there
    are several blocks and CPUs. Forked workers inherit the compiled pack (a pack does not
    pickle); where fork is missing (Windows) the blocks run here, one after another."""
    global _worker_pack
    jobs = min(len(blocks), jobs or usable_cpus())
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for block in blocks:
            yield play_block(pack, *block)
        return
    _worker_pack = pack
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_play_block_in_worker, blocks)
    finally:
        _worker_pack = None


def usable_cpus() -> int:
    """The CPUs this process may run on (taskset, a container's cpuset), not all the machine's.
    Not fewer when others keep them busy: on the 2-CPU benchmark machine two workers beat one
    with `yes` on the other core (0.84x the time) and tied with it when other sessions kept the
    load at 4 (1.05x), so a default from the load average would lose more than it saves
    (benchmarks/README.md, "Large packs")."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


_worker_pack: Pack | None = None  # the pack forked workers play, set only while they run


def _play_block_in_worker(block: Block) -> PlaytestReport:
    return play_block(_worker_pack, *block)
