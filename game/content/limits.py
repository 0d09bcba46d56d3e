"""Limits checked before a YAML file is parsed, so hostile or broken files give diagnostics.

libyaml's C parser crashes the whole process (a segfault Python cannot catch) on a small file
nested tens of thousands of levels deep, PyYAML's own parser takes seconds per megabyte, and a few
YAML aliases can stand for billions of values. Each check here is a linear pass made of str
methods and regular expressions, cheap next to parsing (see benchmarks/).
"""

from __future__ import annotations

import re
from itertools import accumulate

import yaml

from .diagnostics import ERROR, Diagnostic

MAX_FILE_BYTES = 2 * 1024 * 1024  # a 1,000-scene pack's files are ~200 KB each
MAX_LINE_CHARS = 20_000  # a paragraph of ~3,000 words on one line
MAX_FLOW_DEPTH = 50  # [ and { nested inside each other
MAX_INDENT_COLUMNS = 100  # block nesting: indentation, counting "- ", "? " and ": " too
MAX_ANCHORS = 100  # &name
MAX_ALIASES = 1_000  # *name (counted loosely: Markdown *emphasis* may count too)
MAX_EXPANDED_VALUES = 100_000  # values the document stands for once every alias is written out
# Characters of Markdown one screen shows at once (a scene's title, body, prompt, choices and
# notes; the intro): the TUI lays out about 6,000 in a second on a 2-CPU machine and takes
# seconds past 8,000 (benchmarks/scene_markdown.py); the longest scene shipped has under 1,000.
MAX_SCENE_MARKDOWN = 4_000

# Characters YAML does not allow in a file (the same set PyYAML's reader refuses).
_CONTROL = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ASCII_ALLOWED = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
# Every byte but brackets; in UTF-8 an ASCII byte only ever stands for itself.
_NOT_BRACKET = bytes(c for c in range(256) if c not in b"[]{}")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
# A quick net (one character class) and the exact test for what it catches: block nesting is
# indentation, with '- ', '? ' and ': ' that open a nested list or mapping on the same line.
_DEEP_INDENT_NET = re.compile(r"\n[ \-?:]{%d}" % MAX_INDENT_COLUMNS)  # '\n' first: fast to find
_DEEP_INDENT = re.compile(r"(?:[-?:]? ){%d}" % MAX_INDENT_COLUMNS)
_LONG_LINE = re.compile(r"\n[^\n]{%d}" % (MAX_LINE_CHARS + 1))
_BRACKET = re.compile(r"[\[\]{}]")
_ANCHOR = re.compile(r"(?:^|(?<=[\s\[{,]))&[^\s\[\]{},]")
_ALIAS = re.compile(r"(?:^|(?<=[\s\[{,]))\*[^\s\[\]{},]")

CONTROL_NAMES = {"\x00": "a NUL byte", "\x1b": "an escape (ESC)"}


