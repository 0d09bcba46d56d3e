"""Which scenes, conditional choices and routes some player can reach once every `if:` is
followed: flags, scenes seen, choices made, and totals.

The walk is assessment_paths' StoryWalk (paths merged at the same scene with the same bits of
what conditions further on read), with the totals of the tracks some condition reads carried
beside each point as a range per track: the least and the most any path merged there can
have. A decision adds its exact points; a question adds anything from its worst answer (0, or
below for a forecast) to all its points, 0 included (a hint, a second try, a question asked only
to some players, a forecast not settled yet). Ranges, not sets of totals: a range is the hull
of the totals that paths can have, so a gap inside it (say 0 or 2 but never 1) is not seen. The
walk may thus follow a way no player takes, and miss an impossibility, but whatever it finds
never reached is never reached; and the ends of a range, which the messages quote, are totals
some path can have wherever no earlier score condition cut the path short. A point whose ranges
keep growing (a loop that adds points) is widened to no limit after a few rounds, so the walk
always ends; past a number of points that grows with the pack it stops, undecided.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Mapping

from .assessment_paths import MAX_POINTS, Range, StoryWalk, scene_tests
from .graph import finishing_order, scene_graph
from .kinds import KINDS
from .models import Condition, Scene

POINTS_PER_SCENE = 8  # the walk's bound grows with the pack: MAX_POINTS or this many a scene
WIDEN_AFTER = 4  # rounds a point's ranges may grow before the growing ends go to no limit

Totals = dict[str, Range]
WayKey = tuple[str, str, int]  # (scene id, "choice" or "route", its index in the scene)


@dataclass
class Judged:
    """What held at every moment a way was judged: the bits set on some path and on all of
    them, and the range of each watched total."""

    some_bits: int = 0
    all_bits: int = -1
    totals: Totals = field(default_factory=dict)

    def add(self, bits: int, totals: Totals) -> None:
        self.some_bits |= bits
        self.all_bits &= bits
        mine = self.totals
        if not mine:
            self.totals = dict(totals)
            return
        for track, (least, most) in totals.items():
            low, high = mine[track]
            if least < low or most > high:
                mine[track] = (min(low, least), max(high, most))


class ReachWalk(StoryWalk):
    """The story walked with ranges of totals: which scenes are reached, which conditional
    choices offered and routes taken, and what held where each was judged."""

    def __init__(self, scenes: Mapping[str, Scene], start: str):
        self.watched = sorted({track for s in scenes.values() for c in scene_tests(s)
                               for c2 in nested(c) for track in (*c2.at_least, *c2.below)})
        self.gains = {s.id: question_gains(s, self.watched) for s in scenes.values()}
        self.choice_gains = {s.id: [exact(c.effects, self.watched) for c in s.choices]
                             for s in scenes.values()}
        self.reached: set[str] = set()
        self.offered: set[WayKey] = set()  # choices offered, routes taken
        self.judged: dict[WayKey, Judged] = {}
        self.limit = max(MAX_POINTS, POINTS_PER_SCENE * len(scenes))
        super().__init__(scenes, start)

    def map_points(self, start: str) -> bool:
        """Walk from the start to every point, in the map's order (so that, without loops,
        every path into a point has merged before it goes on); False past the bound."""
        if start not in self.scenes:
            return False
        graph = scene_graph(self.scenes)
        rank = {s: n for n, s in enumerate(reversed(finishing_order(graph)))}
        number: dict[tuple[str, int], int] = {}
        ranges: list[Totals] = []
        grown: list[int] = []
        queue: list[tuple[int, int]] = []
        queued: set[int] = set()

        def arrive(scene_id: str, bits: int, totals: Totals) -> None:
            key = (scene_id, bits & self.live[scene_id])
            at = number.get(key)
            if at is None:
                at = number[key] = len(self.points)
                self.points.append(key)
                ranges.append(totals)
                grown.append(0)
                self.reached.add(scene_id)
            else:
                merged = hull(ranges[at], totals)
                if merged == ranges[at]:
                    return
                grown[at] += 1
                ranges[at] = widen(ranges[at], merged) if grown[at] > WIDEN_AFTER else merged
            if at not in queued:
                queued.add(at)
                heapq.heappush(queue, (rank[scene_id], at))

        arrive(start, self.bit.get(("scene", start), 0), {t: (0.0, 0.0) for t in self.watched})
        expanded = 0
        while queue:
            _rank, at = heapq.heappop(queue)
            queued.discard(at)
            expanded += 1
            if expanded > self.limit or len(self.points) > self.limit:
                return False
            scene_id, bits = self.points[at]
            scene = self.scenes[scene_id]
            if scene.ending:
                continue
            totals = moved(ranges[at], self.gains[scene_id])
            for to, adds, after in self.ways_judged(scene, bits, totals):
                if to in self.scenes:
                    arrive(to, bits | adds | self.bit.get(("scene", to), 0), after)
        return True

    def ways_judged(self, scene: Scene, bits: int, totals: Totals):
        """(scene, bits the step adds, totals after it) for every way on a player with these
        bits and totals may take, noting what was judged and offered on the way."""
        surely_offered = False
        for index, way in enumerate(self.ways[scene.id]):
            offered = True
            if way.test is not None:
                self.note((scene.id, "choice", index), bits, totals)
                offered = way.test.truth(bits, totals)
                if offered is False:
                    continue
                self.offered.add((scene.id, "choice", index))
            surely_offered = surely_offered or offered is True
            after = moved(totals, self.choice_gains[scene.id][index])
            if way.to:
                yield way.to, way.adds, after
            else:
                yield from self.routed_judged(scene.id, bits | way.adds, way.adds, after)
        if not surely_offered:  # maybe no choice is on offer: the scene's next (Continue)
            yield from self.routed_judged(scene.id, bits, 0, totals)

    def routed_judged(self, scene_id: str, bits: int, adds: int, totals: Totals):
        for index, (test, to) in enumerate(self.routes[scene_id]):
            verdict = True
            self.note((scene_id, "route", index), bits, totals)  # consulted, even without if
            if test is not None:
                verdict = test.truth(bits, totals)
                if verdict is False:
                    continue
                self.offered.add((scene_id, "route", index))
            yield to, adds, totals
            if verdict:  # the first route that surely holds is taken: none after it
                return

    def note(self, key: WayKey, bits: int, totals: Totals) -> None:
        judged = self.judged.get(key)
        if judged is None:
            judged = self.judged[key] = Judged()
        judged.add(bits, totals)

def nested(condition: Condition):
    """The condition and every one under its ``any``."""
    yield condition
    for inner in condition.any:
        yield from nested(inner)


def question_gains(scene: Scene, watched: list[str]) -> Totals:
    """What a scene's questions can add to each watched track: from the worst answers (or 0)
    to every answer fully right (or 0)."""
    gains: Totals = {}
    for question in scene.questions:
        kind = KINDS.get(question.type)
        if kind is None:
            continue
        track = kind.track_of(question)
        if track in watched:
            least, most = gains.get(track, (0.0, 0.0))
            points = question.points
            gains[track] = (least + min(0.0, kind.lowest_fraction * points),
                            most + max(0.0, points))
    return gains


def exact(effects: Mapping[str, float], watched: list[str]) -> Totals:
    return {t: (float(v), float(v)) for t, v in effects.items() if t in watched and v}


def moved(totals: Totals, gains: Totals) -> Totals:
    if not gains:
        return totals
    out = dict(totals)
    for track, (least, most) in gains.items():
        low, high = out.get(track, (0.0, 0.0))
        out[track] = (round(low + least, 2), round(high + most, 2))
    return out


def hull(one: Totals, other: Totals) -> Totals:
    return {t: (min(one[t][0], other[t][0]), max(one[t][1], other[t][1])) for t in one}


def widen(old: Totals, new: Totals) -> Totals:
    """Each end that moved goes to no limit: a loop may add points for ever."""
    return {t: (lo if lo == old[t][0] else float("-inf"), hi if hi == old[t][1] else float("inf"))
            for t, (lo, hi) in new.items()}
