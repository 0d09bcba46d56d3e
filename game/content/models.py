"""The scene format, defined once: these frozen dataclasses are what the YAML compiles into.

Why dataclasses and not pydantic or msgspec: the compiler walks PyYAML's composed nodes so that
every diagnostic keeps its file:line:col, and neither library keeps node positions. Dataclasses
add no dependency, stay immutable (frozen, tuples), and their field metadata (``doc``, ``yaml``
key, ``choices``) is the single description that the compiler, the authoring guide and the
JSON Schema generator all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, NamedTuple, Union

QUESTION_TYPES = (
    "single-choice",
    "multiple-select",
    "numeric",
    "short-text",
    "timeline",
    "true-false",
)
FACT_STATUSES = ("confirmed", "claimed", "disputed")

Scalar = Union[str, int, float, bool]


class Loc(NamedTuple):
    """Where a value sits in a source file (1-based line and column).

    A NamedTuple, not a dataclass: a pack makes one per value, and these are cheaper to create.
    """

    file: str
    line: int
    column: int


def doc(text: str, *, yaml: str | None = None, choices: tuple[str, ...] | None = None, **extra):
    """Field metadata: the author-facing description, and the YAML key when it differs."""
    meta = {"doc": text}
    if yaml:
        meta["yaml"] = yaml
    if choices:
        meta["choices"] = choices
    meta.update(extra)
    return meta


def _locs():
    # Positions of each field's value, filled in by the compiler; not part of the format.
    return field(default_factory=dict, compare=False, repr=False, metadata={"internal": True})


@dataclass(frozen=True)
class Condition:
    """A declarative test on the player's progress; every listed part must hold."""

    flags: tuple[str, ...] = field(default=(), metadata=doc("Flags that must all be set."))
    not_flags: tuple[str, ...] = field(default=(), metadata=doc("Flags that must all be unset."))
    visited: tuple[str, ...] = field(default=(), metadata=doc("Scenes the player must have seen."))
    not_visited: tuple[str, ...] = field(
        default=(), metadata=doc("Scenes the player must not have seen.")
    )
    at_least: Mapping[str, float] = field(
        default_factory=dict, metadata=doc("Track totals that must be at least these values.")
    )
    below: Mapping[str, float] = field(
        default_factory=dict, metadata=doc("Track totals that must be below these values.")
    )
    any: tuple["Condition", ...] = field(
        default=(), metadata=doc("At least one of these conditions must hold.")
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Route:
    """One conditional way on from a scene: the first route whose condition holds is taken."""

    to: str = field(metadata=doc("The id of the scene to go to."))
    if_: Condition | None = field(
        default=None, metadata=doc("Take this route only when this holds.", yaml="if")
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Outcome:
    """What really happened, according to the article, shown in the debrief."""

    text: str = field(metadata=doc("What happened, in your own words."))
    source: str = field(metadata=doc("The article's own words that show it."))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Fact:
    """A fact the scene writes into the player's notebook."""

    id: str = field(metadata=doc("A short unique name, e.g. hasakah-toll."))
    text: str = field(metadata=doc("The fact as the notebook shows it."))
    source: str = field(metadata=doc("The article's own words this fact rests on."))
    status: str = field(
        default="confirmed",
        metadata=doc("How sure we are.", choices=FACT_STATUSES),
    )
    claimed_by: str | None = field(
        default=None,
        metadata=doc("Who makes the claim; required when status is claimed or disputed."),
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Choice:
    """A decision the player can take."""

    text: str = field(metadata=doc("What the player sees on the button."))
    next: str | None = field(
        default=None, metadata=doc("The scene this leads to; the scene's own next when left out.")
    )
    effects: Mapping[str, float] = field(
        default_factory=dict, metadata=doc("Points added to score tracks, e.g. {tradecraft: 2}.")
    )
    feedback: str = field(default="", metadata=doc("Why this was a strong or weak call."))
    set: tuple[str, ...] = field(default=(), metadata=doc("Flags this choice sets."))
    if_: Condition | None = field(
        default=None, metadata=doc("Offer this choice only when this holds.", yaml="if")
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Question:
    """A recall question on the article's facts."""

    id: str = field(metadata=doc("A short unique name, e.g. q-hasakah-toll."))
    type: str = field(metadata=doc("The kind of question.", choices=QUESTION_TYPES))
    ask: str = field(metadata=doc("The question as the player reads it."))
    source: str = field(metadata=doc("The article's own words that hold the answer."))
    explanation: str = field(metadata=doc("Shown after answering: why the answer is right."))
    points: float = field(default=1, metadata=doc("Points for a fully right answer."))
    options: tuple[str, ...] = field(
        default=(), metadata=doc("single-choice and multiple-select: the options to pick from.")
    )
    answer: Scalar | None = field(
        default=None,
        metadata=doc(
            "single-choice: the right option's text; numeric: the number; "
            "short-text: the expected answer; true-false: true or false."
        ),
    )
    answers: tuple[str, ...] = field(
        default=(), metadata=doc("multiple-select: the texts of all the right options.")
    )
    also_accept: tuple[str, ...] = field(
        default=(), metadata=doc("short-text: other answers that count as right.")
    )
    tolerance: float = field(
        default=0, metadata=doc("numeric: how far from the answer still counts as right.")
    )
    unit: str | None = field(default=None, metadata=doc("numeric: the unit shown after the box."))
    order: tuple[str, ...] = field(
        default=(), metadata=doc("timeline: the events in their true order, earliest first.")
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Scene:
    """One moment of the week: text to read, facts, questions, then a decision or a way on."""

    id: str = field(metadata=doc("A short unique name, e.g. thu-flash-hasakah."))
    day: str = field(metadata=doc("The day, exactly as listed under days in pack.yaml."))
    time: str = field(metadata=doc("The time label, e.g. 07:40 or Late evening."))
    title: str = field(metadata=doc("The scene's heading."))
    body: str = field(metadata=doc("What the player reads, in Markdown."))
    facts: tuple[Fact, ...] = field(default=(), metadata=doc("Facts added to the notebook."))
    questions: tuple[Question, ...] = field(
        default=(), metadata=doc("Recall questions asked after the body, before the choices.")
    )
    choices: tuple[Choice, ...] = field(
        default=(), metadata=doc("The decision; leave out for a scene that simply goes on.")
    )
    next: Union[str, tuple[Route, ...], None] = field(
        default=None,
        metadata=doc("Where to go next: a scene id, or a list of routes tried in order."),
    )
    what_happened: Outcome | None = field(
        default=None, metadata=doc("For a decision: what really happened, per the article.")
    )
    notes: str = field(default="", metadata=doc("Facilitator notes for a teacher; not scored."))
    ending: bool = field(default=False, metadata=doc("True when the week ends here."))
    assessment: str = field(
        default="", metadata=doc("For an ending: the assessment shown at the debrief.")
    )
    locs: Mapping[str, Loc] = _locs()

    @property
    def is_decision(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class Band:
    """A grade band: at or above ``min`` percent earns ``label``."""

    min: float = field(metadata=doc("The lowest percent that earns this band."))
    label: str = field(metadata=doc("The band's name, e.g. A or Sound analysis."))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Track:
    """A score track. Decisions add to it through their effects; recall is the track 'recall'."""

    id: str = field(metadata=doc("A short unique name, e.g. tradecraft."))
    name: str = field(metadata=doc("The name players see."))
    description: str = field(default="", metadata=doc("What this track measures."))
    graded: bool = field(
        default=True, metadata=doc("Whether it counts toward the overall grade.")
    )
    bands: tuple[Band, ...] = field(
        default=(), metadata=doc("Labels by percent of the points that were on offer.")
    )
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class GlossaryEntry:
    term: str = field(metadata=doc("The term, e.g. IRGC."))
    meaning: str = field(metadata=doc("What it means."))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Manifest:
    """pack.yaml: what the pack is and how it is scored."""

    id: str = field(metadata=doc("The pack's id; the same as its folder name."))
    title: str = field(metadata=doc("The title on the title screen."))
    role: str = field(metadata=doc("Who the player is, e.g. Pentagon analyst."))
    source: str = field(metadata=doc("The seed article's file name, in seeds/ or this folder."))
    start: str = field(metadata=doc("The id of the first scene."))
    days: tuple[str, ...] = field(metadata=doc("The days of the campaign, in order."))
    tracks: tuple[Track, ...] = field(metadata=doc("The score tracks."))
    grades: tuple[Band, ...] = field(
        metadata=doc("Overall grade bands, by percent across the graded tracks.")
    )
    version: str = field(default="1", metadata=doc("The pack's version; bump it on changes."))
    intro: str = field(default="", metadata=doc("Markdown shown before the first scene."))
    glossary: tuple[GlossaryEntry, ...] = field(default=(), metadata=doc("Terms explained."))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class SceneFile:
    """A scene file: a list of scenes under ``scenes:``."""

    scenes: tuple[Scene, ...] = field(metadata=doc("The scenes in this file."))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Pack:
    """A compiled pack: the manifest, every scene by id, and the seed text."""

    manifest: Manifest
    scenes: Mapping[str, Scene]
    seed_text: str
    root: str

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def tracks(self) -> Mapping[str, Track]:
        return MappingProxyType({t.id: t for t in self.manifest.tracks})

    def scene(self, scene_id: str) -> Scene:
        return self.scenes[scene_id]

    def facts(self) -> Mapping[str, Fact]:
        return MappingProxyType({f.id: f for s in self.scenes.values() for f in s.facts})

    def questions(self) -> Mapping[str, Question]:
        return MappingProxyType({q.id: q for s in self.scenes.values() for q in s.questions})


RECALL_TRACK = "recall"