def line_and_column(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def too_large(file: str, size: int) -> Diagnostic:
    return Diagnostic(file, 1, 1, ERROR, "file-too-large",
                      f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB "
                      f"({size:,} bytes or more), too large to be a scene file.",
                      "Split the scenes over several files, or check that this is the file "
                      "you meant to put in the pack folder.")


def prescan(text: str, file: str) -> Diagnostic | None:
    """The first limit ``text`` breaks, or None when it is safe to hand to the parser."""
    data = text.encode("utf-8", "surrogatepass")
    if data.translate(None, _ASCII_ALLOWED) if text.isascii() else _CONTROL.search(text):
        return control_character(text, file)
    long_line = _LONG_LINE.match("\n" + text[:MAX_LINE_CHARS + 1]) or _LONG_LINE.search(text)
    if long_line:
        start = long_line.start() + 1 if long_line.string is text else 0
        end = text.find("\n", start)
        length = (len(text) if end < 0 else end) - start
        line, _ = line_and_column(text, start)
        return Diagnostic(file, line, 1, ERROR, "line-too-long",
                          f"Line {line} is {length:,} characters long; the limit is "
                          f"{MAX_LINE_CHARS:,}.",
                          "Break long text over several lines with a block scalar "
                          "('body: |' and indented lines), or check the file is the one "
                          "you meant.")
    nets = _DEEP_INDENT_NET.finditer("\n" + text[:MAX_INDENT_COLUMNS])  # the first line
    for net in (*nets, *_DEEP_INDENT_NET.finditer(text)):
        start = net.start() + 1 if net.string is text else 0
        deep = _DEEP_INDENT.match(text, start)
        if deep:
            line, column = line_and_column(text, deep.end())
            return too_deep(file, line, column, f"indented more than {MAX_INDENT_COLUMNS} columns")
    if text.count("[") + text.count("{") > MAX_FLOW_DEPTH:  # otherwise it cannot be that deep
        where = flow_too_deep(text, data)
        if where is not None:
            line, column = line_and_column(text, where)
            return too_deep(file, line, column,
                            f"more than {MAX_FLOW_DEPTH} brackets ([ or {{) deep")
    anchors = len(_ANCHOR.findall(text)) if "&" in text else 0
    aliases = len(_ALIAS.findall(text)) if anchors else 0  # no anchor, so no alias can work
    if anchors > MAX_ANCHORS or aliases > MAX_ALIASES:
        return too_many_aliases(file, 1, 1, f"The file has {anchors:,} anchors (&name) and "
                                f"{aliases:,} aliases (*name); the limits are {MAX_ANCHORS:,} "
                                f"and {MAX_ALIASES:,}.")
    return None


def control_character(text: str, file: str) -> Diagnostic:
    found = _CONTROL.search(text)
    line, column = line_and_column(text, found.start())
    char = found.group()
    name = CONTROL_NAMES.get(char, f"the control character U+{ord(char):04X}")
    return Diagnostic(file, line, column, ERROR, "control-character",
                      f"The file holds {name}, which YAML does not allow in text.",
                      "This is often a file that is not text at all, or text pasted from "
                      "another program: delete the character, or save the file as plain "
                      "UTF-8 text.")


def flow_too_deep(text: str, data: bytes) -> int | None:
    """Where brackets first nest deeper than the limit, or None.

    Depth never goes below zero, so a stray ']' in text cannot hide a deep nest after it: the
    deepest point is the running sum minus the lowest running sum before it (floored at zero).
    """
    brackets = data.translate(None, _NOT_BRACKET)
    depths = list(accumulate(map(_STEP.__getitem__, brackets)))
    floors = accumulate(depths, min, initial=0)
    if max(map(int.__sub__, depths, floors), default=0) <= MAX_FLOW_DEPTH:
        return None
    depth = 0  # rare: walk again to say where
    for match in _BRACKET.finditer(text):
        depth = max(0, depth + _STEP[ord(match.group())])
        if depth > MAX_FLOW_DEPTH:
            return match.start()
    return None  # pragma: no cover - the sums above say this cannot happen


def too_deep(file: str, line: int, column: int, how: str) -> Diagnostic:
    return Diagnostic(file, line, column, ERROR, "too-deep",
                      f"Lists and mappings here are nested too deeply ({how}).",
                      "Scene files need only a few levels: check the indentation and that "
                      "every '[' and '{' is closed.")


def too_many_aliases(file: str, line: int, column: int, message: str) -> Diagnostic:
    return Diagnostic(file, line, column, ERROR, "too-many-aliases", message,
                      "Write the values out instead of repeating them with anchors (&name) and "
                      "aliases (*name).")


def may_have_aliases(text: str) -> bool:
    return "&" in text and _ANCHOR.search(text) is not None


def expansion_too_large(root: yaml.Node, file: str) -> Diagnostic | None:
    """Whether aliases make ``root`` stand for too many values (a "billion laughs" file).

    Counts each distinct node once, with memory, so the count itself stays linear.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes and not children_done:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = ([n for pair in node.value for n in pair]
                    if isinstance(node, yaml.MappingNode) else node.value)
        if children_done:
            total = 1 + sum(sizes.get(id(child), 0) for child in children)  # 0: a cycle
            sizes[key] = total
            if total > MAX_EXPANDED_VALUES:
                mark = node.start_mark
                return too_many_aliases(
                    file, mark.line + 1, mark.column + 1,
                    f"With its aliases (*name) written out, this value stands for more than "
                    f"{MAX_EXPANDED_VALUES:,} values.")
            continue
        sizes.setdefault(key, 0)  # in progress: a cycle back here counts as nothing more
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return None
