"""A recall question: the question, the answer widget for its type, then the feedback.

How much feedback depends on the mode: practice shows it at once (with a second try and a hint),
exam only says the answer was recorded, presenter hides it until the reveal key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.header import GameHeader
from ...asked_again_words import asked_again_note
from ...engine import (
    HINT_COST,
    HINT_MODES,
    RETRY_SHARE,
    Grade,
    Mode,
    PresentedQuestion,
    accepted_as,
    describe_response,
    percent,
    right_answer,
)
from ...forecast_words import SETTLED_LATER, is_forecast, recorded
from ...prose import in_quotes
from ...session.words import NO_CERTAIN_RETRY, typo_accepted
from ..answer_widgets import answer_spec, replace_answer_widget
from ..markdown_content import markdown_content
from ..messages import AnswerGiven, HintAsked, Proceed
from ..status import Status, format_points
from ..widgets.keys_footer import KeysFooter
from ..widgets.literal_input import printable
from ..widgets.status_bar import StatusBar
from ..styles import GAME_CSS

def plural(points: float) -> str:
    return f"{format_points(points)} point{'' if points == 1 else 's'}"


class QuestionScreen(Screen):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("enter", "proceed", "Continue", id="proceed"),
        # h for the questions answered with keys; F2 where h would be typed into a box
        Binding("h", "hint('h')", f"Hint (−{percent(HINT_COST)})", id="hint",
                tooltip="Show a hint; this answer then earns less"),
        Binding("f2", "hint('f2')", f"Hint (−{percent(HINT_COST)})", id="hint-f2",
                tooltip="Show a hint; this answer then earns less"),
        Binding("a", "retry", f"Try again ({percent(RETRY_SHARE)})", id="retry",
                tooltip="Answer once more for part of the points"),
        Binding("r", "reveal", "Reveal the answer", id="reveal"),
    ]

    def __init__(self, presented: PresentedQuestion, status: Status, blink: bool = True,
                 mode: Mode = Mode.PRACTICE, hint: str = "") -> None:
        """``hint`` is the hint's text when it was already shown (a resumed game)."""
        super().__init__()
        self.blink = blink
        self.mode = mode
        self.reset(presented, status, hint)

    def reset(self, presented: PresentedQuestion, status: Status, hint: str) -> None:
        self.presented = presented
        self.status = status
        self.hint = hint
        # asking -> (practice) retry-offered -> asking again -> done
        #        -> (exam) recorded; (presenter) hidden -> done
        self.stage = "asking"
        self.retrying = False
        self.retry_ceiling = 0.0
        self.grade: Grade | None = None
        self.response = None  # the last answer given, echoed in the feedback when it was typed
        self.retry_withheld = False

    @property
    def answered(self) -> bool:
        return self.stage != "asking"

    def compose(self) -> ComposeResult:
        yield GameHeader()
        yield StatusBar(self.status)
        with VerticalScroll(id="question-area"):
            yield Static(self.meta_text(), id="question-meta", markup=False)
            yield Static(Content(self.presented.question.ask), id="question-ask")
            hint = Static(self.hint_text(), id="hint", markup=False)
            hint.display = bool(self.hint)
            yield hint
            yield Static(answer_spec(self.presented).how_to_answer, id="question-help",
                         markup=False)
            with Vertical(id="answer-slot"):
                yield answer_spec(self.presented).make(self.presented, self.blink)
            yield Static(id="feedback", markup=False)
        yield KeysFooter()

    @property
    def forecasting(self) -> bool:
        return is_forecast(self.presented.question)

    @property
    def what(self) -> str:
        """What this question is, for the header: recall or forecast."""
        return "forecast" if self.forecasting else "recall"

    def meta_text(self) -> str:
        q, shown = self.presented.question, self.presented
        if self.forecasting:
            return (f"Forecast (question {shown.number} of {shown.of}) · up to "
                    f"{plural(q.points)} · {SETTLED_LATER}")
        meta = f"Recall question {shown.number} of {shown.of} · {plural(q.points)}"
        if q.asks_again:  # why this player sees it: the note says so
            meta += "\n" + asked_again_note(shown.missed_on)
        return meta

    def show(self, presented: PresentedQuestion, status: Status, hint: str = "") -> None:
        """The next question on this same screen (see SceneScreen.show for why): the texts
        change in place and only the answer widget, whose kind depends on the question, is new."""
        self.reset(presented, status, hint)
        self.set_status(status)
        self.sub_title = f"{status.when} · {self.what}"
        self.query_one("#question-meta", Static).update(self.meta_text())
        self.query_one("#question-ask", Static).update(Content(presented.question.ask))
        hint_line = self.query_one("#hint", Static)
        hint_line.update(self.hint_text())
        hint_line.display = bool(hint)
        help_line = self.query_one("#question-help", Static)
        help_line.update(answer_spec(presented).how_to_answer)
        help_line.display = True
        self.query_one("#feedback", Static).set_classes("")
        self.query_one("#question-area", VerticalScroll).scroll_home(animate=False)
        self.app.keys_not_ready()  # until the new answer field has the focus
        self.call_next(self.replace_answer_widget)
        self.refresh_bindings()
        self.app.hold_keys()  # a new question: keys typed before it shows are not for it

    async def replace_answer_widget(self) -> None:
        await replace_answer_widget(self, self.presented, self.blink)

    def on_answer_given(self, message: AnswerGiven) -> None:
        if self.answered:
            message.stop()  # a second Enter on the same question
        else:
            message.question_id = self.presented.question.id
            message.retry = self.retrying
            self.response = message.response

    def hint_text(self) -> Content:
        if not self.hint:
            return Content("")
        return Content(f"Hint: {self.hint.strip()}  (An answer now earns "
                       f"{percent(1 - HINT_COST)} of its points.)")

    def show_hint(self, text: str) -> None:
        self.hint = text
        hint = self.query_one("#hint", Static)
        hint.update(self.hint_text())
        hint.display = True
        self.refresh_bindings()

    def on_mount(self) -> None:
        self.sub_title = f"{self.status.when} · {self.what}"
        self.query_one("#answer").focus()

    def set_status(self, status: Status) -> None:
        self.query_one(StatusBar).update(status)

    def show_feedback(self, grade: Grade, retry_ceiling: float | None = None,
                      retry_withheld: bool = False) -> None:
        """After an answer: the verdict, the right answer and the source (practice); or, with
        a second try open, the verdict alone; or only that the answer was recorded (exam and
        presenter, whose reveal key shows the rest). ``retry_withheld``: no second try is
        offered because its answer would be certain, which the feedback says."""
        self.grade = grade
        self.retry_withheld = retry_withheld
        self.query_one("#answer").display = False
        self.query_one("#question-help", Static).display = False
        if self.forecasting:  # in every mode: no verdict, no outcome until it is settled
            self.stage = "done"
            self.show_box(Content(f"{recorded(self.response)}\nPress Enter to continue."),
                          "recorded")
        elif self.mode == Mode.EXAM:
            self.stage = "recorded"
            self.show_box(Content("Answer recorded. Press Enter to continue. You will see how "
                                  "you did in the debrief."), "recorded")
        elif self.mode == Mode.PRESENTER:
            self.stage = "hidden"
            self.show_box(Content("Answer recorded. Press R to reveal the answer, or Enter "
                                  "to go on."), "recorded")
        elif retry_ceiling is not None and not self.retrying:
            self.stage = "retry-offered"
            verdict, style = self.verdict(grade)
            self.show_box(Content(f"{verdict}: {format_points(grade.points)} of "
                                  f"{plural(grade.max_points)}. Press A to try again for up "
                                  f"to {plural(retry_ceiling)}, or Enter to see the answer."),
                          style)
            self.retry_ceiling = retry_ceiling
        else:
            self.show_answer()
        # The scroll area takes focus so arrows and PgDn reach a long explanation; Enter goes on.
        self.query_one("#question-area").focus()
        self.refresh_bindings()
        self.app.hold_keys()  # an Enter typed twice must not skip the feedback unread

    def verdict(self, grade: Grade) -> tuple[str, str]:
        again = " on the second try" if self.retrying else ""
        if grade.correct:
            return f"✓ Right{again}", "right"
        if grade.partial:
            return f"◐ Partly right{again}", "partial"
        return f"✗ Not right{again}", "wrong"

    def show_answer(self) -> None:
        """The verdict, the right answer, the explanation (the author's Markdown, drawn) and the
        source."""
        q, grade = self.presented.question, self.grade
        self.stage = "done"
        verdict, style = self.verdict(grade)
        # What was typed is shown as typed (a Content is never read as markup).
        echoed = ([Content(f"Your answer: {printable(describe_response(q, self.response))}")]
                  if answer_spec(self.presented).echo and self.response is not None else [])
        meant = accepted_as(q, self.response)
        if meant:  # what was typed, and the answer it was taken for
            typed = " ".join(printable(str(self.response)).split())
            echoed = [Content(typo_accepted(typed, meant))]
        why = [Content(NO_CERTAIN_RETRY)] if self.retry_withheld else []
        self.show_box(Content("\n").join([
            Content(f"{verdict}: {format_points(grade.points)} of "
                    f"{plural(grade.max_points)}. Press Enter to continue."),
            *why,
            *echoed,
            Content(f"Answer: {right_answer(q)}"),
            Content(""),
            markdown_content(q.explanation),
            Content(""),
            Content(f"Source: {in_quotes(q.source.strip())}"),
        ]), style)
        self.refresh_bindings()
        self.app.hold_keys()

    def show_box(self, content: Content, style: str) -> None:
        feedback = self.query_one("#feedback", Static)
        feedback.update(content)
        feedback.set_classes(f"shown {style}")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # each key is hidden from the footer until it does something
        if action == "proceed":
            return self.answered
        if action == "hint":
            letters = answer_spec(self.presented).letter_keys
            return (self.stage == "asking" and not self.retrying and not self.hint
                    and self.mode in HINT_MODES
                    and bool(self.presented.question.hint)
                    and (parameters == ("f2",)) == letters)
        if action == "retry":
            return self.stage == "retry-offered"
        if action == "reveal":
            return self.stage == "hidden"
        return True

    def action_proceed(self) -> None:
        if self.stage == "retry-offered":
            self.show_answer()  # the player goes on without a second try: now the answer
        elif self.answered:
            self.post_message(Proceed())

    def action_hint(self, key: str) -> None:
        if self.check_action("hint", (key,)):
            self.post_message(HintAsked(self.presented.question.id))

    def action_retry(self) -> None:
        """The answer widget comes back, holding the first answer to change."""
        if self.stage != "retry-offered":
            return
        self.stage, self.retrying = "asking", True
        self.query_one("#feedback", Static).set_classes("")
        help_line = self.query_one("#question-help", Static)
        help_line.update(f"Second try, for up to {plural(self.retry_ceiling)}. "
                         f"{answer_spec(self.presented).how_to_answer}")
        help_line.display = True
        answer = self.query_one("#answer")
        answer.display = True
        answer.focus()
        self.refresh_bindings()

    def action_reveal(self) -> None:
        if self.stage == "hidden":
            self.show_answer()
