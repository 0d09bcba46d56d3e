"""A real `briefing serve` in a subprocess on a loopback port, and a websocket student that
speaks the page's protocol, for the attack tests (tests/unit/test_serve_attacks.py and the
survival test). Every wait has a deadline that turns into a failure, never a hang."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import signal
import socket
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from ..loopback import ESCAPES, free_port, listening

ROOT = Path(__file__).resolve().parents[2]
STEP = 60.0  # seconds, at most, for any one thing to happen (a 2-core box under `-n 2`)


def wait_for(check, what: str, timeout: float = STEP, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)


def games_of(marker: str) -> list[int]:
    """Pids of running game processes whose command line holds ``marker`` (each test's own
    results folder), found in /proc: how a test sees leaked games, whoever started them. The
    fork launcher's warm process holds the same command line as the games it forks (a fork
    keeps it) but is not a game: it is the one whose parent is not one of them."""
    found, parent = [], {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and b"play" in command and any(marker.encode() in a for a in command):
            found.append(int(entry.name))
            parent[int(entry.name)] = int(fields[1])
    return [pid for pid in found
            if not (warm_process(pid) and parent[pid] not in parent)]


def warm_process(pid: int) -> bool:
    try:
        return b"game.serve_zygote" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def rss_bytes(pid: int) -> int:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Served:
    """A running `briefing serve`: its process, port, folders and console log."""

    process: subprocess.Popen
    port: int
    results: Path
    log_path: Path
    cwd: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def games(self) -> list[int]:
        return games_of(str(self.results))


@contextlib.contextmanager
def serving(tmp_path: Path, *arguments: str, files_limit: int | None = None,
            cwd: Path | None = None, pack: str | None = None):
    """`briefing serve` on a free loopback port, stopped (SIGTERM, then SIGKILL to its process
    group) at the end. ``files_limit``: the server's RLIMIT_NOFILE, soft and hard."""
    port, results = free_port(), tmp_path / "results"
    cwd = cwd or tmp_path
    cwd.mkdir(parents=True, exist_ok=True)
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

    def limit_files() -> None:
        if files_limit is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (files_limit, files_limit))

    # `briefing serve` as a teacher types it: the console script, which (unlike `python -m`)
    # puts its own folder first on the import path, not the folder it was started from.
    script = Path(sys.executable).with_name("briefing")
    start = [str(script)] if script.exists() else [sys.executable, "-m", "game"]
    command = [*start, "serve", *([pack] if pack else []),
               "--port", str(port), "--results", str(results), *arguments]
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, preexec_fn=limit_files)
    served = Served(process, port, results, log_path, cwd)
    try:
        wait_for(lambda: listening(port) or process.poll() is not None, "the server")
        assert process.poll() is None, served.log()
        yield served
    finally:
        stop(served)


def stop(served: Served) -> None:
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGTERM)
        try:
            served.process.wait(timeout=STEP)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(OSError):
        os.killpg(served.process.pid, signal.SIGKILL)
    served.process.wait()
    for pid in served.games():  # never leave a leaked game behind, even when a test failed
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@dataclass
class Student:
    """One browser session over a websocket: what the game drew, as text, so far."""

    ws: aiohttp.ClientWebSocketResponse
    received: bytearray = field(default_factory=bytearray)
    closed: bool = False

    def screen(self) -> str:
        return ESCAPES.sub("", self.received.decode("utf-8", "replace"))

    async def read_until(self, text: str, timeout: float = STEP) -> None:
        """Read what the game sends until ``text`` shows, failing at the deadline."""
        deadline = asyncio.get_running_loop().time() + timeout
        while text not in self.screen():
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0 or self.closed:
                raise AssertionError(f"{text!r} never showed; the screen ends with "
                                     f"{self.screen()[-300:]!r}")
            await self.read_once(left)

    async def read_once(self, timeout: float) -> None:
        try:  # not receive(timeout=): each heartbeat ping restarts that one
            message = await asyncio.wait_for(self.ws.receive(), timeout)
        except asyncio.TimeoutError:
            return
        if message.type == aiohttp.WSMsgType.BINARY:
            self.received += message.data
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                              aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.ERROR):
            self.closed = True

    async def read_to_end(self, timeout: float = STEP) -> None:
        """Read until the server closes the session (failing at the deadline)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.closed:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError("the server never closed the session")
            await self.read_once(left)

    async def until_typing_shows(self) -> None:
        """Types a mark until the game shows it: the title screen takes keys only once its
        name box has the focus, a moment after it is first drawn."""
        deadline = asyncio.get_running_loop().time() + STEP
        while "Qz" not in self.screen():
            if asyncio.get_running_loop().time() > deadline or self.closed:
                raise AssertionError("typing never showed")
            await self.type("Qz")
            with contextlib.suppress(AssertionError):
                await self.read_until("Qz", timeout=0.5)

    async def type(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])


async def connect(session: aiohttp.ClientSession, served: Served, width: int = 80,
                  height: int = 24, **options) -> Student:
    ws = await session.ws_connect(f"{served.url}/ws?width={width}&height={height}",
                                  timeout=aiohttp.ClientWSTimeout(ws_close=5), **options)
    return Student(ws)


def reset(ws: aiohttp.ClientWebSocketResponse) -> None:
    """Drop the connection abruptly: SO_LINGER 0, so closing sends a TCP reset."""
    transport = ws._writer.transport  # aiohttp keeps the connection's transport there
    sock = transport.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class RawSocketStudent:
    """A websocket client on a bare socket that can stop reading altogether (aiohttp's client
    reads into memory whatever arrives), so the server's sends back up, then reset."""

    def __init__(self, port: int, width: int = 80, height: int = 24) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=STEP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.sendall((f"GET /ws?width={width}&height={height} HTTP/1.1\r\n"
                           f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = self.sock.recv(1)
            if not chunk:
                raise AssertionError(f"the server closed the handshake: {reply!r}")
            reply += chunk
        assert reply.startswith(b"HTTP/1.1 101"), reply

    def send_json(self, value) -> None:
        import json

        payload = json.dumps(value).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
        else:
            header += bytes([0x80 | 127]) + len(payload).to_bytes(8, "big")
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def reset(self) -> None:
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()
