"""`briefing graph`: the story map as Mermaid, Graphviz DOT, or a tree in the terminal.

Days are clusters, choices are labelled edges, endings are marked, and unreachable scenes and
dead ends are called out so an author sees them at a glance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.condition_words import condition_label
from ..content.graph import reachable
from ..content.models import Pack, Scene

LABEL_WIDTH = 40


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    choice: str = ""  # the text of the choice taken, or "" when the scene has no decision
    route: str = ""  # "if <condition>" or "otherwise" when the scene's next is a list of routes
    offered: str = ""  # a conditional choice's own condition, in words

    @property
    def label(self) -> str:
        choice = short(self.choice)
        if self.offered:
            choice = f"{choice} (if {self.offered})"
        return ", ".join(part for part in (choice, self.route) if part)


def short(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def edges(scene: Scene) -> list[Edge]:
    """One edge per way out of the scene: each choice is its own labelled edge, also when it
    has no next and so takes the scene's next, or the map would hide the decision."""
    if isinstance(scene.next, str):
        shared = [(scene.next, "")]
    else:
        shared = [(route.to, f"if {condition_label(route.if_)}" if route.if_ else "otherwise")
                  for route in scene.next or ()]
    if not scene.choices:
        return [Edge(scene.id, target, route=route) for target, route in shared]
    found = []
    for choice in scene.choices:
        offered = condition_label(choice.if_) if choice.if_ else ""
        if choice.next:
            found.append(Edge(scene.id, choice.next, choice.text, offered=offered))
        else:
            found += [Edge(scene.id, target, choice.text, route, offered)
                      for target, route in shared]
    return found


def problems(pack: Pack) -> tuple[set[str], set[str]]:
    """(unreachable scene ids, dead-end scene ids)."""
    seen = reachable(pack.scenes, pack.manifest.start)
    unreachable = set(pack.scenes) - seen
    dead = {s.id for s in pack.scenes.values() if not s.ending and not edges(s)}
    return unreachable, dead


def days_with_scenes(pack: Pack):
    """(index, day, its scenes) for each day that has scenes, in the pack's order."""
    for index, day in enumerate(pack.manifest.days):
        scenes = [s for s in pack.scenes.values() if s.day == day]
        if scenes:
            yield index, day, scenes


def node_id(scene_id: str) -> str:
    return "s_" + re.sub(r"[^A-Za-z0-9_]", "_", scene_id)


def mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(pack: Pack) -> str:
    unreachable, dead = problems(pack)
    lines = ["flowchart TD"]
    for index, day, scenes in days_with_scenes(pack):
        lines.append(f'  subgraph day{index}["{mermaid_text(day)}"]')
        for scene in scenes:
            title = mermaid_text(short(scene.title, 30))
            shape = f'(["{title}"])' if scene.ending else f'["{title}"]'
            lines.append(f"    {node_id(scene.id)}{shape}")
        lines.append("  end")
    for scene in pack.scenes.values():
        for edge in edges(scene):
            label = f'|"{mermaid_text(edge.label)}"|' if edge.label else ""
            lines.append(f"  {node_id(edge.source)} -->{label} {node_id(edge.target)}")
    lines += ["  classDef ending stroke-width:3px", "  classDef unreachable fill:#fdd,stroke:#c00",
              "  classDef deadend fill:#ffd,stroke:#c90"]
    for cls, ids in (("ending", {s.id for s in pack.scenes.values() if s.ending}),
                     ("unreachable", unreachable), ("deadend", dead)):
        if ids:
            lines.append(f"  class {','.join(node_id(i) for i in sorted(ids))} {cls}")
    return "\n".join(lines) + "\n"


def dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(pack: Pack) -> str:
    unreachable, dead = problems(pack)
    lines = ["digraph story {", "  rankdir=TB;", '  node [shape=box, fontname="sans-serif"];']
    for index, day, scenes in days_with_scenes(pack):
        lines.append(f'  subgraph cluster_{index} {{ label="{dot_text(day)}";')
        for scene in scenes:
            attrs = [f'label="{dot_text(short(scene.title, 30))}"']
            if scene.ending:
                attrs.append("peripheries=2")
            if scene.id in unreachable:
                attrs.append('style=filled, fillcolor="#ffdddd", xlabel="unreachable"')
            elif scene.id in dead:
                attrs.append('style=filled, fillcolor="#ffffcc", xlabel="dead end"')
            lines.append(f'    "{dot_text(scene.id)}" [{", ".join(attrs)}];')
        lines.append("  }")
    for scene in pack.scenes.values():
        for edge in edges(scene):
            label = f' [label="{dot_text(edge.label)}"]' if edge.label else ""
            lines.append(f'  "{dot_text(edge.source)}" -> "{dot_text(edge.target)}"{label};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_text(pack: Pack) -> str:
    """A tree from the start scene; a scene already drawn is named again, not redrawn."""
    unreachable, dead = problems(pack)

    def describe(scene: Scene) -> str:
        marks = ["ENDING"] if scene.ending else []
        if scene.id in dead:
            marks.append("DEAD END")
        tail = f"  [{', '.join(marks)}]" if marks else ""
        return f"{scene.id}: {short(scene.title, 36)} ({scene.day}){tail}"

    lines, drawn = [], set()
    stack = [(pack.manifest.start, "", "", True)]
    while stack:
        scene_id, prefix, label, last = stack.pop()
        branch = "" if not prefix and not label else ("└─ " if last else "├─ ")
        via = f"[{label}] " if label else ""
        scene = pack.scenes.get(scene_id)
        if scene is None:
            lines.append(f"{prefix}{branch}{via}{scene_id}  [NO SUCH SCENE]")
            continue
        if scene_id in drawn:
            lines.append(f"{prefix}{branch}{via}→ {scene_id} (above)")
            continue
        drawn.add(scene_id)
        lines.append(f"{prefix}{branch}{via}{describe(scene)}")
        child_prefix = prefix + ("" if not branch else ("   " if last else "│  "))
        children = edges(scene)
        for index, edge in reversed(list(enumerate(children))):
            stack.append((edge.target, child_prefix, edge.label, index == len(children) - 1))
    if unreachable:
        lines += ["", "Unreachable from the start:"]
        lines += [f"  {describe(pack.scenes[s])}" for s in sorted(unreachable)]
    return "\n".join(lines) + "\n"


RENDERERS = {"mermaid": to_mermaid, "dot": to_dot, "text": to_text}
