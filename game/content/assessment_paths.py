"""Which parts of an ending's assessment some player can see: a walk over every way through the
story that keeps only what the conditions look at.

A part is worth writing only if some path reaches its ending with the part's condition true.
The walk keeps, as bits of one number, the flags set, the choices made and the scenes seen that
some condition reads. It keeps no scores: a condition on a score is taken as possibly true and
possibly false, so the walk may follow ways no player can take but never misses one that a
player can, and a part it finds never shown is never shown. Two paths at the same scene with
the same bits have the same future, so each (scene, bits) is expanded once; and a bit that no
condition further on reads is dropped, which merges paths and keeps the walk small (380 points
for the campaign). The map of those points is made once; each part is then a search along it,
stopped as soon as the part is seen to hold at its ending.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import Iterator, Mapping

from .graph import finishing_order, scene_graph
from .models import Assessment, AssessmentPart, Condition, Scene

MAX_POINTS = 20_000  # distinct (scene, bits) to expand in one walk before giving up undecided

Atom = tuple[str, str]  # ("flag", name), ("scene", id) or ("choice", "scene-id.choice-id")


def condition_atoms(condition: Condition) -> Iterator[Atom]:
    """What of the player's history a condition reads (scores aside), nested ones included."""
    for flag in (*condition.flags, *condition.not_flags):
        yield "flag", flag
    for scene_id in (*condition.visited, *condition.not_visited):
        yield "scene", scene_id
    for ref in (*condition.chose, *condition.not_chose):
        yield "choice", ref
    for inner in condition.any:
        yield from condition_atoms(inner)


Range = tuple[float, float]  # the least and the most a track's total can be at a point


@dataclass(frozen=True)
class Test:
    """A condition over the bits: all of ``needed`` set, none of ``refused``, and ``any``; and
    its scores, judged against ranges of totals when they are known."""

    needed: int
    refused: int
    scores: bool  # reads a score, so without totals it may come out either way
    any: tuple["Test", ...]
    at_least: tuple[tuple[str, float], ...] = ()
    below: tuple[tuple[str, float], ...] = ()

    def truth(self, bits: int, totals: Mapping[str, Range] | None = None) -> bool | None:
        """True, False, or None when it depends on scores (unknown, or a range that straddles
        a threshold)."""
        if bits & self.needed != self.needed or bits & self.refused:
            return False
        verdict: bool | None = True
        if self.scores:
            verdict = None if totals is None else self.score_truth(totals)
            if verdict is False:
                return False
        if self.any:
            verdicts = [inner.truth(bits, totals) for inner in self.any]
            if True not in verdicts:
                if None not in verdicts:
                    return False
                verdict = None
        return verdict

    def score_truth(self, totals: Mapping[str, Range]) -> bool | None:
        verdict: bool | None = True
        for track, value in self.at_least:
            least, most = totals.get(track, (0.0, 0.0))
            if most < value:
                return False
            if least < value:
                verdict = None
        for track, value in self.below:
            least, most = totals.get(track, (0.0, 0.0))
            if least >= value:
                return False
            if most >= value:
                verdict = None
        return verdict


@dataclass(frozen=True)
class Way:
    """One way on from a scene: a choice (its test, what it adds) or the scene's own next."""

    test: Test | None
    adds: int  # the bits of the flags it sets and of the choice itself
    to: str | None  # None: the scene's next (a scene id or its routes)


@dataclass(frozen=True)
class Never:
    """A part no player sees: its ending, and where its condition could hold instead."""

    ending: str
    part: AssessmentPart
    reached: bool  # whether the walk reached the ending at all, whatever the part's condition
    elsewhere: tuple[str, ...]  # endings at which it could hold


