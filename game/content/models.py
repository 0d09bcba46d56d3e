"""The scene format, defined once: these frozen dataclasses are what the YAML compiles into.

Why dataclasses and not pydantic or msgspec: the compiler walks PyYAML's composed nodes so that
every diagnostic keeps its file:line:col, and neither library keeps node positions. Dataclasses
add no dependency, stay immutable (frozen, tuples), and their field metadata (``doc``, ``yaml``
key, ``choices``) is the single description that the compiler, the authoring guide and the
JSON Schema generator all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping, NamedTuple, Union

from .facts import DEFAULT_STATUS, FACT_STATUSES  # one table of statuses and their labels
from .kinds import KINDS
from .kinds import KIND_NAMES as QUESTION_TYPES  # one list of kinds: their registry

# The version of the format written today; pack.yaml's `format` says which one a pack is in.
# Format 2 named the article's own statements `reported` (format 1 called them `confirmed`).
CURRENT_FORMAT = 2

Scalar = Union[str, int, float, bool]


class Loc(NamedTuple):
    """Where a value sits in a source file (1-based line and column).

    A NamedTuple, not a dataclass: a pack makes one per value, and these are cheaper to create.
    """

    file: str
    line: int
    column: int


def doc(text: str, *, example: str | None = None, yaml: str | None = None,
        choices: tuple[str, ...] | None = None, **extra):
    """Field metadata: the author-facing description, an example, and the YAML key if it differs.

    ``example`` is one line of YAML that starts with the field's key, e.g.
    ``next: thu-origin``; the field reference shows it and a test compiles it.
    """
    meta = {"doc": text}
    if example:
        meta["example"] = example
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

    flags: tuple[str, ...] = field(default=(), metadata=doc(
        "Flags that must all be set.", example="flags: [cited-holds]"))
    not_flags: tuple[str, ...] = field(default=(), metadata=doc(
        "Flags that must all be unset.", example="not_flags: [picked-19, picked-dozen]"))
    visited: tuple[str, ...] = field(default=(), metadata=doc(
        "Scenes the player must have seen.", example="visited: [sat-casualty-dig]"))
    not_visited: tuple[str, ...] = field(default=(), metadata=doc(
        "Scenes the player must not have seen.", example="not_visited: [sun-correction]"))
    at_least: Mapping[str, float] = field(default_factory=dict, metadata=doc(
        "Track totals that must be at least these values.",
        example="at_least: {tradecraft: 20, judgement: 14}"))
    below: Mapping[str, float] = field(default_factory=dict, metadata=doc(
        "Track totals that must be below these values.", example="below: {tradecraft: 12}"))
    chose: tuple[str, ...] = field(default=(), metadata=doc(
        "Choices the player must all have made, each written scene-id.choice-id (the choice's "
        "id, in that scene).", example="chose: [thu-origin.attribute]"))
    not_chose: tuple[str, ...] = field(default=(), metadata=doc(
        "Choices the player must not have made, written the same way.",
        example="not_chose: [sat-casualty-dig.sum-25, sat-casualty-dig.dozen-floor]"))
    any: tuple["Condition", ...] = field(default=(), metadata=doc(
        "At least one of these conditions must hold.",
        example="any: [{flags: [bottom-line-overstated]}, {flags: [bottom-line-complacent]}]"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Route:
    """One conditional way on from a scene: the first route whose condition holds is taken."""

    to: str = field(metadata=doc("The id of the scene to go to.", example="to: sun-correction"))
    if_: Condition | None = field(default=None, metadata=doc(
        "Take this route only when this holds.", yaml="if",
        example="if: {flags: [cited-holds]}"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Outcome:
    """What the article reports happened, shown in the debrief beside the decision."""

    text: str = field(metadata=doc(
        "What the article reports happened, in your own words, in Markdown.",
        example="text: The reporting gives the toll precisely, and it names the place."))
    source: str = field(metadata=doc(
        "The article's own words that show it.",
        example='source: "five US troops and an American contractor"'))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Fact:
    """A fact the scene writes into the player's notebook."""

    id: str = field(metadata=doc("A short unique name, e.g. hasakah-toll.",
                                 example="id: hasakah-toll"))
    text: str = field(metadata=doc(
        "The fact as the notebook shows it.",
        example="text: The Hasakah strike killed five US troops and an American contractor."))
    source: str = field(metadata=doc(
        "The article's own words this fact rests on.",
        example='source: "resulted in the death of five US troops and an American contractor"'))
    status: str = field(default=DEFAULT_STATUS, metadata=doc(
        "Who stands behind it: reported (the article says it in its own voice, naming no "
        "source; the default), claimed (the article attributes it to someone), disputed "
        "(someone, or the article itself, contradicts it) or confirmed (a primary source "
        "you name bears it out).", choices=FACT_STATUSES, example="status: claimed"))
    claimed_by: str | None = field(default=None, metadata=doc(
        "Who makes the claim; required when status is claimed or disputed.",
        example="claimed_by: US intelligence"))
    disputed_by: str | None = field(default=None, metadata=doc(
        "For a disputed fact: who or what contradicts the claim.",
        example="disputed_by: the article's own later count"))
    confirmed_by: str | None = field(default=None, metadata=doc(
        "The primary source that bears the fact out (a statement, a record, a transcript), "
        "named so a reader can find it; required when status is confirmed.",
        example="confirmed_by: the Pentagon's statement of 23 March 2023"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class OtherReport:
    """What other reporting said about one of the article's claims. Shown after the week
    beside that claim (the debrief, the handout), kept apart from the article's facts, and
    never a source for a question."""

    outlet: str = field(metadata=doc(
        "Who published it.", example="outlet: The Hill"))
    date: str = field(metadata=doc(
        "When it was published, as you would cite it.", example="date: 23 March 2023"))
    quote: str = field(metadata=doc(
        "Its exact words that bear on the claim, copied from it.",
        example='quote: "Five U.S. service members and one other contractor were wounded."'))
    bears_on: Union[str, tuple[str, ...]] = field(metadata=doc(
        "The id of the article's fact it bears on, or a list of ids.",
        example="bears_on: hasakah-toll"))
    title: str = field(default="", metadata=doc(
        "Its headline or title, as published; leave it out when you quote a page without "
        "its title at hand (the citation then names the outlet, the date and the author).",
        example='title: "US contractor killed, 5 service members wounded during drone strike '
                'in Syria"'))
    note: str = field(default="", metadata=doc(
        "What differs from the article, in your words.",
        example="note: The Pentagon gave one American killed, not six."))
    url: str | None = field(default=None, metadata=doc(
        "Where to read it.", example="url: https://thehill.com/policy/defense/"))
    author: str | None = field(default=None, metadata=doc(
        "Who wrote it, when it is signed.", example="author: Julia Mueller"))
    locs: Mapping[str, Loc] = _locs()

    @property
    def fact_ids(self) -> tuple[str, ...]:
        return (self.bears_on,) if isinstance(self.bears_on, str) else self.bears_on


@dataclass(frozen=True)
class Choice:
    """A decision the player can take."""

    text: str = field(metadata=doc(
        "What the player sees on the button.",
        example="text: '\"Six US troops killed in drone strike in Syria.\"'"))
    id: str = field(default="", metadata=doc(
        "A short name for this choice, unique within its scene, so that a condition can name "
        "it (chose: [scene-id.choice-id]). Letters, digits, - and _.", example="id: attribute"))
    next: str | None = field(default=None, metadata=doc(
        "The scene this leads to; the scene's own next when left out.", example="next: thu-origin"))
    # Required, as a decision that scores nothing is usually an oversight, but with a fallback
    # so that a choice left without it is still built and the rest of the pack still checked.
    effects: Mapping[str, float] = field(default_factory=dict, metadata=doc(
        "Points added to score tracks, e.g. {tradecraft: 2}; {} for a choice that scores "
        "nothing on purpose.",
        example="effects: {tradecraft: 2, judgement: 1, escalation: 0}", required=True,
        how_to_write="Write the points after 'effects:', e.g. 'effects: {tradecraft: 2}', or "
                     "'effects: {}' when the choice scores nothing on purpose."))
    feedback: str = field(default="", metadata=doc(
        "Why this was a strong or weak call, in Markdown.",
        example="feedback: Precise and complete. You kept the troops and the contractor apart."))
    set: tuple[str, ...] = field(default=(), metadata=doc(
        "Flags this choice sets.", example="set: [cited-holds]"))
    if_: Condition | None = field(default=None, metadata=doc(
        "Offer this choice only when this holds.", yaml="if",
        example="if: {flags: [casualties-flagged]}"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Pair:
    """In a match question: an item on the left and the item on the right that goes with it."""

    left: str = field(metadata=doc(
        "The item on the left, e.g. a claim.",
        example='left: "The drone was made in Iran."'))
    right: str = field(metadata=doc(
        "The item on the right it goes with, e.g. who made the claim.",
        example="right: US intelligence"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Question:
    """A recall question on the article's facts, or a forecast the story settles later."""

    id: str = field(metadata=doc("A short unique name, e.g. q-hasakah-toll.",
                                 example="id: q-hasakah-troops"))
    type: str = field(metadata=doc("The kind of question.", choices=QUESTION_TYPES,
                                   example="type: numeric"))
    ask: str = field(metadata=doc(
        "The question as the player reads it.",
        example="ask: How many US troops did the Hasakah drone strike kill?"))
    source: str = field(metadata=doc(
        "The article's own words that hold the answer.",
        example='source: "the northeast Syrian city of Hasakah"'))
    explanation: str = field(metadata=doc(
        "Shown after answering: why the answer is right, in Markdown.",
        example="explanation: Five US troops died. With the contractor that makes six Americans."))
    # None until __post_init__ gives the kind's default: 1, or 2 for a forecast.
    points: float = field(default=None, metadata=doc(  # type: ignore[assignment]
        "Points for a fully right answer: 1 when left out (2 for a forecast, whose most is "
        "for a confident forecast that comes true).", example="points: 2"))
    asks_again: str | None = field(default=None, metadata=doc(
        "Spaced retrieval: the id of a question on an earlier day whose fact this one asks "
        "again, reworded. It is asked only to a player who did not get that question fully "
        "right on the first try, and is worth a share of its points (give it fewer points).",
        example="asks_again: q-hasakah-troops"))
    options: tuple[str, ...] = field(default=(), metadata=doc(
        "single-choice and multiple-select: the options to pick from.",
        example="options: [An American contractor, A US diplomat, A Syrian interpreter]"))
    answer: Scalar | None = field(default=None, metadata=doc(
        "single-choice: the right option's text; numeric: the number; "
        "short-text: the expected answer; true-false: true or false.",
        example="answer: An American contractor"))
    answers: tuple[str, ...] = field(default=(), metadata=doc(
        "multiple-select: the texts of all the right options.",
        example="answers: [The drone was operated by Syrian militia groups, "
                "The drone was of Iranian origin]"))
    hint: str = field(default="", metadata=doc(
        "A nudge a player may ask for in practice mode, at a cost in points. Point to where "
        "the answer is; do not give it away.",
        example="hint: Count the troops only, not the contractor."))
    also_accept: tuple[str, ...] = field(default=(), metadata=doc(
        "short-text: other answers that count as right.",
        example="also_accept: [Al-Hasakah, Al Hasakah, Hasaka]"))
    typos: bool = field(default=True, metadata=doc(
        "short-text: false to take only the exact words (case, punctuation, spaces and "
        "articles aside), where a near miss is another name. By default a typo or two counts, "
        "by the answer's length (see the authoring guide).",
        example="typos: false"))
    near_misses: tuple[str, ...] = field(default=(), metadata=doc(
        "short-text: wrong answers that look like the right one (another place, another "
        "person). Typed, they score nothing, and a typo nearer to one of them is not forgiven.",
        example="near_misses: [Syrian state TV]"))
    tolerance: float = field(default=0, metadata=doc(
        "numeric: how far from the answer still counts as right.", example="tolerance: 1"))
    unit: str | None = field(default=None, metadata=doc(
        "numeric: the unit shown after the box.", example="unit: US troops"))
    order: tuple[str, ...] = field(default=(), metadata=doc(
        "timeline: the events in their true order, earliest first.",
        example="order: [The US receives reports of a drone strike in Hasakah, "
                "Several US airstrikes hit two facilities in eastern Syria]"))
    pairs: tuple[Pair, ...] = field(default=(), metadata=doc(
        "match: 3 to 6 items on the left, each with the item on the right it goes with. The "
        "player sees both sides shuffled.",
        example="pairs: [{left: The drone was of Iranian origin, right: US intelligence}, "
                "{left: No Iranian nationals were killed, right: Iranian state TV}, "
                "{left: There have been no more clashes since Friday, right: the DoD}]"))
    extra: tuple[str, ...] = field(default=(), metadata=doc(
        "match: more items on the right that go with nothing on the left, to choose among.",
        example="extra: [Syrian state media]"))
    reuse: bool = field(default=False, metadata=doc(
        "match: true when one item on the right may go with more than one on the left (and "
        "the player may use it more than once).", example="reuse: true"))
    outcome: bool | None = field(default=None, metadata=doc(
        "forecast: what the story settles, true if it happens, false if it does not.",
        example="outcome: true"))
    resolves_in: str = field(default="", metadata=doc(
        "forecast: the id of the later scene whose arrival settles it (shows the outcome and "
        "scores it); a player whose route never gets there has it settled at the end.",
        example="resolves_in: fri-strikes"))
    resolution: str = field(default="", metadata=doc(
        "forecast: what happened, in Markdown, shown when it is settled.",
        example="resolution: The US sent several airstrikes into eastern Syria."))
    track: str = field(default="", metadata=doc(
        "forecast: the graded decision track it scores on; judgement when left out.",
        example="track: judgement"))
    skills: tuple[str, ...] = field(default=(), metadata=doc(
        "The skills this question exercises, by id (listed under skills in pack.yaml): the "
        "class report shows each student's mastery of each skill, and the gain per skill "
        "between the pre-check and the post-check.", example="skills: [sourcing, precision]"))
    locs: Mapping[str, Loc] = _locs()

    def __post_init__(self) -> None:
        if self.points is None:  # frozen: set once, as the dataclass's own __init__ would
            kind = KINDS.get(self.type)
            object.__setattr__(self, "points", kind.default_points if kind else 1.0)


@dataclass(frozen=True)
class GlossaryEntry:
    """A term the notebook explains."""

    term: str = field(metadata=doc("The term, e.g. IRGC.", example="term: Al-Omar oil field"))
    meaning: str = field(metadata=doc(
        "What it means.",
        example="meaning: The US Department of Defense, headquartered at the Pentagon."))
    source: str = field(default="", metadata=doc(
        "The article's exact words that the meaning is taken from, when it is; checked against "
        "the article like every other source.",
        example='source: "the US Department of Defense"'))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class AssessmentPart:
    """One line of an ending's assessment, shown only when its condition holds for this player."""

    text: str = field(metadata=doc(
        "The line, in Markdown; shown as an item of a list.",
        example="text: You kept Iranian origin as US intelligence's assessment, not a fact."))
    if_: Condition | None = field(default=None, metadata=doc(
        "Show this line only when this holds, e.g. a choice the player made. Without it the "
        "line is always shown.", yaml="if", example="if: {chose: [thu-origin.attribute]}"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class AssessmentSection:
    """A list of parts under a lead line; left out when none of its parts holds."""

    lead: str = field(metadata=doc(
        "The line shown above the parts, e.g. 'Where it slipped:'.",
        example='lead: "Where it slipped:"'))
    parts: tuple[AssessmentPart, ...] = field(metadata=doc(
        "The lines of this list, each shown only when its if holds.",
        example="parts: [{text: You added the two casualty counts into one total., "
                "if: {chose: [sat-casualty-dig.sum-25]}}]"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Assessment:
    """An ending's assessment built from parts, each shown only when it holds for this player."""

    heading: str = field(default="", metadata=doc(
        "The assessment's heading.", example='heading: "Assessment: sound, with lapses"'))
    opening: str = field(default="", metadata=doc(
        "Markdown shown first, to every player who reaches this ending: say only what every "
        "path here has earned.",
        example="opening: Your key judgement was calibrated."))
    parts: tuple[AssessmentPart, ...] = field(default=(), metadata=doc(
        "Lines shown as one list, each only when its if holds.",
        example="parts: [{text: You kept Iranian origin as US intelligence's assessment., "
                "if: {chose: [thu-origin.attribute]}}]"))
    sections: tuple[AssessmentSection, ...] = field(default=(), metadata=doc(
        "More lists after the parts, each with a lead line; a list none of whose parts holds "
        "is left out, lead and all.",
        example='sections: [{lead: "Where it slipped:", parts: [{text: You used the 19 alone., '
                'if: {flags: [picked-19]}}]}]'))
    closing: str = field(default="", metadata=doc(
        "Markdown shown last, to every player who reaches this ending.",
        example="closing: Check the feedback on each decision below."))
    locs: Mapping[str, Loc] = _locs()

    def texts(self):
        """Every text in it, with the model it belongs to and its field: for checks on words."""
        for name in ("heading", "opening", "closing"):
            yield self, name, getattr(self, name)
        for section in self.sections:
            yield section, "lead", section.lead
        for part in self.all_parts():
            yield part, "text", part.text

    def all_parts(self) -> tuple[AssessmentPart, ...]:
        return (*self.parts, *(p for section in self.sections for p in section.parts))


@dataclass(frozen=True)
class Scene:
    """One moment of the week: text to read, facts, questions, then a decision or a way on."""

    id: str = field(metadata=doc("A short unique name, e.g. thu-flash-hasakah.",
                                 example="id: thu-flash"))
    day: str = field(metadata=doc("The day, exactly as listed under days in pack.yaml.",
                                  example="day: Thursday 23 March"))
    time: str = field(metadata=doc("The time label, e.g. 07:40 or Late evening.",
                                   example='time: "21:10"'))
    title: str = field(metadata=doc("The scene's heading.",
                                    example="title: Flash traffic from Hasakah"))
    body: str = field(metadata=doc(
        "What the player reads, in Markdown.",
        example="body: Sam reads you the first report, a drone strike in **Hasakah**."))
    facts: tuple[Fact, ...] = field(default=(), metadata=doc(
        "Facts added to the notebook.",
        example="facts: [{id: drone-fleet, text: Iran controls the largest drone fleet in the "
                "Middle East., status: claimed, claimed_by: US defense leaders, source: "
                "\"according to US defense leaders\"}]"))
    glossary: tuple[GlossaryEntry, ...] = field(default=(), metadata=doc(
        "Terms explained from this scene on: the notebook shows them once the player gets "
        "here. Terms needed from the start go in pack.yaml's glossary.",
        example="glossary: [{term: Justin Trudeau, meaning: Prime Minister of Canada at the "
                "time of the article.}]"))
    questions: tuple[Question, ...] = field(default=(), metadata=doc(
        "Recall questions asked after the body, before the choices.",
        example="questions: [{id: q-hasakah-troops, type: numeric, ask: \"How many US troops "
                "died?\", answer: 5, source: \"five US troops\", explanation: Five.}]"))
    choices: tuple[Choice, ...] = field(default=(), metadata=doc(
        "The decision; leave out for a scene that simply goes on.",
        example="choices: [{text: Attribute it to US intelligence, next: thu-capability, "
                "effects: {tradecraft: 2}}, {text: Leave Iran out, next: thu-capability}]"))
    prompt: str = field(default="", metadata=doc(
        "For a decision: the question it puts to the player, shown just above the choices "
        "(the scene's text may have scrolled out of sight by then).",
        example="prompt: What goes in the first line of your flash report?"))
    next: Union[str, tuple[Route, ...], None] = field(default=None, metadata=doc(
        "Where to go next: a scene id, or a list of routes tried in order.",
        example="next: [{to: sun-correction, if: {flags: [cited-holds]}}, {to: mon-casualties}]"))
    what_happened: Outcome | None = field(default=None, metadata=doc(
        "For a decision: what the article reports happened.",
        example="what_happened: {text: The toll was five US troops and a contractor., "
                "source: \"five US troops and an American contractor\"}"))
    notes: str = field(default="", metadata=doc(
        "Facilitator notes for a teacher, in Markdown; not scored.",
        example="notes: Ask the class to write the first line in under 20 words."))
    discuss: tuple[str, ...] = field(default=(), metadata=doc(
        "Discussion prompts for the class, shown in presenter mode and in the handout.",
        example="discuss: [\"What would you need to know before calling the drone Iranian?\"]"))
    ending: bool = field(default=False, metadata=doc(
        "True when the week ends here.", example="ending: true"))
    skills: tuple[str, ...] = field(default=(), metadata=doc(
        "For a decision: the skills it exercises, by id (listed under skills in pack.yaml); "
        "the class report counts the points of the choice taken, of the best on offer, "
        "toward each student's mastery of them.", example="skills: [attribution]"))
    assessment: Union[str, Assessment] = field(default="", metadata=doc(
        "For an ending: the assessment shown at the debrief. Either Markdown, the same for "
        "every player, or parts shown only when they hold for this player (see Assessment).",
        example="assessment: Your week's work would hold up under scrutiny."))
    locs: Mapping[str, Loc] = _locs()

    @property
    def is_decision(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class Band:
    """A grade band: at or above ``min`` percent earns ``label``."""

    min: float = field(metadata=doc("The lowest percent that earns this band.",
                                    example="min: 85"))
    label: str = field(metadata=doc("The band's name, e.g. A or Sound analysis.",
                                    example='label: "A: Outstanding analysis"'))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Track:
    """A score track. Decisions add to it through their effects; recall is the track 'recall'."""

    id: str = field(metadata=doc("A short unique name, e.g. tradecraft.",
                                 example="id: tradecraft"))
    name: str = field(metadata=doc("The name players see.", example="name: Escalation risk"))
    description: str = field(default="", metadata=doc(
        "What this track measures.",
        example="description: Sourcing and precision, and not stating more than the evidence "
                "holds."))
    graded: bool = field(default=True, metadata=doc(
        "Whether it counts toward the overall grade.", example="graded: false"))
    bands: tuple[Band, ...] = field(default=(), metadata=doc(
        "Labels by percent of the points that were on offer.",
        example='bands: [{min: 85, label: "Exemplary: every claim carries its source"}, '
                '{min: 0, label: "Needs work: claims passed on as facts"}]'))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Skill:
    """A skill the pack's questions and decisions exercise, for the class report."""

    id: str = field(metadata=doc("A short unique name, e.g. sourcing.", example="id: sourcing"))
    name: str = field(metadata=doc("The name the report shows.",
                                   example="name: Sourcing"))
    description: str = field(default="", metadata=doc(
        "What the skill is, for the teacher.",
        example="description: Saying who a claim comes from."))
    locs: Mapping[str, Loc] = _locs()


# checks: post: this word asks the pre-check's own items again, their options (and the items)
# in another order, from the game's seed.
SAME_REORDERED = "same-reordered"


@dataclass(frozen=True)
class Checks:
    """A short check before the week and after it, to measure what the week taught. Its items
    are recall questions of every kind but forecast; they score nothing in the game and show no
    answer until the post-check is done."""

    pre: tuple[Question, ...] = field(metadata=doc(
        "The items asked after the intro, before the first scene.",
        example="pre: [{id: pre-villages, type: numeric, ask: \"How many villages flooded?\", "
                "answer: 3, source: \"flooding three villages\", explanation: Three.}]"))
    post: Union[str, tuple[Question, ...]] = field(metadata=doc(
        f"The items asked after the last scene, before the debrief: either {SAME_REORDERED} "
        "(the pre-check's items again, items and options in another order), or a list of "
        "parallel items, the first paired with the first pre item, and so on (as many as pre).",
        example=f"post: {SAME_REORDERED}"))
    locs: Mapping[str, Loc] = _locs()

    @property
    def post_items(self) -> tuple[Question, ...]:
        return self.pre if isinstance(self.post, str) else self.post

    @property
    def same_items(self) -> bool:
        return isinstance(self.post, str)

    def items(self, stage: str) -> tuple[Question, ...]:
        """The items of the stage, "pre" or "post", in the pack's order."""
        return self.pre if stage == PRE else self.post_items


PRE, POST = "pre", "post"


@dataclass(frozen=True, kw_only=True)  # keyword-only: the id, first, may be left out
class Manifest:
    """pack.yaml: what the pack is and how it is scored."""

    id: str = field(default="", metadata=doc(
        "The pack's id, which saves and result files know it by; its folder's name when left "
        "out. It may differ from the folder's name.", example="id: week-of-march-23"))
    title: str = field(metadata=doc("The title on the title screen.",
                                    example='title: "Hit for Hit: A Week on the Syria Desk"'))
    role: str = field(metadata=doc("Who the player is, e.g. Pentagon analyst.",
                                   example="role: Pentagon analyst"))
    source: str = field(metadata=doc("The seed article's file name, in seeds/ or this folder.",
                                     example="source: article.txt"))
    start: str = field(metadata=doc("The id of the first scene.", example="start: thu-flash"))
    days: tuple[str, ...] = field(metadata=doc(
        "The days of the campaign, in order.",
        example="days: [Thursday 23 March, Friday 24 March, Saturday 25 March]"))
    tracks: tuple[Track, ...] = field(metadata=doc(
        "The score tracks.",
        example="tracks: [{id: tradecraft, name: Tradecraft}, "
                "{id: escalation, name: Escalation risk, graded: false}]"))
    grades: tuple[Band, ...] = field(metadata=doc(
        "Overall grade bands, by percent across the graded tracks.",
        example='grades: [{min: 85, label: "A: Outstanding analysis"}, '
                '{min: 0, label: "E: The memo would mislead its readers"}]'))
    version: str = field(default="1", metadata=doc(
        "The pack's version; bump it on changes. A new first number is a new edition: a "
        "game saved with another edition cannot go on, and is kept aside.",
        example='version: "2.0.0"'))
    format: int = field(default=1, metadata=doc(
        f"The version of the scene format the pack is written in; {CURRENT_FORMAT} is today's. "
        "A pack without it is read as format 1, as it was written before, with a warning for "
        "each thing that has a new name; `briefing upgrade PACK` rewrites it.",
        example=f"format: {CURRENT_FORMAT}"))
    intro: str = field(default="", metadata=doc(
        "Markdown shown before the first scene.",
        example="intro: You are an analyst on a regional desk at the **Pentagon**."))
    glossary: tuple[GlossaryEntry, ...] = field(default=(), metadata=doc(
        "Terms explained, in the notebook from the start. A term first needed later can go in "
        "that scene's glossary instead.",
        example='glossary: [{term: DoD, meaning: "The US Department of Defense, headquartered '
                'at the Pentagon."}]'))
    other_reporting: tuple[OtherReport, ...] = field(default=(), metadata=doc(
        "What other reporting said about the article's claims, each item with its citation "
        "and the fact it bears on; shown after the week, never a question's source.",
        example="other_reporting: [{outlet: The Hill, date: 23 March 2023, title: US contractor "
                "killed, quote: \"A U.S. contractor was killed\", bears_on: hasakah-toll}]"))
    skills: tuple[Skill, ...] = field(default=(), metadata=doc(
        "The skills that questions, decisions and check items name in their skills, each "
        "with the name the class report shows.",
        example="skills: [{id: sourcing, name: Sourcing}, {id: attribution, name: Attribution}]"))
    checks: Checks | None = field(default=None, metadata=doc(
        "A short check before the week and after it (see Checks): the class report shows each "
        "student's gain, and the class's effect size.",
        example="checks: {pre: [{id: pre-day, type: true-false, ask: The river rose on "
                "Monday., answer: true, source: rose on Monday, explanation: Monday.}], "
                f"post: {SAME_REORDERED}}}"))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class SceneFile:
    """A scene file: a list of scenes under ``scenes:``."""

    scenes: tuple[Scene, ...] = field(metadata=doc(
        "The scenes in this file.",
        example='scenes: [{id: thu-flash, day: Thursday 23 March, time: "21:10", title: Flash '
                'traffic from Hasakah, body: A drone strike in Hasakah., next: thu-origin}]'))
    locs: Mapping[str, Loc] = _locs()


@dataclass(frozen=True)
class Pack:
    """A compiled pack: the manifest, every scene by id, and the seed text."""

    manifest: Manifest
    scenes: Mapping[str, Scene]
    seed_text: str
    root: str
    content_hash: str = ""  # of the files compiled, "sha256:<16 hex digits>"

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

    @property
    def checks(self) -> Checks | None:
        return self.manifest.checks

    @cached_property
    def skill_names(self) -> Mapping[str, str]:
        """Every skill named in the pack, by id: its name from the skills table, or its id."""
        names = {skill.id: skill.name for skill in self.manifest.skills}
        checks = self.manifest.checks
        items = (*self.questions().values(), *(checks.pre + checks.post_items if checks else ()))
        for tags in (*(q.skills for q in items), *(s.skills for s in self.scenes.values())):
            for tag in tags:
                names.setdefault(tag, tag)
        return MappingProxyType(names)

    @cached_property
    def scenes_asking_again(self) -> frozenset[str]:
        """The scenes with a question that only some players are asked (``asks_again``): every
        other scene asks all its questions, which the engine can then take without a look."""
        return frozenset(s.id for s in self.scenes.values()
                         if any(q.asks_again for q in s.questions))


RECALL_TRACK = "recall"
