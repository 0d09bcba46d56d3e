"""The host API, in the shape of ink's Story: the scene, what is on offer, choose, answer, the phase."""

from __future__ import annotations

import dataclasses
import enum
import random
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, NamedTuple

from ..content.kinds import Presented, kind_of, seeded_order
from ..content.models import RECALL_TRACK, Choice, Pack, Question, Scene
from .conditions import holds
from .debrief import with_choice_id
from .errors import IncompatibleSave, InvalidChoice, NotAllowed, WrongPhase
from .forecasts import (SettledForecast, counts, settle_on_arrival, settle_the_rest,
                        settled_here)
from .checks import AsksChecks, CheckStage
from .grading import Grade, grade
from .modes import Mode
from .practice import HINT_MODES, RETRY_MODES, attempt_points
from .retrieval import missed_on, questions_asked
from .scoring import Scorecard, scorecard
from .state import MODES, AnswerRecord, DecisionRecord, GameState

CONTINUE_TEXT = "Continue"


class Phase(enum.Enum):
    CHECK = "awaiting a check answer"  # the pre-check first, the post-check at the end
    AWAITING_ANSWER = "awaiting answer"
    AWAITING_CHOICE = "awaiting choice"
    ENDED = "ended"


class ChoiceOption(NamedTuple):
    """A choice as offered: its text, and its index in the scene's authored choices.

    A named tuple rather than a frozen dataclass: a playtest makes hundreds of thousands.
    """

    text: str
    authored_index: int  # -1 for the plain Continue of a scene with no decision

    @property
    def is_continue(self) -> bool:
        return self.authored_index < 0


@dataclass(frozen=True)
class PresentedQuestion:
    """The current question with its options in this game's shuffled order."""

    question: Question
    options: tuple[str, ...]  # the options picked from, the events ordered, or the left side
    number: int  # 1-based within the scene
    of: int
    targets: tuple[str, ...] = ()  # match: the right-hand items
    missed_on: str = ""  # asked again: the day the player missed the question it asks again
    check: str = ""  # a check item: its stage, "pre" or "post" (see checks.py)


class ChoiceOutcome(NamedTuple):
    choice: Choice | None
    next_scene: str


class Offer(NamedTuple):
    """What is on offer at one point of the story (kept by the Story while the state stands)."""

    key: tuple
    pairs: tuple[tuple[int, Choice], ...]  # (authored index, choice), in this game's order
    options: tuple[ChoiceOption, ...]

    def available(self) -> dict[str, float]:
        """The most each track could gain from this offer, where that is above 0."""
        best: dict[str, float] = {}
        for _, choice in self.pairs:
            for track, value in choice.effects.items():
                if value > best.get(track, 0.0):
                    best[track] = float(value)
        return best


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


def major_version(version: str) -> int | None:
    """The leading number of a pack's version ("2.0.0" -> 2), None when it has none."""
    head = str(version).split(".", 1)[0].strip().lstrip("vV")
    return int(head) if head.isdigit() else None


