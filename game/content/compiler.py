"""Turn PyYAML's composed nodes into the frozen models, reporting every problem as a Diagnostic.

Working on composed nodes (not constructed Python values) keeps each value's line and column, lets
us see duplicate keys that PyYAML would silently drop, and lets a ``str`` field keep the author's
own text (``time: 07:40`` stays "07:40" rather than YAML 1.1's sexagesimal 460).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, Mapping, Union, get_args, get_origin

import yaml

from ..terminal_text import terminal_safe
from .codes import lookup
from .diagnostics import ERROR, Diagnostic, did_you_mean
from .limits import expansion_too_large, may_have_aliases, prescan
from .map_cascades import meant_map_key, reads_map
from .models import Loc, Scene
from .text_checks import TextProblem, number_out_of_range, number_problem, text_problems
from .yaml_syntax import syntax_error

class PureParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                 yaml.composer.Composer):
    """PyYAML's own Python parser and composer, for a PyYAML built without libyaml."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)


try:  # libyaml is about 9x faster; fall back to the pure-Python parser.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = PureParser

_TAG = "tag:yaml.org,2002:"
_PLAIN = "tag:briefing,2026:plain"  # a plain scalar whose YAML type is worked out when needed
_resolver = yaml.resolver.Resolver()
# Tags a node may carry: the ones YAML gives by itself. Any other (!!python/..., !local) is
# refused, and no tag ever constructs anything.
KNOWN_TAGS = frozenset([_PLAIN, *(_TAG + name for name in (
    "str", "seq", "map", "int", "float", "bool", "null", "timestamp", "merge", "value", "yaml"))])


class DeferredResolver(yaml.resolver.BaseResolver):
    """Leaves plain scalars untyped while composing; resolved_tag() types them on demand.

    Most plain scalars are keys and text, which never need YAML's implicit typing (a regular
    expression per scalar): deferring it makes loading a pack cheaper than PyYAML's own safe
    composing of the same files. Only composing nodes happens here; no object is constructed.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _TAG + "str"
        return _TAG + ("seq" if kind is yaml.SequenceNode else "map")


class SafeLoader(_Parser, DeferredResolver):
    """Composes nodes only (no constructor at all, so no tag can run code)."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        DeferredResolver.__init__(self)


class PureSafeLoader(PureParser, DeferredResolver):
    """The same without libyaml; used when PyYAML has no C extension (and by its test)."""

    def __init__(self, stream):
        PureParser.__init__(self, stream)
        DeferredResolver.__init__(self)


def resolved_tag(node: yaml.ScalarNode) -> str:
    """The YAML 1.1 type of a scalar, without the tag prefix: str, int, float, bool, null…"""
    if node.tag == _PLAIN:
        node.tag = _resolver.resolve(yaml.ScalarNode, node.value, (True, False))
    return node.tag.removeprefix(_TAG)
_MAPPINGS = (collections.abc.Mapping, dict)
_NOTHING = object()  # a value that failed to compile; the parent drops it

KIND_NAMES = {
    yaml.MappingNode: "a mapping (key: value lines)",
    yaml.SequenceNode: "a list (lines starting with '- ')",
    yaml.ScalarNode: "a single value",
}


# How authors know each part of the format (the class names are the engineers' words): in
# messages and in the format reference. Keyed by name, since walkthroughs' Step is not in models.
MODEL_NAMES = {"Manifest": "pack.yaml", "SceneFile": "scene file", "GlossaryEntry": "glossary entry",
               "AssessmentPart": "assessment part", "AssessmentSection": "assessment section",
               "Outcome": "what_happened",
               "OtherReport": "other reporting item"}


def model_name(cls: type) -> str:
    """What authors call a model: 'scene file' for SceneFile, 'scene' for Scene."""
    return MODEL_NAMES.get(cls.__name__, cls.__name__.lower())


def yaml_key(f: dataclasses.Field) -> str:
    return f.metadata.get("yaml", f.name)


