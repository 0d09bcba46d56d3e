"""The teacher's route map: which scenes only some players see and why, where the week branches,
and how each ending is reached, in plain words.

The ways out of a scene are the story map's (a choice's own next, else the scene's next or its
routes tried in order); conditions are put into words by condition_words, with each flag told as
the choices that set it; what no player can reach is what condition_reach's walk finds never
reached. The answer key only: the students' sheet must not give the endings away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..content.condition_reach import ReachWalk
from ..content.condition_words import condition_words, one_line, shorten
from ..content.graph import finishing_order, reachable
from ..content.models import Choice, Condition, Pack, Scene
from ..prose import in_quotes
from .handout_blocks import Block, Box, Heading, Items, Line

EXIT = "\0exit"  # the one node every ending leads to, for "which scenes does every player see"
MAX_SETTERS_NAMED = 4  # choices named for a flag; past this, their number


@dataclass(frozen=True)
class Way:
    """One way out of a scene: a choice (or Continue) and, when the scene's routes decide, the
    route taken."""

    source: Scene
    target: str
    choice: int | None = None  # the choice's index, None for a scene with no decision
    route: int | None = None  # the index in the scene's routes, None for a plain next

    @property
    def chosen(self) -> Choice | None:
        return None if self.choice is None else self.source.choices[self.choice]

    @property
    def routed(self) -> bool:
        """Whether the scene's routes, not the choice, decide where this goes."""
        return self.chosen is None or not self.chosen.next


def ways_out(scene: Scene) -> list[Way]:
    routes = ([Way(scene, scene.next)] if isinstance(scene.next, str) else
              [Way(scene, r.to, route=n) for n, r in enumerate(scene.next or ())])
    if not scene.choices:
        return routes
    found = []
    for index, choice in enumerate(scene.choices):
        if choice.next:
            found.append(Way(scene, choice.next, index))
        else:
            found += [Way(scene, w.target, index, w.route) for w in routes]
    return found


