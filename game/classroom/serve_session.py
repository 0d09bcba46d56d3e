"""One browser session under `briefing serve`: a websocket on one side, a game process on the
other, and the limits between them (serve_limits.py). Whatever ends the session (the student
leaving, a reset, a browser that stops reading, a limit, the server stopping) ends it the same
way: the game is killed, and the server reaps it (serve.py counts games, not connections).

This replaces textual-serve's own ``AppService`` and websocket handler, whose reader did not
catch every way a connection can end and whose writer could block on a dead browser; the
packet protocol between server and game is textual-serve's (and Textual's WebDriver's)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import WSMsgType, web

from .serve_input import InBandResizeFilter, InputBucket, read_envelope
from .serve_launch import GameProcess
from .serve_limits import GAME_START_SECONDS, MAX_GAME_PACKET_BYTES, SessionLimits

if TYPE_CHECKING:
    from textual_serve.download_manager import DownloadManager

log = logging.getLogger("briefing.serve")

# Errors that mean the other end has gone (or is going): the session ends, quietly.
GONE = (ConnectionError, OSError, RuntimeError, asyncio.IncompleteReadError,
        asyncio.TimeoutError, ValueError)
STDERR_KEPT = 8 * 1024  # of what a game writes to its standard error, relayed at its end
STDERR_LINES = 5
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

TOO_MUCH_MEMORY = ("This game used too much memory and was stopped. Your answers so far are "
                   "saved; reload the page to continue.")
SERVER_STOPPED = ("The teacher has stopped the game server. Your answers so far are saved; "
                  "when it runs again, reload the page and continue with your resume code.")
TOO_MUCH_INPUT = ("This game was sent too much at once and was stopped. Your answers so far "
                  "are saved; reload the page to continue.")


class SessionEnded(Exception):
    """Ends a session on purpose; ``student`` is written on their screen, ``teacher`` logged."""

    def __init__(self, teacher: str, student: str = "") -> None:
        super().__init__(teacher)
        self.teacher, self.student = teacher, student


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


def printable(line: str, width: int = 200) -> str:
    return _CONTROL.sub("", line)[:width]


def resident_bytes(pid: int) -> int | None:
    """The process's resident memory (Linux's /proc), or None when it cannot be read."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def proportional_bytes(pid: int) -> int | None:
    """The process's proportional share of memory (PSS: pages it shares with other games count
    a part each), or None when Linux's /proc cannot say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


class GamesMemory:
    """All games' memory together, against one budget: the computer must not run out because
    many games each stay under their own ceiling. Over the budget, the largest game stops."""

    def __init__(self, budget: int | None) -> None:
        self.budget = budget
        self.held: dict[int, int] = {}  # pid: PSS at its last check

    def over_budget(self, pid: int) -> int | None:
        """All games' total when it is over the budget and ``pid`` holds the most, else None."""
        if self.budget is None:
            return None
        used = proportional_bytes(pid)
        if used is None:
            return None
        self.held[pid] = used
        total = sum(self.held.values())
        return total if total > self.budget and used >= max(self.held.values()) else None

    def forget(self, pid: int) -> None:
        self.held.pop(pid, None)


