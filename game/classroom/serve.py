"""`briefing serve`: the game in students' browsers, served by textual-serve from the teacher's
laptop. Every browser session runs a whole game as its own process, started by one command that
the teacher's flags fix before the server starts; nothing a browser sends can change it.

Saves go to a folder of their own (not the teacher's own saves), one per mode, class and name,
so a student whose connection drops opens the page again, types the same name and continues
with the resume code their game showed when it started.

What a browser can send, and what becomes of it (see the README's "Browser play" section):

- the page's query (``?fontsize=``, ``?delay=``, ``?ping=``) is read by the page itself; the
  server reads only ``fontsize``, as a number;
- the websocket's ``?width=&height=`` and later resize messages: the terminal size, clamped
  here to MAX_COLUMNS x MAX_ROWS; textual-serve gives it to the game as COLUMNS and ROWS;
- key presses, which go to the game's own input, as a terminal's would.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from ..engine import Mode

log = logging.getLogger("textual-serve")

PAGE_FOLDER = Path(__file__).resolve().parent / "serve_page"
MAX_COLUMNS, MAX_ROWS = 400, 150  # a 4K screen at a small font; bigger only costs the laptop
DEFAULT_MAX_SESSIONS = 60  # a class of 35 with reloads to spare
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
_HOST_HEADER = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")


@dataclass(frozen=True)
class ServeOptions:
    """What the teacher chose; everything a session runs with comes from here."""

    results: Path  # absolute, so every session writes to the same folder
    saves: Path  # absolute; the served games' saves, apart from the teacher's own
    host: str = "127.0.0.1"
    port: int = 8000
    class_code: str | None = None
    mode: Mode | None = None  # None: play's own default (practice)
    same_order: bool = False
    pack: Path | None = None  # absolute folder, checked to compile before serving
    max_sessions: int = DEFAULT_MAX_SESSIONS


def session_argv(options: ServeOptions, python: str = sys.executable) -> list[str]:
    """The one command every browser session runs: a game with the teacher's settings. The
    student's name is asked on the title screen (and the class code, when not given here).
    Every served game has resume codes: all sessions share one saves folder, so a name alone
    must not open a classmate's save."""
    argv = [python, "-m", "game", "play", "--data-dir", str(options.saves),
            "--results", str(options.results), "--resume-codes"]
    if options.class_code is not None:
        argv += ["--class", options.class_code]
    if options.mode:
        argv += ["--mode", Mode(options.mode).value]
    if options.same_order:
        argv.append("--same-order")
    if options.pack is not None:
        argv += ["--pack", str(options.pack)]
    return argv


def session_command(options: ServeOptions, python: str = sys.executable) -> str:
    """``session_argv`` quoted for the shell that textual-serve starts it with."""
    argv = session_argv(options, python)
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def clamp_size(width: Any, height: Any) -> tuple[int, int] | None:
    """A terminal size within bounds, or None when either is not a whole number."""
    try:
        columns, rows = int(width), int(height)
    except (TypeError, ValueError, OverflowError):
        return None
    return max(1, min(columns, MAX_COLUMNS)), max(1, min(rows, MAX_ROWS))


class ClassroomServer(Server):
    """textual-serve's server with a page that loads nothing from outside the classroom, a cap
    on games running at once, terminal sizes kept within bounds, and only this page's own
    scripts allowed to start a game."""

    def __init__(self, options: ServeOptions, title: str = "briefing"):
        super().__init__(session_command(options), host=options.host, port=options.port,
                         title=title, templates_path=PAGE_FOLDER)
        self.options = options
        self.sessions = 0

    def initialize_logging(self) -> None:
        super().initialize_logging()
        # One line per request is noise on a teacher's screen; games starting and ending are not.
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the CLI has already said where to point the browsers."""

    def base_url(self, request: web.Request) -> str:
        """The address the browser used, so the page works on the laptop (127.0.0.1) and on the
        students' machines (the laptop's address) alike."""
        host = request.host if _HOST_HEADER.match(request.host or "") else (
            f"{self.host}:{self.port}")
        return f"{request.scheme}://{host}"

    async def handle_index(self, request: web.Request) -> web.Response:
        base = self.base_url(request)
        try:
            font_size = max(8, min(int(request.query.get("fontsize", "16")), 48))
        except ValueError:
            font_size = 16
        context = {
            "font_size": font_size,
            "app_websocket_url": ("wss:" if base.startswith("https:") else "ws:")
            + base.split(":", 1)[1] + "/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            log.warning("Refused a game started from another site's page (%r)", origin[:100])
            raise web.HTTPForbidden(text="Open the game from its own address.")
        if self.sessions >= self.options.max_sessions:
            log.warning("Refused a game: %d are running already (--max-sessions)", self.sessions)
            raise web.HTTPServiceUnavailable(text="Too many games are running; try again later.")
        size = clamp_size(request.query.get("width", "80"), request.query.get("height", "24"))
        width, height = size or (80, 24)
        request = request.clone(rel_url=request.rel_url.with_query(width=width, height=height))
        self.sessions += 1
        log.info("A browser started a game (%d running)", self.sessions)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
            log.info("A game ended (%d running)", self.sessions)

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service) -> None:
        resize = app_service.set_terminal_size

        async def bounded_resize(width: Any, height: Any) -> None:
            size = clamp_size(width, height)
            if size is not None:
                await resize(*size)

        app_service.set_terminal_size = bounded_resize
        await super()._process_messages(websocket, app_service)


def check_port(host: str, port: int) -> None:
    """Raise OSError now if the address cannot be listened on, before anything is printed."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.create_server((host, port), family=family):
        pass


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def network_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback, as far as its name resolves (no
    packet is sent). May be empty: the teacher then reads the address from the settings."""
    try:
        _, _, addresses = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        return []
    return sorted({a for a in addresses if not a.startswith("127.")})


def url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def banner(options: ServeOptions) -> str:
    """What the teacher reads when the server starts: where to point the browsers, what is
    exposed, where results land."""
    host, port = options.host, options.port
    lines = []
    if is_loopback(host):
        lines += [f"Serving the game at {url(host, port)}",
                  "Open that address in a browser on this computer. Other computers cannot "
                  "reach it; to let students' browsers in, add --host 0.0.0.0 (see the README)."]
    else:
        wildcard = host in ("0.0.0.0", "::", "")
        addresses = network_addresses() if wildcard else [host]
        lines.append(f"Serving the game on {host or 'every address'}, port {port}.")
        if addresses:
            lines.append("Students open: " + ", ".join(url(a, port) for a in addresses))
        else:
            lines.append(f"Students open http://<this computer's address>:{port} (find the "
                         "address in the network settings).")
        lines += ["",
                  "WARNING: no password. Any device that can reach this computer on port "
                  f"{port} (everyone on this network, and beyond it if the network lets them) "
                  "can start games here, each a process running as you, and add result files "
                  "to the results folder under any name. Use it on a classroom network you "
                  "trust and stop it (Ctrl+C) after class.", ""]
    lines.append(f"Results go to {options.results}")
    if options.class_code is not None:
        lines.append(f"Class code: {options.class_code}")
    lines.append(f"At most {options.max_sessions} games at once. Press Ctrl+C to stop.")
    return "\n".join(lines)


def serve(options: ServeOptions, title: str = "briefing") -> None:
    """Run until Ctrl+C. Raises OSError if the address cannot be listened on."""
    check_port(options.host, options.port)
    print(banner(options), flush=True)
    ClassroomServer(options, title).serve()
