"""`briefing playtest --exhaustive`: every path through a pack with every answer right, the
analogue of ChoiceScript's quicktest, giving the exact score distribution of each ending.

A campaign of 17 decisions has millions of paths, but far fewer distinct points to be at:
two paths that reach the same scene with the same flags, visited scenes, choices made and
scores *that some condition looks at* have the same future. So paths are merged there, and each merged point
carries how many paths reached it and, per track, how many reached it with each score. The
result is exact, not sampled, and takes a moment instead of hours. This needs the story map to
have no loops (so every path into a scene is merged before that scene is expanded); a pack with
a loop has its paths enumerated one by one instead, up to a bound.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, Mapping

from ..content.graph import scene_graph
from ..content.models import Condition, Pack, Scene
from ..engine import EngineError, GameState, holds, Phase, right_response, Story
from .playtest import MAX_STEPS, Failure, PlaytestReport

MAX_STATES = 200_000  # merged points to expand before giving up on a pathological pack

Vector = tuple[float, ...]  # the totals of the watched tracks, in Watched.tracks order


@dataclass
class Group:
    """The paths into a point that share the same totals on the watched tracks, with how they
    score on the other tracks (on a watched track, every path of the group has its total)."""

    paths: int
    scores: dict[str, Counter]  # unwatched track -> {score so far: how many of these paths}

    def moved(self, gained: dict[str, float]) -> "Group":
        """The same paths after gaining ``gained``. Counters are never changed in place (a merge
        makes new ones), so a track that gained nothing shares its counter."""
        return Group(self.paths, {
            track: Counter({round(value + gained[track], 2): n for value, n in counts.items()})
            if gained.get(track) else counts
            for track, counts in self.scores.items()})

    def merge(self, other: "Group") -> None:
        self.paths += other.paths
        for track, counts in other.scores.items():
            self.scores[track] = self.scores[track] + counts


@dataclass
class Point:
    """A merged point of the story: one story to go on from, and the paths that reach it."""

    story: Story  # a representative: every merged path has the same future, given its totals
    path: tuple[str, ...]  # the choices of the first path that got here, to reproduce failures
    groups: dict[Vector, Group]

    @property
    def paths(self) -> int:
        return sum(group.paths for group in self.groups.values())


def exhaustive(pack: Pack, max_states: int = MAX_STATES,
               progress: Callable[[int], None] | None = None) -> PlaytestReport:
    """Every sequence of choices, answers all right. ``progress`` gets the share done, 0–100."""
    order = topological_order(pack)
    if order is None:
        return enumerate_paths(pack, max_states, progress)
    walk = MergedWalk(pack)
    start = Story(pack, seed=1, clock=lambda: "")
    answer_all(walk.report, start)
    walk.report.scenes_seen.add(start.state.scene)
    totals = start.totals()
    tracks = report_tracks(start)
    walk.arrive(start, (), {walk.watched.vector(totals): Group(1, {
        t: Counter({totals.get(t, 0.0): 1}) for t in tracks if t not in walk.watched.tracks})})
    expanded = 0
    for done, scene_id in enumerate(order, 1):
        for point in walk.waiting.pop(scene_id).values():
            expanded += 1
            if expanded > max_states:
                walk.report.bound_reached = True
                return walk.report
            walk.expand(point)
        if progress:
            progress(round(100 * done / len(order)))
    return walk.report


class MergedWalk:
    """The walk in topological order of scenes: points wait in their scene's bucket until
    every scene that leads there has been expanded, so all their paths are merged first."""

    def __init__(self, pack: Pack):
        self.report = PlaytestReport(runs=0, exhaustive=True)
        self.watched = Watched.of(pack)
        self.waiting: dict[str, dict[tuple, Point]] = {s: {} for s in pack.scenes}
        # The conditions of each scene whose choices or routes read a score: there, groups
        # of paths with different scores may go different ways.
        self.reads_scores = {}
        for scene in pack.scenes.values():
            if any(c.at_least or c.below for c in scene_conditions(scene)):
                routes = () if isinstance(scene.next, str) else scene.next or ()
                self.reads_scores[scene.id] = [x.if_ for x in (*scene.choices, *routes) if x.if_]

    def expand(self, point: Point) -> None:
        story = point.story
        tests = self.reads_scores.get(story.state.scene)
        if tests is None:
            self.expand_groups(story, point.path, point.groups)
            return
        # Groups offered the same options, each leading to the same scene, go the same way:
        # expand each such class once, with the totals of one of its groups. A route is judged
        # after the choice, so it sees the choice's own points (an escalating call can be what
        # takes the gauge over a route's threshold): each option is played to find where it leads.
        classes: dict[tuple, dict[Vector, Group]] = {}
        base = story.totals()
        after = options_taken(story)
        for vector, group in point.groups.items():
            totals = {**base, **dict(zip(self.watched.tracks, vector))}
            verdicts = tuple(holds(test, story.state, totals) for test in tests)
            for state, effects in after:  # the routes, as each option leaves the story
                gained = {t: totals.get(t, 0.0) + effects.get(t, 0.0)
                          for t in {*totals, *effects}}
                verdicts += tuple(holds(test, state, gained) for test in tests)
            classes.setdefault(verdicts, {})[vector] = group
        for groups in classes.values():
            assumed = story.fork(dict(zip(self.watched.tracks, next(iter(groups)))))
            self.expand_groups(assumed, point.path, groups)

    def expand_groups(self, story: Story, path: tuple[str, ...],
                      groups: dict[Vector, Group]) -> None:
        """Take every choice on offer to ``story``, for all the paths in ``groups`` at once."""
        report = self.report
        options = story.choices
        if not options:
            self.fail(groups, Failure("dead end", story.state.scene, path, "nothing on offer"))
            return
        before = story.totals()
        for index, option in enumerate(options):
            branch = story.fork()
            step = path if option.is_continue else (*path, option.text)
            try:
                branch.choose(index)
            except EngineError as exc:
                self.fail(groups, Failure("dead end", story.state.scene, step, str(exc)))
                continue
            if not option.is_continue:
                report.choices_taken.add((story.state.scene, option.authored_index))
            answer_all(report, branch)
            report.scenes_seen.add(branch.state.scene)
            after = branch.totals()
            gained = {t: after.get(t, 0.0) - before.get(t, 0.0) for t in after}
            self.arrive(branch, step, {self.watched.moved(vector, gained): group.moved(gained)
                                       for vector, group in groups.items()})

    def arrive(self, story: Story, path: tuple[str, ...], groups: dict[Vector, Group]) -> None:
        """Merge the paths in ``groups`` into the point ``story`` has reached."""
        if story.phase is Phase.ENDED:
            for vector, group in groups.items():
                self.report.runs += group.paths
                self.report.completed += group.paths
                watched = {t: Counter({v: group.paths}) for t, v in zip(self.watched.tracks, vector)}
                self.report.add_distribution(story.state.scene, {**watched, **group.scores})
            return
        points = self.waiting[story.state.scene]
        key = self.watched.key(story)
        point = points.get(key)
        if point is None:
            points[key] = Point(story, path, groups)
            return
        for vector, group in groups.items():
            mine = point.groups.get(vector)
            if mine is None:
                point.groups[vector] = group
            else:
                mine.merge(group)

    def fail(self, groups: dict[Vector, Group], failure: Failure) -> None:
        paths = sum(group.paths for group in groups.values())
        self.report.runs += paths
        if paths > 1:
            failure.detail += f" ({paths:,} paths end here)"
        self.report.failures.append(failure)


def options_taken(story: Story) -> list[tuple[GameState, Mapping[str, float]]]:
    """For each option on offer: the state just after taking it (its flags set, the choice
    recorded) and the points the choice itself gives, which the scene's routes then see."""
    taken = []
    for index, option in enumerate(story.choices):
        branch = story.fork()
        try:
            branch.choose(index)
        except EngineError:
            continue  # a dead end: expand_groups reports it
        effects = ({} if option.is_continue
                   else story.scene.choices[option.authored_index].effects)
        taken.append((branch.state, effects))
    return taken