class RouteMap:
    """What the answer key says about the week's routes, worked out once per handout."""

    def __init__(self, pack: Pack):
        self.pack = pack
        self.scenes = pack.scenes
        self.track_names = {t.id: t.name for t in pack.manifest.tracks}
        self.said: dict[int, str] = {}  # id of a condition -> its words
        self.setters: dict[str, list[tuple[Scene, Choice]]] = {}
        for scene in self.scenes.values():
            for choice in scene.choices:
                for flag in choice.set:
                    self.setters.setdefault(flag, []).append((scene, choice))
        start = pack.manifest.start
        walk = ReachWalk(self.scenes, start) if start in self.scenes else None
        self.walk = walk if walk is not None and walk.whole else None
        self.reached = (set(self.walk.reached) if self.walk else
                        reachable(self.scenes, start) if start in self.scenes else set())
        self.ways = {s.id: [w for w in ways_out(s) if self.possible(w)]
                     for s in self.scenes.values() if s.id in self.reached}
        self.ways_in: dict[str, list[Way]] = {}
        for ways in self.ways.values():
            for way in ways:
                self.ways_in.setdefault(way.target, []).append(way)
        self.everyone = seen_by_everyone(start, self.ways, self.scenes)

    # -- what a player can do ------------------------------------------------------------

    def possible(self, way: Way) -> bool:
        """Whether some player can take the way (every way, when the walk could not decide)."""
        if way.target not in self.scenes:
            return False
        if self.walk is None:
            return True
        scene_id = way.source.id
        if way.chosen is not None and way.chosen.if_ is not None and (
                (scene_id, "choice", way.choice) not in self.walk.offered):
            return False
        if way.route is None or not way.routed:
            return True
        route = way.source.next[way.route]
        key = (scene_id, "route", way.route)
        return key in self.walk.offered if route.if_ is not None else key in self.walk.judged

    def on_a_branch(self, scene: Scene) -> bool:
        return scene.id in self.reached and not scene.ending and scene.id not in self.everyone

    # -- words ---------------------------------------------------------------------------

    def words(self, condition: Condition) -> str:
        said = self.said.get(id(condition))  # a route list's conditions are said many times
        if said is None:
            said = self.said[id(condition)] = condition_words(
                condition, self.scenes, self.track_names, self.flag_words)
        return said

    def flag_words(self, flag: str, is_set: bool) -> str:
        """A flag as what the player did: the choices that set it, by name (by their number
        when there are more than a line can hold)."""
        setters = self.setters.get(flag)
        if not setters:
            return f"the flag {flag} is {'set' if is_set else 'not set'}"
        if len(setters) > MAX_SETTERS_NAMED:
            made = "made one of" if is_set else "made none of"
            return f"the player {made} the {len(setters)} choices that set the flag {flag}"
        picked = f" {'or' if is_set else 'nor'} ".join(
            f"{in_quotes(shorten(one_line(c.text)))} at {s.title}" for s, c in setters)
        verb = "chose" if is_set else "did not choose"
        return f"the player {verb} {picked} (flag {flag})"

    def route_when(self, scene: Scene, index: int) -> str:
        """When the scene's ``index``-th route is the one taken: 'when …' its own condition
        holds, 'unless …' one of the routes before it (tried first) holds; '' for always."""
        routes = scene.next
        earlier = [self.words(r.if_) for r in routes[:index] if r.if_ is not None]
        own = f"when {self.words(routes[index].if_)}" if routes[index].if_ is not None else ""
        unless = f"unless {'; or '.join(earlier)}" if earlier else ""
        return ", ".join(part for part in (own, unless) if part)

    def ordered_route_words(self, scene: Scene, index: int) -> str:
        """A route as one line of the scene's routes, read in order (the first that holds is
        taken): 'if …', or 'otherwise' for the last."""
        route = scene.next[index]
        if route.if_ is None:
            return "otherwise" if index else "always"
        return f"if {self.words(route.if_)}"

    def routes_decide(self, scene: Scene) -> bool:
        """Whether the scene's list of routes, tried in order, decides where some player goes."""
        return isinstance(scene.next, tuple) and len(scene.next) > 1 and any(
            w.routed for w in self.ways.get(scene.id, []))

    def choice_words(self, way: Way) -> str:
        choice = way.chosen
        offered = f" (offered only if {self.words(choice.if_)})" if choice.if_ else ""
        return f"{in_quotes(shorten(one_line(choice.text)))}{offered}"

    def place(self, scene_id: str) -> str:
        scene = self.scenes[scene_id]
        return f"{scene.title} ({scene.day}, {scene.time})"

    # -- the answer key's lines ----------------------------------------------------------

    def exits(self, scene: Scene, single: bool = False) -> list[tuple[str, str]]:
        """Where a scene leads, one (where, how) per way on, the routes in the order the game
        tries them; [] for a scene every way out of which leads to one scene, unless
        ``single``."""
        ways = self.ways.get(scene.id, [])
        if not ways or (len({w.target for w in ways}) < 2 and not single):
            return []
        lines: list[tuple[str, str]] = []  # (where, how)
        own = [w for w in ways if not w.routed]
        for target in dict.fromkeys(w.target for w in own):
            picks = " or ".join(self.choice_words(w) for w in own if w.target == target)
            lines.append((self.destination(target), f"choosing {picks}"))
        routes: dict[int | None, str] = {}  # the scene's routes some routed choice takes
        for way in ways:
            if way.routed:
                routes.setdefault(way.route, way.target)
        for route, target in sorted(routes.items(), key=lambda item: item[0] or 0):
            if route is None:
                how = "any other choice" if own else "always"
            else:
                how = ("any other choice, " if own else "") + self.ordered_route_words(scene,
                                                                                        route)
            lines.append((self.destination(target), how))
        return lines

    def destination(self, scene_id: str) -> str:
        """Where a way leads, as the lead of its line: an ending by its title."""
        scene = self.scenes[scene_id]
        return f"{scene.title}:" if scene.ending else f"{self.place(scene_id)}:"

    def entry(self, scene: Scene) -> str:
        """For a scene only some players see: which, and where the others go instead."""
        if scene.id not in self.reached:
            return "No player reaches this scene (`briefing validate` says why)."
        ways_in = self.ways_in.get(scene.id, [])
        parts = []
        for source_id in dict.fromkeys(w.source.id for w in ways_in):
            source = self.scenes[source_id]
            mine = [w for w in ways_in if w.source.id == source_id]
            how = self.how(source, mine)
            others = [t for t in dict.fromkeys(w.target for w in self.ways[source_id])
                      if t != scene.id]
            instead = (f"; the others go on to {' or '.join(self.place(t) for t in others)}"
                       if others else "")
            parts.append(f"after {self.place(source_id)}, {how}{instead}")
        return "Only some players see this scene: " + "; and ".join(parts) + "."

    def how(self, source: Scene, ways: list[Way]) -> str:
        """Who of the players at ``source`` take one of ``ways``, in words."""
        everyone_there = len(ways) == len(self.ways[source.id])
        if everyone_there:
            return "for every player who saw that scene"
        said = []
        # a choice with a next of its own goes there: the routes are for the other choices
        others = any(not w.routed for w in self.ways[source.id])
        routes = {w.route for w in ways if w.routed}
        all_routed_choices = {w.choice for w in self.ways[source.id] if w.routed}
        for route in sorted(routes, key=lambda r: -1 if r is None else r):
            choices = {w.choice for w in ways if w.routed and w.route == route}
            when = "" if route is None else self.route_when(source, route)
            if choices == all_routed_choices or choices == {None}:
                who = "for players who make any other choice" if others else ""
                said.append(", ".join(part for part in (who, when) if part)
                            or "for every player who saw that scene")
            else:
                picks = " or ".join(self.choice_words(w) for w in ways
                                    if w.routed and w.route == route)
                said.append(", ".join(part for part in (f"for players who choose {picks}", when)
                                      if part))
        own = [w for w in ways if not w.routed]
        if own:
            said.insert(0, "for players who choose "
                        + " or ".join(self.choice_words(w) for w in own))
        return "; or ".join(said)

    # -- blocks ------------------------------------------------------------------------

    def scene_blocks(self, scene: Scene) -> tuple[list[Block], list[Block]]:
        """(before, after) a scene's own blocks: whether only some players see it, and where
        the week goes from it when that depends on the choice or the player's week."""
        before: list[Block] = []
        if self.on_a_branch(scene) or (scene.id not in self.reached and not scene.ending):
            before.append(Box("branch", (Line(self.entry(scene), label="Branch"),)))
        exits = [] if self.decides_the_ending(scene) else self.exits(scene)
        after: list[Block] = []
        if exits:
            after.append(Box("branch", (Line("", label="Where the week branches"),
                                        Items(tuple(exits), ordered=self.routes_decide(scene)))))
        return before, after

    def decides_the_ending(self, scene: Scene) -> bool:
        return any(self.scenes[w.target].ending for w in self.ways.get(scene.id, []))

    def map_blocks(self) -> list[Block]:
        """The route map: every place the week branches, then how each ending is reached."""
        blocks: list[Block] = [Heading(2, "Route map"), Line(
            "Where players' weeks part, in story order, and what decides each ending. Scenes "
            "that only some players see are marked “Branch” in the scene list.", quiet=True)]
        forks = [s for s in self.in_story_order()
                 if not self.decides_the_ending(s) and self.exits(s)]
        blocks.append(Heading(3, "Where the week branches"))
        if forks:
            blocks += [Box("branch", (Line(f"After {self.place(s.id)}", strong=True),
                                      Items(tuple(self.exits(s)), ordered=self.routes_decide(s))))
                       for s in forks]
        else:
            blocks.append(Line("Every player sees the same scenes until the ending is decided."))
        blocks.append(Heading(3, "How each ending is reached"))
        for scene in self.in_story_order():
            if self.decides_the_ending(scene):
                routed = self.routes_decide(scene)
                tried = (", where the routes are tried in order and the first that holds "
                         "decides" if routed else "")
                blocks.append(Box("branch", (
                    Line(f"At {self.place(scene.id)}{tried}:", strong=True),
                    Items(tuple(self.exits(scene, single=True)), ordered=routed))))
        missed = [s.title for s in self.scenes.values() if s.ending and s.id not in self.reached]
        if missed:
            blocks.append(Line("No player reaches " + ", ".join(missed) + ".", label="Never"))
        return blocks

    def in_story_order(self) -> list[Scene]:
        rank = story_rank(self.pack)
        return sorted((self.scenes[s] for s in self.ways),
                      key=lambda s: rank.get(s.id, len(rank)))