@lru_cache(maxsize=None)
def format_fields(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    """The author-facing fields of a model with their resolved types."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f, hints[f.name]) for f in dataclasses.fields(cls) if not f.metadata.get("internal")
    )


@lru_cache(maxsize=None)
def field_table(cls: type) -> dict[str, tuple[dataclasses.Field, Any]]:
    """YAML key -> (field, type) for a model; built once per class, not once per mapping."""
    return {yaml_key(f): (f, hint) for f, hint in format_fields(cls)}


def is_required(f: dataclasses.Field) -> bool:
    """Whether the format asks for the field: one with no default, or one marked required
    that keeps a fallback (a choice's effects) so that what holds it is still built."""
    return has_no_default(f) or f.metadata.get("required", False)


def has_no_default(f: dataclasses.Field) -> bool:
    """Whether the model cannot be built without the field."""
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def parse_yaml(text: str, file: str, loader: type = SafeLoader
               ) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """Compose one YAML document, or report why it cannot be read."""
    problem = prescan(text, file)  # before the parser, which may crash on what it finds
    if problem:
        return None, [problem]
    try:
        documents = list(yaml.compose_all(text, Loader=loader))
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_error(exc, text, file)]
    except yaml.YAMLError as exc:
        return None, [
            Diagnostic(file, 1, 1, ERROR, "yaml-syntax", f"YAML syntax: {exc}.",
                       "Save the file as plain UTF-8 text.")
        ]
    if not documents:
        return None, [
            Diagnostic(file, 1, 1, ERROR, "empty-file", "The file holds no YAML.",
                       "Add the content, or delete the file.")
        ]
    if len(documents) > 1:
        line = document_marker_line(text, documents[1].start_mark.line)
        return None, [
            Diagnostic(file, line, 1, ERROR, "several-documents",
                       "The file holds more than one YAML document ('---').",
                       "Keep one document per file: remove the extra '---' line.")
        ]
    if may_have_aliases(text):
        problem = expansion_too_large(documents[0], file)
        if problem:
            return None, [problem]
    return documents[0], []


def document_marker_line(text: str, node_line: int) -> int:
    """The 1-based line of the '---' that opens the document whose content starts at node_line."""
    lines = text.splitlines()
    for index in range(min(node_line, len(lines) - 1), -1, -1):
        if lines[index].startswith("---"):
            return index + 1
    return node_line + 1


# Among the ids of broken scenes: a part of some scene (a choice, a question...) was lost, so
# the story map is not whole, though every scene id is known.
LOST_PART = "\u2026"


def scalar_of(pairs: list, key: str) -> str:
    """The text of ``key`` among a mapping's (key node, value node) pairs, or ''."""
    return next((v.value for k, v in pairs if k.value == key and isinstance(v, yaml.ScalarNode)),
                "")


def item_name(pairs: list) -> str:
    """How a message names an item of a list: " 'its-id'", else its first value, shortened."""
    name = scalar_of(pairs, "id") or (pairs[0][1].value if pairs and isinstance(
        pairs[0][1], yaml.ScalarNode) else "")
    name = " ".join(name.split())
    return f" '{name if len(name) <= 40 else name[:39] + '…'}'" if name else ""


class NodeCompiler:
    """Compiles nodes of one file into models, collecting diagnostics as it goes."""

    def __init__(self, file: str):
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        # Ids of models that failed to build, so checks do not also call them missing.
        self.broken_ids: set[tuple[str, str]] = set()
        self.in_progress: set[int] = set()  # nodes being compiled: an alias to one is a cycle
        # What each mapping or list became: an alias (*name) to it is the same node again, so
        # it is built, and any problem in it reported, once however often it is repeated.
        self.built: dict[tuple[int, Any], Any] = {}
        # PyYAML's constructor remembers every node it has built, so each file's compile has its
        # own, gone with it: one shared by all would keep every scalar ever compiled (--watch).
        self.scalars = yaml.constructor.SafeConstructor()
        self.owner = ("", "")  # the model and field being read, for the checks on text
        self.list_items: set[int] = set()  # nodes written as an item of a list ('- ')
        self.map_keys_lost = 0  # keys the story map is read from, lost to a mistake so far

    def checked_text(self, node: yaml.ScalarNode, where: str) -> str:
        """A text value, reported when it holds a control or an invisible character; the
        control characters are left out of what is kept, so a pack loaded despite its errors
        (by the author tools) still cannot drive a terminal."""
        if node.style != '"' and node.value.isascii():
            return node.value  # the pre-scan refused raw controls; only escapes make them
        problems = text_problems(node.value, *self.owner, where)
        for problem in problems:
            self.report_problem(node, problem)
        return terminal_safe(node.value) if problems else node.value

    def report_problem(self, node: yaml.Node, problem: TextProblem) -> None:
        self.report(node, problem.code, problem.message, problem.hint)

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def report(self, node: yaml.Node, code: str, message: str, hint: str = "",
               severity: str | None = None) -> None:
        """Report at ``node``, with the severity the table gives ``code``."""
        where = self.loc(node)
        self.diagnostics.append(Diagnostic(self.file, where.line, where.column,
                                           severity or lookup(code).severity, code, message, hint))

    def compile(self, cls: type, node: yaml.Node) -> Any:
        """The model for ``node``, or None when it could not be built (see diagnostics)."""
        value = self.value(cls, node, model_name(cls))
        return None if value is _NOTHING else value

    def value(self, expected: Any, node: yaml.Node, where: str) -> Any:
        if id(node) in self.in_progress:
            self.report(node, "recursive-alias", f"'{where}' refers to itself through a YAML "
                        "alias (*name), so it never ends.", "Write the value out instead of "
                        "using an alias inside itself.")
            return _NOTHING
        if node.tag not in KNOWN_TAGS:
            return self.unknown_tag(node, where)
        if isinstance(node, yaml.ScalarNode):
            return self.dispatch(expected, node, where)
        key = (id(node), expected)
        if key in self.built:
            return self.built[key]
        self.in_progress.add(id(node))
        try:
            self.built[key] = value = self.dispatch(expected, node, where)
            return value
        finally:
            self.in_progress.discard(id(node))

    def unknown_tag(self, node: yaml.Node, where: str) -> Any:
        shown = node.tag.replace(_TAG, "!!", 1) if node.tag.startswith(_TAG) else node.tag
        self.report(node, "unknown-tag", f"'{where}' has the tag '{shown}', which a pack does "
                    "not use.", "Remove the tag (the word starting with '!'); if the value "
                    "starts with '!', put it in quotes.")
        return _NOTHING

    def dispatch(self, expected: Any, node: yaml.Node, where: str) -> Any:
        origin = get_origin(expected)
        if origin in (Union, types.UnionType):
            return self.union(expected, node, where)
        if dataclasses.is_dataclass(expected):
            return self.model(expected, node)
        if origin is tuple:
            return self.sequence(get_args(expected)[0], node, where)
        if origin in _MAPPINGS:
            return self.mapping(get_args(expected)[1], node, where)
        return self.scalar(expected, node, where)

    def union(self, expected: Any, node: yaml.Node, where: str) -> Any:
        options = [a for a in get_args(expected) if a is not type(None)]
        if self.is_null(node):
            if type(None) in get_args(expected):
                return None
            return self.missing_value(node, where)
        # Text takes any scalar, so it is tried last: `answer: 5` stays a number.
        for option in sorted(options, key=lambda o: o is str):
            if self.accepts(option, node):
                return self.dispatch(option, node, where)  # the same node, not a new one
        wanted = " or ".join(self.describe(o) for o in options)
        self.report(node, "wrong-type", f"'{where}' should be {wanted}.",
                    f"Write {where} as {wanted}.")
        return _NOTHING

    def accepts(self, expected: Any, node: yaml.Node) -> bool:
        """Whether ``node`` has the right shape to try as ``expected`` inside a union."""
        if dataclasses.is_dataclass(expected) or get_origin(expected) in _MAPPINGS:
            return isinstance(node, yaml.MappingNode)
        if get_origin(expected) is tuple:
            return isinstance(node, yaml.SequenceNode)
        if not isinstance(node, yaml.ScalarNode):
            return False
        tag = resolved_tag(node)
        if expected is bool:
            return tag == "bool"
        if expected is int:
            return tag == "int"  # 2.5 must stay 2.5: the float option takes it
        if expected is float:
            return tag in ("int", "float")
        return True  # str takes any scalar's own text

    @staticmethod
    def describe(expected: Any) -> str:
        if dataclasses.is_dataclass(expected) or get_origin(expected) in _MAPPINGS:
            return "a mapping (key: value lines)"
        if get_origin(expected) is tuple:
            return "a list"
        return {str: "text", bool: "true or false", int: "a whole number",
                float: "a number"}.get(expected, "a value")

    @staticmethod
    def is_null(node: yaml.Node) -> bool:
        return isinstance(node, yaml.ScalarNode) and resolved_tag(node) == "null"

    def missing_value(self, node: yaml.Node, where: str) -> Any:
        self.report(node, "missing-value", f"'{where}' has no value.",
                    f"Write a value after '{where}:', or remove the line.")
        return _NOTHING

    def wrong_kind(self, node: yaml.Node, where: str, wanted: str) -> Any:
        got = KIND_NAMES.get(type(node), "something else")
        self.report(node, "wrong-type", f"'{where}' should be {wanted}, but it is {got}.",
                    f"Write {where} as {wanted}.")
        return _NOTHING

    def scalar(self, expected: Any, node: yaml.Node, where: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.wrong_kind(node, where, self.describe(expected))
        if self.is_null(node):
            return self.missing_value(node, where)
        tag = resolved_tag(node)
        if expected is str:
            return self.checked_text(node, where)
        if expected is bool:
            if tag == "bool":
                return self.construct(node)
            self.report(node, "wrong-type", f"'{where}' should be true or false, not '{node.value}'.",
                        f"Write '{where}: true' or '{where}: false'.")
            return _NOTHING
        if expected is int and tag == "float":
            self.report(node, "wrong-type", f"'{where}' should be a whole number, not '{node.value}'.",
                        f"Write {where} as a whole number such as 1 or 42.")
            return _NOTHING
        if expected in (int, float):
            if tag in ("int", "float"):
                return self.checked_number(expected, node, where)
            self.report(node, "wrong-type", f"'{where}' should be a number, not '{node.value}'.",
                        f"Write {where} as a number such as 2 or 0.5, without quotes.")
            return _NOTHING
        raise TypeError(f"the format uses an unsupported type {expected!r}")  # a bug in models.py

    def checked_number(self, expected: type, node: yaml.ScalarNode, where: str) -> Any:
        """A number, or _NOTHING when it is NaN, infinite or too large to add up and save."""
        try:
            value = expected(self.construct(node))
        except (ValueError, OverflowError):  # an int too long to read, or to make a float
            problem = number_out_of_range(where)
        else:
            problem = number_problem(value, where)
        if problem is None:
            return value
        self.report_problem(node, problem)
        return _NOTHING

    def construct(self, node: yaml.ScalarNode) -> Any:
        resolved_tag(node)
        return self.scalars.construct_object(node, deep=True)

    def sequence(self, item_type: Any, node: yaml.Node, where: str) -> Any:
        if self.is_null(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            return self.wrong_kind(node, where, "a list (lines starting with '- ')")
        self.list_items.update(id(child) for child in node.value)
        items = (self.value(item_type, child, where) for child in node.value)
        return tuple(item for item in items if item is not _NOTHING)

    def mapping_pairs(self, node: yaml.MappingNode, where: str, model: type | None = None):
        """Key text and value node of each pair, reporting duplicate and non-text keys.

        In an item of a list (``model`` given), a second 'id' or a second of the item's first
        key is the next item written without its '- ': the two are read as one. That is one
        mistake, reported there; the lost item's keys are left out, and the map is marked as
        not whole, so nothing that follows from the loss is reported as well.
        """
        seen: dict[str, yaml.Node] = {}
        lost_from = None  # the line where an item without its '- ' starts
        first_key = None
        for key_node, value_node in node.value:
            if lost_from is not None and key_node.start_mark.line >= lost_from:
                continue
            if key_node.tag not in KNOWN_TAGS:
                self.unknown_tag(key_node, f"a key in {where}")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(key_node, "bad-key", f"A key in '{where}' is not plain text.",
                            "Keys are single words followed by a colon, e.g. 'title:'.")
                continue
            key = self.checked_text(key_node, f"a key in {where}")
            first_key = first_key or key
            if key in seen and model is not None and key in ("id", first_key):
                lost_from = key_node.start_mark.line
                self.missing_dash(model, where, node, key_node)
                continue
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.report(key_node, "duplicate-key",
                            f"'{key}' appears twice in the same {where}; the first is on line {first}.",
                            "Only the first is used: remove or rename one. A missing '- ' before a "
                            "new scene or item often causes this.")
                continue
            seen[key] = key_node
            yield key, key_node, value_node

    def missing_dash(self, model: type, where: str, node: yaml.MappingNode,
                     key_node: yaml.Node) -> None:
        """Report the item of a list that starts at ``key_node`` without its '- '."""
        line = key_node.start_mark.line + 1
        above = [(k, v) for k, v in node.value if k.start_mark.line < key_node.start_mark.line]
        lost = [(k, v) for k, v in node.value if k.start_mark.line >= key_node.start_mark.line]
        above_name, lost_name = (item_name(pairs) for pairs in (above, lost))
        lost_id = scalar_of(lost, "id")
        self.report(key_node, "missing-dash",
                    f"The {where}{lost_name} on line {line} has no '- ' before it, so it is "
                    f"read as part of the {where} above{above_name} (line "
                    f"{node.start_mark.line + 1}) and is lost.",
                    f"Write '- ' before '{key_node.value}:' on line {line}, lined up with the "
                    f"'- ' of the {where} above.")
        # the lost scene's id is known to exist; any other lost part leaves the map not whole
        lost_scene = lost_id if model.__name__ == "Scene" and lost_id else LOST_PART
        self.broken_ids.add(("Scene", lost_scene))

    def mapping(self, value_type: Any, node: yaml.Node, where: str) -> Any:
        if self.is_null(node):
            return types.MappingProxyType({})
        if not isinstance(node, yaml.MappingNode):
            return self.wrong_kind(node, where, "a mapping (key: value lines)")
        result = {}
        for key, _key_node, value_node in self.mapping_pairs(node, where):
            value = self.value(value_type, value_node, f"{where}.{key}")
            if value is not _NOTHING:
                result[key] = value
        return types.MappingProxyType(result)

    def model(self, cls: type, node: yaml.Node) -> Any:
        name = model_name(cls)
        if not isinstance(node, yaml.MappingNode):
            return self.wrong_kind(node, name, "a mapping (key: value lines)")
        fields = field_table(cls)
        values: dict[str, Any] = {}
        locs: dict[str, Loc] = {"": self.loc(node)}
        present: set[str] = set()
        failed = False
        in_list = id(node) in self.list_items  # only an item of a list has a '- ' to forget
        map_keys_lost = self.map_keys_lost  # those lost before this model, or its scene
        for key, key_node, value_node in self.mapping_pairs(node, name, cls if in_list else None):
            if key not in fields:
                known = ", ".join(fields)
                self.report(key_node, "unknown-key",
                            f"Unknown key '{key}' in a {name}.{did_you_mean(key, fields)}",
                            f"A {name} may have: {known}.")
                self.map_keys_lost += meant_map_key(cls.__name__, key, list(fields))
                continue
            present.add(key)
            f, hint = fields[key]
            if f.metadata.get("required") and self.is_null(value_node):
                # written but left empty: a value was meant, so not the model's fallback
                self.report(value_node, "missing-value", f"'{key}' has no value.",
                            f.metadata.get("how_to_write", ""))
                locs[f.name] = self.loc(value_node)  # written, so not also reported as left out
                continue
            outer, self.owner = self.owner, (cls.__name__, key)
            try:
                value = self.value(hint, value_node, key)
            finally:
                self.owner = outer
            if value is _NOTHING:
                self.map_keys_lost += reads_map(cls.__name__, key)
                failed = failed or has_no_default(f)
                if f.metadata.get("required"):
                    locs[f.name] = self.loc(value_node)  # written (wrongly, reported), not left out
                continue
            values[f.name] = self.checked_choice(f, value, value_node)
            locs[f.name] = self.loc(value_node)
        for key, (f, _hint) in fields.items():
            # one with a fallback is the checks' to report, which see the whole scene
            if has_no_default(f) and key not in present:
                failed = True
                self.report(node, "missing-field", f"This {name} has no '{key}'.",
                            f"Add '{key}:' ({f.metadata.get('doc', '').rstrip('.')}).")
        if cls is Scene and self.map_keys_lost > map_keys_lost:
            # built, but its part of the map is not whole: what follows is not reported
            self.broken_ids.add(("Scene", values.get("id") or LOST_PART))
        if failed:
            if isinstance(values.get("id"), str):
                self.broken_ids.add((cls.__name__, values["id"]))
            return _NOTHING
        return cls(**values, locs=types.MappingProxyType(locs))

    def checked_choice(self, f: dataclasses.Field, value: Any, node: yaml.Node) -> Any:
        allowed = f.metadata.get("choices")
        if allowed and value not in allowed:
            self.report(node, "unknown-value",
                        f"'{value}' is not a valid {yaml_key(f)}.{did_you_mean(str(value), allowed)}",
                        f"Use one of: {', '.join(allowed)}.")
        return value