def report_tracks(story: Story) -> list[str]:
    return [track.id for track in story.pack.manifest.tracks]


def answer_all(report: PlaytestReport, story: Story) -> None:
    while (question := story.pending_question) is not None:
        report.questions_asked.add(question.id)
        story.answer(right_response(question, question.options))


@dataclass(frozen=True)
class Watched:
    """What of the state some condition looks at: the rest cannot change what comes next."""

    flags: frozenset[str]
    scenes: frozenset[str]
    tracks: tuple[str, ...]
    choices: frozenset[tuple[str, str]] = frozenset()  # (scene, choice id) `chose:` names

    @classmethod
    def of(cls, pack: Pack) -> "Watched":
        flags: set[str] = set()
        scenes: set[str] = set()
        tracks: set[str] = set()
        choices: set[tuple[str, str]] = set()
        for condition in conditions(pack):
            flags.update(condition.flags, condition.not_flags)
            scenes.update(condition.visited, condition.not_visited)
            tracks.update(condition.at_least, condition.below)
            choices.update(ref.rpartition(".")[::2] for ref in (*condition.chose,
                                                                 *condition.not_chose))
        return cls(frozenset(flags), frozenset(scenes), tuple(sorted(tracks)),
                   frozenset(choices))

    def key(self, story: Story) -> tuple:
        """Where paths merge: the same flags, scenes and choices that conditions look at (the
        watched totals are kept apart inside the point, in its groups)."""
        state = story.state
        made = frozenset(self.choices.intersection((d.scene, d.choice_id)
                                                   for d in state.decisions)
                         ) if self.choices else frozenset()
        return (frozenset(self.flags.intersection(state.flags)),
                frozenset(self.scenes.intersection(state.visited)), made)

    def vector(self, totals: dict[str, float]) -> Vector:
        return tuple(totals.get(track, 0.0) for track in self.tracks)

    def moved(self, vector: Vector, gained: dict[str, float]) -> Vector:
        return tuple(round(v + gained.get(t, 0.0), 2) for t, v in zip(self.tracks, vector))


