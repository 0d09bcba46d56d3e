"""Checks across a whole pack once every file has compiled: references, questions, quotes."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Iterator

from .asks_again import check_asks_again
from .codes import lookup
from .compiler import field_table
from .cues import cue_figures, report_cues
from .diagnostics import Diagnostic, did_you_mean
from .assessment_paths import never_shown
from .reach_findings import condition_findings
from .facts import ATTRIBUTIONS, STATUSES, clean
from .glossary import EarlyUse, duplicate_terms, early_uses
from .graph import can_end, reachable, scene_graph
from .kinds import KIND_FIELDS, KINDS
from .kinds.base import count_items
from .limits import MAX_SCENE_MARKDOWN
from .map_cascades import BrokenLink, cut_off, cut_off_note, stops_without_ending
from .models import (
    CURRENT_FORMAT,
    RECALL_TRACK,
    Assessment,
    Choice,
    Condition,
    Fact,
    Manifest,
    Question,
    Scene,
    SceneFile,
)
from .learning_checks import check_checks, check_items, check_skills
from .position_words import find_position_words
from .quotes import SourceText

WHOLE_FILE = "*"  # among the broken scene ids: a whole scene file failed, so any id may be there
CHOICE_ID = re.compile(r"[A-Za-z0-9_-]+")  # no dot: a condition writes scene-id.choice-id


class PackChecker:
    def __init__(self, manifest: Manifest, files: list[SceneFile], source: SourceText | None,
                 broken_scenes: set[str] = frozenset(), earlier_errors: bool = False):
        self.manifest = manifest
        self.files = files
        self.source = source
        self.broken_scenes = broken_scenes  # already reported where they are written
        self.earlier_errors = earlier_errors  # the files' own: what follows from them is not told
        self.scenes: dict[str, Scene] = {}
        self.tracks = {t.id for t in manifest.tracks}
        self.flags_set = {flag for f in files for s in f.scenes for c in s.choices for flag in c.set}
        self.found: list[Diagnostic] = []
        self.parts_checked: dict[int, object] = {}  # by id, each keeping its part (and its id)
        self.broken_links: list[BrokenLink] = []  # next: and to: naming no scene
        self.stops_unmarked: set[str] = set()  # endings without 'ending: true', when none has it
        self.no_ending = False

    def report(self, model, field: str, code: str, message: str, hint: str = "",
               severity: str | None = None) -> None:
        """Report at ``field`` of ``model``, with the severity the table gives ``code``."""
        where = model.locs.get(field) or model.locs[""]
        self.found.append(Diagnostic(where.file, where.line, where.column,
                                     severity or lookup(code).severity, code, message, hint))

    def run(self) -> list[Diagnostic]:
        self.check_manifest()
        self.collect_scenes()
        self.check_has_ending()
        self.check_ids()
        for scene in self.scenes.values():
            self.check_scene(scene)
        if not self.broken_scenes:  # the map is only whole when every scene was built
            self.check_map()
            if not any(d.is_error for d in self.found):  # every condition names what exists
                self.check_assessment_paths()
                if not self.earlier_errors:
                    self.check_conditions()
        self.check_glossary()
        check_asks_again(self.manifest, self.scenes.values(), self.report,
                         whole=not self.broken_scenes)
        self.check_other_reporting()
        check_checks(self.manifest, self.check_question_fields, self.report)
        check_skills(self.manifest, self.scenes.values(), self.report)
        self.check_quotes()
        self.check_cues()
        return self.found

    def check_cues(self) -> None:
        """What gives an answer away: its length, hedging, a lean to true or false (across the
        pack, so only once every scene was built), and words naming an option's place."""
        if not self.broken_scenes:
            report_cues(cue_figures(self.manifest, self.scenes.values()), self.report)
        for found in find_position_words(self.scenes.values()):
            self.report(found.model, found.field, "position-words",
                        f"{found.where} says \"{found.phrase}\", but the game shuffles the "
                        f"{found.shuffled}: each player sees them in another order.",
                        "Name the option by a few of its own words, in quotes, e.g. "
                        f"\"{found.example}\"." if found.example else
                        "Name the option by a few of its own words, in quotes.")

    def check_has_ending(self) -> None:
        """A pack where no scene says 'ending: true' is one mistake, not a dead end per ending
        and a loop per scene leading to them."""
        if self.broken_scenes or not self.scenes or any(s.ending for s in self.scenes.values()):
            return
        stops = stops_without_ending(self.scenes)
        self.no_ending = True
        self.stops_unmarked = set(stops)
        hint = (f"Add 'ending: true' to the scenes that end the week: {', '.join(stops)} stop "
                "without it." if stops else "Add a scene with 'ending: true' and an "
                "'assessment:', and lead a choice or a next to it.")
        self.report(self.manifest, "start", "no-ending", "No scene of the pack is an ending "
                    "(none has 'ending: true'), so the week can never end.", hint)

    def check_map(self) -> None:
        """Unreachable scenes, loops with no way out, and days that run backwards."""
        start = self.manifest.start
        if start not in self.scenes:
            return
        seen = reachable(self.scenes, start)
        ending = can_end(self.scenes)
        # A next naming no scene is reported where it is written; it is not a loop as well,
        # and the scenes behind it are a note on it. No ending at all is reported once.
        broken_links = self.no_ending or any(d.code == "unknown-scene" for d in self.found)
        graph = scene_graph(self.scenes)
        behind_links = self.note_cut_off(graph, seen)
        day_index = {day: i for i, day in enumerate(self.manifest.days)}
        for scene_id, targets in graph.items():
            scene = self.scenes[scene_id]
            if scene_id in behind_links:
                pass
            elif scene_id not in seen:
                self.report(scene, "id", "unreachable", f"No path from the start scene '{start}' "
                            f"leads to '{scene_id}'.", "Point a choice or a next at it, or remove "
                            "it.")
            elif scene_id not in ending and (scene.choices or scene.next) and not broken_links:
                self.report(scene, "id", "endless-loop", f"From '{scene_id}' no path reaches an "
                            "ending: the player goes round for ever.",
                            "Give one scene in the loop a way on to a scene that ends the week.")
            for target in sorted(targets):
                here, there = day_index.get(scene.day), day_index.get(self.scenes[target].day)
                if here is not None and there is not None and there < here:
                    self.report(scene, "next", "day-backwards", f"'{scene_id}' ({scene.day}) leads "
                                f"back to '{target}' ({self.scenes[target].day}).",
                                "Check the days: the story should not go back in time.")

    def note_cut_off(self, graph, seen: set[str]) -> set[str]:
        """Add to each broken link's error the scenes it leaves unreachable; those scenes."""
        behind: set[str] = set()
        for index, scene_ids in cut_off(graph, seen, self.broken_links).items():
            found = self.found[index]
            self.found[index] = replace(found, message=found.message + cut_off_note(scene_ids))
            behind.update(scene_ids)
        return behind

    def check_assessment_paths(self) -> None:
        """Parts of an ending's assessment that no path to the ending can make true."""
        for never in never_shown(self.scenes, self.manifest.start):
            if not never.reached:
                why = f"no path reaches '{never.ending}' once the conditions are followed"
            else:
                why = f"no path to '{never.ending}' makes its `if` true"
            elsewhere = (f" It could hold at: {', '.join(never.elsewhere)}."
                         if never.elsewhere else " It holds at no ending.")
            self.report(never.part, "if_", "assessment-part-never-shown",
                        f"No player sees this part of the assessment of '{never.ending}': "
                        f"{why}.{elsewhere}",
                        "Check the condition against the routes into this ending, or move the "
                        "part to an ending where it can hold.")

    def check_conditions(self) -> None:
        """Scenes, endings, conditional choices and routes that no path reaches once every
        `if:` is followed, reported at the condition that blocks them."""
        for found in condition_findings(self.scenes, self.manifest.start):
            where = found.where
            self.found.append(Diagnostic(where.file, where.line, where.column,
                                         lookup(found.code).severity, found.code, found.message,
                                         found.hint))

    def check_glossary(self) -> None:
        """Terms defined twice, and scene-defined terms a player can meet before the scene."""
        for entry, first in duplicate_terms(self.manifest, self.scenes):
            where = first.locs[""]
            self.report(entry, "term", "duplicate-term", f"The glossary term '{entry.term}' is "
                        f"already defined at {where.file}:{where.line}.", "Keep one entry: the "
                        "notebook shows only the first.")
        if self.broken_scenes or self.manifest.start not in self.scenes:
            return  # the map is not whole, so neither is the list of paths
        for use in early_uses(self.manifest, self.scenes):
            message, hint = early_use_words(use)
            self.report(use.model, use.field, "term-used-before-defined", message, hint)

    def report_too_long(self, model, field: str, what: str) -> None:
        self.report(model, field, "markdown-too-long", f"{what}; the limit is "
                    f"{MAX_SCENE_MARKDOWN:,}, which keeps a screen quick to show.",
                    "Split it: end the scene with 'next:' to a second scene that goes on, and "
                    "leave background to the article.")

    def check_manifest(self) -> None:
        m = self.manifest
        if len(m.intro) > MAX_SCENE_MARKDOWN:
            self.report_too_long(m, "intro", f"The intro is {len(m.intro):,} characters long")
        if not 1 <= m.format <= CURRENT_FORMAT:
            self.report(m, "format", "unknown-format", f"The pack says 'format: {m.format}'; "
                        f"this version of briefing reads formats 1 to {CURRENT_FORMAT}.",
                        f"Write 'format: {CURRENT_FORMAT}', or update briefing if the pack was "
                        "written for a newer one.")
        if not m.days:
            self.report(m, "days", "no-days", "The pack lists no days.",
                        "List the days in order, e.g. '- Thursday 23 March'.")
        for day, count in count_items(m.days):
            if count > 1:
                self.report(m, "days", "duplicate-day", f"The day '{day}' is listed {count} times.",
                            "Each day appears once, in order.")
        seen = set()
        for track in m.tracks:
            if track.id in seen:
                self.report(track, "id", "duplicate-id", f"Two tracks are called '{track.id}'.",
                            "Give each track its own id.")
            seen.add(track.id)
            self.check_bands(track, track.bands, "bands")
        if not m.grades:
            self.report(m, "grades", "no-grades", "The pack has no grade bands.",
                        "Add grades, e.g. '- {min: 0, label: Keep practising}'.")
        self.check_bands(m, m.grades, "grades")

    def check_bands(self, owner, bands, field: str) -> None:
        if bands and not any(b.min <= 0 for b in bands):
            self.report(owner, field, "no-floor-band", "No band starts at 0 percent, so a low score "
                        "gets no label.", "Add a band with 'min: 0'.")
        for band in bands:
            if not 0 <= band.min <= 100:
                self.report(band, "min", "band-range", f"A band's min is {band.min:g}; percents "
                            "run from 0 to 100.", "Use a number from 0 to 100.")

    def collect_scenes(self) -> None:
        for scene_file in self.files:
            for scene in scene_file.scenes:
                if scene.id in self.scenes:
                    first = self.scenes[scene.id].locs[""]
                    self.report(scene, "id", "duplicate-id", f"The scene id '{scene.id}' is used "
                                f"twice; the first is at {first.file}:{first.line}.",
                                "Give each scene its own id.")
                    continue
                self.scenes[scene.id] = scene
        if not self.scenes and not self.broken_scenes:
            self.report(self.manifest, "", "no-scenes", "The pack has no scenes.",
                        "Add a scene file (any *.yaml beside pack.yaml) with a 'scenes:' list.")
        self.check_scene_ref(self.manifest, "start", self.manifest.start)

    def check_ids(self) -> None:
        for kind, items in (("fact", self.all_facts()), ("skill", self.manifest.skills),
                            ("question", [*check_items(self.manifest), *self.all_questions()])):
            seen: dict[str, object] = {}
            for item in items:
                if item.id in seen:
                    first = seen[item.id].locs[""]
                    self.report(item, "id", "duplicate-id", f"The {kind} id '{item.id}' is used "
                                f"twice; the first is at {first.file}:{first.line}.",
                                f"Give each {kind} its own id.")
                seen.setdefault(item.id, item)

    def all_facts(self):
        return [f for s in self.scenes.values() for f in s.facts]

    def all_questions(self):
        return [q for s in self.scenes.values() for q in s.questions]

    def check_scene_ref(self, model, field: str, scene_id: str) -> bool:
        """Report a reference to a scene that does not exist; whether it was reported."""
        if (scene_id not in self.scenes and scene_id not in self.broken_scenes
                and WHOLE_FILE not in self.broken_scenes):
            self.report(model, field, "unknown-scene", f"No scene has the id '{scene_id}'."
                        f"{did_you_mean(scene_id, self.scenes)}",
                        "Check the spelling, or add a scene with that id.")
            return True
        return False

    def check_link(self, scene: Scene, model, field: str, target: str) -> None:
        """A next: or to: of ``scene``; a broken one is kept to note what it cuts off."""
        if self.check_scene_ref(model, field, target):
            self.broken_links.append(BrokenLink(scene.id, target, len(self.found) - 1))

    def check_scene(self, scene: Scene) -> None:
        shown = sum(map(len, (scene.title, scene.body, scene.prompt, scene.notes,
                              *(choice.text for choice in scene.choices))))
        if shown > MAX_SCENE_MARKDOWN:
            self.report_too_long(scene, "body", f"The scene '{scene.id}' shows {shown:,} "
                                 "characters at once (title, body, prompt, choices and notes)")
        if scene.day not in self.manifest.days:
            self.report(scene, "day", "unknown-day", f"'{scene.day}' is not one of the pack's days."
                        f"{did_you_mean(scene.day, self.manifest.days)}",
                        "Use a day exactly as listed under 'days:' in pack.yaml.")
        self.check_flow(scene)
        for fact in scene.facts:
            self.check_fact(fact)
        for question in scene.questions:
            self.check_question(question, scene)
        if isinstance(scene.assessment, Assessment):
            for part in scene.assessment.all_parts():
                # a part repeated with a YAML alias is the same part: checked once
                if part.if_ and id(part) not in self.parts_checked:
                    self.parts_checked[id(part)] = part
                    self.check_condition(part.if_)

    def check_choice_ids(self, scene: Scene) -> None:
        seen: dict[str, Choice] = {}
        for choice in scene.choices:
            if "id" not in choice.locs:
                continue
            if not CHOICE_ID.fullmatch(choice.id):
                self.report(choice, "id", "bad-choice-id", f"The choice id '{choice.id}' may "
                            "have only letters, digits, - and _.",
                            "Use a short name such as both-figures, with no dots or spaces.")
            elif choice.id in seen:
                first = seen[choice.id].locs["id"]
                self.report(choice, "id", "duplicate-id", f"Two choices of '{scene.id}' have "
                            f"the id '{choice.id}'; the first is at {first.file}:{first.line}.",
                            "Give each choice of a scene its own id.")
            seen.setdefault(choice.id, choice)

    def check_fact(self, fact: Fact) -> None:
        """Each status names whom it needs (see facts.py), and shows only what it names."""
        status = STATUSES.get(fact.status)
        if status is None:
            return  # already reported as an unknown value
        if "claimed_by" in status.needs and not clean(fact.claimed_by):
            self.report(fact, "status", "unattributed-claim", f"The fact '{fact.id}' is "
                        f"{fact.status} but does not say who claims it.",
                        "Add 'claimed_by:' naming who makes the claim.")
        if "confirmed_by" in status.needs and not clean(fact.confirmed_by):
            self.report(fact, "status", "unsourced-confirmation", f"The fact '{fact.id}' is "
                        "confirmed but does not name the primary source that confirms it.",
                        "Name it in 'confirmed_by:' (a statement, a record, a transcript), or "
                        "write 'status: reported' when the article is the only source.")
        for name in ATTRIBUTIONS:
            if getattr(fact, name) is not None and name not in status.shows:
                shown_by = [s.name for s in STATUSES.values() if name in s.shows]
                self.report(fact, name, "unused-attribution", f"The fact '{fact.id}' is "
                            f"{fact.status}, so its '{name}' is never shown.",
                            f"Use the status that shows it ({' or '.join(shown_by)}), or "
                            f"remove '{name}'.")

    def check_other_reporting(self) -> None:
        """Each item cites its source in full and names facts of the pack."""
        facts = {f.id for f in self.all_facts()}
        for item in self.manifest.other_reporting:
            for name in ("outlet", "date", "quote"):  # a title is optional
                if not clean(getattr(item, name)):
                    self.report(item, name, "blank-citation", f"This other reporting item's "
                                f"'{name}' is empty.", "Copy it from the report you cite: "
                                "the outlet, the date and its exact words are all needed.")
            if not item.fact_ids:
                self.report(item, "bears_on", "unknown-fact", "This other reporting item bears "
                            "on no fact.", "List the id of the fact it bears on, e.g. "
                            "'bears_on: hasakah-toll'.")
            if self.broken_scenes:
                continue  # a scene that failed to build may hold the fact
            for fact_id in item.fact_ids:
                if fact_id not in facts:
                    self.report(item, "bears_on", "unknown-fact", f"No fact has the id "
                                f"'{fact_id}'.{did_you_mean(fact_id, facts)}",
                                "Use the id of one of the article's facts in a scene's 'facts:'.")

    def check_flow(self, scene: Scene) -> None:
        routes = scene.next if isinstance(scene.next, tuple) else ()
        if isinstance(scene.next, str):
            self.check_link(scene, scene, "next", scene.next)
        for route in routes:
            self.check_link(scene, route, "to", route.to)
            if route.if_:
                self.check_condition(route.if_)
        if routes and routes[-1].if_ is not None:
            self.report(scene, "next", "no-fallback-route", "Every route has a condition, so a "
                        "player who meets none is stuck.", "End the list with a route that has no 'if'.")
        if scene.ending:
            if scene.choices or scene.next:
                self.report(scene, "ending", "ending-goes-on", f"The ending '{scene.id}' also has "
                            "choices or a next; they are never used.",
                            "Remove them, or set 'ending: false'.")
            return
        if (not scene.choices and not scene.next and scene.id not in self.stops_unmarked
                and not self.map_part_lost(scene)):
            self.report(scene, "", "dead-end", f"The scene '{scene.id}' has no choices, no next and "
                        "is not an ending.", "Add 'next: <scene id>', choices, or 'ending: true'.")
        self.check_choice_ids(scene)
        self.check_effects_written(scene)
        for choice in scene.choices:
            self.check_choice(scene, choice)
        if scene.choices and all(c.if_ is not None for c in scene.choices) and not scene.next:
            self.report(scene, "choices", "all-choices-conditional", "Every choice has a condition "
                        "and the scene has no next, so a player who meets none is stuck.",
                        "Leave one choice without 'if', or give the scene a 'next' to fall back on.")

    def check_effects_written(self, scene: Scene) -> None:
        """A choice left without effects scores nothing, usually by oversight; 'effects: {}'
        says it is on purpose. A decision where every choice lacks them is one mistake."""
        left_out = [c for c in scene.choices if "effects" not in c.locs]
        hint = (field_table(Choice)["effects"][0].metadata["how_to_write"] + " For a pack "
                "written before every choice needed it, `briefing upgrade PACK` writes "
                "'effects: {}' (what such a choice scored) into each.")
        if len(left_out) > 1 and len(left_out) == len(scene.choices):
            self.report(scene, "choices", "no-effects", f"No choice of '{scene.id}' has "
                        "'effects', so the decision scores nothing.", hint)
            return
        for choice in left_out:
            self.report(choice, "", "no-effects", f"The choice \"{shorten(choice.text, 40)}\" "
                        "has no 'effects', so picking it scores nothing.", hint)

    def map_part_lost(self, scene: Scene) -> bool:
        """Whether a key of ``scene`` the map is read from was lost to a mistake reported where
        it is written (a misspelt 'choices:', 'ending: ture'): that it seems to stop follows."""
        return scene.id in self.broken_scenes

    def check_choice(self, scene: Scene, choice: Choice) -> None:
        if choice.next:
            self.check_link(scene, choice, "next", choice.next)
        elif not scene.next and not self.map_part_lost(scene):
            self.report(choice, "", "dead-end", "This choice has no next and neither has its scene.",
                        "Add 'next: <scene id>' to the choice or to the scene.")
        for track in choice.effects:
            if track == RECALL_TRACK:
                self.report(choice, "effects", "recall-effect", "Choices cannot score the recall "
                            "track; questions do.", "Put the points on a decision track.")
            elif track not in self.tracks:
                self.report(choice, "effects", "unknown-track", f"No track is called '{track}'."
                            f"{did_you_mean(track, self.tracks)}", "Use a track id from pack.yaml.")
        if choice.if_:
            self.check_condition(choice.if_)

    def check_condition(self, condition: Condition) -> None:
        for scene_id in (*condition.visited, *condition.not_visited):
            field = "visited" if scene_id in condition.visited else "not_visited"
            self.check_scene_ref(condition, field, scene_id)
        for flag in (*condition.flags, *condition.not_flags):
            # A scene that failed to build may set this flag, so only judge a fully built pack.
            if flag not in self.flags_set and not self.broken_scenes:
                field = "flags" if flag in condition.flags else "not_flags"
                self.report(condition, field, "unknown-flag", f"No choice sets the flag '{flag}'."
                            f"{did_you_mean(flag, self.flags_set)}",
                            "Check the spelling, or add it to a choice's 'set:' list.")
        for field in ("at_least", "below"):
            for track in getattr(condition, field):
                if track not in self.tracks:
                    self.report(condition, field, "unknown-track", f"No track is called '{track}'."
                                f"{did_you_mean(track, self.tracks)}", "Use a track id from pack.yaml.")
        for field in ("chose", "not_chose"):
            for ref in getattr(condition, field):
                self.check_choice_ref(condition, field, ref)
        for inner in condition.any:
            self.check_condition(inner)

    def check_choice_ref(self, condition: Condition, field: str, ref: str) -> None:
        """A ``chose`` or ``not_chose`` entry: a scene's id, a dot, one of its choices' ids."""
        scene_id, dot, choice_id = ref.rpartition(".")
        if not (dot and scene_id and choice_id):
            self.report(condition, field, "unknown-choice", f"'{ref}' does not name a choice: "
                        "write the scene's id, a dot and the choice's id.",
                        "For example: chose: [thu-origin.attribute].")
            return
        if scene_id not in self.scenes:
            self.check_scene_ref(condition, field, scene_id)
            return
        ids = [c.id for c in self.scenes[scene_id].choices if c.id]
        if choice_id in ids:
            return
        if not self.scenes[scene_id].choices:
            message = f"The scene '{scene_id}' has no choices."
        elif not ids:
            message = (f"No choice of '{scene_id}' has an id, so '{ref}' names none of them.")
        else:
            message = (f"The scene '{scene_id}' has no choice with the id '{choice_id}'."
                       f"{did_you_mean(choice_id, ids)} Its choices' ids: {', '.join(ids)}.")
        hint = (f"Name one of those ids, as {scene_id}.<id>, or give the choice you mean an "
                "'id:' line." if ids else "Give the choice you mean an 'id:' line, and name it "
                f"here as {scene_id}.<that id>.")
        self.report(condition, field, "unknown-choice", message, hint)

    def check_question(self, q: Question, scene: Scene) -> None:
        kind = KINDS.get(q.type)
        if kind is None:
            return  # already reported as an unknown value
        self.check_question_fields(q)
        graded = tuple(t.id for t in self.manifest.tracks if t.graded and t.id != RECALL_TRACK)
        kind.check_in_pack(q, scene, self.scenes, lambda start: reachable(self.scenes, start),
                           graded, self.report)

    def check_question_fields(self, q: Question) -> None:
        """What a question's own fields show, wherever it is asked (a scene, a check)."""
        kind = KINDS.get(q.type)
        if kind is None:
            return  # already reported as an unknown value
        if not math.isfinite(q.points) or q.points <= 0:
            self.report(q, "points", "bad-points", "A question's points must be above 0.",
                        "Use a positive number such as 1 or 2.")
        unused = (KIND_FIELDS - kind.fields) & set(q.locs)
        for name in sorted(unused):
            self.report(q, name, "unused-field", f"'{name}' is not used by a {q.type} question.",
                        f"A {q.type} question uses: {', '.join(sorted(kind.fields))}.")
        kind.check(q, self.report)

    def quoted(self) -> Iterator[tuple[object, str]]:
        yield from ((entry, entry.source) for entry in self.manifest.glossary if entry.source)
        yield from ((item, item.source) for item in check_items(self.manifest))
        for scene in self.scenes.values():
            yield from ((entry, entry.source) for entry in scene.glossary if entry.source)
            yield from ((fact, fact.source) for fact in scene.facts)
            yield from ((q, q.source) for q in scene.questions)
            if scene.what_happened:
                yield scene.what_happened, scene.what_happened.source

    def check_quotes(self) -> None:
        if self.source is None:
            return
        others = [(item, SourceText(item.quote)) for item in self.manifest.other_reporting]
        for model, quote in self.quoted():
            if self.source.contains(quote):
                continue
            other = next((item for item, text in others if text.contains(quote)), None)
            if other is not None:
                self.report(model, "source", "source-from-other-reporting", f"This source "
                            f"quote is from other reporting ({clean(other.outlet)}, "
                            f"{clean(other.date)}), not the article: \"{shorten(quote)}\".",
                            "Cite the article's own words here. Other reporting is shown after "
                            "the week, beside the claim it bears on; it never teaches a fact "
                            "or answers a question.")
                continue
            good = self.source.closest_start(quote)
            good = good.rsplit(" ", 1)[0] if " " in good else good  # end on a whole word
            hint = ("Copy the words exactly from the article; curly or straight quotes both work."
                    + (f" The article matches up to: \"{good}\"." if len(good) > 10 else ""))
            self.report(model, "source", "quote-not-found",
                        f"This source quote is not in the article: \"{shorten(quote)}\".", hint)


def early_use_words(use: EarlyUse) -> tuple[str, str]:
    """The message and the hint for a term used before a player can have met its definition."""
    one = len(use.defined_in) == 1
    owners = ("the glossary of " if one else "the glossaries of ") + " and ".join(
        f"'{scene_id}'" for scene_id in use.defined_in)
    if not use.used_in:
        return (f"The intro uses '{use.term}', defined only in {owners}; the intro is read "
                "before any scene.", "Move the entry to the glossary in pack.yaml.")
    return (f"'{use.used_in}' uses '{use.term}', defined only in {owners}, and a player can get "
            f"here without passing through {'it' if one else 'them'}: {' → '.join(use.path)}.",
            "Move the entry to the glossary in pack.yaml, or to a scene that every path to "
            f"'{use.used_in}' passes first.")


def shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_pack(manifest: Manifest, files: list[SceneFile], source: SourceText | None,
               broken_scenes: set[str] = frozenset(), earlier_errors: bool = False
               ) -> list[Diagnostic]:
    """``earlier_errors``: the files had errors of their own (a value left out is read as
    nothing), so what the conditions leave unreachable may be their cascade, not reported."""
    return PackChecker(manifest, files, source, broken_scenes, earlier_errors).run()
