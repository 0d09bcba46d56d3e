"""The host API, in the shape of ink's Story: the scene, what is on offer, choose, answer, the phase."""

from __future__ import annotations

import enum
import random
from hashlib import blake2b
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from ..content.models import Choice, Pack, Question, Scene
from .conditions import holds
from .errors import IncompatibleSave, InvalidChoice, WrongPhase
from .grading import Grade, grade
from .scoring import Scorecard, scorecard, totals
from .state import AnswerRecord, DecisionRecord, GameState

CONTINUE_TEXT = "Continue"


class Phase(enum.Enum):
    AWAITING_ANSWER = "awaiting answer"
    AWAITING_CHOICE = "awaiting choice"
    ENDED = "ended"


@dataclass(frozen=True)
class ChoiceOption:
    """A choice as offered: its text, and its index in the scene's authored choices."""

    text: str
    authored_index: int  # -1 for the plain Continue of a scene with no decision

    @property
    def is_continue(self) -> bool:
        return self.authored_index < 0


@dataclass(frozen=True)
class PresentedQuestion:
    """The current question with its options in this game's shuffled order."""

    question: Question
    options: tuple[str, ...]  # single-choice / multiple-select options, or timeline events
    number: int  # 1-based within the scene
    of: int


@dataclass(frozen=True)
class ChoiceOutcome:
    choice: Choice | None
    next_scene: str


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


