"""The answer widget of each question kind, and the line that says how to use it: one table,
keyed by the kinds' names (game/content/kinds/)."""

from __future__ import annotations

from typing import Callable, NamedTuple

from textual.widget import Widget

from ..content.kinds.forecast import BY_WORDS
from ..engine import PresentedQuestion
from .widgets.answers import (
    ForecastAnswer,
    MultiSelectAnswer,
    NumericAnswer,
    ShortTextAnswer,
    SingleChoiceAnswer,
    TimelineAnswer,
    TrueFalseAnswer,
)
from .widgets.match_answer import MatchAnswer


class AnswerWidget(NamedTuple):
    make: Callable[[PresentedQuestion, bool], Widget]  # (the question as shown, cursor blink)
    how_to_answer: str
    echo: bool = False  # the feedback repeats the answer given: typed, or out of sight once given
    letter_keys: bool = False  # letters answer (typed or picked), so the hint key is F2


ANSWER_WIDGETS: dict[str, AnswerWidget] = {
    "single-choice": AnswerWidget(
        lambda p, blink: SingleChoiceAnswer(p.options, id="answer"),
        "Pick one: arrows and Enter, or its number."),
    "multiple-select": AnswerWidget(
        lambda p, blink: MultiSelectAnswer(p.options, id="answer"),
        "Tick every right option with Space, then press Enter. Wrong ticks cost points."),
    "numeric": AnswerWidget(
        lambda p, blink: NumericAnswer(p.question.unit, blink=blink, id="answer"),
        "Type a number and press Enter.", echo=True, letter_keys=True),
    "short-text": AnswerWidget(
        lambda p, blink: ShortTextAnswer(blink=blink, id="answer"),
        "Type a short answer, then Enter. Case, punctuation and small typos are fine.",
        echo=True, letter_keys=True),
    "timeline": AnswerWidget(
        lambda p, blink: TimelineAnswer(p.options, id="answer"),
        "Earliest first. Highlight an event and move it with U / D, then press Enter."),
    "true-false": AnswerWidget(
        lambda p, blink: TrueFalseAnswer(id="answer"),
        "True or false? Press T or F, or pick with arrows and Enter."),
    "match": AnswerWidget(
        lambda p, blink: MatchAnswer(p.options, p.targets, p.question.reuse, id="answer"),
        "Press the letter of each item's match (↑↓ move, ←→ change, Backspace clears), "
        "then Enter.",
        echo=True, letter_keys=True),
    "forecast": AnswerWidget(
        lambda p, blink: ForecastAnswer(
            p.options, tuple(BY_WORDS[words].label for words in p.options), id="answer"),
        "How likely? Pick one: arrows and Enter, or its number (1 to 7)."),
}


def answer_spec(presented: PresentedQuestion) -> AnswerWidget:
    return ANSWER_WIDGETS[presented.question.type]


async def replace_answer_widget(screen: Widget, presented: PresentedQuestion,
                                blink: bool) -> None:
    """Put the answer widget of the question shown in the screen's answer slot, in place of
    the last one, and give it the focus (a question or check screen showing its next question
    in place). The screen asked the app's keys to wait (keys_not_ready) until then."""
    try:
        slot = screen.query_one("#answer-slot")
        await slot.remove_children()
        widget = answer_spec(presented).make(presented, blink)
        await slot.mount(widget)
        widget.focus()
    finally:
        screen.app.keys_ready()
