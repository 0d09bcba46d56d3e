"""`briefing graph`: the story map as Mermaid, Graphviz DOT, or an outline in the terminal.

Days are clusters, choices are labelled edges, endings are marked, and unreachable scenes and
dead ends are called out so an author sees them at a glance.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from ..content.condition_words import condition_label
from ..content.graph import reachable
from ..content.models import Pack, Scene

LABEL_WIDTH = 40
TEXT_WIDTH = 80  # the text map's columns unless told otherwise
MIN_TEXT_WIDTH = 40
MIN_LABEL_WIDTH = 20  # a choice is cut no shorter than this to line the targets up


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


def to_text(pack: Pack, width: int = TEXT_WIDTH) -> str:
    """An outline that fits ``width`` columns for a pack of any size: a heading per day, each
    scene as a header line with its exits beneath, and runs of scenes that each lead on to the
    next with no choice or condition on one line. Linear in the pack's size."""
    width = max(width, MIN_TEXT_WIDTH)
    unreachable, dead = problems(pack)
    exits = {scene.id: edges(scene) for scene in pack.scenes.values()}
    lines = outline_heading(pack, width)
    for day, scenes in scenes_by_day(pack):
        lines += ["", *fit(day, width), "─" * min(len(day), width)]
        plain_step = {s.id: exits[s.id][0].target for s in scenes
                      if passes_straight_on(s, exits[s.id], unreachable, dead)}
        lines += day_outline(pack, scenes, plain_step, exits, (unreachable, dead), width)
    if unreachable:
        lines += ["", *fit("Unreachable from the start: " + ", ".join(sorted(unreachable)),
                           width, "  ")]
    return "\n".join(lines) + "\n"


def outline_heading(pack: Pack, width: int) -> list[str]:
    endings = sum(1 for s in pack.scenes.values() if s.ending)
    manifest = pack.manifest
    return [*fit(f"{manifest.title} ({pack.id})", width),
            *fit(f"{count(len(pack.scenes), 'scene')} over {count(len(manifest.days), 'day')}, "
                 f"{count(endings, 'ending')}; starts at {manifest.start}. "
                 "Each scene's exits are shown as: choice, condition → next scene.",
                 width, "  ")]


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def scenes_by_day(pack: Pack) -> list[tuple[str, list[Scene]]]:
    """The pack's days in order with their scenes, then any scene on an undeclared day (a pack
    with errors is drawn too); one pass over the scenes."""
    grouped: dict[str, list[Scene]] = {day: [] for day in pack.manifest.days}
    for scene in pack.scenes.values():
        grouped.setdefault(scene.day, []).append(scene)
    return [(day or "(no day)", scenes) for day, scenes in grouped.items() if scenes]


def passes_straight_on(scene: Scene, scene_exits: list[Edge], unreachable: set[str],
                       dead: set[str]) -> bool:
    """Whether the scene only leads on: one exit with no choice or condition, and nothing to
    mark (an ending, a dead end or an unreachable scene keeps its own header line)."""
    return (len(scene_exits) == 1 and not scene_exits[0].label and not scene.ending
            and scene.id not in unreachable and scene.id not in dead)


def day_outline(pack: Pack, scenes: list[Scene], plain_step: dict[str, str],
                exits: dict[str, list[Edge]], marked: tuple[set[str], set[str]],
                width: int) -> list[str]:
    """One day: each scene's header and exits, in the pack's order, except that a run of
    scenes passing straight on to one another (within the day) is one entry, started at the
    run's first scene."""
    fed = {plain_step[s] for s in plain_step if plain_step[s] in plain_step}
    lines: list[str] = []
    drawn: set[str] = set()
    # Runs start where no scene of the day passes straight on into them; a loop of such
    # scenes has no start, so it is drawn from its first scene in a second pass.
    for scene in [s for s in scenes if s.id not in fed] + [s for s in scenes if s.id in fed]:
        if scene.id in drawn:
            continue
        if scene.id in plain_step:
            run = run_from(scene.id, plain_step, drawn)
            if len(run) > 1:
                lines += run_lines(run, plain_step[run[-1]], pack, width)
                continue
        drawn.add(scene.id)
        lines += scene_lines(scene, exits[scene.id], pack, marked, width)
    return lines


