"""PgUp / PgDn for the screens whose text can run past the terminal: a scene, the intro, the
debrief."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


def page_keys(action: str, priority: bool = False) -> list[Binding]:
    """PgUp and PgDn bound to ``action(-1)`` and ``action(1)``; only PgDn is in the footer."""
    return [
        Binding("pageup", f"{action}(-1)", "Scroll up", show=False, priority=priority),
        Binding("pagedown", f"{action}(1)", "Scroll", key_display="PgDn", priority=priority),
    ]


def turn_page(area: VerticalScroll, direction: int) -> None:
    area.scroll_page_down() if direction > 0 else area.scroll_page_up()
