"""One answer widget per question type. Each posts AnswerGiven; none calls the engine."""

from __future__ import annotations

import math

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, SelectionList, Static
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..messages import AnswerGiven
from .choice_list import NumberedChoice
from .literal_input import LiteralInput, printable

NUMBER_KEYS = [Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)]


class SingleChoiceAnswer(OptionList):
    """Arrows and Enter, a number key, or a click picks one option."""

    BINDINGS = [*NUMBER_KEYS]

    def __init__(self, options: tuple[str, ...], **kwargs) -> None:
        super().__init__(*[Option(NumberedChoice(n, text)) for n, text in enumerate(options, 1)],
                         markup=False, **kwargs)
        # Nothing highlighted until the player picks (OptionList highlights the first): an
        # Enter meant for the screen before, or typed in haste, never answers for them.
        self.highlighted = None
        self.texts = options

    def action_select(self) -> None:
        if self.highlighted is None:
            self.app.bell()  # the line above says how to pick
            return
        super().action_select()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.texts):
            self.post_message(AnswerGiven(self.response(index)))

    def response(self, index: int):
        return self.texts[index]


class ForecastAnswer(SingleChoiceAnswer):
    """The seven likelihoods, in their fixed order, each with its range; 1–7 pick one."""

    def __init__(self, terms: tuple[str, ...], labels: tuple[str, ...], **kwargs) -> None:
        super().__init__(labels, **kwargs)
        self.terms = terms

    def response(self, index: int):
        return self.terms[index]


class TrueFalseAnswer(SingleChoiceAnswer):
    """True or False; T and F work too."""

    BINDINGS = [Binding("t", "pick(0)", "True"), Binding("f", "pick(1)", "False")]

    def __init__(self, **kwargs) -> None:
        super().__init__(("True", "False"), **kwargs)

    def response(self, index: int):
        return index == 0


class MultiSelectAnswer(SelectionList):
    """Space ticks an option; Enter submits every ticked option."""

    BINDINGS = [
        # Our own tick: SelectionList's "select" toggles only when a message it posts comes
        # back, by when arrow keys typed after Space may have moved the highlight.
        Binding("space", "tick", "Tick", show=True),
        # Not a priority binding: a priority binding runs as the key arrives, ahead of the
        # Space and arrow keys typed before it that still wait in this widget's queue.
        Binding("enter", "submit", "Submit", show=True),
    ]

    def __init__(self, options: tuple[str, ...], **kwargs) -> None:
        super().__init__(*[(Content(text), text) for text in options], **kwargs)

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))

    def action_submit(self) -> None:
        if not self.selected:  # an Enter too many would otherwise score 0 for nothing typed
            self.notify("Tick at least one option with Space first, then press Enter.",
                        severity="warning", timeout=4, markup=False)
            return
        self.post_message(AnswerGiven(tuple(self.selected)))

    def get_content_height(self, container, viewport, width: int) -> int:
        # OptionList measures its options at the full width, but lays them out beside the
        # boxes' gutter: a long option then wraps onto a line the widget has no room for.
        return super().get_content_height(container, viewport,
                                          width - self._get_left_gutter_width())

    def render_line(self, y: int) -> Strip:
        """Each option wrapped under its box, where Textual's SelectionList cuts a long one off
        with an ellipsis (it assumes one line per option): the box on an option's first line,
        blank gutter under it. And Textual draws the same X in every box, telling ticked from
        unticked by colour alone, which NO_COLOR (and colour blindness) takes away: an unticked
        box is empty here."""
        line = OptionList.render_line(self, y)
        try:  # OptionList's private map of lines to (option, line in it): see pyproject.toml
            index, line_offset = self._lines[self.scroll_offset.y + y]
            option = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        underlying = next(iter(line)).style or self.rich_style
        if line_offset:
            gutter = " " * self._get_left_gutter_width()
            return Strip([Segment(gutter, underlying), *line])
        ticked = option.value in self.selected
        component = "selection-list--button" + ("-selected" if ticked else "")
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component) + Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + Style(meta={"option": index})
        inner = ToggleButton.BUTTON_INNER if ticked else " " * len(ToggleButton.BUTTON_INNER)
        return Strip([Segment(ToggleButton.BUTTON_LEFT, side), Segment(inner, button),
                      Segment(ToggleButton.BUTTON_RIGHT, side), Segment(" ", underlying), *line])


class NumericAnswer(Vertical):
    """A number box; Enter submits."""

    def __init__(self, unit: str | None, blink: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.unit = unit
        self.blink = blink

    def compose(self) -> ComposeResult:
        box = Input(placeholder="Type a number, then Enter", type="number", id="number")
        box.cursor_blink = self.blink
        yield box
        if self.unit:
            yield Static(Content(f"Unit: {self.unit}"), classes="unit")

    def focus(self, scroll_visible: bool = True):
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip().replace(",", "")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.notify("Type a number, such as 5 or 2.5.", severity="warning")
            return
        self.post_message(AnswerGiven(int(value) if value.is_integer() else value))


class ShortTextAnswer(Vertical):
    """A text box; Enter submits. Case, punctuation and extra spaces do not matter."""

    def __init__(self, blink: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.blink = blink

    def compose(self) -> ComposeResult:
        box = LiteralInput(placeholder="Type your answer, then Enter", id="text", max_length=200)
        box.cursor_blink = self.blink
        yield box

    def focus(self, scroll_visible: bool = True):
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = printable(event.value)  # the box already drops them; this is the guarantee
        if not answer.strip():
            self.notify("Type an answer first.", severity="warning")
            return
        self.post_message(AnswerGiven(answer))


class TimelineAnswer(OptionList):
    """Put events in order: move the highlighted event with U and D (or Shift+arrows)."""

    BINDINGS = [
        Binding("u,shift+up", "move(-1)", "Move up"),
        Binding("d,shift+down", "move(1)", "Move down"),
        Binding("enter", "submit", "Submit order"),  # not priority: see MultiSelectAnswer
    ]

    def __init__(self, items: tuple[str, ...], **kwargs) -> None:
        self.items = list(items)
        super().__init__(*self.prompts(), markup=False, **kwargs)

    def prompts(self) -> list[NumberedChoice]:
        """Each event wrapped under its number, as the choices of a decision are."""
        return [NumberedChoice(n, text) for n, text in enumerate(self.items, 1)]

    def action_move(self, step: int) -> None:
        here = self.highlighted
        if here is None:
            return
        there = here + step
        if not 0 <= there < len(self.items):
            return
        self.items[here], self.items[there] = self.items[there], self.items[here]
        self.clear_options()
        self.add_options(self.prompts())
        self.highlighted = there

    def action_submit(self) -> None:
        self.post_message(AnswerGiven(tuple(self.items)))

