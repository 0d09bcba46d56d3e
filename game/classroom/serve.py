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

import asyncio
import ipaddress
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Protocol

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from ..engine import Mode
from .serve_launch import GameProcess, Launcher, SubprocessLauncher
from .serve_limits import (ACCESSIBLE_PATH, HEARTBEAT_SECONDS, IDLE_CONNECTION_SECONDS, MAX_COLUMNS,
                           MAX_FRAME_BYTES, MAX_ROWS, SessionLimits, clamp_size,
                           games_memory_budget)
from .serve_log import initialize_logging, log_loop_exception
from .serve_session import BrowserSession, GamesMemory

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "ClassroomServer", "ServeOptions", "banner", "clamp_size",
           "serve", "session_argv"]

log = logging.getLogger("briefing.serve")

PAGE_FOLDER = Path(__file__).resolve().parent / "serve_page"
DEFAULT_MAX_SESSIONS = 60  # a class of 35 with reloads to spare
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
FILES_PER_GAME = 6  # the websocket, three pipes, and what asyncio needs to watch the process


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


def served_environment() -> dict[str, str]:
    """What every served game's environment adds to the server's: Textual's web driver and
    what textual-serve sets beside it (a warm process sets these before importing Textual)."""
    return {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TEXTUAL_FPS": "60",
            "TEXTUAL_COLOR_SYSTEM": "truecolor", "TERM_PROGRAM": "textual",
            "TERM_PROGRAM_VERSION": version("textual-serve")}


def game_environment(width: int, height: int) -> dict[str, str]:
    """One game's environment on top of the server's: the shared part and its terminal size."""
    return {**served_environment(), "COLUMNS": str(width), "ROWS": str(height)}


LAUNCHER_VARIABLE = "BRIEFING_SERVE_LAUNCHER"  # "subprocess": one fresh process a game


def default_launcher(options: ServeOptions) -> Launcher:
    """Games forked from a warm process (serve_fork.py), which falls back to one fresh process
    a game where it cannot fork; BRIEFING_SERVE_LAUNCHER=subprocess asks for the fresh processes
    outright (the class benchmark compares the two)."""
    argv = session_argv(options)
    if os.environ.get(LAUNCHER_VARIABLE) == "subprocess":
        return SubprocessLauncher(argv)
    from .serve_fork import ForkLauncher

    return ForkLauncher(argv, served_environment())


def host_allowed(header: str, port: int, serving_on: str) -> bool:
    """Whether a request's Host header names this server. On loopback only loopback names;
    on a network address IP literals and this computer's own names. Anything else is a name
    an outside page made point here (DNS rebinding)."""
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        if rest and not rest.startswith(":"):
            return False
        given_port = rest[1:]
    else:
        name, _, given_port = header.partition(":")
    if given_port != (str(port) if given_port or port != 80 else ""):
        return False
    name = name.lower().rstrip(".")
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    if is_loopback(serving_on):
        return name == "localhost" or (address is not None and address.is_loopback)
    return address is not None or name in own_names()


def own_names() -> set[str]:
    names = {"localhost"}
    for name in (socket.gethostname(), socket.getfqdn()):
        if name:
            names |= {name.lower(), f"{name.lower()}.local", name.lower().split(".")[0]}
    return names


class ExtraPages(Protocol):
    """More pages on the same server, with games of their own: the accessible version
    (game/plain/web.py, which this layer cannot import; the CLI hands it in)."""

    running: int  # its games, counted with the full-screen ones against --max-sessions
    max_body_bytes: int  # the largest request body it takes (a form)
    others_running: Callable[[], int]  # set here: the full-screen games running or starting

    def routes(self) -> list[web.RouteDef]: ...

    async def close(self) -> None: ...