def conditions(pack: Pack) -> Iterator[Condition]:
    """Every condition in the pack, the ones nested under ``any`` included."""
    for scene in pack.scenes.values():
        yield from scene_conditions(scene)


def scene_conditions(scene: Scene) -> Iterator[Condition]:
    """Every condition on a scene's choices and routes, the ones nested under ``any`` included."""
    todo = [c.if_ for c in scene.choices if c.if_]
    if not isinstance(scene.next, str):
        todo.extend(r.if_ for r in scene.next or () if r.if_)
    while todo:
        condition = todo.pop()
        yield condition
        todo.extend(condition.any)


def topological_order(pack: Pack) -> list[str] | None:
    """The scenes in an order where every way on goes forward, or None if the map loops."""
    graph = scene_graph(pack.scenes)
    incoming = Counter(target for targets in graph.values() for target in targets)
    ready = sorted(s for s in graph if not incoming[s])
    order: list[str] = []
    while ready:
        scene_id = ready.pop()
        order.append(scene_id)
        for target in sorted(graph[scene_id]):
            incoming[target] -= 1
            if not incoming[target]:
                ready.append(target)
    return order if len(order) == len(graph) else None


def enumerate_paths(pack: Pack, max_paths: int,
                    progress: Callable[[int], None] | None = None) -> PlaytestReport:
    """Every path one by one, up to ``max_paths``: for packs whose map loops, and as the
    reference the merged walk is tested against."""
    report = PlaytestReport(runs=0, exhaustive=True, cyclic=True)
    stack: list[tuple[Story, tuple[str, ...]]] = [(Story(pack, seed=1, clock=lambda: ""), ())]
    while stack:
        story, path = stack.pop()
        answer_all(report, story)
        report.scenes_seen.add(story.state.scene)
        if story.phase is Phase.ENDED:
            report.runs += 1
            report.completed += 1
            totals = story.totals()
            report.add_outcome(story.state.scene, {t: totals.get(t, 0.0)
                                                   for t in report_tracks(story)})
            if progress:
                progress(min(100, round(100 * report.runs / max_paths)))
            if report.runs >= max_paths:
                report.bound_reached = bool(stack)
                return report
            continue
        options = story.choices
        if not options:
            report.runs += 1
            report.failures.append(Failure("dead end", story.state.scene, path, "nothing on offer"))
            continue
        if len(story.state.visited) > MAX_STEPS + len(pack.scenes):  # round a loop, again
            report.bound_reached = True
            continue
        for index in reversed(range(len(options))):
            branch, option = story.fork(), options[index]
            step = path if option.is_continue else (*path, option.text)
            try:
                branch.choose(index)
            except EngineError as exc:
                report.failures.append(Failure("dead end", story.state.scene, step, str(exc)))
                continue
            if not option.is_continue:
                report.choices_taken.add((story.state.scene, option.authored_index))
            stack.append((branch, step))
    return report

