"""Which scenes a result's game went through, or can still reach: so that a report can tell a
question on a branch the student did not take from one the student left unanswered.

A result file holds the decisions and answers, not the scenes passed, so the route is worked
out from the story map: from the start, a scene with choices leads only where the student's
recorded decisions there led, a scene without choices wherever it can; the route is every
scene on such a path from the start to where the game is. An unfinished game can still reach
whatever lies ahead of its scene.
"""

from __future__ import annotations

from typing import Mapping

from ..content.graph import exits, reachable, walk
from ..content.models import Pack, Scene
from .results import ResultDocument


def chosen_exits(scene: Scene, choices: set[int]) -> set[str]:
    """Where the decisions taken in ``scene`` led (a choice without its own next goes on by
    the scene's next)."""
    targets: set[str] = set()
    for index in choices:
        if not 0 <= index < len(scene.choices):
            continue  # a result from another version of the pack: no edge to trust
        choice = scene.choices[index]
        if choice.next:
            targets.add(choice.next)
        elif isinstance(scene.next, str):
            targets.add(scene.next)
        elif scene.next:
            targets.update(route.to for route in scene.next)
    return targets


def route_graph(scenes: Mapping[str, Scene], document: ResultDocument) -> dict[str, set[str]]:
    decided: dict[str, set[int]] = {}
    for decision in document.decisions:
        decided.setdefault(decision.scene, set()).add(decision.choice)
    return {scene_id: {t for t in (chosen_exits(scene, decided.get(scene_id, set()))
                                   if scene.choices else exits(scene)) if t in scenes}
            for scene_id, scene in scenes.items()}


def scenes_passed(pack: Pack, document: ResultDocument) -> set[str]:
    """The scenes on the student's route from the start to where the game is now, and every
    scene a record names (so a hand-edited or changed-pack result loses nothing it shows)."""
    graph = route_graph(pack.scenes, document)
    into: dict[str, set[str]] = {scene_id: set() for scene_id in graph}
    for source, targets in graph.items():
        for target in targets:
            into[target].add(source)
    on_route = walk(graph, pack.manifest.start) & walk(into, document.scene)
    named = ({a.scene for a in document.answers} | {d.scene for d in document.decisions}
             | {document.scene})
    return on_route | named


def scenes_open(pack: Pack, document: ResultDocument) -> set[str]:
    """The scenes the game passed or can still reach: a question elsewhere is on a branch the
    student did not take."""
    passed = scenes_passed(pack, document)
    if document.completed:
        return passed
    return passed | reachable(pack.scenes, document.scene)
