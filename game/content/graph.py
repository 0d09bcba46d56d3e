"""The story map as a graph of scene ids: where each scene can lead, reachability, loops."""

from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple

from ..content.models import Pack, Scene


def exits(scene: Scene) -> set[str]:
    """Every scene id this scene can lead to, whatever the conditions."""
    targets = {c.next for c in scene.choices if c.next}
    if not scene.choices or any(not c.next for c in scene.choices):
        if isinstance(scene.next, str):
            targets.add(scene.next)
        elif scene.next:
            targets.update(route.to for route in scene.next)
    return targets


def scene_graph(scenes: Mapping[str, Scene]) -> dict[str, set[str]]:
    # Each exit looked up in the mapping: building set(scenes) per scene made this quadratic
    # (28 s of CPU at 10,000 scenes, issue 14).
    return {scene_id: {target for target in exits(scene) if target in scenes}
            for scene_id, scene in scenes.items()}


def finishing_order(graph: Mapping[str, Iterable[str]],
                    roots: Iterable[str] | None = None) -> list[str]:
    """Every scene once (or each reached from ``roots``), each after the scenes it leads to
    (but round a loop): a fixpoint that carries facts back along the map settles in one pass
    over this order when the map has no loop, instead of one pass per step of the longest
    path."""
    order: list[str] = []
    done: set[str] = set()
    for root in graph if roots is None else roots:
        if root in done:
            continue
        done.add(root)
        stack = [(root, iter(graph[root]))]
        while stack:
            scene_id, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                order.append(scene_id)
            elif target not in done and target in graph:
                done.add(target)
                stack.append((target, iter(graph[target])))
    return order


def reachable(scenes: Mapping[str, Scene], start: str) -> set[str]:
    return walk(scene_graph(scenes), start)


def walk(graph: Mapping[str, Iterable[str]], start: str) -> set[str]:
    """Every scene of ``graph`` (scene id -> the ids it leads to) that ``start`` leads to."""
    seen, todo = set(), [start]
    while todo:
        scene_id = todo.pop()
        if scene_id in seen or scene_id not in graph:
            continue
        seen.add(scene_id)
        todo.extend(graph[scene_id])
    return seen


def can_end(scenes: Mapping[str, Scene]) -> set[str]:
    """Scenes from which some path reaches an ending."""
    graph = scene_graph(scenes)
    into: dict[str, set[str]] = {s: set() for s in graph}
    for source, targets in graph.items():
        for target in targets:
            into[target].add(source)
    done = {s for s, scene in scenes.items() if scene.ending}
    todo = list(done)
    while todo:
        for source in into[todo.pop()]:
            if source not in done:
                done.add(source)
                todo.append(source)
    return done


def find_cycle(scenes: Mapping[str, Scene]) -> list[str] | None:
    """One loop of scenes, in order, or None when the story always moves on."""
    graph = {k: sorted(v) for k, v in scene_graph(scenes).items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root in sorted(graph):
        if root in state:
            continue
        path, stack = [root], [iter(graph[root])]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
    return None


class Replay(NamedTuple):
    """What there is to play again for: the endings reachable from the start, and the routes
    from the start to an ending (None when the map loops: then there is no count)."""

    endings: int
    routes: int | None


_REPLAYS: dict[int, tuple[Pack, Replay]] = {}  # by the pack's id(), with the pack itself


def pack_replay(pack: Pack) -> Replay:
    """``replay_count`` of a compiled pack, worked out once per pack (not per debrief)."""
    kept = _REPLAYS.get(id(pack))
    if kept is None or kept[0] is not pack:
        if len(_REPLAYS) > 8:  # a --watch session compiles again and again
            _REPLAYS.clear()
        kept = _REPLAYS[id(pack)] = (pack, replay_count(pack.scenes, pack.manifest.start))
    return kept[1]


def replay_count(scenes: Mapping[str, Scene], start: str) -> Replay:
    """Counted on the scene graph (a route is a sequence of scenes, whatever the conditions):
    the routes into each scene are summed once, in order, so the count is linear in the map."""
    graph = scene_graph(scenes)
    if start not in graph:
        return Replay(0, 0)
    seen = reachable(scenes, start)
    endings = sum(1 for s in seen if scenes[s].ending)
    routes: dict[str, int] = {}  # scene -> routes from it to an ending
    state: dict[str, int] = {}  # 1: on the current path, 2: counted
    stack = [(start, iter(sorted(graph[start])))]
    state[start] = 1
    while stack:
        scene_id, targets = stack[-1]
        target = next(targets, None)
        if target is None:
            stack.pop()
            state[scene_id] = 2
            routes[scene_id] = (int(scenes[scene_id].ending)
                                + sum(routes[t] for t in graph[scene_id]))
        elif state.get(target) == 1:
            return Replay(endings, None)  # a loop: as many routes as times round it
        elif target not in state:
            state[target] = 1
            stack.append((target, iter(sorted(graph[target]))))
    return Replay(endings, routes[start])
