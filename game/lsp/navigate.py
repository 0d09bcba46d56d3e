"""Go to definition, hover and rename: what the name at the cursor is, where it is defined,
and every place that names it. Places are (path, 0-based line, start, end) in code points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.glossary import term_key, term_pattern
from ..content.manifest_file import MANIFEST_NAMES
from .context import context_at
from .fields import field_at, field_doc
from .pack_view import PackView
from .symbols import SCENE, TERM, TRACK, Symbol, role_of

NAME = re.compile(r"[\w.\-]+")  # a scene id, flag, track or choice: a plain YAML word


class RenameRefused(Exception):
    """A rename that would break the pack, said in words."""


@dataclass(frozen=True)
class Named:
    """What the cursor is on: a name of some role (a symbol, or a glossary term in text)."""

    role: str
    name: str
    line: int
    start: int
    end: int


def named_at(view: PackView, path: Path, line: int, column: int) -> Named | None:
    index = view.indexes.get(path)
    if index is not None and path not in view.stale:
        found = index.symbols_at(line, column)
        if found:
            symbol = found[0]
            return Named(symbol.role, symbol.name, symbol.line, symbol.start, symbol.end)
    else:  # half typed: read the place from the lines themselves
        lines = view.lines(path)
        if line < len(lines):
            word = next((m for m in NAME.finditer(lines[line])
                         if m.start() <= column <= m.end()), None)
            if word is not None:
                context = context_at(lines, line, word.start())
                role = role_of(path.name in MANIFEST_NAMES, context.keys, context.is_key)
                if role is not None:
                    return Named(role[0], word.group(0), line, word.start(), word.end())
    return term_at(view, path, line, column)


def term_at(view: PackView, path: Path, line: int, column: int) -> Named | None:
    """A glossary term written in the text at the cursor."""
    lines = view.lines(path)
    if line >= len(lines):
        return None
    for term in view.names(TERM):
        for match in term_pattern(term).finditer(lines[line]):
            if match.start() <= column <= match.end():
                return Named(TERM, term, line, match.start(), match.end())
    return None


def definitions(view: PackView, named: Named) -> list[Symbol]:
    same = (lambda name: term_key(name) == term_key(named.name)) if named.role == TERM \
        else (lambda name: name == named.name)
    return [s for s in view.symbols() if s.role == named.role and s.defines and same(s.name)]


def hover_text(view: PackView, path: Path, line: int, column: int) -> str | None:
    """Markdown for the cursor's place: a scene's heading, a field's description, the article's
    sentence around a quote, a track's name."""
    index = view.indexes.get(path)
    scalar = index.scalar_at(line, column) if index else None
    if scalar is not None and scalar.is_key:
        found = field_at(index.manifest, scalar.keys)
        if found is not None:
            return f"**{scalar.value}**: {field_doc(found[0])}"
    if scalar is not None and scalar.keys[-1:] == ("source",) and not index.manifest:
        return quote_hover(view, scalar.value)
    named = named_at(view, path, line, column)
    if named is None:
        return None
    if named.role == SCENE:
        heading = view.scene_heading(named.name)
        if heading is None:
            return f"No scene has the id `{named.name}`."
        when = ", ".join(part for part in (heading["day"], heading["time"]) if part)
        return f"**{heading['title']}**\n\n{when} (scene `{named.name}`)"
    if named.role == TRACK and view.result and view.result.pack:
        track = view.result.pack.tracks.get(named.name)
        if track is not None:
            graded = "graded" if track.graded else "not graded"
            return f"**{track.name}** (track `{track.id}`, {graded})\n\n{track.description}".rstrip()
    if named.role == TERM and view.result and view.result.pack:
        from ..content.glossary import reached_glossary

        every = reached_glossary(view.result.pack, view.result.pack.scenes)
        entry = next((e for e in every if term_key(e.term) == term_key(named.name)), None)
        if entry is not None:
            return f"**{entry.term}**: {entry.meaning}"
    return None


def quote_hover(view: PackView, quote: str) -> str:
    """The article's sentences around a source quote, the quote in bold."""
    pack = view.result.pack if view.result else None
    if pack is None or not pack.seed_text:
        return "The article cannot be read yet (see the pack's diagnostics)."
    from ..authoring.coverage import article_sentences
    from ..content.quotes import normalise

    text, sentences = article_sentences(pack.seed_text)
    wanted = normalise(quote)
    start = text.find(wanted) if wanted else -1
    if start < 0:
        return "This quote is not in the article (`briefing validate` says where it goes wrong)."
    end = start + len(wanted)
    around = [s for s in sentences if s.start < end and s.end > start]
    first = min([start, *(s.start for s in around)])
    last = max([end, *(s.end for s in around)])
    shown = f"{text[first:start]}**{text[start:end]}**{text[end:last]}"
    return f"From the article ({pack.manifest.source}):\n\n> {shown}"


def rename_places(view: PackView, named: Named, new_name: str) -> list[Symbol]:
    """Every place that names the scene, or RenameRefused saying why not."""
    if named.role != SCENE:
        raise RenameRefused("Only a scene id can be renamed.")
    if view.stale:  # its places are those of its last readable text: edits would land wrong
        names = ", ".join(sorted(path.name for path in view.stale))
        raise RenameRefused(f"{names} cannot be read as YAML now; fix it before renaming.")
    if not NAME.fullmatch(new_name):
        raise RenameRefused(f"'{new_name}' cannot be a scene id: use letters, digits, '-', "
                            "'_' and '.' only.")
    clash = next((s for s in view.symbols()
                  if s.role == SCENE and s.defines and s.name == new_name), None)
    if clash is not None and new_name != named.name:
        raise RenameRefused(f"A scene with the id '{new_name}' already exists "
                            f"({clash.path.name}:{clash.line + 1}); choose another id.")
    return [s for s in view.symbols() if s.role == SCENE and s.name == named.name]