class StoryWalk:
    """The story reduced to what conditions read, walked once for all the parts of a pack.

    The walk's points are (scene, bits of what the story's own conditions read further on);
    each step between them is labelled with everything it adds (the choice made, the flags it
    sets, the scene entered). A part's condition reads only its own atoms, and those never
    change where the story can go, so whether it can hold at an ending is a search along these
    steps, keeping the part's bits beside each point, through the points that can still reach
    that ending.
    """

    def __init__(self, scenes: Mapping[str, Scene], start: str):
        self.scenes = scenes
        self.bit: dict[Atom, int] = {}  # every atom some condition reads, routes and parts
        for scene in scenes.values():
            for condition in (*scene_tests(scene), *part_tests(scene)):
                for atom in condition_atoms(condition):
                    self.bit_of(atom)
        self.ways = {s.id: self.ways_of(s) for s in scenes.values()}
        self.routes = {s.id: tuple((self.test(r.if_), r.to) for r in s.next)
                       if isinstance(s.next, tuple) else ((None, s.next),) if s.next else ()
                       for s in scenes.values()}
        self.live = self.liveness()
        self.points: list[tuple[str, int]] = []  # (scene, bits) by number
        self.steps: list[list[tuple[int, int]]] = []  # per point: (next point, what it adds)
        self.whole = self.map_points(start)
        self.into_ending: dict[str, set[int]] = {}
        self._ahead: list[int] | None = None
        self._adds_into: dict[str, int] = {}
        # By the condition's id; each entry keeps its condition, so that id names no other.
        self._tests: dict[int, tuple[Condition, Test, int]] = {}

    def bit_of(self, atom: Atom) -> int:
        if atom not in self.bit:
            self.bit[atom] = 1 << len(self.bit)
        return self.bit[atom]

    def bits(self, atoms) -> int:
        return sum(self.bit_of(atom) for atom in set(atoms))

    def test(self, condition: Condition | None) -> Test | None:
        if condition is None:
            return None
        return Test(
            self.bits([("flag", f) for f in condition.flags]
                      + [("scene", s) for s in condition.visited]
                      + [("choice", c) for c in condition.chose]),
            self.bits([("flag", f) for f in condition.not_flags]
                      + [("scene", s) for s in condition.not_visited]
                      + [("choice", c) for c in condition.not_chose]),
            bool(condition.at_least or condition.below),
            tuple(self.test(inner) for inner in condition.any),
            tuple(condition.at_least.items()), tuple(condition.below.items()))

    def ways_of(self, scene: Scene) -> tuple[Way, ...]:
        return tuple(Way(self.test(c.if_), self.known_bits(
            [("flag", f) for f in c.set] + ([("choice", f"{scene.id}.{c.id}")] if c.id else [])),
            c.next or None) for c in scene.choices)

    def known_bits(self, atoms) -> int:
        """The bits of the atoms some condition reads (reading is what gives an atom a bit)."""
        return sum(self.bit.get(atom, 0) for atom in set(atoms))

    def liveness(self) -> dict[str, int]:
        """For each scene, the bits the story's conditions at it or further on read."""
        graph = scene_graph(self.scenes)
        live = {s.id: self.bits(a for c in scene_tests(s) for a in condition_atoms(c))
                for s in self.scenes.values()}
        order = finishing_order(graph)  # one pass when the map has no loop
        changed = True
        while changed:  # a fixpoint: the story map may loop
            changed = False
            for scene_id in order:
                bits = live[scene_id]
                for target in graph[scene_id]:
                    bits |= live[target]
                if bits != live[scene_id]:
                    live[scene_id], changed = bits, True
        return live

    def map_points(self, start: str) -> bool:
        """Every point a player can be at, and the steps between them; False when there are
        more than MAX_POINTS (the map is then not whole, and nothing is reported)."""
        if start not in self.scenes:
            return False
        number: dict[tuple[str, int], int] = {}

        def point(scene_id: str, bits: int) -> int:
            key = (scene_id, bits & self.live[scene_id])
            if key not in number:
                number[key] = len(self.points)
                self.points.append(key)
                self.steps.append([])
            return number[key]

        self.start_adds = self.bit.get(("scene", start), 0)
        point(start, self.start_adds)
        done = 0
        while done < len(self.points):
            if len(self.points) > MAX_POINTS:
                return False
            scene_id, bits = self.points[done]
            if not self.scenes[scene_id].ending:
                for to, adds in self.ways_on(scene_id, bits, self.ways[scene_id]):
                    if to in self.scenes:
                        adds |= self.bit.get(("scene", to), 0)
                        self.steps[done].append((point(to, bits | adds), adds))
            done += 1
        return True

    def ways_on(self, scene_id: str, bits: int, ways: tuple[Way, ...]):
        """Every (scene, what the step adds) a player at ``scene_id`` with ``bits`` may go on
        to."""
        surely_offered = False
        for way in ways:
            offered = True if way.test is None else way.test.truth(bits)
            if offered is False:
                continue
            surely_offered = surely_offered or offered is True
            if way.to:
                yield way.to, way.adds
            else:
                yield from self.routed(scene_id, bits | way.adds, way.adds)
        if not surely_offered:  # maybe no choice is on offer: the scene's next (Continue)
            yield from self.routed(scene_id, bits, 0)

    def routed(self, scene_id: str, bits: int, adds: int):
        for test, to in self.routes[scene_id]:
            verdict = True if test is None else test.truth(bits)
            if verdict is False:
                continue
            yield to, adds
            if verdict:  # the first route that surely holds is taken: none after it
                return

    def reaching(self, ending: str) -> set[int]:
        """The points from which some way leads to ``ending`` (the ending's own included)."""
        if ending not in self.into_ending:
            back: dict[int, list[int]] = {}
            for source, steps in enumerate(self.steps):
                for target, _adds in steps:
                    back.setdefault(target, []).append(source)
            found = {n for n, (scene_id, _bits) in enumerate(self.points) if scene_id == ending}
            todo = list(found)
            while todo:
                for source in back.get(todo.pop(), ()):
                    if source not in found:
                        found.add(source)
                        todo.append(source)
            self.into_ending[ending] = found
        return self.into_ending[ending]

    def adds_into(self, ending: str) -> int:
        """Every bit some step that can still lead to ``ending`` adds."""
        if ending not in self._adds_into:
            allowed = self.reaching(ending)
            self._adds_into[ending] = functools.reduce(operator.or_, (
                adds for steps in self.steps for target, adds in steps if target in allowed), 0)
        return self._adds_into[ending]

    def ahead(self) -> list[int]:
        """Per point, every bit some step from it on can add: a part that needs a bit no step
        ahead adds cannot hold down that way."""
        if self._ahead is None:
            ahead = [0] * len(self.points)
            changed = True
            while changed:  # a fixpoint; in the order points were found, from the last
                changed = False
                for at in range(len(self.points) - 1, -1, -1):
                    bits = ahead[at]
                    for target, adds in self.steps[at]:
                        bits |= adds | ahead[target]
                    if bits != ahead[at]:
                        ahead[at], changed = bits, True
            self._ahead = ahead
        return self._ahead

    def could_hold(self, condition: Condition, ending: str) -> bool:
        """Whether some path reaches ``ending`` with ``condition`` possibly true. The search
        keeps the condition's own bits beside each point, and goes only where the ending can
        still be reached, where what the condition needs can still be added and where nothing
        it refuses is added (bits are never taken away)."""
        if id(condition) not in self._tests:  # a part repeated by an alias is one condition
            self._tests[id(condition)] = (condition, self.test(condition),
                                          self.bits(condition_atoms(condition)))
        _kept, test, mine = self._tests[id(condition)]
        wanted, refused = test.needed, test.refused
        allowed, ahead = self.reaching(ending), self.ahead()
        if mine == wanted and not refused and not test.any and wanted & (wanted - 1) == 0:
            # At most one thing it needs (the usual part: one choice made): some step into
            # the ending's points adds it, or the first scene does.
            return 0 in allowed and (not wanted or bool(
                wanted & (self.adds_into(ending) | self.start_adds)))
        scenes, points, steps = self.scenes, self.points, self.steps
        first = (0, self.start_adds & mine)
        if 0 not in allowed or wanted & ~(first[1] | ahead[0]) or first[1] & refused:
            return False
        seen, todo = {first}, [first]
        while todo:
            at, bits = todo.pop()
            if scenes[points[at][0]].ending:
                if points[at][0] == ending and test.truth(bits) is not False:
                    return True
                continue
            for target, adds in steps[at]:
                if target not in allowed or adds & refused:
                    continue
                after = bits | (adds & mine)
                if wanted & ~(after | ahead[target]):
                    continue  # something it needs can no longer be added this way
                point = (target, after)
                if point not in seen:
                    if len(seen) >= MAX_POINTS:
                        return True  # too big to decide: taken as possible, so not reported
                    seen.add(point)
                    todo.append(point)
        return False


