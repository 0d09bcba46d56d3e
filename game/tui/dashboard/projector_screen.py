"""The projector's one screen, to face the class: how far the class has got, and the split for
the question or decision the class has just done, in large bars. No student's name is shown:
the view it is given holds none.

Which options are right stays hidden until the teacher presses r (as a quiz shows it once the
question closes): students still on the question see how the class split, not the answer. The
teacher may step to other questions with the arrow keys; f follows the class again.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ...classroom.projector import ProjectorView, Split, Step
from ...prose import in_quotes
from ..widgets.keys_footer import KeysFooter
from .split_bars import DayProgress, SplitBars

KIND_WORDS = {"question": ("answered", "answer"), "forecast": ("forecast", "forecast"),
              "decision": ("decided", "decision")}


class ProjectorScreen(Screen):
    BINDINGS = [
        Binding("r", "reveal", "Reveal answer", id="reveal",
                tooltip="Show which answer is right (press again to hide it)"),
        Binding("left", "step(-1)", "Earlier", id="earlier",
                tooltip="The question or decision before this one"),
        Binding("right", "step(1)", "Later", id="later",
                tooltip="The question or decision after this one"),
        Binding("f", "follow", "Follow the class", id="follow",
                tooltip="Show the question the class has just done, as it moves on"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ProjectorView | None = None
        self.pinned: Step | None = None  # a step the teacher chose; None: follow the class
        self.revealed: set[Step] = set()

    def compose(self) -> ComposeResult:
        yield Static(Content("Waiting for the class's first results …"), id="class-line")
        yield DayProgress(id="days")
        yield Static("", id="where", markup=False)
        yield Static("", id="ask", markup=False)
        yield SplitBars(id="bars")
        yield Static("", id="answered", markup=False)
        yield Static("", id="answer", markup=False)
        yield KeysFooter()

    def reading(self, files: int) -> None:
        """A read has begun (nothing to say on the wall: the last view stays)."""

    def show(self, view: ProjectorView | None, at: datetime, problem: str = "") -> None:
        """Show what was read; when the folder could not be read, say so and keep the last
        view."""
        if view is None:  # said in a word; the path is the teacher's business, not the class's
            self.query_one("#class-line", Static).update(
                Content(f"Could not read the results folder: {problem.split(';')[0]}"))
            return
        self.view = view
        self.redraw()

    def shown_split(self) -> Split | None:
        view = self.view
        if view is None:
            return None
        if self.pinned is not None:
            for split in view.splits:
                if split.step == self.pinned:
                    return split
        return view.current_split

    def redraw(self) -> None:
        view = self.view
        if view is None:
            return
        self.query_one("#class-line", Static).update(Content(class_line(view)))
        self.query_one("#days", DayProgress).show(view.days, view.students)
        split = self.shown_split()
        revealed = split is not None and split.step in self.revealed
        if split is None:
            self.query_one("#where", Static).update("")
            self.query_one("#ask", Static).update(
                "No answers yet: the bars appear as the class answers.")
            self.query_one("#bars", SplitBars).show((), 0, False)
            self.query_one("#answered", Static).update("")
            self.query_one("#answer", Static).update("")
            return
        place = [s.step for s in view.splits].index(split.step) + 1
        chosen = "" if self.pinned is None else "  ·  f: back to the class"
        self.query_one("#where", Static).update(
            f"{split.where}  ·  {place} of {len(view.splits)}{chosen}")
        self.query_one("#ask", Static).update(split.ask)
        self.query_one("#bars", SplitBars).show(split.bars, split.answered, revealed)
        done, noun = KIND_WORDS[split.kind]
        self.query_one("#answered", Static).update(f"{split.answered} of {view.students} "
                                                   f"{done}")
        self.query_one("#answer", Static).update(answer_line(split, revealed, noun))
        self.refresh_bindings()  # reveal may have become possible, or not

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Reveal is greyed out where there is nothing to reveal (a forecast, no answers)."""
        if action == "reveal":
            split = self.shown_split()
            return True if split is not None and split.revealable else None
        return True

    def action_reveal(self) -> None:
        split = self.shown_split()
        if split is None or not split.revealable:  # greyed out then (check_action)
            return
        self.revealed ^= {split.step}
        self.redraw()

    def action_step(self, by: int) -> None:
        view, split = self.view, self.shown_split()
        if view is None or split is None:
            return
        steps = [s.step for s in view.splits]
        self.pinned = steps[max(0, min(len(steps) - 1, steps.index(split.step) + by))]
        self.redraw()

    def action_follow(self) -> None:
        self.pinned = None
        self.redraw()


def class_line(view: ProjectorView) -> str:
    if not view.students:
        return "No results yet: this fills in as students start."
    counts = [f"{view.playing} playing"]
    if view.quiet:
        counts.append(f"{view.quiet} quiet")
    counts.append(f"{view.finished} finished")
    students = f"{view.students} student{'' if view.students == 1 else 's'}"
    return f"{view.title}  ·  {students}: {', '.join(counts)}"


def answer_line(split: Split, revealed: bool, noun: str) -> str:
    if split.kind == "forecast":
        return "A forecast: the story settles it later in the week."
    if not split.revealable:
        return ""
    if not revealed:
        hidden = "strongest call" if split.kind == "decision" else noun
        return f"The {hidden} is hidden: r shows it."
    if split.kind == "decision":
        return "✓ marks the strongest call: the most points on the graded tracks."
    common = "; ".join(f"{in_quotes(text)} ×{n}" for text, n in split.common_wrong)
    return f"Answer: {split.answer}" + (f"   Common wrong answers: {common}" if common else "")
