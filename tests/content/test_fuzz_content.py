"""Property-based fuzzing: mutated scene files give diagnostics or success, and never raise.

Set CI=1 for the "ci" profile (2,000 examples, derandomized); locally a smaller run is the default.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.compiler import NodeCompiler, parse_yaml
from game.content.diagnostics import Diagnostic
from game.content.models import Manifest, SceneFile
from game.paths import packs_root

FIXTURES = Path(__file__).parent.parent / "fixtures"

_QUIET = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=2000, derandomize=True, **_QUIET)
settings.register_profile("dev", max_examples=200, **_QUIET)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SOURCES = sorted([*(packs_root() / "week-of-march-23").glob("*.yaml"),
                  *(FIXTURES / "mini").glob("*.yaml")])
TEXTS = [(path.name, path.read_text(encoding="utf-8")) for path in SOURCES]

HOSTILE_SNIPPETS = [
    "&a [x, x]", "*a", "*nope", "&a [*a]", "!!python/object/apply:os.system ['true']", "!local x",
    "? [a, b]\n: c", "{[a]: b}", "[" * 60, "{a: " * 60, "]", "}", "\t", "\x00", "\x07", "\ufeff",
    "---", "...", "%YAML 1.1", '"', "'", "|", ">", "- ", ": ", "#", "<<: *a", "~", "null",
    "!!binary aGk=", "2026-03-23", "0x1F", ".nan", "é", "\U0001F600", "- " * 80, " " * 120,
]


@st.composite
def mutated(draw) -> tuple[str, str]:
    name, text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "line-delete", "line-dup",
                                     "indent", "dedent", "splice", "line-swap"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[at] if lines else ""
        if kind in ("insert", "replace", "delete") and line:
            col = draw(st.integers(0, len(line)))
            char = draw(st.one_of(st.characters(), st.sampled_from("[]{}:-#&*!'\"|>\t ")))
            if kind == "insert":
                line = line[:col] + char + line[col:]
            elif kind == "replace":
                line = line[:col] + char + line[col + 1:]
            else:
                line = line[:col] + line[col + 1:]
            lines[at] = line
        elif kind == "line-delete" and lines:
            del lines[at]
        elif kind == "line-dup" and lines:
            lines.insert(at, line)
        elif kind == "indent":
            lines[at] = " " * draw(st.integers(1, 6)) + line
        elif kind == "dedent":
            lines[at] = line.lstrip(" ")
        elif kind == "splice":
            snippet = draw(st.sampled_from(HOSTILE_SNIPPETS))
            col = draw(st.integers(0, len(line)))
            lines[at] = line[:col] + snippet + line[col:]
        elif kind == "line-swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
    return name, "\n".join(lines)


def compile_text(name: str, text: str) -> list[Diagnostic]:
    """What loading a file does after reading it: parse, then compile the nodes."""
    node, diagnostics = parse_yaml(text, name)
    if node is None:
        return diagnostics
    compiler = NodeCompiler(name)
    compiler.compile(Manifest if name == "pack.yaml" else SceneFile, node)
    return diagnostics + compiler.diagnostics


@given(mutated())
def test_mutated_scene_files_give_diagnostics_never_exceptions(case):
    name, text = case
    diagnostics = compile_text(name, text)
    assert all(isinstance(d, Diagnostic) and d.file == name and d.line >= 1 and d.column >= 1
               for d in diagnostics)


def test_the_unmutated_files_compile_clean():
    for name, text in TEXTS:
        assert compile_text(name, text) == [], name
