"""`briefing validate`'s text for people: a check that can fire at many items of a pack is
folded after its first few, and each pack's answer-cue figures follow its summary line."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Union

if TYPE_CHECKING:
    from .content import CompileResult, Diagnostic

WIDTH = 79
Line = Union["Diagnostic", str]  # a diagnostic to print as it is, or a line of text


def folded(diagnostics: Iterable[Diagnostic]) -> list[Line]:
    """The diagnostics in order, each code with a ``fold_after`` in the table shown that many
    times in full and then as one line naming the places of the rest (JSON keeps them all)."""
    from .content.codes import lookup

    diagnostics = list(diagnostics)
    limit = {d.code: lookup(d.code).fold_after for d in diagnostics}
    rest: dict[str, list[Diagnostic]] = {}
    for code, fold in limit.items():
        of_code = [d for d in diagnostics if d.code == code]
        if fold and len(of_code) > fold:
            rest[code] = of_code[fold:]
    lines: list[Line] = []
    seen: Counter = Counter()
    for diagnostic in diagnostics:
        seen[diagnostic.code] += 1
        count, code = seen[diagnostic.code], diagnostic.code
        if code not in rest or count <= limit[code]:
            lines.append(diagnostic)
        if code in rest and count == limit[code]:
            more = rest[code]
            places = ", ".join(f"{Path(d.file).name}:{d.line}" for d in more)
            lines.append(f"    … and {len(more)} more {diagnostic.severity}[{code}] at {places} "
                         "(each in full: --format json)")
    return lines


def cue_lines(result: CompileResult) -> list[str]:
    """The pack's answer-cue figures, indented under its summary line; none without a pack."""
    if result.pack is None:
        return []
    from .content.cues import summary

    figures = summary(result.cue_figures())
    if not figures:
        return []
    return ["  Answer cues (how they are judged: docs/authoring.md, section 5.1):",
            *(textwrap.fill(line, WIDTH, initial_indent="    ", subsequent_indent="      ",
                            break_on_hyphens=False) for line in figures)]
