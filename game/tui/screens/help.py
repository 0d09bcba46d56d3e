"""How to play: the keys, how scoring works, and what the notebook is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from ...content.kinds import KINDS
from ...engine import HINT_COST, RETRY_SHARE, percent
from ..answer_widgets import ANSWER_WIDGETS
from ..styles import GAME_CSS

HELP_TEXT = """\
## How to play

You are an analyst living through one week of a real news story. Each **scene** gives you
something to read. Then you answer **recall questions** on the facts, and make **decisions**.

## Keys

- A **decision** takes two keys: **↑ ↓** or the choice's number **1–9** picks it, **Enter**
  takes it (a click takes it at once). Nothing is picked when the choices appear, so an Enter
  too many never decides for you.
- **↑ ↓ and Enter**, **1–9**, or the mouse: pick an option of a question
- Keys are applied in the order you type them; a key typed while the next screen is still
  appearing is dropped, so type it again once you see the screen.
- **H** (or **F2** where letter keys answer, as in a text box): the question's hint, when it has one (practice)
- **A**: try again after an answer that was not fully right (practice)
- **R**: reveal the answer (presenter mode)
- **PgUp / PgDn**: scroll a long scene, the intro or the debrief
- At the debrief: **D** the detail (every answer and decision, the notebook), **S** save it
  as a file (Markdown, or a web page you can print), **Home** / **End** its start and end,
  **T** the title screen
- **Ctrl+N**: your notebook (facts, their status and sources) and the glossary
- **Ctrl+P**: the command palette: notebook, help, themes, title screen
- **F1** or **?**: this help
- **Ctrl+Q**: quit; your progress is saved after every answer and decision

## Answering each kind of question

{kinds}

## Scoring

- **Decisions** are scored on analytic tradecraft, never on a political side: keeping what
  the reporting states apart from claims, naming who claims what, noticing where figures
  disagree, and weighing options against the goals the sources state.
- **Recall** questions score on their own track. Questions with several right answers or an
  order give partial credit.
- Each track's score is its points of those that were on offer on the path you took
  ("Tradecraft −2 of 11"); a weak call costs points, so a total can be below zero. A track
  that is not graded (a gauge) shows a level and what it means, not a percent.
- The **debrief** at the end starts with a summary on one screen: your scores, then the
  decisions and questions most worth revisiting (where you fell furthest short of the best
  call, or lost the most points), each with the article's words. Below it is the detail:
  every answer with its source, every decision against what the article reports, and, where
  the pack has it, what other reporting said.

## Modes

- **Practice** (the usual): you see at once whether you were right. When you were not, you
  may **try again once** for {retry} of the points (the question keeps the better of your two
  tries), or go on and see the answer; not where only one answer would be left (true or
  false, a choice of two). A **hint** costs {hint} of that question's points.
- **Exam**: no feedback, no hints, no second tries. Every answer and decision is recorded, and
  the debrief shows how you did.
- **Presenter**, for a class around a projector: a large, high-contrast layout, the
  facilitator's notes and discussion prompts beside each scene, and answers hidden until
  **R** reveals them.

## Facts and claims

Your notebook labels each fact by who stands behind it:

- **REPORTED**: the article says so in its own voice, naming no source;
- **CLAIMED** by someone: the article says who says so;
- **DISPUTED**: someone, or the article itself, says otherwise;
- **CONFIRMED** by a source: a primary source, named, bears it out.

A news article's own statement is what it reports, not a confirmed fact. A good analyst never
lets a claim pass for a fact.
""".format(retry=percent(RETRY_SHARE), hint=percent(HINT_COST), kinds="\n".join(
    f"- **{KINDS[name].label.capitalize()}**: {spec.how_to_answer}"
    for name, spec in ANSWER_WIDGETS.items()))


class HelpDialog(ModalScreen[None]):
    CSS_PATH = GAME_CSS
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help"):
            yield Static("Help  (Esc closes)", classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Markdown(HELP_TEXT)

    def action_close(self) -> None:
        self.dismiss(None)
