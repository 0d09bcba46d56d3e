"""The answer widget of a match question: the items on the left as a list, the lettered items
on the right beside it. A letter key gives the highlighted item that match and moves on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList, Static

from ...content.kinds.match import LETTERS
from ..messages import AnswerGiven


class MatchAnswer(Horizontal):
    """Side by side, as on paper: the list of items to match, then the letters to match with
    (so that six items and eight letters fit at 80x24 with the question above them)."""

    def __init__(self, items: tuple[str, ...], targets: tuple[str, ...], reuse: bool,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.items, self.targets, self.reuse = items, targets, reuse

    def compose(self) -> ComposeResult:
        yield MatchList(self.items, self.targets, self.reuse, id="pairs")
        each = "a letter may be used more than once" if self.reuse else "each letter once"
        legend = "\n".join([f"Match with ({each}):", *(f"{letter}. {text}" for letter, text
                                                      in zip(LETTERS, self.targets))])
        yield Static(Content(legend), classes="match-targets")

    def focus(self, scroll_visible: bool = True):
        # Focus without scrolling: the question above stays in view; the highlight is kept in
        # view as it moves (MatchList.keep_in_view).
        self.query_one(MatchList).focus(scroll_visible=False)
        return self


class MatchList(OptionList):
    """The items on the left, each with the letter of its match so far."""

    BINDINGS = [
        *[Binding(letter, f"assign({n})", show=False) for n, letter in enumerate(LETTERS)],
        Binding("right", "cycle(1)", "Next match", show=False),
        Binding("left", "cycle(-1)", "Previous match", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        # The list never scrolls itself (it is as tall as its items): PgUp and PgDn scroll the
        # question around it, so the question can always be read again.
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        # Not a priority binding: those run as the key arrives, ahead of the letters typed
        # before it that still wait in this widget's queue.
        Binding("enter", "submit", "Submit matches"),
    ]

    def __init__(self, items: tuple[str, ...], targets: tuple[str, ...], reuse: bool,
                 **kwargs) -> None:
        self.items, self.targets, self.reuse = items, targets, reuse
        self.matched: dict[str, str] = {}
        super().__init__(*self.prompts(), markup=False, **kwargs)

    def prompts(self) -> list[str]:
        """'1. [c] item', as a letter written in the blank on paper."""
        rows = []
        for n, item in enumerate(self.items, 1):
            match = self.matched.get(item)
            letter = LETTERS[self.targets.index(match)] if match in self.targets else " "
            rows.append(f"{n}. [{letter}] {item}")
        return rows

    def redraw(self, highlight: int) -> None:
        self.clear_options()
        self.add_options(self.prompts())
        self.highlighted = highlight

    def taken_elsewhere(self, here: int) -> set[str]:
        """The targets other items hold, which this item may not take without reuse."""
        if self.reuse:
            return set()
        return {match for item, match in self.matched.items() if item != self.items[here]}

    def action_assign(self, index: int) -> None:
        here = self.highlighted
        if here is None or not 0 <= index < len(self.targets):
            return
        target = self.targets[index]
        if not self.reuse:  # each item on the right once: a letter typed moves to this item
            for item, match in list(self.matched.items()):
                if match == target:
                    del self.matched[item]
        self.matched[self.items[here]] = target
        self.redraw(min(here + 1, len(self.items) - 1))

    def action_cycle(self, step: int) -> None:
        """The next (or previous) letter no other item holds: the arrows change this item's
        match and leave the others alone."""
        here = self.highlighted
        if here is None:
            return
        free = [t for t in self.targets if t not in self.taken_elsewhere(here)]
        if not free:
            return
        current = self.matched.get(self.items[here])
        if current in free:
            target = free[(free.index(current) + step) % len(free)]
        else:
            target = free[0] if step > 0 else free[-1]
        self.matched[self.items[here]] = target
        self.redraw(here)

    def action_clear(self) -> None:
        here = self.highlighted
        if here is not None and self.matched.pop(self.items[here], None) is not None:
            self.redraw(here)

    def action_page(self, direction: int) -> None:
        area = self.scroll_area()
        if area is not None:
            (area.scroll_page_down if direction > 0 else area.scroll_page_up)(animate=False)

    def action_submit(self) -> None:
        missing = [n for n, item in enumerate(self.items, 1) if item not in self.matched]
        if missing:
            self.notify(f"Match every item first (still open: {', '.join(map(str, missing))}).",
                        severity="warning")
            return
        self.post_message(AnswerGiven(dict(self.matched)))

    def scroll_area(self) -> ScrollableContainer | None:
        return next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)

    @on(OptionList.OptionHighlighted)
    def keep_in_view(self) -> None:
        """Scroll the question around the list so the highlighted item shows: the list is as
        tall as its items, so its own scrolling cannot (after a hint or on a second try the
        question above it can push it down)."""
        area, here = self.scroll_area(), self.highlighted
        if area is None or here is None or not self.is_mounted:
            return
        line, height = self.option_line(here)
        top = self.content_region.y + line - area.content_region.y + int(area.scroll_y)
        area.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)

    def option_line(self, index: int) -> tuple[int, int]:
        """Where option ``index`` starts in the list, and how many lines it takes (it wraps).
        OptionList keeps this in private fields; without them, one line an option."""
        try:
            return self._index_to_line[index], self._heights[index]
        except (AttributeError, KeyError, IndexError):
            return index, 1
