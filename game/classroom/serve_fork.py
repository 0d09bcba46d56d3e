"""The fork launcher: games forked from one warm process (game/serve_zygote.py) that has
imported Textual and the game and compiled the pack already, so a class joining at once does
not pay for that thirty times over, and the games share that memory.

The server makes each game's three pipes and sends the child's ends to the warm process, which
forks; the game's exit status comes back over the same socket (only the warm process, its
parent, can reap it). Linux only (SOCK_SEQPACKET, pidfd); elsewhere, or when the warm process
cannot be started, or dies a second time, games start as plain processes (serve_launch.py's SubprocessLauncher).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import signal
import socket
import sys
from typing import Mapping, Sequence

from .serve_launch import SubprocessGame as PlainGame, SubprocessLauncher

log = logging.getLogger("textual-serve")

READY_TIMEOUT = 120.0  # seconds for the warm process to import and compile, on a slow laptop
MAX_MESSAGE = 64 * 1024
# Read by the game after it starts, so they may differ from game to game; anything else in a
# game's environment must be what the warm process was started with, or that game starts plain.
PER_GAME_KEYS = frozenset({"COLUMNS", "ROWS", "LINES"})
UNKNOWN_EXIT = 255  # a game that outlived its warm process: it ended, but nobody saw how


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open")


class WarmProcessGone(Exception):
    """The warm process ended, or never became ready."""


class ForkedGame:
    """One game forked by the warm process, seen from the server."""

    def __init__(self, pid: int, stdin: asyncio.StreamWriter, stdout: asyncio.StreamReader,
                 stderr: asyncio.StreamReader, exited: asyncio.Future[int]) -> None:
        self.pid, self.stdin, self.stdout, self.stderr = pid, stdin, stdout, stderr
        self.exited = exited

    async def wait(self) -> int:
        return await asyncio.shield(self.exited)

    def kill(self) -> None:
        if self.exited.done():
            return
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:  # just forked, before its setsid: not a group leader yet
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class WarmProcess:
    """The server's side of serve_zygote.py: its process, its socket, its games."""

    def __init__(self, cli_args: Sequence[str], environment: Mapping[str, str]) -> None:
        self.cli_args, self.environment = list(cli_args), dict(environment)
        self.process: asyncio.subprocess.Process | None = None
        self.socket: socket.socket | None = None
        self.numbers = itertools.count(1)
        self.requests: dict[int, asyncio.Future[int]] = {}
        self.exits: dict[int, asyncio.Future[int]] = {}  # by pid, until reported
        self.ready: asyncio.Future[int] | None = None
        self.gone = False

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.socket = ours
        ours.setblocking(False)
        self.ready = loop.create_future()
        try:
            # -P: the game's own installed package, never a `game/` in the server's cwd.
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-P", "-m", "game.serve_zygote", str(theirs.fileno()),
                *self.cli_args, pass_fds=(theirs.fileno(),), stdin=asyncio.subprocess.DEVNULL,
                env={**os.environ, **self.environment}, start_new_session=True)
        finally:
            theirs.close()
        self.reader = asyncio.create_task(self.read_replies())
        try:
            await asyncio.wait_for(asyncio.shield(self.ready), READY_TIMEOUT)
        except asyncio.TimeoutError:
            await self.close()
            raise WarmProcessGone("it did not get ready in time") from None
        except WarmProcessGone:
            await self.close()
            raise

    async def read_replies(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                data = await loop.sock_recv(self.socket, MAX_MESSAGE)
                if not data:
                    break
                self.take_reply(json.loads(data))
        except (OSError, ValueError):
            pass
        finally:
            self.lost()

    def take_reply(self, reply: dict) -> None:
        if "ready" in reply and not self.ready.done():
            self.ready.set_result(reply["ready"])
        elif "error" in reply and not self.ready.done():
            self.ready.set_exception(WarmProcessGone(reply["error"]))
        elif "spawned" in reply:
            self.exits[reply["pid"]] = asyncio.get_running_loop().create_future()
            self.settle(self.requests.pop(reply["spawned"], None), result=reply["pid"])
        elif "failed" in reply:
            self.settle(self.requests.pop(reply["failed"], None),
                        error=WarmProcessGone(reply["error"]))
        elif "exited" in reply:
            self.settle(self.exits.pop(reply["exited"], None), result=reply["status"])

    @staticmethod
    def settle(future: asyncio.Future | None, result=None, error=None) -> None:
        if future is None or future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def lost(self) -> None:
        """The warm process has gone: nothing more comes from it. Its games live on (they are
        the students' games); their ends are seen through a pidfd instead of its reports."""
        self.gone = True
        for future in [self.ready, *self.requests.values()]:
            self.settle(future, error=WarmProcessGone("the warm process ended"))
        self.requests.clear()
        for pid, exited in list(self.exits.items()):
            self.watch_orphan(pid, exited)
        self.exits.clear()

    def watch_orphan(self, pid: int, exited: asyncio.Future[int]) -> None:
        try:
            pidfd = os.pidfd_open(pid)
        except ProcessLookupError:
            return self.settle(exited, result=UNKNOWN_EXIT)
        loop = asyncio.get_running_loop()

        def ended() -> None:
            loop.remove_reader(pidfd)
            os.close(pidfd)
            self.settle(exited, result=UNKNOWN_EXIT)

        loop.add_reader(pidfd, ended)

    async def spawn(self, environment: Mapping[str, str]) -> ForkedGame:
        if self.gone:
            raise WarmProcessGone("the warm process ended")
        loop = asyncio.get_running_loop()
        pipes = [os.pipe() for _ in range(3)]  # stdin, stdout, stderr; not inherited
        child_ends = [pipes[0][0], pipes[1][1], pipes[2][1]]
        number = next(self.numbers)
        request = json.dumps({"spawn": number, "environment": dict(environment)}).encode()
        self.requests[number] = loop.create_future()
        try:
            try:
                socket.send_fds(self.socket, [request], child_ends)
            except OSError as exc:  # its end is gone, before the reader has seen it
                raise WarmProcessGone(f"the warm process cannot be reached ({exc})") from None
            pid = await self.requests[number]
        except BaseException:
            self.requests.pop(number, None)
            for fd in (*child_ends, pipes[0][1], pipes[1][0], pipes[2][0]):
                os.close(fd)
            raise
        for fd in child_ends:  # the game has its own copies now
            os.close(fd)
        stdin = await writer_for(pipes[0][1])
        stdout, stderr = await reader_for(pipes[1][0]), await reader_for(pipes[2][0])
        exited = self.exits.get(pid) or loop.create_future()
        return ForkedGame(pid, stdin, stdout, stderr, exited)

    async def close(self) -> None:
        """End the warm process: as its socket closes, it kills and reaps the games it has."""
        if self.socket is None:
            return
        try:
            self.socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        await self.reader  # sees the end, and watches any game left through a pidfd
        if self.process is not None and self.process.returncode is None:
            try:
                await asyncio.wait_for(self.process.wait(), 5)
            except asyncio.TimeoutError:
                self.process.kill()
                await self.process.wait()
        self.socket.close()


class ForkLauncher:
    """The Launcher of serve_launch.py that forks games from a warm process. ``argv`` is the
    served command (``python -m game play ...``); ``warm_environment`` what every game's
    environment adds to the server's (the driver, ...), set in the warm process before it
    imports Textual."""

    def __init__(self, argv: Sequence[str], warm_environment: Mapping[str, str]) -> None:
        self.cli_args = cli_args_of(argv)
        self.warm_environment = dict(warm_environment)
        self.plain = SubprocessLauncher(argv)
        self.warm: WarmProcess | None = None
        self.restarted = False
        self.games: set[ForkedGame] = set()

    async def start(self) -> None:
        if not can_fork():
            return  # every game starts plain
        try:
            self.warm = await self.warm_process()
        except WarmProcessGone as exc:
            log.warning("Games will start one by one, slower: the warm process failed (%s)", exc)

    async def warm_process(self) -> WarmProcess:
        warm = WarmProcess(self.cli_args, self.warm_environment)
        await warm.start()
        return warm

    async def spawn(self, width: int, height: int,
                    environment: Mapping[str, str]) -> ForkedGame | PlainGame:
        # what every game shares, then this one's own: a plain game gets the same
        environment = {**self.warm_environment, **environment, "COLUMNS": str(width),
                       "ROWS": str(height)}
        if self.warm is None or not self.forkable(environment):
            return await self.plain.spawn(width, height, environment)
        while True:
            try:
                game = await self.warm.spawn(environment)
                break
            except WarmProcessGone:
                if not await self.restart():
                    return await self.plain.spawn(width, height, environment)
        self.games.add(game)
        game.exited.add_done_callback(lambda _: self.games.discard(game))
        return game

    def forkable(self, environment: Mapping[str, str]) -> bool:
        """Whether a game with ``environment`` may be forked: nothing Textual reads as it is
        imported may differ from the warm process's."""
        warm = {**os.environ, **self.warm_environment}
        return all(warm.get(key) == value for key, value in environment.items()
                   if key not in PER_GAME_KEYS)

    async def restart(self) -> bool:
        """Once: a new warm process for the one that ended. Then plain processes for good."""
        old, self.warm = self.warm, None
        if old is not None:
            await old.close()
        if self.restarted:
            log.warning("The warm process ended again: games now start one by one, slower")
            return False
        self.restarted = True
        try:
            self.warm = await self.warm_process()
        except WarmProcessGone as exc:
            log.warning("Games now start one by one, slower: the warm process failed (%s)", exc)
            return False
        log.warning("The warm process ended; a new one was started")
        return True

    async def close(self) -> None:
        games = list(self.games)
        for game in games:
            game.kill()
        if self.warm is not None:
            await self.warm.close()
        await asyncio.gather(*(game.wait() for game in games), return_exceptions=True)
        await self.plain.close()


def cli_args_of(argv: Sequence[str]) -> list[str]:
    """What follows ``-m game`` in the served command: the CLI's own arguments."""
    argv = list(argv)
    for index in range(len(argv) - 1):
        if argv[index] == "-m" and argv[index + 1] == "game":
            return argv[index + 2:]
    raise ValueError(f"not a `python -m game` command: {argv!r}")


async def reader_for(fd: int) -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=2**16)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader),
                                 os.fdopen(fd, "rb", buffering=0))
    return reader


async def writer_for(fd: int) -> asyncio.StreamWriter:
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.connect_write_pipe(
        asyncio.streams.FlowControlMixin, os.fdopen(fd, "wb", buffering=0))
    return asyncio.StreamWriter(transport, protocol, None, loop)