def scene_tests(scene: Scene) -> Iterator[Condition]:
    """The conditions that decide where a player can go from a scene: its choices' and routes'."""
    yield from (c.if_ for c in scene.choices if c.if_)
    if isinstance(scene.next, tuple):
        yield from (r.if_ for r in scene.next if r.if_)


def part_tests(scene: Scene) -> Iterator[Condition]:
    if isinstance(scene.assessment, Assessment):
        yield from (p.if_ for p in scene.assessment.all_parts() if p.if_)


def never_shown(scenes: Mapping[str, Scene], start: str) -> Iterator[Never]:
    """Every part of an assessment that no path to its ending can make true. Parts without an
    ``if`` hold wherever they are; a story too big to walk reports nothing."""
    endings = [s for s in scenes.values() if s.ending and isinstance(s.assessment, Assessment)
               and any(p.if_ for p in s.assessment.all_parts())]
    if not endings or start not in scenes:
        return
    walk = StoryWalk(scenes, start)
    if not walk.whole:
        return  # too big to decide: say nothing rather than guess
    all_endings = sorted(s.id for s in scenes.values() if s.ending)
    for ending in endings:
        for part in ending.assessment.all_parts():
            if part.if_ is not None and not walk.could_hold(part.if_, ending.id):
                elsewhere = tuple(e for e in all_endings
                                  if e != ending.id and walk.could_hold(part.if_, e))
                yield Never(ending.id, part, 0 in walk.reaching(ending.id), elsewhere)
