"""A recall question: the question, the answer widget for its type, then the feedback."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from ...engine import Grade, PresentedQuestion
from ...engine.grading import right_answer
from ..messages import AnswerGiven, Proceed
from ..status import Status, format_points
from ..widgets.answers import (
    MultiSelectAnswer,
    NumericAnswer,
    ShortTextAnswer,
    SingleChoiceAnswer,
    TimelineAnswer,
    TrueFalseAnswer,
)
from ..widgets.status_bar import StatusBar

HOW_TO_ANSWER = {
    "single-choice": "Pick one: arrows and Enter, or its number.",
    "multiple-select": "Tick every right option with Space, then press Enter. Wrong ticks cost points.",
    "numeric": "Type a number and press Enter.",
    "short-text": "Type a short answer and press Enter. Case and punctuation do not matter.",
    "timeline": "Earliest first. Highlight an event and move it with U / D, then press Enter.",
    "true-false": "True or false? Press T or F, or pick with arrows and Enter.",
}


def answer_widget(presented: PresentedQuestion, blink: bool) -> Widget:
    q = presented.question
    kind = q.type
    if kind == "single-choice":
        return SingleChoiceAnswer(presented.options, id="answer")
    if kind == "true-false":
        return TrueFalseAnswer(id="answer")
    if kind == "multiple-select":
        return MultiSelectAnswer(presented.options, id="answer")
    if kind == "numeric":
        return NumericAnswer(q.unit, blink=blink, id="answer")
    if kind == "short-text":
        return ShortTextAnswer(blink=blink, id="answer")
    return TimelineAnswer(presented.options, id="answer")


class QuestionScreen(Screen):
    BINDINGS = [Binding("enter", "proceed", "Continue", id="proceed")]

    def __init__(self, presented: PresentedQuestion, status: Status, blink: bool = True) -> None:
        super().__init__()
        self.presented = presented
        self.status = status
        self.blink = blink
        self.answered = False

    def compose(self) -> ComposeResult:
        q = self.presented.question
        points = format_points(q.points)
        yield Header()
        yield StatusBar(self.status)
        with VerticalScroll(id="question-area"):
            yield Static(f"Recall question {self.presented.number} of {self.presented.of}"
                         f" · {points} point{'s' if q.points != 1 else ''}",
                         id="question-meta", markup=False)
            yield Static(Content(q.ask), id="question-ask")
            yield Static(HOW_TO_ANSWER[q.type], id="question-help", markup=False)
            yield answer_widget(self.presented, self.blink)
            yield Static(id="feedback", markup=False)
        yield Footer()

    def on_answer_given(self, message: AnswerGiven) -> None:
        if self.answered:
            message.stop()  # a second Enter on the same question
        else:
            message.question_id = self.presented.question.id

    def on_mount(self) -> None:
        self.sub_title = f"{self.status.when} · recall"
        self.query_one("#answer").focus()

    def set_status(self, status: Status) -> None:
        self.query_one(StatusBar).update(status)

    def show_feedback(self, grade: Grade) -> None:
        """Replace the answer widget with the verdict, the right answer and the source."""
        q = self.presented.question
        self.answered = True
        answer = self.query_one("#answer")
        answer.display = False
        if grade.correct:
            verdict, style = "✓ Right", "right"
        elif grade.partial:
            verdict, style = "◐ Partly right", "partial"
        else:
            verdict, style = "✗ Not right", "wrong"
        feedback = self.query_one("#feedback", Static)
        feedback.update(Content("\n").join([
            Content(f"{verdict}: {format_points(grade.points)} of "
                    f"{format_points(grade.max_points)} points. Press Enter to continue."),
            Content(f"Answer: {right_answer(q)}"),
            Content(""),
            Content(q.explanation.strip()),
            Content(""),
            Content(f"Source: “{q.source.strip()}”"),
        ]))
        feedback.set_classes(f"shown {style}")
        self.query_one("#question-help", Static).display = False
        # The scroll area takes focus so arrows and PgDn reach a long explanation; Enter goes on.
        self.query_one("#question-area").focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "proceed":
            return self.answered  # hidden from the footer until there is something to go on to
        return True

    def action_proceed(self) -> None:
        if self.answered:
            self.post_message(Proceed())
