"""`briefing serve`'s warm process: imports Textual and the game and compiles the served pack
once, then forks one game per browser session, so a class starting at once shares that work
and its memory (copy-on-write) instead of each game paying for it again.

Started by game/classroom/serve_fork.py as ``python -P -m game.serve_zygote FD
CLI_ARGS...`` with the environment every served game shares already set: Textual reads some of
it as it is imported. FD is one end of a Unix SOCK_SEQPACKET pair; every message on it is one
JSON object:

- the server asks ``{"spawn": N, "environment": {...}}`` with the game's three pipe ends
  (stdin, stdout, stderr) attached (SCM_RIGHTS), and is answered ``{"spawned": N, "pid": P}``
  or ``{"failed": N, "error": "..."}``;
- ``{"exited": P, "status": S}`` when a game ends (S as asyncio's returncode: negative for a
  signal), since only this process, the games' parent, can reap them;
- ``{"ready": P}`` once, when warm, or ``{"error": "..."}`` and an exit when it cannot be.

When the server's end closes, every game still running is killed and reaped, then this exits.
"""

from __future__ import annotations

import gc
import json
import os
import selectors
import signal
import socket
import sys
import threading
from importlib import import_module

MAX_MESSAGE = 64 * 1024
GAME_FDS = 3  # stdin, stdout, stderr
# What a game imports as it starts, imported here once instead of in every game.
WARM_MODULES = ("textual.app", "textual.drivers.web_driver", "game.tui.app",
                "game.engine", "game.session")
CHILD_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP)


class WarmProcess:
    def __init__(self, control: socket.socket, cli_args: list[str]) -> None:
        self.control = control
        self.cli_args = cli_args
        self.games: set[int] = set()
        self.selector = selectors.DefaultSelector()
        self.wakeup_read, self.wakeup_write = os.pipe()

    def warm_up(self) -> None:
        """Everything a served game does before its first screen that does not depend on the
        student: the imports, the arguments, the pack."""
        from .cli import build_parser
        from .cli_common import resolve_pack_dirs
        from .packs import keep_compiled
        from .tui.app import WARM_UP

        for module in (*WARM_MODULES, *WARM_UP):
            import_module(module)
        args = build_parser().parse_args(self.cli_args)
        keep_compiled(resolve_pack_dirs([args.pack] if args.pack else []))
        gc.collect()
        # What is here now stays shared: a collection in a game would write to every object it
        # walks, copying the page. Never unfrozen, in the games either; it is never garbage.
        gc.freeze()

    def serve(self) -> None:
        os.set_blocking(self.wakeup_write, False)
        signal.set_wakeup_fd(self.wakeup_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # the wakeup fd says when
        self.selector.register(self.control, selectors.EVENT_READ)
        self.selector.register(self.wakeup_read, selectors.EVENT_READ)
        self.send({"ready": os.getpid()})
        while True:
            for key, _ in self.selector.select():
                if key.fileobj is self.control:
                    if not self.take_request():
                        return self.end_games()
                else:
                    os.read(self.wakeup_read, 512)
                    self.reap()

    def take_request(self) -> bool:
        """One spawn request; False when the server has gone."""
        try:
            data, fds, _, _ = socket.recv_fds(self.control, MAX_MESSAGE, GAME_FDS)
        except ConnectionError:
            return False
        if not data:
            for fd in fds:
                os.close(fd)
            return False
        request = json.loads(data)
        number = request.get("spawn")
        if len(fds) != GAME_FDS or threading.active_count() != 1:
            for fd in fds:
                os.close(fd)
            why = "no pipes" if len(fds) != GAME_FDS else "threads are running"
            self.send({"failed": number, "error": f"cannot fork a game: {why}"})
            return True
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                self.become_game(fds, request.get("environment") or {})
            except BaseException as exc:  # one line where the server shows a game's stderr
                os.write(2, f"briefing: the game could not start ({type(exc).__name__}: "
                            f"{exc})\n".encode("utf-8", "replace"))
            finally:
                os._exit(70)  # never back into this loop, whatever happened
        for fd in fds:
            os.close(fd)
        self.games.add(pid)
        self.send({"spawned": number, "pid": pid})
        return True

    def become_game(self, fds: list[int], environment: dict[str, str]) -> None:
        """In the forked child: a process as `python -m game play ARGS` would be, on the pipes
        the server sent, sharing nothing with the warm process but memory."""
        os.setsid()  # its own process group: the server kills the game and anything it starts
        signal.set_wakeup_fd(-1)
        for number in CHILD_SIGNALS:
            signal.signal(number, signal.default_int_handler if number == signal.SIGINT
                          else signal.SIG_DFL)
        self.selector.close()
        self.control.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.closerange(3, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 65536)
        os.environ.update(environment)
        reopen_standard_streams()
        from .cli import main

        sys.argv = ["briefing", *self.cli_args]
        status = main(self.cli_args)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status if isinstance(status, int) else 1)

    def reap(self) -> None:
        while self.games:
            try:
                pid, wait_status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.games.clear()
                return
            if pid == 0:
                return
            self.games.discard(pid)
            self.send({"exited": pid, "status": os.waitstatus_to_exitcode(wait_status)})

    def end_games(self) -> None:
        for pid in self.games:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in list(self.games):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.games.clear()

    def send(self, message: dict) -> None:
        try:
            self.control.sendall(json.dumps(message).encode("utf-8"))
        except OSError:
            pass  # the server has gone; the next read says so


_WARM_STREAMS: list = []  # never collected: closing them would close the game's own fds 0-2


def reopen_standard_streams() -> None:
    """New sys.stdin/stdout/stderr on fds 0-2, buffered as Python buffers them for pipes: the
    warm process's own were made for where it was started (perhaps a terminal)."""
    _WARM_STREAMS.extend((sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__,
                          sys.__stderr__))
    sys.stdin = sys.__stdin__ = open(0, "r", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", buffering=1, closefd=False,
                                       errors="backslashreplace")


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops this, not Ctrl+C
    control = socket.socket(fileno=int(argv[0]))
    warm = WarmProcess(control, argv[1:])
    try:
        warm.warm_up()
    except SystemExit:  # argparse or the CLI refused the served arguments
        warm.send({"error": "the served game's arguments were refused"})
        return 1
    except Exception as exc:  # noqa: BLE001 - told to the server, which says it in one line
        warm.send({"error": f"{type(exc).__name__}: {exc}"})
        return 1
    warm.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
