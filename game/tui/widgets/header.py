"""The game's header: Textual's, with a title that a closing screen cannot crash.

Textual's Header keeps its title up to date from watchers on the app and the screen, and looks
its title widget up each time. A title changed while the header is being taken down (the player
quits as a screen is switched, or a preview leaves its first frame) finds no title widget, and
Textual's watcher lets that error end the game. Here the header stops listening as it goes.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class GameHeader(Header):
    def _on_mount(self, mount) -> None:
        # Textual's Header._on_mount, with NoMatches caught beside NoScreen, in its place:
        # Textual runs each class's handler, base classes' after, unless told not to (re-check
        # on a Textual bump: pyproject.toml lists the private parts the game relies on).
        mount.prevent_default()
        Widget._on_mount(self, mount)  # what Widget's own does (scrollbars), kept
        def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoScreen, NoMatches):  # the header, or its title, is going
                pass

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
