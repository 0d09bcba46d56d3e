"""The projector's two drawings: the class's split as thick horizontal bars, one per option, and
how far the class has got, day by day. Both fit themselves to the space they are given (3 rows
an option on a big screen, 1 on a small one) and take their colours from projector.tcss."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...classroom.projector import Bar, DayCount

OPTION_COLOURS = 4  # option bars cycle through this many colours, as a quiz's tiles do
BLOCK = "█"
GAP = 2  # columns between a bar's blocks and its count


def percent_of(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "—"


class SplitBars(Widget):
    """Each option's share of the answers; the right ones marked only when ``revealed``."""

    COMPONENT_CLASSES = {
        *(f"split-bars--option-{n}" for n in range(OPTION_COLOURS)),
        "split-bars--right", "split-bars--partly", "split-bars--wrong",
        "split-bars--faded", "split-bars--text", "split-bars--count", "split-bars--mark",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bars: tuple[Bar, ...] = ()
        self.answered = 0
        self.revealed = False

    def show(self, bars: tuple[Bar, ...], answered: int, revealed: bool) -> None:
        self.bars, self.answered, self.revealed = bars, answered, revealed
        self.refresh()

    def style_of(self, index: int, bar: Bar) -> Style:
        if bar.tone:  # right / partly / wrong: the bar says what it is, nothing to hide
            return self.get_component_rich_style(f"split-bars--{bar.tone}")
        if self.revealed:
            return self.get_component_rich_style(
                "split-bars--right" if bar.right else "split-bars--faded")
        return self.get_component_rich_style(f"split-bars--option-{index % OPTION_COLOURS}")

    def render(self) -> Text:
        width, height = self.size.width, self.size.height
        if not self.bars or width < 10 or height < 1:
            return Text("")
        rows = max(1, height // len(self.bars))  # for each option
        gap = rows >= 4  # a blank line between options, when there is room
        thickness = min(3, rows - 1 - gap)  # lines of blocks under the option's text
        text_style = self.get_component_rich_style("split-bars--text")
        count_style = self.get_component_rich_style("split-bars--count")
        mark_style = self.get_component_rich_style("split-bars--mark")
        most = max(bar.count for bar in self.bars) or 1
        lines: list[Text] = []
        for index, bar in enumerate(self.bars):
            style = self.style_of(index, bar)
            mark = "✓ " if self.revealed and bar.right and not bar.tone else ""
            count = f"{bar.count}  {percent_of(bar.count, self.answered)}"
            label = Text(f" {bar.label} " if bar.label else "",
                         style + Style(reverse=True, bold=True))
            if rows == 1:  # letter, text cut short, bar, count: all on one line
                room = width - len(count) - GAP - label.cell_len - 1
                text_width = max(8, room // 2)
                words = cut(bar.text, text_width).ljust(text_width)
                blocks = BLOCK * round(max(0, room - text_width - len(mark)) * bar.count / most)
                lines.append(Text.assemble(label, " ", (mark, mark_style), (words, text_style),
                                           (blocks, style), " " * GAP, (count, count_style)))
                continue
            room = width - label.cell_len - len(mark) - 1
            heading = Text.assemble(label, " ", (mark, mark_style),
                                    (cut(bar.text, room), text_style))
            room = width - len(count) - GAP - 1
            blocks = BLOCK * max(1 if bar.count else 0, round(room * bar.count / most))
            lines.append(heading)
            for line in range(thickness):
                shown_count = count if line == (thickness - 1) // 2 else ""
                lines.append(Text.assemble((blocks, style), " " * GAP,
                                           (shown_count, count_style)))
            if gap:
                lines.append(Text(""))
        return Text("\n").join(lines[:height])


class DayProgress(Widget):
    """Per day, a bar of how many students have reached it, and the number."""

    COMPONENT_CLASSES = {"day-progress--bar", "day-progress--day", "day-progress--count"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.days: tuple[DayCount, ...] = ()
        self.students = 0

    def show(self, days: tuple[DayCount, ...], students: int) -> None:
        self.days, self.students = days, students
        self.refresh()

    def render(self) -> Text:
        if not self.days:
            return Text("")
        cell = max(6, self.size.width // len(self.days))
        labels = day_labels(self.days)
        bar_style = self.get_component_rich_style("day-progress--bar")
        day_style = self.get_component_rich_style("day-progress--day")
        count_style = self.get_component_rich_style("day-progress--count")
        top, bottom = Text(), Text()
        for label, day in zip(labels, self.days):
            count = str(day.reached)
            room = max(0, cell - len(count) - 3)
            blocks = round(room * day.reached / self.students) if self.students else 0
            top.append(cut(label, cell - 1).ljust(cell), day_style)
            bottom.append(BLOCK * blocks or "·", bar_style)
            bottom.append(f" {count}".ljust(cell - max(blocks, 1)), count_style)
        return Text("\n").join([top, bottom])


def day_labels(days: tuple[DayCount, ...]) -> list[str]:
    """Each day by its first word ("Thursday"), when that tells the days apart."""
    first = [day.day.split()[0] if day.day.split() else day.day for day in days]
    return first if len(set(first)) == len(first) else [day.day for day in days]


def cut(text: str, width: int) -> str:
    width = max(1, width)
    return text if len(text) <= width else text[:width - 1] + "…"
