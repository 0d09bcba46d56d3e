"""The dashboard app: reads the results folder every few seconds, off the UI thread, and hands
what it found to the one screen.

Each read runs in a daemon thread of its own, awaited by an async worker: quitting cancels the
worker at once and leaves the thread behind (it stops between two files), where a thread
worker would keep the app from closing until the whole folder had been read."""

from __future__ import annotations

import asyncio
import threading
import traceback
from concurrent.futures import Future
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from ...classroom.live import QUIET_AFTER, PackLookup, PackShelf, class_view
from ...classroom.projector import projector_view
from ...classroom.results import FolderReader, ReadResults
from ...content.models import Pack
from ...crashlog import write_crash_log
from ...paths import data_dir
from .projector_screen import ProjectorScreen
from .screen import DashboardScreen

FolderScreen = (DashboardScreen, ProjectorScreen)  # each shows what a read found


class FolderRead(Message):
    """The results folder as it was at ``at`` (a ClassView, or a ProjectorView for the
    projector); ``problem`` says why it could not be read."""

    def __init__(self, view: Any, at: datetime, problem: str = "") -> None:
        super().__init__()
        self.view, self.at, self.problem = view, at, problem


class FolderCounted(Message):
    """A read has begun: ``files`` files may be results."""

    def __init__(self, files: int) -> None:
        super().__init__()
        self.files = files


class DashboardApp(App[None]):
    CSS_PATH = "dashboard.tcss"
    TITLE = "briefing dashboard"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Close the dashboard"),
        Binding("r", "refresh", "Refresh now", id="refresh",
                tooltip="Read the results folder again now"),
    ]

    def __init__(self, folder: Path, packs: PackLookup, every: float = 3.0,
                 quiet_after: timedelta = QUIET_AFTER):
        super().__init__()
        self.folder = Path(folder)
        self.reader = FolderReader(self.folder)  # remembers files read, reads changed ones
        self.packs = packs
        self.every = every
        self.quiet_after = quiet_after
        self.reading = False  # one read at a time: a slow folder never piles up threads

    def first_screen(self) -> DashboardScreen | ProjectorScreen:
        return DashboardScreen(self.folder)

    def view_of(self, found: ReadResults) -> Any:
        """What the screen shows of what a read found (built in the reading thread)."""
        return class_view(found, self.packs, datetime.now(timezone.utc), self.quiet_after)

    def on_mount(self) -> None:
        self.push_screen(self.first_screen())
        self.action_refresh()
        self.set_interval(self.every, self.action_refresh)

    def action_refresh(self) -> None:
        if not self.reading:
            self.reading = True
            self.read_folder()

    @work(group="read-folder")
    async def read_folder(self) -> None:
        done: Future[FolderRead | None] = Future()
        threading.Thread(target=self.read_in_thread, args=(done,), name="read-results",
                         daemon=True).start()
        message = await asyncio.wrap_future(done)  # cancelled at once when the app closes
        if message is not None:
            self.post_message(message)

    def read_in_thread(self, done: Future) -> None:
        """Read the folder and build the view, in the thread: what was found, None when the
        app closed meanwhile, or why it could not be read (in one line, never a traceback)."""
        def closing() -> bool:
            return not self.is_running

        if not done.set_running_or_notify_cancel():
            return  # the app closed before the thread began
        try:
            paths = self.reader.paths()
            self.post_from_thread(FolderCounted(len(paths)))
            found = self.reader.read(paths, stop=closing)
            done.set_result(None if found is None else
                            FolderRead(self.view_of(found), datetime.now()))
        except OSError as exc:
            done.set_result(FolderRead(None, datetime.now(), exc.strerror or str(exc)))
        except Exception:  # a bug: logged for whoever fixes it, one line for the teacher
            log = write_crash_log(data_dir(), traceback.format_exc())
            where = f"; details in {log}" if log else ""
            done.set_result(FolderRead(None, datetime.now(), f"internal error{where}"))

    def post_from_thread(self, message: Message) -> None:
        try:
            self.post_message(message)
        except RuntimeError:  # the app's loop closed meanwhile: nobody is left to tell
            pass

    @on(FolderCounted)
    def folder_counted(self, message: FolderCounted) -> None:
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, FolderScreen):
            screen.reading(message.files)

    @on(FolderRead)
    def folder_read(self, message: FolderRead) -> None:
        self.reading = False
        screen = self.screen_stack[-1] if self.screen_stack else None  # none while closing
        if isinstance(screen, FolderScreen):
            screen.show(message.view, message.at, message.problem)
        if message.view is None and message.problem:
            self.reader = FolderReader(self.folder)  # read it all again next time


class ProjectorApp(DashboardApp):
    """The same reads, shown to the class: no names, the split for the current question."""

    CSS_PATH = "projector.tcss"
    TITLE = "briefing projector"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit", tooltip="Close the projector view")]

    def first_screen(self) -> ProjectorScreen:
        return ProjectorScreen()

    def view_of(self, found: ReadResults) -> Any:
        return projector_view(found, self.packs, datetime.now(timezone.utc), self.quiet_after)


def make_dashboard(folder: Path, *, packs: Iterable[Pack] = (), every: float = 3.0,
                   pack_folders: Iterable[Path] | None = None, projector: bool = False,
                   quiet_after: timedelta = QUIET_AFTER) -> DashboardApp:
    """The app factory that the CLI and the tests share. ``packs`` are used for scene titles
    and question texts before the shipped packs (or ``pack_folders``); ``projector`` makes the
    view for the class, without names."""
    app = ProjectorApp if projector else DashboardApp
    return app(folder, PackShelf(packs, pack_folders), every=every, quiet_after=quiet_after)
