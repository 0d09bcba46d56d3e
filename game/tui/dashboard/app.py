"""The dashboard app: reads the results folder every few seconds, off the UI thread, and hands
what it found to the one screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Iterable

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from ...classroom.live import ClassView, PackLookup, PackShelf, class_view
from ...classroom.results import read_results
from ...content.models import Pack
from .screen import DashboardScreen


class FolderRead(Message):
    """The results folder as it was at ``at``; ``problem`` says why it could not be read."""

    def __init__(self, view: ClassView | None, at: datetime, problem: str = "") -> None:
        super().__init__()
        self.view, self.at, self.problem = view, at, problem


class DashboardApp(App[None]):
    CSS_PATH = "dashboard.tcss"
    TITLE = "briefing dashboard"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Close the dashboard"),
        Binding("r", "refresh", "Refresh now", id="refresh",
                tooltip="Read the results folder again now"),
    ]

    def __init__(self, folder: Path, packs: PackLookup, every: float = 3.0):
        super().__init__()
        self.folder = Path(folder)
        self.packs = packs
        self.every = every
        self.reading = False  # one read at a time: a slow folder never piles up threads

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen(self.folder))
        self.action_refresh()
        self.set_interval(self.every, self.action_refresh)

    def action_refresh(self) -> None:
        if not self.reading:
            self.reading = True
            self.read_folder()

    @work(thread=True, group="read-folder")
    def read_folder(self) -> None:
        try:
            view = class_view(read_results(self.folder), self.packs)
        except OSError as exc:
            self.post_message(FolderRead(None, datetime.now(), exc.strerror or str(exc)))
            return
        self.post_message(FolderRead(view, datetime.now()))

    @on(FolderRead)
    def folder_read(self, message: FolderRead) -> None:
        self.reading = False
        screen = self.screen_stack[-1] if self.screen_stack else None  # none while closing
        if isinstance(screen, DashboardScreen):
            screen.show(message.view, message.at, message.problem)


def make_dashboard(folder: Path, *, packs: Iterable[Pack] = (), every: float = 3.0,
                   pack_folders: Iterable[Path] | None = None) -> DashboardApp:
    """The app factory that the CLI and the tests share. ``packs`` are used for scene titles
    and question texts before the shipped packs (or ``pack_folders``)."""
    return DashboardApp(folder, PackShelf(packs, pack_folders), every=every)
