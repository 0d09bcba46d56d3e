"""Shown over the game while the terminal is smaller than even the compact layout needs; gone
when it grows.

It is a plain screen on top of the stack, so the game screen under it keeps everything (the
question, a half-typed answer, the focus) and no key reaches it until the terminal is big enough.
The game plays at MIN_WIDTH x MIN_HEIGHT (a browser at a large font, a phone on its side) with a
compact layout (game.tcss, ``Screen.-short``); below that the notice wraps and scrolls, so a
phone-width page still shows all of it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...classroom.serve_limits import ACCESSIBLE_PATH  # `briefing serve`'s accessible version

MIN_WIDTH, MIN_HEIGHT = 60, 20


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


def enlarge_text(width: int, height: int, in_browser: bool = False) -> str:
    """What to do, in short sentences that wrap well in a narrow window."""
    need = (f"The game needs {MIN_WIDTH}x{MIN_HEIGHT} characters; "
            f"this {'page' if in_browser else 'terminal'} has {width}x{height}.")
    if in_browser:
        todo = ("Make the text smaller: Ctrl and minus, or ?fontsize=14 at the end of the "
                "address. Or turn a phone sideways.\n\n"
                f"Or use the accessible version: this address ending in {ACCESSIBLE_PATH} "
                "(plain text and forms, for screen readers and small screens).")
    else:
        todo = "Make the window larger or the font smaller."
    return (f"{need}\n\n{todo}\n\n"
            "Nothing is lost: the game carries on when it fits. Ctrl+Q quits (your progress "
            "is saved).")


class TooSmallScreen(Screen):
    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size_now = (width, height)

    def compose(self) -> ComposeResult:
        # Scrolls: at a phone's width the words take more lines than there are.
        with VerticalScroll(id="enlarge-area"):
            yield Static(self.notice(), id="enlarge", markup=False)

    def notice(self) -> str:
        return enlarge_text(*self.size_now, in_browser=self.app.is_web)

    def show_size(self, width: int, height: int) -> None:
        self.size_now = (width, height)
        self.query_one("#enlarge", Static).update(self.notice())


class KeepsEnlargeOnTop:
    """For the App: cover the game with TooSmallScreen while the terminal is too small, and
    uncover it, exactly as it was, once it is big enough. Screens the game pushes or switches
    to meanwhile (a timer, a reload) go beneath the request, so it stays on top."""

    enlarge: TooSmallScreen | None = None

    def on_resize(self, event) -> None:
        self.fit_to(event.size.width, event.size.height)

    def fit_to(self, width: int, height: int) -> None:
        if not too_small(width, height):
            self.lift_enlarge()
        elif self.enlarge is None:
            self.enlarge = TooSmallScreen(width, height)
            super().push_screen(self.enlarge)
        else:
            self.enlarge.show_size(width, height)

    def lift_enlarge(self) -> bool:
        """Take the request off the top of the stack; True when it was there."""
        notice, self.enlarge = self.enlarge, None
        if notice is None:
            return False
        if self.screen is notice:
            super().pop_screen()
        return True

    def push_screen(self, screen, *args, **kwargs):
        covered = self.lift_enlarge()
        result = super().push_screen(screen, *args, **kwargs)
        if covered:
            self.fit_to(*self.size)
        return result

    def switch_screen(self, screen):
        covered = self.lift_enlarge()
        result = super().switch_screen(screen)
        if covered:
            self.fit_to(*self.size)
        return result
