"""What one mistake in the story map makes follow, so that it is said once, with its cause.

A `next:` with a typo leaves every scene behind it unreachable, and a pack where no scene says
`ending: true` has only dead ends and loops: reported one by one, the consequences bury the cause
(issue 14 counted six warnings for one typo). These work out which scenes are such consequences.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Mapping

from .models import Scene


# The keys the story map is read from. One of them lost (misspelt, or with a value of the wrong
# type) changes the map: its scene seems a dead end, the scenes behind it out of reach, its flags
# set by no choice. The lost key is reported; its scene is marked so that these are not.
MAP_KEYS = {"Scene": ("choices", "next", "ending"), "Choice": ("next", "if", "effects", "set")}


def reads_map(model: str, key: str) -> bool:
    """Whether the map is read from ``key`` of a ``model`` (a class name)."""
    return key in MAP_KEYS.get(model, ())


def meant_map_key(model: str, key: str, known: list[str]) -> bool:
    """Whether an unknown ``key`` is most likely a misspelling of a key the map is read from."""
    meant = get_close_matches(key, known, n=1, cutoff=0.6)
    return bool(meant) and reads_map(model, meant[0])


@dataclass(frozen=True)
class BrokenLink:
    """A `next:` or `to:` in ``scene`` naming ``target``, which no scene has."""

    scene: str
    target: str
    diagnostic: int  # the index of its unknown-scene diagnostic among those found


def cut_off(graph: Mapping[str, set[str]], seen: set[str], links: list[BrokenLink]
            ) -> dict[int, list[str]]:
    """For each broken link (by its diagnostic's index), the scenes that no path reaches only
    because of it: those its closest scene id leads to, when the link is on a path from the
    start. A scene unreachable for another reason is in none of the lists."""
    found: dict[int, list[str]] = {}
    taken = set(seen)
    for link in links:
        meant = get_close_matches(link.target, list(graph), n=1, cutoff=0.6)
        if link.scene not in seen or not meant:
            continue
        behind = _reachable_from(graph, meant[0], taken)
        if behind:
            taken |= behind
            found[link.diagnostic] = sorted(behind)
    return found


def _reachable_from(graph: Mapping[str, set[str]], start: str, known: set[str]) -> set[str]:
    """Scenes reachable from ``start`` that are not among ``known``."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        scene_id = todo.pop()
        if scene_id in seen or scene_id in known or scene_id not in graph:
            continue
        seen.add(scene_id)
        todo.extend(graph[scene_id])
    return seen


def cut_off_note(scene_ids: list[str]) -> str:
    """The words added to a broken link's message for the scenes it cuts off."""
    shown = ", ".join(scene_ids[:8]) + (f" and {len(scene_ids) - 8} more" if len(scene_ids) > 8
                                        else "")
    count = "1 scene" if len(scene_ids) == 1 else f"{len(scene_ids)} scenes"
    return f" Until it is fixed, {count} cannot be reached: {shown}."


def stops_without_ending(scenes: Mapping[str, Scene]) -> list[str]:
    """When no scene is an ending: the scenes that stop (no choices, no next), which are most
    likely the endings without their `ending: true`. Empty when the pack has an ending."""
    if any(scene.ending for scene in scenes.values()):
        return []
    return [scene_id for scene_id, scene in scenes.items() if not scene.choices and not scene.next]