class Story:
    """Runs one playthrough of a pack. All progress lives in ``self.state``."""

    def __init__(self, pack: Pack, state: GameState | None = None, *, seed: int | None = None,
                 clock: Callable[[], str] = utc_now, start: str | None = None):
        """A new game (at ``start``, for previews, or the pack's start scene), or a saved one."""
        self.pack = pack
        self.clock = clock
        # Derived from the state, kept only to avoid recomputing it on every look (playtests
        # play thousands of games); each is keyed by what it depends on.
        self._orders: dict[str, tuple[str, ...]] = {}
        self._offered_cache: tuple[tuple, list] = ((), [])
        self._totals_cache: tuple[tuple, dict] | None = None
        if state is None:
            first = start or pack.manifest.start
            if first not in pack.scenes:
                raise InvalidChoice(f"the pack has no scene '{first}'")
            state = GameState(pack_id=pack.id, pack_version=pack.manifest.version,
                              seed=new_seed() if seed is None else seed,
                              scene=first, started_at=clock())
            self.state = state
            self._enter(first)
        else:
            self.check_resumable(pack, state)
            self.state = state

    @staticmethod
    def check_resumable(pack: Pack, state: GameState) -> None:
        if state.pack_id != pack.id:
            raise IncompatibleSave(f"the save is for the pack '{state.pack_id}', not '{pack.id}'")
        if state.scene not in pack.scenes:
            raise IncompatibleSave(f"the saved scene '{state.scene}' is no longer in the pack")
        if state.question_index > len(pack.scenes[state.scene].questions):
            raise IncompatibleSave(f"the scene '{state.scene}' has changed since the save")

    # -- what the player sees -------------------------------------------------------------

    @property
    def scene(self) -> Scene:
        return self.pack.scenes[self.state.scene]

    @property
    def phase(self) -> Phase:
        state = self.state
        if state.ended:
            return Phase.ENDED
        if state.question_index < len(self.pack.scenes[state.scene].questions):
            return Phase.AWAITING_ANSWER
        return Phase.AWAITING_CHOICE

    @property
    def choices(self) -> list[ChoiceOption]:
        """What the player may pick now, in this game's order; empty unless a choice is due."""
        if self.phase is not Phase.AWAITING_CHOICE:
            return []
        offered = self._offered()
        if not offered:  # no decision here, or none whose condition holds: the scene's next
            return [ChoiceOption(CONTINUE_TEXT, -1)]
        return [ChoiceOption(c.text, i) for i, c in offered]

    @property
    def question(self) -> PresentedQuestion | None:
        if self.phase is not Phase.AWAITING_ANSWER:
            return None
        questions = self.scene.questions
        q = questions[self.state.question_index]
        return PresentedQuestion(q, self.shuffled_options(q), self.state.question_index + 1,
                                 len(questions))

    def shuffled_options(self, q: Question) -> tuple[str, ...]:
        """Options in an order fixed by the game's seed, so a replay shows the same order."""
        key = f"{self.state.seed}/{q.id}"
        if key not in self._orders:
            self._orders[key] = self._shuffle(q, key)
        return self._orders[key]

    @staticmethod
    def _shuffle(q: Question, key: str) -> tuple[str, ...]:
        if q.type == "true-false":
            return ("True", "False")
        if q.type == "timeline":
            items = seeded_order(q.order, key)
            if items == q.order and len(items) > 1:
                items = items[1:] + items[:1]  # never hand out the answer already in order
            return items
        return seeded_order(q.options, key)

    def scorecard(self) -> Scorecard:
        return scorecard(self.pack, self.state)

    # -- what the player does -------------------------------------------------------------

    def answer(self, response: Any) -> Grade:
        """Answer the current question; raises WrongPhase or InvalidAnswer."""
        phase = self.phase
        if phase is not Phase.AWAITING_ANSWER:
            raise WrongPhase(f"no question is waiting (the story is {phase.value})")
        scene = self.scene
        question = scene.questions[self.state.question_index]  # grading needs no option order
        result = grade(question, response)
        self.state.answers.append(AnswerRecord(
            scene=scene.id, question=question.id, response=jsonable(response),
            points=result.points, max_points=result.max_points, correct=result.correct,
            at=self.clock()))
        self.state.question_index += 1
        self._settle()
        return result

    def choose(self, index: int) -> ChoiceOutcome:
        """Take the choice at ``index`` in ``choices``; raises WrongPhase or InvalidChoice."""
        if self.phase is not Phase.AWAITING_CHOICE:
            raise WrongPhase(f"no choice is waiting (the story is {self.phase.value})")
        options = self.choices
        if not isinstance(index, int) or not 0 <= index < len(options):
            raise InvalidChoice(f"choice {index} is not on offer (0 to {len(options) - 1})")
        picked = options[index]
        scene = self.scene
        choice = None if picked.is_continue else scene.choices[picked.authored_index]
        if choice is not None:
            self._record_decision(scene, choice, picked.authored_index)
        target = (choice.next if choice and choice.next else None) or self._route(scene)
        self._enter(target)
        return ChoiceOutcome(choice, target)

    # -- inside -----------------------------------------------------------------------------

    def _totals(self) -> dict[str, float]:
        """Points per track so far, worked out again only after a new decision or answer."""
        state = self.state
        key = (len(state.decisions), len(state.answers))
        if self._totals_cache is None or self._totals_cache[0] != key:
            self._totals_cache = (key, totals(state))
        return self._totals_cache[1]

    def _offered(self) -> list[tuple[int, Choice]]:
        state = self.state
        key = (state.scene, len(state.decisions), len(state.answers), len(state.flags),
               len(state.visited))
        if self._offered_cache[0] != key:
            scores = self._totals()
            offered = [(i, c) for i, c in enumerate(self.scene.choices)
                       if holds(c.if_, state, scores)]
            order = {text: n for n, text in enumerate(seeded_order(
                tuple(c.text for _, c in offered), f"{state.seed}/{self.scene.id}"))}
            offered.sort(key=lambda pair: order[pair[1].text])
            self._offered_cache = (key, offered)
        return list(self._offered_cache[1])

    def _record_decision(self, scene: Scene, choice: Choice, authored_index: int) -> None:
        best: dict[str, float] = {}
        for _, offered in self._offered():
            for track, value in offered.effects.items():
                best[track] = max(best.get(track, 0.0), float(value))
        self.state.decisions.append(DecisionRecord(
            scene=scene.id, choice=authored_index, text=choice.text,
            effects={k: float(v) for k, v in choice.effects.items()},
            available={k: v for k, v in best.items() if v > 0}, at=self.clock()))
        for flag in choice.set:
            if flag not in self.state.flags:
                self.state.flags.append(flag)

    def _route(self, scene: Scene) -> str:
        if isinstance(scene.next, str):
            return scene.next
        scores = self._totals()
        for route in scene.next or ():
            if holds(route.if_, self.state, scores):
                return route.to
        raise InvalidChoice(f"no route out of '{scene.id}' holds")  # the loader warns of this

    def _enter(self, scene_id: str) -> None:
        self.state.scene = scene_id
        self.state.question_index = 0
        self.state.visited.append(scene_id)
        for fact in self.pack.scenes[scene_id].facts:
            if fact.id not in self.state.notebook:
                self.state.notebook.append(fact.id)
        self._settle()

    def _settle(self) -> None:
        """An ending with no questions left is the end of the story."""
        if self.scene.ending and self.state.question_index >= len(self.scene.questions):
            self.state.ended = True


def seeded_order(items: tuple[str, ...], key: str) -> tuple[str, ...]:
    """A shuffle fixed by ``key``: each item sorts by a hash of the key and its text.

    Cheaper than seeding a Mersenne Twister per question, and the same on every platform and
    Python version (random.Random's seeding from a string is not promised to stay).
    """
    return tuple(sorted(items, key=lambda item: blake2b(f"{key}/{item}".encode(),
                                                        digest_size=8).digest()))


def jsonable(response: Any) -> Any:
    if isinstance(response, (tuple, set, frozenset)):
        return list(response)
    return response
