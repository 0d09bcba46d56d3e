"""All mutable progress in one versioned object that round-trips through JSON (as ink's StoryState)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import IncompatibleSave
from ..file_fields import FieldProblem, is_int, is_number, read_records
from .modes import Mode

# 2: who is playing, in which mode; attempts and hints on answers. 3: forecasts (an answer's
# track and the scene that settles it, the forecasts settled so far). A version-2 save reads
# as it is (its answers are all recall, settled when given).
# 4: the pre/post check (with_checks, check_answers), written only by a game that has one,
# so a save without it still opens in a version-3 game.
FORMAT_VERSION = 4
MIN_COMPATIBLE_VERSION = 3  # a version-2 game would refuse the new fields, so it must say why
MIN_COMPATIBLE_WITH_CHECKS = 4

MODES = tuple(Mode)


@dataclass(frozen=True)  # shared with the result files built from this state
class DecisionRecord:
    """A choice the player made, with what it was worth and what was on offer."""

    scene: str
    choice: int  # index in the scene's authored choices
    text: str
    effects: dict[str, float]
    available: dict[str, float]  # the best each track could have gained at this decision
    at: str
    choice_id: str = ""  # the choice's id in its scene, when it has one (what `chose:` names)


@dataclass(frozen=True)  # shared with the result files built from this state
class AnswerRecord:
    """An answer the player gave and how it was graded."""

    scene: str
    question: str
    response: Any
    points: float
    max_points: float
    correct: bool
    at: str
    attempt: int = 1  # 2 for a practice-mode retry
    hinted: bool = False  # the hint was shown before this answer
    track: str = "recall"  # the track its points go to (a forecast's decision track)
    # A forecast: the scene whose arrival settles it; its points count only once it is
    # settled (GameState.settled). "" for an answer that counts as soon as it is given.
    resolves_in: str = ""


@dataclass
class GameState:
    pack_id: str
    pack_version: str
    seed: int
    scene: str
    question_index: int = 0
    visited: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    notebook: list[str] = field(default_factory=list)
    decisions: list[DecisionRecord] = field(default_factory=list)
    answers: list[AnswerRecord] = field(default_factory=list)
    ended: bool = False
    started_at: str = ""
    # Who is playing and how (classroom play; empty for someone playing on their own).
    mode: Mode = Mode.PRACTICE
    class_code: str = ""
    player: str = ""  # the display name, exactly as typed
    same_order: bool = False  # options in one order for the whole class
    attempt_id: str = ""  # names this attempt's result file; unique per game started
    hints: list[str] = field(default_factory=list)  # questions whose hint has been shown
    settled: list[str] = field(default_factory=list)  # forecasts settled so far, in order
    # An author's preview started with these totals (play --from SCENE --totals TRACK=N); they
    # count before any record. Empty in every player's game.
    preset_totals: dict[str, float] = field(default_factory=dict)
    # The pack's pre/post check is asked in this game (a new game of a pack with one, not an
    # author's preview nor a presenter's game); its answers are kept apart from ``answers``,
    # so they score nothing in the game. Each record's ``scene`` is its stage, pre or post.
    with_checks: bool = False
    check_answers: list[AnswerRecord] = field(default_factory=list)
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict:
        data = asdict(self)
        data["min_compatible_version"] = MIN_COMPATIBLE_VERSION
        if not data["preset_totals"]:  # only a preview's save has it, so a player's save
            del data["preset_totals"]  # still opens in the version before previews had it
        if self.with_checks or self.check_answers:
            data["min_compatible_version"] = MIN_COMPATIBLE_WITH_CHECKS
        else:  # a game without a check saves as before, and opens in a version-3 game
            del data["with_checks"], data["check_answers"]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: Any) -> "GameState":
        if not isinstance(data, dict):
            raise IncompatibleSave("the save is not a JSON object")
        version = data.get("format_version")
        if not is_int(version) or not is_int(data.get("min_compatible_version", version)):
            raise IncompatibleSave("the save has no format version")
        if data.get("min_compatible_version", version) > FORMAT_VERSION:
            raise IncompatibleSave(
                f"the save needs a newer game (save format {version}, this game reads "
                f"up to {FORMAT_VERSION})"
            )
        try:
            fields = {k: v for k, v in data.items() if k != "min_compatible_version"}
            fields["decisions"] = read_records(DecisionRecord, data.get("decisions", []),
                                               "decisions")
            fields["answers"] = read_records(AnswerRecord, data.get("answers", []), "answers")
            fields["check_answers"] = read_records(AnswerRecord, data.get("check_answers", []),
                                                   "check_answers")
            # a plain word in the file ("exam"); anything else is left for shape_problem
            fields["mode"] = Mode.parse(data.get("mode", Mode.PRACTICE)) or data.get("mode")
            state = cls(**fields)
        except FieldProblem as exc:
            raise IncompatibleSave(f"the save's {exc}") from None
        except (TypeError, ValueError) as exc:
            raise IncompatibleSave(f"the save's fields are not as expected ({exc})") from None
        problem = state.shape_problem()
        if problem:
            raise IncompatibleSave(f"the save's {problem}")
        state.format_version = FORMAT_VERSION
        return state

    def shape_problem(self) -> str:
        """What is wrong with the types of a state read from a file, or '' when nothing is."""
        texts = [self.pack_id, self.pack_version, self.scene, self.started_at, self.class_code,
                 self.player, self.attempt_id]
        lists = [self.visited, self.flags, self.notebook, self.hints, self.settled]
        if not all(isinstance(t, str) for t in texts):
            return "pack, version or scene is not text"
        if not is_int(self.seed) or not is_int(self.question_index) or self.question_index < 0:
            return "seed or question number is not a whole number"
        if not all(isinstance(x, bool) for x in (self.ended, self.same_order, self.with_checks)):
            return "'ended', 'same_order' or 'with_checks' is not true or false"
        if not isinstance(self.mode, Mode):
            return f"mode is not one of {', '.join(MODES)}"
        if not all(isinstance(x, list) and all(isinstance(i, str) for i in x) for x in lists):
            return "visited scenes, flags or notebook are not lists of text"
        if not isinstance(self.preset_totals, dict) or not all(
                isinstance(k, str) and is_number(v) for k, v in self.preset_totals.items()):
            return "preset totals are not numbers by track"
        return ""  # decisions and answers are checked field by field as they are read

    @classmethod
    def from_json(cls, text: str) -> "GameState":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise IncompatibleSave(f"the save is not valid JSON ({exc})") from None
        return cls.from_dict(data)