class ClassroomServer(Server):
    """textual-serve's page, static files and downloads; our own sessions (serve_session.py),
    started only through ``launcher``, counted as games from start until reaped, within
    ``limits``; a page that loads nothing from outside the classroom; only this page's own
    scripts (Origin) and this computer's names (Host) allowed."""

    def __init__(self, options: ServeOptions, title: str = "briefing",
                 launcher: Launcher | None = None, limits: SessionLimits = SessionLimits(),
                 extra: ExtraPages | None = None):
        super().__init__(title, host=options.host, port=options.port, title=title,
                         templates_path=PAGE_FOLDER)
        self.options = options
        self.launcher = launcher or default_launcher(options)
        self.limits = limits
        self.games_memory = GamesMemory(games_memory_budget(limits))
        self.stopping = asyncio.Event()  # set as the server stops: each student is told why
        self.sessions = 0  # games running: from spawn until reaped
        self.starting = 0  # slots held by games being started
        self.reapers: set[asyncio.Task] = set()
        self.extra = extra
        if extra is not None:
            extra.others_running = lambda: self.sessions + self.starting

    def initialize_logging(self) -> None:
        initialize_logging()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_host],
                              client_max_size=self.extra.max_body_bytes if self.extra else 1024**2)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        if self.extra is not None:
            app.add_routes(self.extra.routes())
        return app

    @web.middleware
    async def check_host(self, request: web.Request, handler):
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        port = sockname[1] if sockname else self.port
        if not host_allowed(request.host or "", port, self.host):
            log.warning("Refused a request for another Host name (%r)", (request.host or "")[:80])
            raise web.HTTPForbidden(text="This server answers only to its own address.")
        return await handler(request)

    def base_url(self, request: web.Request) -> str:
        """The address the browser used (checked by check_host), so the page works on the
        laptop (127.0.0.1) and on the students' machines (the laptop's address) alike."""
        return f"{request.scheme}://{request.host}"

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
            "accessible_url": f"{base}{ACCESSIBLE_PATH}" if self.extra else None,
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            log.warning("Refused a game started from another site's page (%r)", origin[:100])
            raise web.HTTPForbidden(text="Open the game from its own address.")
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS,
                                          max_msg_size=MAX_FRAME_BYTES)
        if not websocket.can_prepare(request).ok:
            log.warning("Refused a request for /ws that is not a websocket")
            raise web.HTTPBadRequest(text="This address is for the game's page.")
        if self.games_running() >= self.options.max_sessions:
            log.warning("Refused a game: %d are running already (--max-sessions)", self.sessions)
            raise web.HTTPServiceUnavailable(text="Too many games are running; try again later.")
        size = clamp_size(request.query.get("width", "80"), request.query.get("height", "24"))
        game = await self.start_game(*(size or (80, 24)))
        try:
            await websocket.prepare(request)
            await BrowserSession(websocket, game, self.limits, self.download_manager,
                                 self.games_memory, self.stopping).run()
        except (ConnectionError, OSError, RuntimeError):
            pass  # the browser went during the handshake
        finally:
            game.kill()  # also when this handler is cancelled (the server stopping)
        return websocket

    def games_running(self) -> int:
        """Full-screen games running or starting, and the accessible version's."""
        return self.sessions + self.starting + (self.extra.running if self.extra else 0)

    async def start_game(self, width: int, height: int) -> GameProcess:
        self.starting += 1
        try:
            game = await self.launcher.spawn(width, height, game_environment(width, height))
        except OSError as exc:
            log.warning("Could not start a game (%s); refused", exc.strerror or exc)
            raise web.HTTPServiceUnavailable(text="The server is busy; try again.") from None
        finally:
            self.starting -= 1
        self.sessions += 1
        log.info("A browser started a game (pid %d, %d running)", game.pid, self.sessions)
        reaper = asyncio.create_task(self.reap(game))
        self.reapers.add(reaper)
        reaper.add_done_callback(self.reapers.discard)
        return game

    async def reap(self, game: GameProcess) -> None:
        """The session count goes down when the game is gone, not when its connection is."""
        try:
            await game.wait()
        finally:
            self.sessions -= 1
            log.info("A game ended (pid %d, %d running)", game.pid, self.sessions)

    async def run_until_stopped(self) -> None:
        """Serve until SIGINT or SIGTERM (or Ctrl+C); then kill and reap every game."""
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(log_loop_exception)
        stop = asyncio.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signal_number, stop.set)
            except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C interrupts instead
                pass
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None,
                               keepalive_timeout=IDLE_CONNECTION_SECONDS, shutdown_timeout=5)
        await self.launcher.start()
        try:
            await runner.setup()
            await web.TCPSite(runner, self.host, self.port).start()
            await stop.wait()
        finally:
            log.info("Stopping: ending every game (%d running)", self.sessions)
            self.stopping.set()
            if self.extra is not None:
                await self.extra.close()  # its games save, as at the end of a script
            await self.launcher.close()
            await asyncio.gather(*self.reapers, return_exceptions=True)
            await runner.cleanup()


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


def banner(options: ServeOptions, open_files: int | None = None) -> str:
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
    if open_files is not None and open_files < FILES_PER_GAME * options.max_sessions + 100:
        lines.append(f"This computer lets the server open {open_files} files, enough for about "
                     f"{max(0, (open_files - 100) // FILES_PER_GAME)} games at once; more are "
                     "refused.")
    return "\n".join(lines)


def raise_file_limit() -> int | None:
    """Lift the soft limit on open files to the hard one (1,024 is common, 256 on macOS);
    the new soft limit, or None where there is none to raise."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return None if soft == resource.RLIM_INFINITY else soft


def serve(options: ServeOptions, title: str = "briefing", extra: ExtraPages | None = None) -> None:
    """Run until Ctrl+C or SIGTERM. Raises OSError if the address cannot be listened on."""
    check_port(options.host, options.port)
    files = raise_file_limit()
    print(banner(options, files), flush=True)
    server = ClassroomServer(options, title, extra=extra)
    server.initialize_logging()
    try:
        asyncio.run(server.run_until_stopped())
    except KeyboardInterrupt:
        pass