def run_from(first: str, plain_step: dict[str, str], drawn: set[str]) -> list[str]:
    """The scenes passing straight on from ``first``, up to one not to draw again (marking
    them drawn): a run stops before a scene already drawn and before closing a loop."""
    run = [first]
    drawn.add(first)
    while (following := plain_step.get(run[-1])) in plain_step and following not in drawn:
        run.append(following)
        drawn.add(following)
    return run


def run_lines(run: list[str], then: str, pack: Pack, width: int) -> list[str]:
    chain = " → ".join([*run, target_words(then, pack)])
    return fit(f"{len(run)} scenes in a row: {chain}", width, "    ")


def scene_lines(scene: Scene, scene_exits: list[Edge], pack: Pack,
                marked: tuple[set[str], set[str]], width: int) -> list[str]:
    unreachable, dead = marked
    marks = [mark for mark, on in (("START", scene.id == pack.manifest.start),
                                   ("ENDING", scene.ending), ("DEAD END", scene.id in dead),
                                   ("UNREACHABLE", scene.id in unreachable)) if on]
    tail = f"  [{', '.join(marks)}]" if marks else ""
    room = width - len(scene.id) - len(tail) - 2
    return [*fit(f"{scene.id}  {short(scene.title, max(room, 12))}{tail}", width, "    "),
            *exit_lines(scene_exits, pack, width)]


def exit_lines(scene_exits: list[Edge], pack: Pack, width: int) -> list[str]:
    """One line per exit, the targets lined up in a column where the labels allow: a choice
    is cut short to fit; a choice that takes the scene's routes is a line of its own with
    each route (condition → target) beneath it, so a condition is never cut."""
    rows: list[tuple[str, str, str]] = []  # (indent, label, target)
    for index, edge in enumerate(scene_exits):
        target = target_words(edge.target, pack)
        if edge.choice and (edge.route or edge.offered):
            if index == 0 or scene_exits[index - 1].choice != edge.choice:
                rows.append(("  ", edge.choice, ""))
                if edge.offered and edge.route:  # offered only so; then the scene's routes
                    rows.append(("      ", f"offered if {edge.offered}", ""))
            rows.append(("      ", edge.route or f"if {edge.offered}", target))
        else:
            rows.append(("  ", edge.choice or edge.route, target))
    arrows = [len(indent) + len(label) for indent, label, target in rows if target]
    longest_target = max((len(target) for *_, target in rows), default=0)
    column = min(max(arrows, default=0), width - len(" → ") - longest_target)
    lines = []
    for indent, label, target in rows:
        if not target and label.startswith("offered if "):  # a condition is wrapped, never cut
            lines += fit(label, width, indent + "    ", indent)
            continue
        if not target:  # a choice heading its routes
            lines.append(indent + short(label, width - len(indent)))
            continue
        if label and label in (edge.choice for edge in scene_exits):
            label = short(label, max(column - len(indent), MIN_LABEL_WIDTH))
        lines += arrow_lines(label.ljust(column - len(indent)), target, width, indent)
    return lines


def arrow_lines(label: str, target: str, width: int, indent: str) -> list[str]:
    """``label → target`` in ``width`` columns: the label wrapped if it must be, and the arrow
    and its target always together at the end, so each exit's last line names where it goes."""
    arrow = f"→ {target}"
    if not label.strip():
        return fit(arrow, width, indent + "    ", indent)
    if len(indent) + len(label) + 1 + len(arrow) <= width:
        return [f"{indent}{label} {arrow}"]
    lines = fit(label.rstrip(), width, indent + "    ", indent)
    if len(lines[-1]) + 1 + len(arrow) <= width:
        return lines[:-1] + [f"{lines[-1]} {arrow}"]
    return lines + fit(arrow, width, indent + "      ", indent + "    ")


def target_words(target: str, pack: Pack) -> str:
    return target if target in pack.scenes else f"{target} (no such scene)"


def fit(text: str, width: int, indent: str = "", first: str = "") -> list[str]:
    """``text`` wrapped to ``width`` columns, at spaces where it can (an id longer than a line
    is broken), the first line indented by ``first`` and the rest by ``indent``."""
    if len(first) + len(text) <= width:
        return [first + text]
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent,
                         break_on_hyphens=False) or [first]


RENDERERS = {"mermaid": to_mermaid, "dot": to_dot, "text": to_text}
