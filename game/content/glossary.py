"""The glossary as the player meets it, and the two checks on it.

pack.yaml's glossary is known from the start; a scene's own glossary once the player reaches that
scene. So a term defined only in scenes can be used too early: on a path that does not pass
through any scene that defines it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .graph import scene_graph
from .kinds import KINDS
from .models import GlossaryEntry, Manifest, Pack, Scene


def term_key(term: str) -> str:
    """How two spellings of a term are compared: case and runs of spaces do not matter."""
    return " ".join(term.split()).casefold()


def term_pattern(term: str) -> re.Pattern[str]:
    """The term as a whole word or phrase, whatever the case, across line breaks.

    Not ``\\b``: it needs a word character at the edge, and terms may start or end with
    punctuation. "(?<!\\w)" and "(?!\\w)" keep "Al-Omar" and "reported / claimed / disputed"
    working while "proxy" still does not match inside "proxying".
    """
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def reached_glossary(pack: Pack, visited: Iterable[str]) -> tuple[GlossaryEntry, ...]:
    """pack.yaml's glossary, then the entries of each scene reached, in the order reached.

    A term defined twice (reported as duplicate-term) shows its first definition only.
    """
    entries: list[GlossaryEntry] = list(pack.manifest.glossary)
    for scene_id in dict.fromkeys(visited):  # a scene visited twice adds its entries once
        if scene_id in pack.scenes:
            entries.extend(pack.scenes[scene_id].glossary)
    shown: dict[str, GlossaryEntry] = {}
    for entry in entries:
        shown.setdefault(term_key(entry.term), entry)
    return tuple(shown.values())


def scene_texts(scene: Scene) -> Iterator[tuple[object, str, str]]:
    """(model, field, text) for everything the player reads in a scene, in reading order."""
    yield scene, "title", scene.title
    yield scene, "body", scene.body
    for fact in scene.facts:
        yield fact, "text", fact.text
    for question in scene.questions:
        yield question, "ask", question.ask
        kind = KINDS.get(question.type)
        if kind is not None:  # (an unknown type is reported where it is written)
            yield from kind.texts(question)
        yield question, "explanation", question.explanation
    for choice in scene.choices:
        yield choice, "text", choice.text
        yield choice, "feedback", choice.feedback
    if isinstance(scene.assessment, str):
        yield scene, "assessment", scene.assessment
    else:
        yield from scene.assessment.texts()


@dataclass(frozen=True)
class EarlyUse:
    """A term used where a player may not have met its definition yet."""

    term: str  # as its first definition spells it
    defined_in: tuple[str, ...]  # the scenes whose glossary defines it
    used_in: str  # a scene id, or "" for the pack's intro (shown before any scene)
    model: object  # where the text is: a scene, question, choice, fact, or the manifest
    field: str
    path: tuple[str, ...]  # a shortest way from the start to used_in that misses every definer


def scene_only_terms(manifest: Manifest, scenes: Mapping[str, Scene]
                     ) -> dict[str, tuple[str, tuple[str, ...]]]:
    """term key -> (term, ids of the scenes defining it), for terms pack.yaml does not define."""
    from_start = {term_key(entry.term) for entry in manifest.glossary}
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for scene in scenes.values():
        for entry in scene.glossary:
            key = term_key(entry.term)
            if not key or key in from_start:
                continue
            term, defined_in = found.get(key, (entry.term, ()))
            if scene.id not in defined_in:
                found[key] = (term, (*defined_in, scene.id))
    return found


def paths_avoiding(graph: Mapping[str, set[str]], start: str, avoid: set[str]
                   ) -> dict[str, tuple[str, ...]]:
    """Every scene reachable from start without entering ``avoid``, with a shortest path to it."""
    if start in avoid or start not in graph:
        return {}
    paths = {start: (start,)}
    todo = [start]
    for scene_id in todo:  # breadth first: todo grows while it is walked
        for target in sorted(graph[scene_id]):
            if target not in paths and target not in avoid:
                paths[target] = (*paths[scene_id], target)
                todo.append(target)
    return paths


class SceneReader:
    """Finds where a scene first uses a term; each scene's texts are folded to lower case once.

    A plain substring test on the folded text rules most texts out before the (slower)
    case-insensitive pattern runs: it is what keeps this check cheap next to compiling. Each
    term's pattern is built once per check, and goes with it: the terms are the author's, so a
    cache kept between compiles would grow with every edit under --watch.
    """

    def __init__(self, scenes: Mapping[str, Scene]):
        self.scenes = scenes
        self.folded: dict[str, list[tuple[object, str, str, str]]] = {}
        self.patterns: dict[str, re.Pattern[str]] = {}

    def pattern(self, term: str) -> re.Pattern[str]:
        if term not in self.patterns:
            self.patterns[term] = term_pattern(term)
        return self.patterns[term]

    def first_use(self, scene_id: str, term: str) -> tuple[object, str] | None:
        if scene_id not in self.folded:
            self.folded[scene_id] = [(model, field, text, text.casefold())
                                     for model, field, text in scene_texts(self.scenes[scene_id])]
        first_word, pattern = term.split()[0].casefold(), self.pattern(term)
        for model, field, text, folded in self.folded[scene_id]:
            if first_word in folded and pattern.search(text):
                return model, field
        return None


def early_uses(manifest: Manifest, scenes: Mapping[str, Scene]) -> list[EarlyUse]:
    """Uses of scene-defined terms that some path from the start reaches before a definition.

    The map ignores conditions (as the other map checks do), so a path that no player can
    actually take may be reported; the fix is the same.
    """
    terms = scene_only_terms(manifest, scenes)
    if not terms:
        return []
    graph = scene_graph(scenes)
    reader = SceneReader(scenes)
    found = []
    for term, defined_in in terms.values():
        if reader.pattern(term).search(manifest.intro):
            found.append(EarlyUse(term, defined_in, "", manifest, "intro", ()))
        for scene_id, path in paths_avoiding(graph, manifest.start, set(defined_in)).items():
            use = reader.first_use(scene_id, term)
            if use:
                found.append(EarlyUse(term, defined_in, scene_id, *use, path))
    return found


def duplicate_terms(manifest: Manifest, scenes: Mapping[str, Scene]
                    ) -> list[tuple[GlossaryEntry, GlossaryEntry]]:
    """(entry, first entry) for each entry whose term an earlier one already defines."""
    first: dict[str, GlossaryEntry] = {}
    duplicates = []
    scene_entries = (entry for scene in scenes.values() for entry in scene.glossary)
    for entry in (*manifest.glossary, *scene_entries):
        key = term_key(entry.term)
        if key in first:
            duplicates.append((entry, first[key]))
        else:
            first[key] = entry
    return duplicates