class BrowserSession:
    """Moves keys from the browser to ``game`` and the screen back, until one side goes."""

    def __init__(self, websocket: web.WebSocketResponse, game: GameProcess,
                 limits: SessionLimits, downloads: DownloadManager,
                 games_memory: GamesMemory | None = None,
                 server_stopping: asyncio.Event | None = None) -> None:
        self.websocket, self.game, self.limits = websocket, game, limits
        self.server_stopping = server_stopping or asyncio.Event()
        self.games_memory = games_memory or GamesMemory(None)
        self.download_manager = downloads
        self.app_service_id = uuid.uuid4().hex  # what textual-serve's DownloadManager asks
        self.name = f"game {game.pid}"
        self.bucket = InputBucket(limits.bytes_per_second, limits.burst_bytes)
        self.resizes = InBandResizeFilter()
        self.refusals = 0
        self.bad_messages = 0
        self.stderr = bytearray()
        self.stdin_lock = asyncio.Lock()

    async def run(self) -> None:
        """Until the session ends; the game is killed when this returns (or is cancelled)."""
        tasks = [asyncio.create_task(self.from_game()), asyncio.create_task(self.from_browser())]
        if resident_bytes(self.game.pid) is not None:  # Linux; elsewhere no memory ceiling
            tasks.append(asyncio.create_task(self.watch_memory()))
        stderr = asyncio.create_task(self.keep_stderr())
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                await self.ended(task)
            if self.server_stopping.is_set():  # the game was ended with every other one
                await self.tell_student(SERVER_STOPPED)
        finally:
            for task in tasks:
                task.cancel()
            self.game.kill()
            await asyncio.gather(*tasks, return_exceptions=True)
            with contextlib.suppress(Exception):
                await self.download_manager.cancel_app_downloads(self.app_service_id)
            with contextlib.suppress(*GONE):
                await asyncio.wait_for(self.websocket.close(), self.limits.send_timeout_seconds)
            with contextlib.suppress(*GONE):
                await asyncio.wait_for(stderr, 2)
            stderr.cancel()
            self.relay_stderr()

    async def ended(self, task: asyncio.Task) -> None:
        if task.cancelled():
            return
        problem = task.exception()
        if isinstance(problem, SessionEnded):
            log.warning("%s: %s", self.name, problem.teacher)
            if problem.student:
                await self.tell_student(problem.student)
        elif problem is not None and not isinstance(problem, GONE):
            log.warning("%s: the session ended (%s: %s)", self.name, type(problem).__name__,
                        printable(str(problem), 100))

    async def tell_student(self, words: str) -> None:
        """``words`` on a cleared screen, in place of the game's (its last words)."""
        with contextlib.suppress(*GONE):
            text = "\x1b[0m\x1b[2J\x1b[H\r\n  " + words + "\r\n"
            await asyncio.wait_for(self.websocket.send_bytes(text.encode()), 5)

    # -- the game's side -----------------------------------------------------------------

    async def from_game(self) -> None:
        """The game's screen to the browser; returns when either end has gone."""
        stdout = self.game.stdout
        with contextlib.suppress(*GONE):
            await asyncio.wait_for(self.prelude(stdout), GAME_START_SECONDS)
        while True:
            try:
                head = await stdout.readexactly(5)
                size = int.from_bytes(head[1:], "big")
                if size > MAX_GAME_PACKET_BYTES:
                    raise SessionEnded(f"sent a packet of {size} bytes; stopped")
                payload = await stdout.readexactly(size)
            except GONE:
                return  # the game ended
            try:
                if head[:1] == b"D":
                    await self.to_browser(self.websocket.send_bytes(payload))
                elif head[:1] == b"M":
                    await self.on_meta(payload)
                elif head[:1] == b"P":
                    await self.on_packed(payload)
            except GONE:
                return  # the browser has gone, or stopped reading

    async def prelude(self, stdout: asyncio.StreamReader) -> None:
        for _ in range(10):
            line = await stdout.readline()
            if not line or line == b"__GANGLION__\n":
                return

    async def to_browser(self, sending) -> None:
        await asyncio.wait_for(sending, self.limits.send_timeout_seconds)

    async def on_meta(self, payload: bytes) -> None:
        try:
            meta = json.loads(payload)
        except ValueError:
            return
        kind = meta.get("type") if isinstance(meta, dict) else None
        if kind == "exit":
            raise ConnectionError("the game ended")
        if kind == "open_url" and isinstance(meta.get("url"), str):
            await self.to_browser(self.websocket.send_str(json.dumps(
                ["open_url", {"url": meta["url"], "new_tab": bool(meta.get("new_tab", True))}])))
        elif kind == "deliver_file_start":
            await self.start_download(meta)

    async def start_download(self, meta: dict) -> None:
        """A file the game hands to its browser (the debrief's save): textual-serve's
        DownloadManager serves it at /download/<key>."""
        try:
            key = str(meta["key"])
            await self.download_manager.create_download(
                app_service=self, delivery_key=key, file_name=Path(str(meta["path"])).name,
                open_method=str(meta["open_method"]), mime_type=str(meta["mime_type"]),
                encoding=meta.get("encoding"), name=meta.get("name"))
        except (KeyError, TypeError):
            return
        await self.to_browser(self.websocket.send_str(json.dumps(["deliver_file_start", key])))

    async def on_packed(self, payload: bytes) -> None:
        from textual_serve._binary_encode import load

        try:
            unpacked = load(payload)
        except Exception:  # a malformed packet from the game: not the browser's doing
            return
        if isinstance(unpacked, (list, tuple)) and len(unpacked) == 3 \
                and unpacked[0] == "deliver_chunk":
            await self.download_manager.chunk_received(unpacked[1], unpacked[2])

    async def send_meta(self, data: dict) -> bool:
        """A meta packet to the game (textual-serve's DownloadManager calls this too)."""
        return await self.to_game(packet(b"M", json.dumps(data).encode("utf-8")))

    async def to_game(self, data: bytes) -> bool:
        async with self.stdin_lock:
            try:
                self.game.stdin.write(data)
                await asyncio.wait_for(self.game.stdin.drain(),
                                       self.limits.send_timeout_seconds)
            except GONE:
                return False
        return True

    async def keep_stderr(self) -> None:
        """Reads the game's standard error all along (so it never blocks on it), keeping the
        start of it for the console."""
        while chunk := await self.game.stderr.read(4096):
            self.stderr += chunk[:max(0, STDERR_KEPT - len(self.stderr))]

    def relay_stderr(self) -> None:
        lines = [printable(line) for line in self.stderr.decode("utf-8", "replace").splitlines()]
        for line in [line for line in lines if line.strip()][:STDERR_LINES]:
            log.warning("%s said: %s", self.name, line)

    async def watch_memory(self) -> None:
        ceiling = self.limits.max_game_memory_bytes
        try:
            while True:
                await asyncio.sleep(self.limits.memory_check_seconds)
                used = resident_bytes(self.game.pid)
                if used is None:
                    return  # the game has ended
                if used > ceiling:
                    raise SessionEnded(f"used {used // 2**20} MB of memory (the ceiling is "
                                       f"{ceiling // 2**20} MB); stopped", TOO_MUCH_MEMORY)
                total = self.games_memory.over_budget(self.game.pid)
                if total is not None:
                    raise SessionEnded(
                        f"the largest game: all games together held {total // 2**20} MB (the "
                        f"budget is {self.games_memory.budget // 2**20} MB); stopped",
                        TOO_MUCH_MEMORY)
        finally:
            self.games_memory.forget(self.game.pid)

    # -- the browser's side --------------------------------------------------------------

    async def from_browser(self) -> None:
        """The browser's messages to the game; returns when the websocket closes."""
        async for message in self.websocket:
            if message.type == WSMsgType.TEXT:
                await self.on_message(message.data)
            elif message.type == WSMsgType.ERROR:
                raise SessionEnded(f"the connection failed ({printable(str(message.data))})")
            else:
                self.bad_message()

    async def on_message(self, data: str) -> None:
        size = len(data) if len(data) > self.limits.max_message_bytes else len(
            data.encode("utf-8", "replace"))
        if size > self.limits.max_message_bytes:
            self.refuse(f"dropped a message of {size} bytes: too much at once (the limit is "
                        f"{self.limits.max_message_bytes})")
            return
        if not self.bucket.take(size):
            self.refuse(f"dropped a message of {size} bytes: too much in a short time (the "
                        f"limit is {int(self.limits.bytes_per_second)} bytes a second)")
            return
        envelope = read_envelope(data)
        if envelope is None:
            self.bad_message()
        elif envelope.kind == "stdin":
            keys = self.resizes.feed(envelope.text)
            if keys:
                await self.to_game(packet(b"D", keys.encode("utf-8")))
        elif envelope.kind == "resize":
            width, height = envelope.size
            await self.send_meta({"type": "resize", "width": width, "height": height})
        elif envelope.kind == "ping":
            await self.to_browser(self.websocket.send_json(["pong", envelope.text]))
        else:
            await self.send_meta({"type": envelope.kind})

    def refuse(self, why: str) -> None:
        self.refusals += 1
        if self.refusals >= self.limits.refusals_before_end:
            raise SessionEnded(f"{why}; stopped after {self.refusals} such messages",
                               TOO_MUCH_INPUT)
        log.warning("%s: %s", self.name, why)

    def bad_message(self) -> None:
        self.bad_messages += 1
        if self.bad_messages == 1:
            log.warning("%s: the browser sent a message the page never sends; ignored (and "
                        "any more like it)", self.name)
