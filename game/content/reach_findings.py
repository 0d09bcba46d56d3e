"""What the condition-aware walk finds never reached, and why, at the condition that blocks it.

validate reports these as diagnostics and playtest gives the same reason beside a scene it never
reached: one analysis (condition_reach), worded once here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .condition_reach import Judged, ReachWalk
from .condition_words import one_line, part_yaml, parts, shorten
from .graph import reachable, scene_graph
from ..quote_marks import in_quotes
from .models import Condition, Loc, Route, Scene

UNREACHABLE = "unreachable-by-condition"
CHOICE_NEVER = "choice-never-offered"
ROUTE_NEVER = "route-never-taken"
UNDECIDED = "conditions-undecided"


@dataclass(frozen=True)
class Finding:
    code: str
    where: Loc
    message: str
    hint: str = ""
    scene: str | None = None  # the scene no path reaches, for an unreachable-by-condition
    reason: str = ""  # why: the way in, what it needs and what stands in the way
    choice: tuple[str, int] | None = None  # (scene id, index) of a choice never offered


@dataclass(frozen=True)
class Blocked:
    """Why one way on is never taken: what it needs, what stands in the way, and where."""

    where: Loc
    needs: str  # the blocking part, as YAML ('' when it is not a condition that blocks)
    because: str
    hint: str


def condition_findings(scenes: Mapping[str, Scene], start: str) -> list[Finding]:
    """Scenes, endings, conditional choices and routes that no path reaches once every `if:`
    is followed; one undecided finding when the story is too big to walk."""
    if start not in scenes:
        return []
    walk = ReachWalk(scenes, start)
    if not walk.whole:
        return [Finding(UNDECIDED, scenes[start].locs[""], (
            f"validate could not decide which scenes, choices and routes a player can reach once "
            f"the `if:` conditions are followed: the story has more than {walk.limit:,} distinct "
            "points to be at (scene, flags, scenes seen, choices made). Nothing is reported as "
            "never reached."), "Nothing to fix if the story is meant to be this big; "
            "`briefing playtest --exhaustive` follows every path.")]
    findings: list[Finding] = []
    blockers: dict[str, list[tuple[str, Blocked]]] = {}  # unreached scene -> ways in, blocked
    explained: set[tuple[str, str, int]] = set()
    for scene in scenes.values():
        if scene.id not in walk.reached:
            continue
        for key, target in ways_out(scene):
            if target in scenes and target not in walk.reached:
                blockers.setdefault(target, []).append((way_name(scene, key), why(walk, scene, key)))
                explained.add(key)
    plainly, graph = reachable(scenes, start), scene_graph(scenes)
    for target, ways in blockers.items():
        findings.append(unreachable(scenes[target], ways, downstream(graph, walk, target)))
    first_cause = {f.scene: f for f in findings}
    for scene in scenes.values():  # endings reached only through a scene reported above
        if (scene.ending and scene.id in plainly and scene.id not in walk.reached
                and scene.id not in blockers):
            cause = nearest_cause(graph, walk, scene.id, first_cause)
            if cause is not None:
                findings.append(Finding(UNREACHABLE, cause.where, (
                    f"Ending '{scene.id}' can never be reached: every way there passes through "
                    f"'{cause.scene}', which no path reaches: {cause.reason}."), cause.hint,
                    scene.id, cause.reason))
    for scene in scenes.values():
        if scene.id in walk.reached:
            findings += never_taken(walk, scene, explained)
    return findings


def ways_out(scene: Scene):
    """((scene, "choice" or "route", index), target) for each way on with a target."""
    for index, choice in enumerate(scene.choices):
        if choice.next:
            yield (scene.id, "choice", index), choice.next
    if isinstance(scene.next, tuple):
        for index, route in enumerate(scene.next):
            yield (scene.id, "route", index), route.to


def way_name(scene: Scene, key: tuple[str, str, int]) -> str:
    _scene, kind, index = key
    if kind == "choice":
        shown = in_quotes(shorten(one_line(scene.choices[index].text), 50))
        return f"the choice {shown} at '{scene.id}'"
    return f"the route to '{scene.next[index].to}' from '{scene.id}'"


def why(walk: ReachWalk, scene: Scene, key: tuple[str, str, int]) -> Blocked:
    """Why the way ``key`` out of ``scene`` (a reached scene) is never taken."""
    _scene, kind, index = key
    model = scene.choices[index] if kind == "choice" else scene.next[index]
    judged = walk.judged.get(key)
    if judged is None or model.if_ is None:  # a route never even tried (one tried without an
        return shadowed(walk, scene, index, model)  # `if` is taken: it blocks nothing)
    return blocking(walk, model.if_, judged)


def shadowed(walk: ReachWalk, scene: Scene, index: int, route: Route) -> Blocked:
    tried = [n for n in range(index) if (scene.id, "route", n) in walk.judged]
    if tried:  # the last route tried before it is the one that always holds there
        before = scene.next[tried[-1]]
        line = (before.if_.locs[""] if before.if_ else before.locs[""]).line
        condition = f" (`{part_words(before.if_)}`, line {line})" if before.if_ else ""
        return Blocked(route.locs[""], "", f"the route to '{before.to}' before it{condition} "
                       "holds on every path there, and the first route that holds is taken",
                       "Put this route first, or narrow the `if` of the one that always holds.")
    return Blocked(route.locs[""], "", f"no player leaves '{scene.id}' by its routes: a choice "
                   "with its own `next` is always on offer", "Take the `next` off a choice to "
                   "send it by the routes, or point a choice at the scene.")


def blocking(walk: ReachWalk, condition: Condition, judged: Judged) -> Blocked:
    """The part of ``condition`` that is false wherever it was judged, or the whole condition
    when only its parts together never hold."""
    for name, value in parts(condition):
        found = blocked_part(walk, condition, name, value, judged)
        if found is not None:
            return found
    if [name for name, _value in parts(condition)] == ["any"]:  # the `any` alone never held
        return Blocked(condition.locs.get("any") or condition.locs[""],
                       part_yaml("any", condition.any),
                       alternatives(walk, condition.any, judged), "Loosen one of the "
                       "alternatives.")
    return Blocked(condition.locs[""], part_words(condition), NOT_TOGETHER,
                   "Check the condition against the ways here: drop or loosen one of its parts.")


NOT_TOGETHER = "its parts never hold together on any path (each can hold, but not all at once)"


def alternatives(walk: ReachWalk, conditions, judged: Judged) -> str:
    reasons = []
    for inner in conditions:
        found = next((b for n, v in parts(inner)
                      if (b := blocked_part(walk, inner, n, v, judged))), None)
        reasons.append(f"`{found.needs}`: {found.because}" if found else
                       f"`{part_words(inner)}`: {NOT_TOGETHER}")
    return "none of its alternatives can hold (" + "; ".join(reasons) + ")"


def part_words(condition: Condition) -> str:
    return ", ".join(part_yaml(name, value) for name, value in parts(condition))


def blocked_part(walk: ReachWalk, condition: Condition, name: str, value,
                 judged: Judged) -> Blocked | None:
    where = condition.locs.get(name) or condition.locs[""]
    if name in ("at_least", "below"):
        for track, threshold in value.items():
            least, most = judged.totals.get(track, (0.0, 0.0))
            needs = part_yaml(name, {track: threshold})
            if name == "at_least" and most < threshold:
                return Blocked(where, needs, f"the most {track} any path can have there is "
                               f"{most:g}", f"Lower it to {most:g} or less, or give more {track} "
                               "on the way there.")
            if name == "below" and least >= threshold:
                return Blocked(where, needs, f"the least {track} any path can have there is "
                               f"{least:g}", f"Raise it above {least:g}, or let some way there "
                               f"give less {track}.")
        return None
    if name == "any":  # blocked when each alternative has a part that never holds
        if all(any(blocked_part(walk, inner, n, v, judged) for n, v in parts(inner))
               for inner in value):
            return Blocked(where, part_yaml(name, value), alternatives(walk, value, judged),
                           "Loosen one of the alternatives.")
        return None
    atom_kind, words = ATOMS[name.removeprefix("not_")]
    for item in value:
        bit = walk.bit.get((atom_kind, item), 0)
        needs = part_yaml(name, (item,))
        if not name.startswith("not_") and not judged.some_bits & bit:
            return Blocked(where, needs, f"no path there has {words[0]} `{item}`",
                           f"Take `{item}` out of `{name}`, or {words[1]} `{item}` on a way "
                           "there, before it.")
        if name.startswith("not_") and judged.all_bits & bit:
            return Blocked(where, needs, f"every path there has {words[0]} `{item}`",
                           f"Take `{item}` out of `{name}`: every way there has {words[0]} "
                           "it.")
    return None


# The atom each kind of part reads, and its words: what every path (or none) has done there,
# and how a way there could do it.
ATOMS = {
    "flags": ("flag", ("set the flag", "set")),
    "visited": ("scene", ("passed through", "pass through")),
    "chose": ("choice", ("made the choice", "offer and take")),
}


def unreachable(scene: Scene, ways: list[tuple[str, Blocked]], after: int) -> Finding:
    (way, first), others = ways[0], ways[1:]
    what = "Ending" if scene.ending else "Scene"
    need = f"needs `{first.needs}`, but " if first.needs else "is never taken: "
    reason = f"{way} {need}{first.because}"
    message = f"{what} '{scene.id}' can never be reached: {reason}."
    if others:
        message += " The other ways in are blocked too: " + ", ".join(
            f"{b.where.file}:{b.where.line}" for _way, b in others) + "."
    if after:
        message += f" It leaves {after} more scene(s) after it unreached."
    return Finding(UNREACHABLE, first.where, message, first.hint, scene.id, reason)


def downstream(graph: Mapping[str, set[str]], walk: ReachWalk, scene_id: str) -> int:
    """How many other scenes it leaves unreached: the ones after it that the walk never
    reached (some may have another way in that is blocked too)."""
    seen, todo = {scene_id}, [scene_id]
    while todo:
        for target in graph[todo.pop()]:
            if target not in seen and target not in walk.reached:
                seen.add(target)
                todo.append(target)
    return len(seen) - 1


def nearest_cause(graph: Mapping[str, set[str]], walk: ReachWalk, scene_id: str,
                  causes: Mapping[str | None, Finding]) -> Finding | None:
    """The nearest scene before ``scene_id`` that was reported as never reached."""
    into: dict[str, list[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            into.setdefault(target, []).append(source)
    seen, todo = {scene_id}, [scene_id]
    while todo:
        for source in into.get(todo.pop(0), ()):
            if source in causes:
                return causes[source]
            if source not in seen and source not in walk.reached:
                seen.add(source)
                todo.append(source)
    return None


def never_taken(walk: ReachWalk, scene: Scene, explained: set) -> list[Finding]:
    """The conditional choices of a reached scene never offered, and its conditional routes
    never taken (those already named as what blocks a scene aside)."""
    found = []
    for index, choice in enumerate(scene.choices):
        key = (scene.id, "choice", index)
        if choice.if_ is not None and key not in walk.offered and key not in explained:
            blocked = why(walk, scene, key)
            found.append(Finding(CHOICE_NEVER, blocked.where, (
                f"{way_name(scene, key)[0].upper()}{way_name(scene, key)[1:]} is never offered: "
                f"it needs `{blocked.needs}`, but {blocked.because}."), blocked.hint,
                choice=(scene.id, index)))
    if isinstance(scene.next, tuple):
        for index, route in enumerate(scene.next):
            key = (scene.id, "route", index)
            if route.if_ is not None and key not in walk.offered and key not in explained:
                blocked = why(walk, scene, key)
                need = f"it needs `{blocked.needs}`, but " if blocked.needs else ""
                found.append(Finding(ROUTE_NEVER, blocked.where, (
                    f"The route to '{route.to}' from '{scene.id}' is never taken: "
                    f"{need}{blocked.because}."), blocked.hint))
    return found
