"""The `briefing.preview` command: the command line that previews a pack from one scene, with
the flags and totals that the scene's way in asks for (`briefing play PACK --from SCENE --set
FLAG ... --totals TRACK=N ...`)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from ..content.loader import display_path
from ..content.models import Condition, Pack


@dataclass
class Needs:
    """What a preview must start with: `briefing play`'s --set, --totals, --visited, --chose."""

    flags: list[str] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    visited: list[str] = field(default_factory=list)
    chose: list[str] = field(default_factory=list)


def entry_conditions(pack: Pack, scene_id: str) -> list[Condition | None]:
    """The conditions on every way into the scene, in the pack's order; None for a way in
    without one (the start, a plain `next:`, a route or choice without `if:`)."""
    found: list[Condition | None] = [None] if pack.manifest.start == scene_id else []
    for scene in pack.scenes.values():
        if scene.next == scene_id:
            found.append(None)
        elif isinstance(scene.next, tuple):
            found += [route.if_ for route in scene.next if route.to == scene_id]
        found += [choice.if_ for choice in scene.choices if choice.next == scene_id]
    return found


def needs_of(condition: Condition | None, needs: Needs) -> Needs:
    """Add what makes ``condition`` hold, starting from no flags and zero totals."""
    if condition is None:
        return needs
    needs.flags += [flag for flag in condition.flags if flag not in needs.flags]
    for track, least in condition.at_least.items():
        needs.totals[track] = max(least, needs.totals.get(track, least))
    for track, below in condition.below.items():
        if below <= 0:  # zero is not below it: go one under
            needs.totals[track] = min(below - 1, needs.totals.get(track, below - 1))
    needs.visited += [scene for scene in condition.visited if scene not in needs.visited]
    needs.chose += [choice for choice in condition.chose if choice not in needs.chose]
    if condition.any:
        needs_of(condition.any[0], needs)  # one way of several is enough
    return needs


def preview_needs(pack: Pack, scene_id: str) -> Needs:
    ways_in = entry_conditions(pack, scene_id)
    if not ways_in or None in ways_in:
        return Needs()
    return needs_of(ways_in[0], Needs())


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def preview_command(pack: Pack, folder: Path, scene_id: str) -> str:
    """The command line to preview ``folder``'s pack from ``scene_id``."""
    needs = preview_needs(pack, scene_id)
    words = ["briefing", "play", display_path(folder), "--from", scene_id]
    for flag in needs.flags:
        words += ["--set", flag]
    for track, total in needs.totals.items():
        words += ["--totals", f"{track}={number(total)}"]
    for scene in needs.visited:
        words += ["--visited", scene]
    for choice in needs.chose:
        words += ["--chose", choice]
    return " ".join(shlex.quote(word) for word in words)
