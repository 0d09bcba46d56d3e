"""A bridge, until the server itself speaks to a launcher (serve_launch.py): textual-serve's
server and AppService as they are, with each game started by a launcher instead of by
``create_subprocess_shell``. The lead replaces this with the i13-serve branch's server.
"""

from __future__ import annotations

import asyncio
import os
from importlib.metadata import version

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .serve import ClassroomServer, ServeOptions, banner, check_port, session_argv
from .serve_launch import Launcher

ENDING_GRACE = 5.0  # seconds a game has to end after "quit" before it is killed


def served_environment() -> dict[str, str]:
    """What textual-serve adds to every game's environment, but the terminal size."""
    return {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TEXTUAL_FPS": "60",
            "TEXTUAL_COLOR_SYSTEM": "truecolor", "TERM_PROGRAM": "textual",
            "TERM_PROGRAM_VERSION": version("textual-serve")}


class LaunchedAppService(AppService):
    """textual-serve's AppService with its game from ``launcher``, and killed if it has not
    ended ENDING_GRACE seconds after being asked to quit."""

    def __init__(self, launcher: Launcher, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.launcher = launcher

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = {key: value for key, value in self._build_environment(width, height).items()
                       if os.environ.get(key) != value}
        self._process = game = await self.launcher.spawn(width, height, environment)
        self._stdin = game.stdin
        return game

    async def stop(self) -> None:
        await super().stop()
        game = self._process
        if game is not None:
            try:
                await asyncio.wait_for(game.wait(), ENDING_GRACE)
            except asyncio.TimeoutError:
                game.kill()
                await game.wait()


class LaunchingServer(Server):
    """textual-serve's Server, its games started by ``self.launcher``."""

    launcher: Launcher

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        # textual-serve 1.1.3's handle_websocket, but for the AppService it makes
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = LaunchedAppService(
                self.launcher, self.command, write_bytes=websocket.send_bytes,
                write_str=websocket.send_str, close=websocket.close,
                download_manager=self.download_manager, debug=self.debug)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # as textual-serve does
            import logging

            logging.getLogger("textual-serve").exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket


LAUNCHER_VARIABLE = "BRIEFING_SERVE_LAUNCHER"  # fork (the default), subprocess, textual-serve


def classroom_server(options, title: str = "briefing") -> Server:
    """The server `briefing serve` runs: games forked from a warm process unless
    BRIEFING_SERVE_LAUNCHER says otherwise (for the class benchmark, and to compare)."""
    from .serve_fork import ForkLauncher
    from .serve_subprocess import SubprocessLauncher

    choice = os.environ.get(LAUNCHER_VARIABLE, "fork")
    if choice == "textual-serve":
        return ClassroomServer(options, title)
    argv = session_argv(options)
    launcher = (SubprocessLauncher(argv) if choice == "subprocess"
                else ForkLauncher(argv, served_environment()))

    class LaunchedClassroomServer(ClassroomServer, LaunchingServer):
        async def on_startup(self, app: web.Application) -> None:
            await launcher.start()

        async def on_shutdown(self, app: web.Application) -> None:
            await launcher.close()

    server = LaunchedClassroomServer(options, title)
    server.launcher = launcher
    return server


def serve(options: ServeOptions, title: str = "briefing") -> None:
    """serve.serve, with the games started by a launcher. Raises OSError if the address cannot
    be listened on."""
    check_port(options.host, options.port)
    print(banner(options), flush=True)
    classroom_server(options, title).serve()
