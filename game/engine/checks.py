"""The pre/post check in play: which stage is asked now, and its items in this game's order.

A check is asked only in a game that has ``with_checks`` (see GameState): the pre-check before
any answer or decision of a new game, the post-check once the story has ended. Its answers go
to ``check_answers``, never to the game's tracks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.kinds import kind_of, seeded_order
from ..content.models import POST, PRE, Checks, Question
from .errors import WrongPhase
from .grading import grade
from .state import AnswerRecord, GameState


@dataclass(frozen=True)
class CheckStage:
    name: str  # "pre" or "post"
    items: tuple[Question, ...]  # in the order this game asks them

    @classmethod
    def now(cls, checks: Checks, state: GameState) -> "CheckStage | None":
        """The stage asked now, or None (no item of it is left, or it is not its time)."""
        pre_given = sum(1 for a in state.check_answers if a.scene == PRE)
        if pre_given < len(checks.pre) and not state.answers and not state.decisions:
            return cls(PRE, checks.pre)
        if not state.ended:
            return None
        items = checks.post_items
        if checks.same_items:  # the same items again: in another order, from the game's seed
            by_id = {item.id: item for item in items}
            items = tuple(by_id[i] for i in seeded_order(tuple(by_id), f"{state.seed}/{POST}"))
        stage = cls(POST, items)
        return stage if stage.given(state) < len(items) else None

    def given(self, state: GameState) -> int:
        """How many of this stage's items are answered."""
        return sum(1 for a in state.check_answers if a.scene == self.name)

    def holds(self, state: GameState) -> bool:
        """Whether this is still the stage asked now (it changes only as records come)."""
        if self.given(state) >= len(self.items):
            return False
        return self.name == POST or (not state.answers and not state.decisions)

    def waiting(self, state: GameState) -> Question:
        return self.items[self.given(state)]


def check_scores(checks: Checks | None, state: GameState
                 ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((points, of) before, (points, of) after) when every item of both checks is answered."""
    if not state.with_checks or checks is None:
        return None
    sums = {}
    for stage, items in ((PRE, checks.pre), (POST, checks.post_items)):
        answers = [a for a in state.check_answers if a.scene == stage]
        if len(answers) < len(items):
            return None
        sums[stage] = (round(sum(a.points for a in answers), 2),
                       round(sum(a.max_points for a in answers), 2))
    return sums[PRE], sums[POST]


class AsksChecks:
    """The check in Story's host API, mixed into Story (which has pack, state, clock, phase,
    presented_check and the cached _check)."""

    @property
    def check_stage(self) -> CheckStage | None:
        """The check being asked now, or None: the pre-check before anything else of a new
        game, the post-check once the story has ended (before the debrief)."""
        state = self.state
        if not state.with_checks or self.pack.checks is None:
            return None
        stage = self._check
        if stage is None or not stage.holds(state):
            stage = self._check = CheckStage.now(self.pack.checks, state)
        return stage

    @property
    def check_item(self):
        """The check item waiting for an answer, as a PresentedQuestion (options in this
        game's order, another order after the week), or None."""
        stage = self.check_stage
        if stage is None:
            return None
        return self.presented_check(stage.waiting(self.state), stage.given(self.state) + 1,
                                    len(stage.items), stage.name)

    def answer_check(self, response: Any) -> None:
        """Answer the check item waiting; raises WrongPhase or InvalidAnswer. Nothing is told
        back: a check shows no answer (the pre-check must not teach its own), and scores
        nothing in the game."""
        stage = self.check_stage
        if stage is None:
            raise WrongPhase(f"no check item is waiting (the story is {self.phase.value})")
        state = self.state
        item = stage.waiting(state)
        result = grade(item, response)
        state.check_answers.append(AnswerRecord(
            scene=stage.name, question=item.id, response=kind_of(item).to_json(response),
            points=result.points, max_points=result.max_points, correct=result.correct,
            at=self.clock()))

    def check_scores(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """((points, of) before the week, (points, of) after it) once both checks are done;
        None otherwise (no check in this game, or one not finished)."""
        return check_scores(self.pack.checks, self.state) if self.check_stage is None else None
