"""The pre-check before the week and the post-check after it (issue 15, item 4): one item at a
time, with the answer widget of its kind, and no feedback at all. The screen says what the
check is and that it does not count; the app answers the item through the game session and
shows the next item in place, the first scene, or the debrief."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.header import GameHeader
from ...engine import PresentedQuestion
from ...session.words import check_heading, check_opening
from ..answer_widgets import answer_spec, replace_answer_widget
from ..messages import AnswerGiven
from ..styles import GAME_CSS
from ..widgets.keys_footer import KeysFooter


class CheckScreen(Screen):
    CSS_PATH = GAME_CSS

    def __init__(self, presented: PresentedQuestion, blink: bool = True) -> None:
        super().__init__()
        self.blink = blink
        self.presented = presented
        self.answered = False

    def compose(self) -> ComposeResult:
        yield GameHeader()
        with VerticalScroll(id="question-area"):
            yield Static(self.opening(), id="check-opening", markup=False)
            yield Static(self.heading(), id="question-meta", markup=False)
            yield Static(Content(self.presented.question.ask), id="question-ask")
            yield Static(answer_spec(self.presented).how_to_answer, id="question-help",
                         markup=False)
            with Vertical(id="answer-slot"):
                yield answer_spec(self.presented).make(self.presented, self.blink)
        yield KeysFooter()

    def opening(self) -> str:
        return check_opening(self.presented.check, self.presented.of)

    def heading(self) -> str:
        shown = self.presented
        return check_heading(shown.check, shown.number, shown.of)

    def on_mount(self) -> None:
        self.sub_title = "Check before the week" if self.presented.check == "pre" \
            else "Check after the week"
        self.query_one("#answer").focus()

    def show(self, presented: PresentedQuestion) -> None:
        """The next item in place (see SceneScreen.show): texts change, the widget is new."""
        self.presented, self.answered = presented, False
        self.on_mount()
        self.query_one("#check-opening", Static).update(self.opening())
        self.query_one("#question-meta", Static).update(self.heading())
        self.query_one("#question-ask", Static).update(Content(presented.question.ask))
        self.query_one("#question-help", Static).update(answer_spec(presented).how_to_answer)
        self.query_one("#question-area", VerticalScroll).scroll_home(animate=False)
        self.app.keys_not_ready()  # until the new answer field has the focus
        self.call_next(self.replace_answer_widget)
        self.app.hold_keys()  # a new item: keys typed before it shows are not for it

    async def replace_answer_widget(self) -> None:
        await replace_answer_widget(self, self.presented, self.blink)

    def on_answer_given(self, message: AnswerGiven) -> None:
        if self.answered:
            message.stop()  # a second Enter on the same item
        else:
            self.answered = True
            message.question_id = self.presented.question.id
            message.check = self.presented.check
