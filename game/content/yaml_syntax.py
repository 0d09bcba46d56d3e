"""What a YAML syntax error means, in an author's words: PyYAML names the token it could not
read, while the cause is usually a tab, a key indented too far, or text that needs quotes."""

from __future__ import annotations

import re

import yaml

from .diagnostics import ERROR, Diagnostic


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    """The yaml-syntax diagnostic for ``exc``, at the line and column of its cause."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or exc.context or "the YAML cannot be read").strip()
    found = indentation_problem(text, line)
    if found is None:
        return Diagnostic(file, line, column, ERROR, "yaml-syntax", f"YAML syntax: {problem}.",
                          syntax_hint(problem))
    return Diagnostic(file, line, found[0], ERROR, "yaml-syntax", *found[1:])


# What usually causes each of PyYAML's complaints, in an author's words.
SYNTAX_HINTS = (
    ("mapping values are not allowed", "Text that contains ': ' must be in quotes, e.g. "
     "title: \"Note: read this\"."),
    ("found character '\\t'", "Indent with spaces, never tabs."),
    ("cannot start any token", "A value starts with a character YAML keeps for itself "
     "(@, ` or %): put the value in quotes."),
    ("could not find expected ':'", "A line needs 'key: value', or a quote on it is not closed."),
    ("found unexpected end of stream", "A quote or bracket is opened but never closed."),
    ("expected <block end>", "Check the indentation: items of one list or mapping line up."),
    ("did not find expected '-' indicator", "This line stands where a list's next item begins, "
     "and each item starts with '- ': put '- ' before the item's first key (as in "
     "'  - id: tue-radio'), or, if it belongs to the item above, indent it like that item's "
     "keys."),
)


def syntax_hint(problem: str) -> str:
    for words, hint in SYNTAX_HINTS:
        if words in problem:
            return hint
    return "Check indentation (spaces, never tabs) and that every quote is closed."


def tab_column(text: str, line: int) -> int | None:
    """The 1-based column of a tab in the indentation of ``line``, if there is one."""
    lines = text.splitlines()
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else None


def indentation_problem(text: str, line: int) -> tuple[int, str, str] | None:
    """The column, message and hint for a syntax error caused by a line's indentation: a tab,
    or a key indented more than the key above it (at the key). PyYAML names neither (it says
    a token cannot start, or that ': ' is not allowed), and its usual causes are another
    mistake."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    column = tab_column(text, line)
    if column is not None:
        return (column, f"YAML syntax: line {line} is indented with a tab (column {column}); "
                "YAML indents with spaces only.",
                f"Indent with spaces, never tabs: replace the tab on line {line} with spaces, "
                "lined up with the lines around it (most editors can convert tabs to spaces).")
    row = lines[line - 1]
    above = next((lines[i] for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    key = OVER_INDENTED_KEY.match(row)
    if above is None or key is None:
        return None
    indent, above_indent = len(row) - len(row.lstrip()), len(above) - len(above.lstrip())
    above_key = KEY_WITH_VALUE.match(above)
    if indent <= above_indent or above_key is None:
        return None
    return (indent + 1, f"YAML syntax: the key '{key.group(1)}' on line {line} is indented "
            f"more than '{above_key.group(1)}' on the line above (column {indent + 1}, not "
            f"{above_indent + 1}).",
            f"Line it up with '{above_key.group(1)}:' above ({above_indent} spaces): indent a "
            "line further only when it belongs inside the key above, and that key's value then "
            "starts on the next line.")


OVER_INDENTED_KEY = re.compile(r"\s*([A-Za-z_][\w-]*):(?:\s|$)")
KEY_WITH_VALUE = re.compile(r"\s*(?:- )?([A-Za-z_][\w-]*):\s+\S")  # a value on the key's line
