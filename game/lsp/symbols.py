"""What each value in a pack's YAML names (a scene, a flag, a track, a day, a glossary term, a
choice, or a field of the format), found on the composed YAML nodes with their places.

One table, ``role_of``, says it by the keys that lead to a value; the index of a file, the
completion at a half-typed line and the rename all ask it, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

SCENE, FLAG, TRACK, DAY, TERM, CHOICE = "scene", "flag", "track", "day", "term", "choice"

# In a condition (`if:`), the list under each key names these.
CONDITION_ROLES = {"flags": FLAG, "not_flags": FLAG, "visited": SCENE, "not_visited": SCENE,
                   "chose": CHOICE, "not_chose": CHOICE}
TOTAL_KEYS = ("at_least", "below")  # a condition's mappings of track -> number

MANIFEST_ROLES = {("start",): (SCENE, False), ("days",): (DAY, True),
                  ("tracks", "id"): (TRACK, True), ("glossary", "term"): (TERM, True)}
SCENE_FILE_ROLES = {("scenes", "id"): (SCENE, True), ("scenes", "day"): (DAY, False),
                    ("scenes", "next"): (SCENE, False), ("scenes", "next", "to"): (SCENE, False),
                    ("scenes", "choices", "next"): (SCENE, False),
                    ("scenes", "choices", "set"): (FLAG, True),
                    ("scenes", "choices", "id"): (CHOICE, True),
                    ("scenes", "questions", "track"): (TRACK, False),
                    ("scenes", "glossary", "term"): (TERM, True)}


def role_of(manifest: bool, keys: tuple[str, ...], is_key: bool = False
            ) -> tuple[str, bool] | None:
    """(what it names, whether it defines it) for a value reached by ``keys`` (list items add
    no key), or for a mapping key under ``keys`` when ``is_key``; None for anything else."""
    last = keys[-1] if keys else ""
    if is_key:
        if last == "effects" or (last in TOTAL_KEYS and "if" in keys):
            return TRACK, False
        return None
    if "if" in keys:
        role = CONDITION_ROLES.get(last)
        return (role, False) if role else None
    return (MANIFEST_ROLES if manifest else SCENE_FILE_ROLES).get(keys)


@dataclass(frozen=True)
class Scalar:
    """One scalar of a file: where it is (0-based line, columns in code points) and the keys
    that lead to it."""

    keys: tuple[str, ...]
    is_key: bool
    value: str
    line: int
    start: int
    end: int  # on ``end_line``
    end_line: int
    scene: str  # the id of the scene it is in ("" outside scenes)

    def holds(self, line: int, column: int) -> bool:
        if self.line == self.end_line:
            return line == self.line and self.start <= column <= self.end
        return (self.line, self.start) <= (line, column) <= (self.end_line, self.end)


@dataclass(frozen=True)
class Symbol:
    """A scene, flag, track, day, term or choice named at one place of a file."""

    role: str
    name: str
    defines: bool
    path: Path
    line: int
    start: int
    end: int


@dataclass
class FileIndex:
    """Every scalar of one file, the symbols among them, and each scene's heading."""

    path: Path
    manifest: bool
    scalars: list[Scalar] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    scenes: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> title, day, time

    def scalar_at(self, line: int, column: int) -> Scalar | None:
        """The innermost scalar at a place (the one that starts last)."""
        found = [s for s in self.scalars if s.holds(line, column)]
        return max(found, key=lambda s: (s.line, s.start), default=None)

    def symbols_at(self, line: int, column: int) -> list[Symbol]:
        return [s for s in self.symbols
                if s.line == line and s.start <= column <= s.end]


def index_file(path: Path, text: str, manifest: bool) -> FileIndex | None:
    """The index of one file, or None when its YAML cannot be read (half typed)."""
    from ..content.compiler import parse_yaml  # its limits keep hostile YAML harmless
    from ..content.limits import MAX_FILE_BYTES

    if len(text) > MAX_FILE_BYTES:  # the compiler refuses it too (file-too-large)
        return None
    node, _ = parse_yaml(text, str(path))
    if node is None:
        return None
    index = FileIndex(path, manifest)
    Walker(index).walk(node, (), "")
    return index


class Walker:
    def __init__(self, index: FileIndex):
        self.index = index
        self.seen: set[int] = set()  # an alias may repeat a node; walk it once

    def walk(self, node: yaml.Node, keys: tuple[str, ...], scene: str) -> None:
        if isinstance(node, yaml.ScalarNode):
            self.scalar(node, keys, False, scene)
            return
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.walk(item, keys, scene)
            return
        if keys == ("scenes",) and not self.index.manifest:
            scene = self.heading(node) or scene
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            self.scalar(key_node, keys, True, scene)
            self.walk(value_node, (*keys, str(key_node.value)), scene)

    def heading(self, node: yaml.MappingNode) -> str:
        """Note a scene's title, day and time; its id, for the choices inside it."""
        found = {str(k.value): str(v.value) for k, v in node.value
                 if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
        scene = found.get("id", "")
        if scene:
            self.index.scenes.setdefault(scene, {name: found.get(name, "")
                                                 for name in ("title", "day", "time")})
        return scene

    def scalar(self, node: yaml.ScalarNode, keys: tuple[str, ...], is_key: bool,
               scene: str) -> None:
        start, end = node.start_mark, node.end_mark
        first, last = start.column, end.column
        if node.style in ("'", '"') and start.line == end.line:
            first, last = first + 1, last - 1  # the value, without its quotes
        value = str(node.value)
        where = (*keys, value) if is_key else keys
        self.index.scalars.append(Scalar(where, is_key, value, start.line, first, last,
                                         end.line, scene))
        role = role_of(self.index.manifest, keys, is_key)
        if role is None or start.line != end.line or not value:
            return
        self.symbols(role, value, start.line, first, last, scene)

    def symbols(self, role: tuple[str, bool], value: str, line: int, first: int, last: int,
                scene: str) -> None:
        name, defines = role
        add = self.index.symbols.append
        path = self.index.path
        if name != CHOICE:
            add(Symbol(name, value, defines, path, line, first, last))
        elif defines:  # a choice's id names it as scene-id.choice-id, as conditions do
            add(Symbol(CHOICE, f"{scene}.{value}", True, path, line, first, last))
        elif "." in value:  # `chose: scene-id.choice-id`: the scene, then its choice
            scene_part = value.rpartition(".")[0]
            add(Symbol(SCENE, scene_part, False, path, line, first, first + len(scene_part)))
            add(Symbol(CHOICE, value, False, path, line, first + len(scene_part) + 1, last))
