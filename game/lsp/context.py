"""Where the cursor is in a file that may be half typed (so not YAML yet): the keys that lead
to it, read from the indentation of the lines above and the flow brackets on its own line, and
whether a key or a value goes there. Completion needs this while the author types."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `key:` at the start of a line's content, after any `- ` list markers.
_BLOCK_KEY = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[^\s#:{}\[\],'\"][^:#{}\[\],]*?)"
                        r"[ ]*:(?:[ ]+|$)(?P<rest>.*)$")
_FLOW_KEY = re.compile(r"[ ]*(?P<key>[^\s:{}\[\],'\"][^:{}\[\],]*?)[ ]*:[ ]")
_WORD = re.compile(r"[\w.\-]*$")


@dataclass(frozen=True)
class Context:
    keys: tuple[str, ...]  # to the value, or to the mapping a key goes in
    is_key: bool  # a key goes here (else a value of keys[-1])
    typed: str  # the part of the word typed before the cursor


def content_column(line: str) -> int:
    """Where a line's content starts, after its indentation and any `- ` markers."""
    match = re.match(r"[ ]*(?:-[ ]+)*", line)
    return match.end() if match else 0


def block_keys(lines: list[str], row: int, column: int) -> tuple[str, ...]:
    """The block keys above the content at ``column`` on line ``row``, outermost first."""
    keys: list[str] = []
    for above in range(row - 1, -1, -1):
        text = lines[above]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _BLOCK_KEY.match(text)
        start = content_column(text)
        if start >= column:
            continue
        if match and not match["rest"].strip().split("#")[0].strip():
            keys.append(match["key"].strip())
            column = start
        elif start < column:
            column = min(column, start)  # a sibling's scalar or a list item: keep climbing
        if column == 0:
            break
    return tuple(reversed(keys))


def context_at(lines: list[str], row: int, column: int) -> Context:
    """The context of the cursor at (row, column), 0-based, in code points."""
    text = lines[row] if row < len(lines) else ""
    before = text[:column]
    typed = _WORD.search(before).group(0)
    start = content_column(before) if before.strip() else len(before)
    outer = block_keys(lines, row, start)
    match = _BLOCK_KEY.match(before)
    if not match:  # typing a key, or an item of a block list
        if before.rstrip().endswith("-") or re.match(r"[ ]*-[ ]", before):
            if not before[start:].strip() or before[start:] == typed:
                # `- ite`: an item of the list under the key above (or a new mapping's key)
                return Context(outer, not _is_list_of_values(outer), typed)
        return Context(outer, True, typed)
    keys = (*outer, match["key"].strip())
    flow_keys, is_key = flow_context(match["rest"])
    if flow_keys is None:
        return Context(keys, False, typed)
    return Context((*keys, *flow_keys), is_key, typed)


def flow_context(rest: str) -> tuple[tuple[str, ...] | None, bool]:
    """Inside ``{...}``/``[...]`` typed after a key: the keys within, and whether a key goes
    at the end; (None, False) when the text is a plain value."""
    stack: list[list] = []  # each open bracket: [kind, its current key]
    position = 0
    while position < len(rest):
        char = rest[position]
        if char in "{[":
            stack.append([char, None])
        elif char in "}]" and stack:
            stack.pop()
        elif char == "," and stack and stack[-1][0] == "{":
            stack[-1][1] = None
        elif stack and stack[-1][0] == "{" and stack[-1][1] is None:
            found = _FLOW_KEY.match(rest, position)
            if found:
                stack[-1][1] = found["key"].strip()
                position = found.end()
                continue
        position += 1
    if not stack:
        return None, False
    keys = tuple(key for _, key in stack if key)
    kind, key = stack[-1]
    return keys, kind == "{" and key is None


# Lists whose items are values (ids, names), not mappings with keys.
_VALUE_LISTS = ("set", "days", "flags", "not_flags", "visited", "not_visited", "chose",
                "not_chose", "options", "answers", "also_accept", "near_misses", "order",
                "extra", "discuss")


def _is_list_of_values(keys: tuple[str, ...]) -> bool:
    return bool(keys) and keys[-1] in _VALUE_LISTS
