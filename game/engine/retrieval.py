"""Spaced retrieval: a question with ``asks_again`` comes back on a later day, reworded, only to
a player who missed the question it names on the first try. Asked to no one else, it is not
on offer to them either (its points count towards what was available only once it is asked)."""

from __future__ import annotations

from typing import Iterable

from ..content.models import Pack, Question, Scene
from .state import AnswerRecord


def missed_first_time(answers: Iterable[AnswerRecord]) -> set[str]:
    """The questions whose first try was not fully right (a second try does not change that)."""
    return {a.question for a in answers if a.attempt == 1 and not a.correct}


def questions_asked(pack: Pack, scene: Scene,
                    answers: Iterable[AnswerRecord]) -> tuple[Question, ...]:
    """The questions of ``scene`` this player is asked, in the scene's order."""
    if scene.id not in pack.scenes_asking_again:
        return scene.questions
    missed = missed_first_time(answers)
    return tuple(q for q in scene.questions if q.asks_again is None or q.asks_again in missed)


def missed_on(pack: Pack, question: Question, answers: Iterable[AnswerRecord]) -> str:
    """For a question asked again: the day the player missed the original ("" otherwise, or
    when the scene of that answer is no longer in the pack)."""
    if not question.asks_again:
        return ""
    for answer in answers:
        if answer.question == question.asks_again and answer.attempt == 1:
            scene = pack.scenes.get(answer.scene)
            return scene.day if scene else ""
    return ""

