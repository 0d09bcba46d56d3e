"""The story map as a graph of scene ids: where each scene can lead, reachability, loops."""

from __future__ import annotations

from ..content.models import Pack, Scene


def exits(scene: Scene) -> set[str]:
    """Every scene id this scene can lead to, whatever the conditions."""
    targets = {c.next for c in scene.choices if c.next}
    if isinstance(scene.next, str):
        targets.add(scene.next)
    elif scene.next:
        targets.update(route.to for route in scene.next)
    return targets


def scene_graph(pack: Pack) -> dict[str, set[str]]:
    return {scene_id: exits(scene) & set(pack.scenes) for scene_id, scene in pack.scenes.items()}


def reachable(pack: Pack) -> set[str]:
    graph = scene_graph(pack)
    seen, todo = set(), [pack.manifest.start]
    while todo:
        scene_id = todo.pop()
        if scene_id in seen or scene_id not in graph:
            continue
        seen.add(scene_id)
        todo.extend(graph[scene_id])
    return seen


def find_cycle(pack: Pack) -> list[str] | None:
    """One loop of scenes, in order, or None when the story always moves on."""
    graph = scene_graph(pack)
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None