def seen_by_everyone(start: str, ways: Mapping[str, list[Way]],
                     scenes: Mapping[str, Scene]) -> set[str]:
    """The scenes on every way from the start to an ending: those that dominate a node every
    ending leads to (iterative dominators over the scenes some player reaches)."""
    if start not in ways:
        return set()
    graph = {s: list(dict.fromkeys(w.target for w in ws if w.target in ways))
             for s, ws in ways.items()}
    for scene_id in graph:
        if scenes[scene_id].ending:
            graph[scene_id] = [EXIT]
    graph[EXIT] = []
    order = finishing_order(graph, [start])
    if EXIT not in order:
        return set()
    rank = {node: n for n, node in enumerate(order)}
    preds: dict[str, list[str]] = {node: [] for node in order}
    for node in order:
        for target in graph[node]:
            preds[target].append(node)
    idom = {start: start}
    changed = True
    while changed:
        changed = False
        for node in reversed(order):
            if node == start:
                continue
            known = [p for p in preds[node] if p in idom]
            new = known[0]
            for other in known[1:]:
                new = intersect(other, new, idom, rank)
            if idom.get(node) != new:
                idom[node], changed = new, True
    seen, node = set(), EXIT
    while node != start:
        node = idom[node]
        seen.add(node)
    return seen


def intersect(one: str, other: str, idom: dict[str, str], rank: dict[str, int]) -> str:
    while one != other:
        while rank[one] < rank[other]:
            one = idom[one]
        while rank[other] < rank[one]:
            other = idom[other]
    return one


def story_rank(pack: Pack) -> dict[str, int]:
    """Each reachable scene's place in the story: a scene before the scenes it leads to, and
    the scenes of one branch together (so that a day's times read in order along a branch)."""
    graph = {s.id: [t for t in reversed([w.target for w in ways_out(s)]) if t in pack.scenes]
             for s in pack.scenes.values()}
    start = pack.manifest.start
    if start not in graph:
        return {}
    return {node: n for n, node in enumerate(reversed(finishing_order(graph, [start])))}
