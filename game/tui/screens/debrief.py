"""The debrief: a one-screen summary first (scores, the ending, what is most worth revisiting),
then the detail (the ending, the scores, every decision and answer, the notebook); D jumps to
the detail, S saves it all as a file.

It appears at once however long the game was: the first frame holds the summary alone, and
the detail is laid out a few blocks at a time, each part when the view comes within two
screens of it (End lays out the rest). Laid out as one Markdown, the whole debrief of a
579-scene game took 1.7 to 2.8 s and 49 MB before its first frame (benchmarks/README.md)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.header import GameHeader
from ...debrief_file import MIME_TYPES, Format, render, suggested_name, write
from ...debrief_summary import summarise
from ...debrief_text import debrief_markdown, detail_sections
from ...engine import Debrief, played_by
from ..paging import page_keys, turn_page
from ..styles import GAME_CSS
from ..widgets.debrief_summary import DebriefSummary
from ..widgets.keys_footer import KeysFooter

PART_CHARACTERS = 3000  # of Markdown a part, at most (one block may be longer): a screen or two
AHEAD = 2  # screens of detail laid out below the view
REST_BATCH = 20  # parts a refresh when End asks for all of them


def detail_parts(debrief: Debrief) -> list[str]:
    """The detail as Markdown parts of a few blocks each, never splitting a block; a section's
    heading goes with its first block."""
    parts: list[str] = []
    for section in detail_sections(debrief, replay=True):
        blocks = [f"{section.heading}\n\n{section.blocks[0]}" if section.blocks
                  else section.heading, *section.blocks[1:]]
        current: list[str] = []
        size = 0
        for block in blocks:
            if current and size + len(block) > PART_CHARACTERS:
                parts.append("\n\n".join(current))
                current, size = [], 0
            current.append(block)
            size += len(block) + 2
        if current:
            parts.append("\n\n".join(current))
    return parts


class DetailPart(Static):
    """A few blocks of the detail, drawn by Rich's Markdown: one widget per part, since
    Textual's Markdown widget builds a widget per block (some 400 for a full campaign)."""

    def __init__(self, source: str, **kwargs) -> None:
        super().__init__(RichMarkdown(source), **kwargs)
        self.source = source


class DebriefScroll(VerticalScroll):
    """The debrief's scrolling area: End lays out the rest of the detail, then goes there."""

    def action_scroll_end(self) -> None:
        screen = self.screen
        if isinstance(screen, DebriefScreen):
            screen.lay_out_rest(then=super().action_scroll_end)
        else:
            super().action_scroll_end()


class DebriefScreen(Screen):
    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("d", "detail", "Detail", id="detail",
                tooltip="Every answer and decision, the notebook"),
        Binding("s", "save", "Save", id="save", tooltip="Save the debrief as Markdown or HTML"),
        Binding("t", "app.back_to_title", "Title screen", id="title"),
        *page_keys("scroll"),
    ]

    def __init__(self, debrief: Debrief, pack_id: str = "") -> None:
        super().__init__()
        self.debrief = debrief
        self.pack_id = pack_id  # names the file offered
        self.parts = detail_parts(debrief)  # Markdown text only: cheap, unlike its layout
        self.laid_out = 0  # parts mounted so far
        self.filling = False
        self.told_to_wait = False  # that End takes a moment, once

    @property
    def markdown(self) -> str:
        """The whole debrief as Markdown, as the Markdown file holds it."""
        return debrief_markdown(self.debrief)

    def compose(self) -> ComposeResult:
        yield GameHeader()
        who = played_by(self.debrief)
        with DebriefScroll(id="debrief"):
            yield DebriefSummary(summarise(self.debrief), who, id="debrief-summary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Debrief"
        area = self.query_one("#debrief", VerticalScroll)
        area.focus()
        self.watch(area, "scroll_y", self.fill, init=False)
        self.call_after_refresh(self.fill)  # the first frame is the summary alone

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)  # a taller view may want more below it

    @property
    def area(self) -> VerticalScroll:
        return self.query_one("#debrief", VerticalScroll)

    def wants_more(self) -> bool:
        area = self.area
        below = area.virtual_size.height - (area.scroll_y + area.size.height)
        return self.laid_out < len(self.parts) and below < AHEAD * max(1, area.size.height)

    async def fill(self) -> None:
        """Lay out the next part when the view nears the end of what is laid out, then look
        again once it is on screen (one part a refresh keeps every key answered)."""
        if self.filling or not self.is_attached or not self.wants_more():
            return
        self.filling = True
        try:
            await self.lay_out(1)
        finally:
            self.filling = False
        self.call_after_refresh(self.fill)

    def lay_out(self, count: int):
        """Mount the next ``count`` parts (awaitable, for when they must be there)."""
        new = [DetailPart(source, classes="debrief-part")
               for source in self.parts[self.laid_out:self.laid_out + count]]
        self.laid_out += len(new)
        return self.area.mount_all(new)

    def lay_out_rest(self, then: Callable[[], object]) -> None:
        """Every part not yet laid out, a batch a refresh (the screen is painted between
        batches), then ``then``. A long game's detail takes a few seconds: it says so."""
        left = len(self.parts) - self.laid_out
        if not left:
            self.call_after_refresh(then)
            return
        if left > REST_BATCH and not self.told_to_wait:
            self.told_to_wait = True
            self.notify("Laying out the rest of the debrief…", timeout=4)
        self.lay_out(REST_BATCH)
        self.call_after_refresh(self.lay_out_rest, then)

    async def action_detail(self) -> None:
        """To the detail's start (the ending, then every decision and answer)."""
        if not self.laid_out:
            await self.lay_out(1)
        first = self.query(DetailPart).first()
        self.call_after_refresh(self.area.scroll_to_widget, first, top=True, animate=False)

    def action_scroll(self, direction: int) -> None:
        turn_page(self.area, direction)

    def action_save(self) -> None:
        from .save_debrief import SaveDebriefDialog

        name = suggested_name(self.debrief, self.pack_id or "briefing")
        if self.app.is_web:  # a browser's student: a download, nothing on the server's disk
            self.app.push_screen(SaveDebriefDialog(name, self.deliver, download=True),
                                 self.delivered)
        else:
            self.app.push_screen(SaveDebriefDialog(name, self.save_to), self.saved)

    def save_to(self, path: Path, fmt: Format) -> str:
        return write(self.debrief, path, fmt)

    def saved(self, path: Path | None) -> None:
        if path is not None:
            self.notify(f"Saved the debrief to {path}", title="Debrief saved", timeout=10,
                        markup=False)

    def deliver(self, name: Path, fmt: Format) -> str:
        """Hand the file to the browser as a download; "" once it is on its way."""
        try:
            self.app.deliver_text(io.StringIO(render(self.debrief, fmt)),
                                  save_filename=name.name, mime_type=MIME_TYPES[fmt])
        except Exception as exc:  # the connection, not the debrief: say so and carry on
            return f"The download could not start ({exc.__class__.__name__}). Try again."
        return ""

    def delivered(self, name: Path | None) -> None:
        if name is not None:
            self.notify(f"{name} is downloading to your browser.", title="Debrief saved",
                        timeout=10, markup=False)
