"""Automatic play: right and wrong answers, and whole games played by a picking policy."""

from __future__ import annotations

from typing import Any, Callable

from ..content.kinds import kind_of
from ..content.models import Pack, Question
from .story import Phase, Story


def right_response(question: Question, options: tuple[str, ...]) -> Any:
    """The fully right answer to a question, as a player would give it."""
    return kind_of(question).right_response(question, options)


def wrong_response(question: Question, options: tuple[str, ...]) -> Any:
    """An answer that scores nothing."""
    return kind_of(question).wrong_response(question, options)


def authored_options(question: Question) -> tuple[str, ...]:
    """What a player picks from or orders, in the order the author wrote it."""
    return kind_of(question).authored_options(question)


AnswerPolicy = Callable[[Question, tuple[str, ...]], Any]


def play(pack: Pack, pick: Callable[[Story], int], answer: AnswerPolicy = right_response,
         seed: int = 1, max_steps: int = 1000) -> Story:
    """Play one game to its end: ``pick`` chooses among ``story.choices``, ``answer`` answers."""
    story = Story(pack, seed=seed, clock=lambda: "")
    for _ in range(max_steps):
        if story.phase is Phase.ENDED:
            return story
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            story.answer(answer(presented.question, presented.options))
        else:
            story.choose(pick(story))
    raise RuntimeError(f"no ending after {max_steps} steps, in '{story.state.scene}'")