class Story(AsksChecks):
    """Runs one playthrough of a pack. All progress lives in ``self.state``."""

    def __init__(self, pack: Pack, state: GameState | None = None, *, seed: int | None = None,
                 clock: Callable[[], str] = utc_now, start: str | None = None,
                 mode: Mode | str = Mode.PRACTICE, class_code: str = "", player: str = "",
                 same_order: bool = False, attempt_id: str = "", checks: bool = False):
        """A new game (at ``start``, for previews, or the pack's start scene), or a saved one.

        A new game records who plays and how: ``mode`` (practice, exam or presenter), the class
        code and display name, whether the class shares one option order, and the attempt id
        that names its result file, and whether it asks the pack's pre/post check (``checks``:
        the game session asks it of a student's game). A saved game brings its own (an
        author's preview, its preset totals).
        """
        self.pack = pack
        self.clock = clock
        # Derived from the state, kept only to avoid recomputing it on every look (playtests
        # play thousands of games); each is keyed by what it depends on.
        self._orders: dict[str, Presented] = {}
        self._offer_cache: Offer | None = None
        self._totals_cache: tuple[tuple, dict] | None = None
        self._sums: dict[str, float] = {}  # unrounded points per track, added as records come
        self._asked_cache: tuple[tuple, tuple[Question, ...]] | None = None
        self._check: CheckStage | None = None  # the check asked now, kept while it lasts
        if state is None:
            first = start or pack.manifest.start
            if first not in pack.scenes:
                raise InvalidChoice(f"the pack has no scene '{first}'")
            known = Mode.parse(mode)
            if known is None:
                raise InvalidChoice(f"there is no mode '{mode}' (modes: {', '.join(MODES)})")
            state = GameState(pack_id=pack.id, pack_version=pack.manifest.version,
                              seed=new_seed() if seed is None else seed,
                              scene=first, started_at=clock(), mode=known,
                              class_code=class_code, player=player, same_order=same_order,
                              attempt_id=attempt_id,
                              with_checks=checks and pack.checks is not None)
            self.state = state
            self._enter(first)
        else:
            self.check_resumable(pack, state)
            # A save from before its choices had ids: name them, so `chose:` conditions see them
            state.decisions[:] = [with_choice_id(pack, d) if not d.choice_id else d
                                  for d in state.decisions]
            self.state = state
            self._sums.update(state.preset_totals)
            for decision in state.decisions:
                self._add_points(decision.effects)
            for answer in state.answers:
                if counts(answer, state.settled):
                    self._add_points({answer.track: answer.points})

    @staticmethod
    def questions_asked(pack: Pack, state: GameState) -> tuple[Question, ...]:
        """The questions of the state's scene that this player is asked (see retrieval.py)."""
        return questions_asked(pack, pack.scenes[state.scene], state.answers)

    @staticmethod
    def check_resumable(pack: Pack, state: GameState) -> None:
        if state.pack_id != pack.id:
            raise IncompatibleSave(f"the save is for the pack '{state.pack_id}', not '{pack.id}'")
        saved, now = major_version(state.pack_version), major_version(pack.manifest.version)
        if saved is not None and now is not None and saved != now:
            # A new major version is a new edition: its scenes may keep their ids and change
            # everything else, so a game from the old one would go on with a history that no
            # longer fits (answers to questions gone, choices that score otherwise).
            raise IncompatibleSave(f"the save was made with version {state.pack_version} of the "
                                   f"pack, and this is version {pack.manifest.version}, a new "
                                   "edition")
        if state.scene not in pack.scenes:
            raise IncompatibleSave(f"the saved scene '{state.scene}' is no longer in the pack")
        if state.question_index > len(Story.questions_asked(pack, state)):
            raise IncompatibleSave(f"the scene '{state.scene}' has changed since the save")

    # -- what the player sees -------------------------------------------------------------

    @property
    def scene(self) -> Scene:
        return self.pack.scenes[self.state.scene]

    @property
    def questions(self) -> tuple[Question, ...]:
        """The current scene's questions that this player is asked, in order: all of them but
        a question asking again one the player did not miss (see retrieval.py)."""
        state = self.state
        scene = self.pack.scenes[state.scene]
        if scene.id not in self.pack.scenes_asking_again:
            return scene.questions
        key = (scene.id, len(state.visited), len(state.answers))
        if self._asked_cache is None or self._asked_cache[0] != key:
            self._asked_cache = (key, questions_asked(self.pack, scene, state.answers))
        return self._asked_cache[1]

    @property
    def phase(self) -> Phase:
        state = self.state
        if state.with_checks and self.check_stage is not None:
            return Phase.CHECK
        if state.ended:
            return Phase.ENDED
        if state.question_index < len(self.questions):
            return Phase.AWAITING_ANSWER
        return Phase.AWAITING_CHOICE

    @property
    def choices(self) -> list[ChoiceOption]:
        """What the player may pick now, in this game's order; empty unless a choice is due."""
        if self.phase is not Phase.AWAITING_CHOICE:
            return []
        return list(self._offer().options)

    @property
    def question(self) -> PresentedQuestion | None:
        q = self.pending_question
        return None if q is None else self._presented(q, self.state.question_index + 1)

    def retry_presented(self) -> PresentedQuestion | None:
        """The question open for a second try, shown as it was the first time."""
        q = self.retry_question
        return None if q is None else self._presented(q, self.state.question_index)

    def _presented(self, q: Question, number: int) -> PresentedQuestion:
        shown = self.presentation(q)
        return PresentedQuestion(q, shown.options, number, len(self.questions), shown.targets,
                                 missed_on(self.pack, q, self.state.answers))

    def presented_check(self, item: Question, number: int, of: int,
                        stage: str) -> PresentedQuestion:
        """A check item as shown: its options in an order of their own for each stage."""
        shown = self.presentation(item, f"{stage}/")
        return PresentedQuestion(item, shown.options, number, of, shown.targets, check=stage)

    @property
    def pending_question(self) -> Question | None:
        """The question waiting for an answer, without its presentation (for automatic play,
        which needs no option order and plays thousands of games). None during a check."""
        state = self.state
        if state.ended or (state.with_checks and self.check_stage is not None):
            return None
        questions = self.questions
        return questions[state.question_index] if state.question_index < len(questions) else None

    def presentation(self, q: Question, prefix: str = "") -> Presented:
        """The question's options in an order fixed by the game's seed, so a replay shows the
        same order (each kind shuffles in its own way). A check item's ``prefix`` is its stage,
        so an item asked again after the week shows its options in another order."""
        key = f"{self.state.seed}/{prefix}{q.id}"
        if key not in self._orders:
            self._orders[key] = kind_of(q).present(q, key)
        return self._orders[key]

    def totals(self) -> dict[str, float]:
        """Points earned on each track so far (as scoring.totals gives them)."""
        return dict(self._totals())

    def fork(self, assume_totals: dict[str, float] | None = None) -> "Story":
        """A copy to branch from, for tools that explore many paths.

        Records are never changed once made, so the lists are copied and the records shared.
        ``assume_totals`` makes the copy behave as if those tracks had those totals: what the
        story would do with other scores on the same path (the exhaustive playtest asks this
        where a condition reads a score). Its records then no longer add up to its totals.
        """
        state = self.state
        twin = Story.__new__(Story)
        twin.pack, twin.clock = self.pack, self.clock
        twin._orders, twin._offer_cache, twin._totals_cache = self._orders, None, None
        twin._asked_cache = self._asked_cache  # keyed by what it depends on, so still true
        twin._sums = {**self._sums, **(assume_totals or {})}
        twin.state = dataclasses.replace(
            state, visited=list(state.visited), flags=list(state.flags),
            notebook=list(state.notebook), decisions=list(state.decisions),
            answers=list(state.answers), hints=list(state.hints),
            settled=list(state.settled), check_answers=list(state.check_answers))
        return twin

    def scorecard(self) -> Scorecard:
        return scorecard(self.pack, self.state)

    @property
    def settled_here(self) -> tuple[SettledForecast, ...]:
        """The forecasts settled on arriving at this scene: each with the player's likelihood,
        the outcome and the points, for the scene to show before its body."""
        if not self.state.settled:
            return ()
        return settled_here(self.pack, self.state)

    # -- what the player does -------------------------------------------------------------

    def answer(self, response: Any) -> Grade:
        """Answer the current question; raises WrongPhase or InvalidAnswer."""
        question = self.pending_question  # grading needs no option order
        if question is None:
            raise WrongPhase(f"no question is waiting (the story is {self.phase.value})")
        state = self.state
        result = grade(question, response)
        hinted = bool(state.hints) and question.id in state.hints
        if hinted:
            result = Grade(attempt_points(result.points, retry=False, hinted=True),
                           result.max_points, result.correct)
        kind = kind_of(question)
        record = AnswerRecord(
            scene=state.scene, question=question.id, response=kind.to_json(response),
            points=result.points, max_points=result.max_points, correct=result.correct,
            at=self.clock(), hinted=hinted)
        if kind.settled_later:  # scored when the story settles it, not now
            record = dataclasses.replace(record, track=kind.track_of(question),
                                         resolves_in=question.resolves_in)
        else:
            sums = self._sums
            sums[RECALL_TRACK] = sums.get(RECALL_TRACK, 0) + result.points
        state.answers.append(record)
        state.question_index += 1
        self._settle()
        return result

    # -- practice: a second try, and hints ----------------------------------------------------

    @property
    def retry_question(self) -> Question | None:
        """The question just answered, while a second try at it is open: practice mode, not
        fully right, nothing done since, a retry could still add points, and its answer would
        not then be certain (see retry_withheld)."""
        question = self._retry_candidate()
        if question is None or not self._retry_tests(question):
            return None
        return question

    @property
    def retry_withheld(self) -> bool:
        """No second try is offered at the question just answered only because its answer
        would then be certain: one answer left (true or false, a choice of two). The feedback
        shows the answer at once and says why."""
        question = self._retry_candidate()
        return question is not None and not self._retry_tests(question)

    def _retry_candidate(self) -> Question | None:
        """The question just answered, if the mode's rules would allow a second try at it."""
        state = self.state
        if state.mode not in RETRY_MODES or not state.answers or not state.question_index:
            return None
        last = state.answers[-1]
        if last.attempt != 1 or last.correct or last.scene != state.scene:
            return None
        question = self.questions[state.question_index - 1]
        if question.id != last.question or self.retry_ceiling(question) <= last.points:
            return None
        if last.resolves_in:
            return None  # a forecast is not wrong, so there is nothing to try again
        return question

    def _retry_tests(self, question: Question) -> bool:
        return kind_of(question).retry_is_a_test(question, self.state.answers[-1].response)

    def retry_ceiling(self, question: Question) -> float:
        """The most a second try at ``question`` can earn (a hint shown cuts it too)."""
        return attempt_points(question.points, retry=True, hinted=question.id in self.state.hints)

    def retry(self, response: Any) -> Grade:
        """Answer the question just answered a second time. The record adds only what the retry
        improves on the first answer (at RETRY_SHARE of its points) and offers no new points,
        so the records still sum to the totals and nothing counts twice towards what was
        available. Returns the question's grade after both tries."""
        state = self.state
        if state.mode not in RETRY_MODES:
            raise NotAllowed(f"{state.mode} mode allows no second tries")
        question = self.retry_question
        if question is None:
            raise WrongPhase("no answer is open for a second try")
        first = state.answers[-1]
        result = grade(question, response)
        hinted = question.id in state.hints
        worth = attempt_points(result.points, retry=True, hinted=hinted)
        gain = round(max(0.0, worth - first.points), 2)
        state.answers.append(AnswerRecord(
            scene=state.scene, question=question.id,
            response=kind_of(question).to_json(response), points=gain, max_points=0.0, correct=result.correct, at=self.clock(), attempt=2,
            hinted=hinted))
        self._add_points({RECALL_TRACK: gain})
        return Grade(round(first.points + gain, 2), first.max_points, result.correct)

    def take_hint(self) -> str:
        """Show the waiting question's hint: it is recorded, and the answer to that question
        then loses HINT_COST of its points. Asking again costs nothing more."""
        state = self.state
        if state.mode not in HINT_MODES:
            raise NotAllowed(f"{state.mode} mode gives no hints")
        question = self.pending_question
        if question is None:
            raise WrongPhase(f"no question is waiting (the story is {self.phase.value})")
        if not question.hint:
            raise NotAllowed("this question has no hint")
        if question.id not in state.hints:
            state.hints.append(question.id)
        return question.hint

    def choose(self, index: int) -> ChoiceOutcome:
        """Take the choice at ``index`` in ``choices``; raises WrongPhase or InvalidChoice."""
        if self.phase is not Phase.AWAITING_CHOICE:
            raise WrongPhase(f"no choice is waiting (the story is {self.phase.value})")
        offer = self._offer()
        options = offer.options
        if not isinstance(index, int) or not 0 <= index < len(options):
            raise InvalidChoice(f"choice {index} is not on offer (0 to {len(options) - 1})")
        picked = options[index]
        scene = self.scene
        choice = None if picked.is_continue else scene.choices[picked.authored_index]
        if choice is not None:
            self._record_decision(scene, choice, picked.authored_index, offer)
        target = (choice.next if choice and choice.next else None) or self._route(scene)
        self._enter(target)
        return ChoiceOutcome(choice, target)

    # -- inside -----------------------------------------------------------------------------

    def _add_points(self, effects: dict[str, float]) -> None:
        sums = self._sums
        for track, value in effects.items():
            sums[track] = sums.get(track, 0) + value

    def _totals(self) -> dict[str, float]:
        """Points per track so far, as scoring.totals gives them (the same sums in the same
        order, then rounded), kept up as records come instead of summed again each time."""
        state = self.state
        key = (len(state.decisions), len(state.answers), len(state.settled))
        if self._totals_cache is None or self._totals_cache[0] != key:
            self._totals_cache = (key, {k: round(v, 2) for k, v in self._sums.items()})
        return self._totals_cache[1]

    def _offer(self) -> "Offer":
        """The choices on offer now, worked out again only when the state has moved on."""
        state = self.state
        key = (state.scene, len(state.decisions), len(state.answers), len(state.flags),
               len(state.visited))
        offer = self._offer_cache
        if offer is None or offer.key != key:
            choices = self.pack.scenes[state.scene].choices
            pairs = [(i, c) for i, c in enumerate(choices)
                     if c.if_ is None or holds(c.if_, state, self._totals())]
            if len(pairs) > 1:
                order = {text: n for n, text in enumerate(seeded_order(
                    tuple(c.text for _, c in pairs), f"{state.seed}/{state.scene}"))}
                pairs.sort(key=lambda pair: order[pair[1].text])
            # none on offer (no decision here, or no condition holds): the scene's next
            options = (tuple(ChoiceOption(c.text, i) for i, c in pairs) if pairs
                       else (ChoiceOption(CONTINUE_TEXT, -1),))
            offer = self._offer_cache = Offer(key, tuple(pairs), options)
        return offer

    def _record_decision(self, scene: Scene, choice: Choice, authored_index: int,
                         offer: Offer) -> None:
        effects = {k: float(v) for k, v in choice.effects.items()}
        self.state.decisions.append(DecisionRecord(
            scene=scene.id, choice=authored_index, text=choice.text, effects=effects,
            available=offer.available(), at=self.clock(), choice_id=choice.id))
        self._add_points(effects)
        for flag in choice.set:
            if flag not in self.state.flags:
                self.state.flags.append(flag)

    def _route(self, scene: Scene) -> str:
        if isinstance(scene.next, str):
            return scene.next
        for route in scene.next or ():
            if route.if_ is None or holds(route.if_, self.state, self._totals()):
                return route.to
        raise InvalidChoice(f"no route out of '{scene.id}' holds")  # the loader warns of this

    def _enter(self, scene_id: str) -> None:
        self.state.scene = scene_id
        self.state.question_index = 0
        self.state.visited.append(scene_id)
        if self.state.answers:
            self._count_settled(settle_on_arrival(self.state, scene_id))
        for fact in self.pack.scenes[scene_id].facts:
            if fact.id not in self.state.notebook:
                self.state.notebook.append(fact.id)
        self._settle()

    def _settle(self) -> None:
        """An ending with no questions left is the end of the story."""
        state = self.state
        if self.pack.scenes[state.scene].ending and state.question_index >= len(self.questions):
            state.ended = True
            self._count_settled(settle_the_rest(state))

    def _count_settled(self, records: list[AnswerRecord]) -> None:
        for record in records:
            self._add_points({record.track: record.points})
