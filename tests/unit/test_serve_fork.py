"""The fork launcher (game/classroom/serve_fork.py, game/serve_zygote.py) without a browser: real
games forked from a real warm process, spoken to in textual-serve's packet protocol on their
pipes, as the server speaks to them."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")

from game.classroom import serve_fork  # noqa: E402
from game.classroom.serve import ServeOptions, session_argv  # noqa: E402
from game.classroom.serve import served_environment  # noqa: E402
from game.classroom.serve_fork import ForkedGame, ForkLauncher, cli_args_of  # noqa: E402
from game.classroom.serve_launch import SubprocessGame as PlainGame  # noqa: E402

pytestmark = pytest.mark.skipif(not serve_fork.can_fork(), reason="the fork launcher is Linux's")
WAIT = 30  # seconds, at most, for any one thing to happen
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Terminal:
    """The server's side of one game: what it has drawn, as text, and keys sent to it."""

    def __init__(self, game) -> None:
        self.game, self.drawn = game, b""

    async def first_frame(self) -> None:
        prelude = await asyncio.wait_for(self.game.stdout.readline(), WAIT)
        assert prelude == b"__GANGLION__\n", prelude

    async def wait_for(self, text: str) -> str:
        """Read packets until ``text`` is drawn; everything drawn so far, as text."""
        async def read() -> str:
            while text not in (plain := self.text()):
                head = await self.game.stdout.readexactly(5)
                body = await self.game.stdout.readexactly(int.from_bytes(head[1:], "big"))
                if head[:1] == b"D":
                    self.drawn += body
            return plain

        return await asyncio.wait_for(read(), WAIT)

    async def enter(self, answer: str, then: str, tries: int = 5) -> str:
        """Type ``answer`` and Enter until ``then`` shows: a game drops keys typed before its
        title screen takes them, as a student who saw nothing happen would type again."""
        for attempt in range(1, tries + 1):
            await self.type("\x7f" * 20 + answer + "\r")  # what an earlier try left, erased
            try:
                return await asyncio.wait_for(self.wait_for(then), WAIT / tries)
            except asyncio.TimeoutError:
                if attempt == tries:
                    raise

    def text(self) -> str:
        return ESCAPES.sub(b"", self.drawn).decode("utf-8", "replace")

    async def type(self, keys: str) -> None:
        data = keys.encode()
        self.game.stdin.write(b"D" + len(data).to_bytes(4, "big") + data)
        await self.game.stdin.drain()


def alive(pid: int) -> bool:
    """Running (not a zombie, not gone), as /proc says."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def open_files(pid: int) -> set[str]:
    """What the process's descriptors point at, by identity (pipe and socket inodes, paths)."""
    links = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
    return {link for link in links if not link.startswith("anon_inode:")}  # no identity


async def until(check, what: str) -> None:
    for _ in range(WAIT * 20):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
async def launcher(tmp_path):
    options = ServeOptions(results=tmp_path / "results", saves=tmp_path / "saves",
                           class_code="7B")
    launcher = ForkLauncher(session_argv(options), served_environment())
    await asyncio.wait_for(launcher.start(), WAIT)
    assert launcher.warm is not None, "the warm process did not start"
    yield launcher
    await asyncio.wait_for(launcher.close(), WAIT)


async def test_a_forked_game_shows_the_title_screen_at_its_size(launcher):
    for width, height in ((80, 24), (100, 30)):
        game = await launcher.spawn(width, height, served_environment())
        assert isinstance(game, ForkedGame)
        terminal = Terminal(game)
        await terminal.first_frame()
        screen = await terminal.wait_for("New game")
        assert "Your name" in screen  # --class was served, so the title screen asks the name
        rows = {int(row) for row in re.findall(rb"\x1b\[(\d+);1H", terminal.drawn)}
        assert max(rows) == height  # the frame fills the terminal it was given, no more
        # the warm process's socket and files are not the game's: its own pipes are 0-2
        assert [os.readlink(f"/proc/{game.pid}/fd/{fd}") for fd in (0, 1, 2)] == [
            f"pipe:[{os.fstat(fd).st_ino}]" for fd in (game.stdin.transport.get_extra_info(
                "pipe").fileno(), game.stdout._transport.get_extra_info("pipe").fileno(),
                game.stderr._transport.get_extra_info("pipe").fileno())]
        assert os.getsid(game.pid) == game.pid
        warm = launcher.warm.process.pid
        assert not open_files(game.pid) & (open_files(warm) - {"/dev/null"})
        game.kill()


async def test_two_games_at_once_have_their_own_codes_and_saves(launcher, tmp_path):
    games = [Terminal(await launcher.spawn(100, 30, {})) for _ in range(2)]
    codes = []
    for terminal, name in zip(games, ("Ana", "Ben")):
        await terminal.first_frame()
        await terminal.wait_for("Your name")
        screen = await terminal.enter(name, then="Your resume code is ")
        codes.append(re.search(r"Your resume code is (\S+)", screen).group(1).strip("."))
    assert codes[0] != codes[1]
    saves = sorted((tmp_path / "saves").rglob("*.json"))
    assert len(saves) == 2, saves  # one save each, none shared, none lost
    assert saves[0].read_bytes() != saves[1].read_bytes()


async def test_kill_and_close_leave_no_process(tmp_path):
    launcher = ForkLauncher(session_argv(ServeOptions(results=tmp_path, saves=tmp_path)),
                            served_environment())
    await asyncio.wait_for(launcher.start(), WAIT)
    first, second = [await launcher.spawn(80, 24, {}) for _ in range(2)]
    await Terminal(first).first_frame()
    first.kill()
    assert await asyncio.wait_for(first.wait(), WAIT) == -signal.SIGKILL
    assert not alive(first.pid)
    first.kill()  # again, once it has ended: nothing happens
    warm = launcher.warm.process.pid
    await asyncio.wait_for(launcher.close(), WAIT)
    assert not alive(second.pid) and not alive(warm)
    assert await asyncio.wait_for(second.wait(), WAIT) is not None


async def test_a_game_whose_pipes_close_ends(launcher):
    game = await launcher.spawn(80, 24, {})
    terminal = Terminal(game)
    await terminal.first_frame()
    await terminal.wait_for("New game")
    for stream in (game.stdin, game.stdout, game.stderr):  # the server's ends all go, as when
        transport = stream.transport if stream is game.stdin else stream._transport  # it dies
        transport.close()
    status = await asyncio.wait_for(game.wait(), WAIT)
    assert status is not None and not alive(game.pid)


async def test_the_warm_process_dying_is_survived_and_its_games_live_on(launcher):
    before = await launcher.spawn(80, 24, {})
    await Terminal(before).first_frame()
    os.kill(launcher.warm.process.pid, signal.SIGKILL)
    await asyncio.wait_for(launcher.warm.process.wait(), WAIT)
    # a student's game already running is left alone, and its end is still seen
    after = await asyncio.wait_for(launcher.spawn(80, 24, {}), WAIT)
    assert isinstance(after, ForkedGame) and launcher.restarted  # a new warm process
    terminal = Terminal(after)
    await terminal.first_frame()
    await terminal.wait_for("New game")
    assert alive(before.pid)
    before.kill()
    assert await asyncio.wait_for(before.wait(), WAIT) == serve_fork.UNKNOWN_EXIT
    # the second time, games start plain: slower, but they start
    os.kill(launcher.warm.process.pid, signal.SIGKILL)
    await asyncio.wait_for(launcher.warm.process.wait(), WAIT)
    plain = await asyncio.wait_for(launcher.spawn(80, 24, {}), WAIT)
    assert isinstance(plain, PlainGame)
    await Terminal(plain).first_frame()


async def test_a_game_with_another_environment_is_not_forked(launcher):
    """Textual reads its settings as it is imported: a game asking for others starts plain."""
    game = await launcher.spawn(80, 24, {"TEXTUAL_COLOR_SYSTEM": "standard"})
    assert isinstance(game, PlainGame)
    await Terminal(game).first_frame()


async def test_a_pack_that_cannot_be_served_starts_games_plain(tmp_path, caplog):
    options = ServeOptions(results=tmp_path, saves=tmp_path, pack=tmp_path / "nowhere")
    launcher = ForkLauncher(session_argv(options), served_environment())
    await asyncio.wait_for(launcher.start(), WAIT)
    assert launcher.warm is None
    assert "the warm process failed" in caplog.text and "nowhere" in caplog.text
    await launcher.close()


def test_the_served_command_is_split_at_its_module():
    assert cli_args_of([sys.executable, "-P", "-m", "game", "play", "--pack", "x"]) == [
        "play", "--pack", "x"]
    with pytest.raises(ValueError):
        cli_args_of(["python", "-c", "pass"])


def test_the_shared_environment_is_textual_serves_own():
    from textual_serve.app_service import AppService

    service = AppService("true", write_bytes=None, write_str=None, close=None,
                         download_manager=None)
    built = service._build_environment(80, 24)
    for key, value in served_environment().items():
        assert built[key] == value


def test_a_kept_pack_is_compiled_again_once_its_files_change(tmp_path, monkeypatch):
    """Games forked from the warm process take its compiled pack, but not a stale one: a
    teacher who fixes the pack mid-lesson serves the fix to the next student, as before."""
    import shutil

    from game import packs
    from tests.conftest import MINI

    monkeypatch.setattr(packs, "_kept", {})
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    (kept,) = packs.keep_compiled([folder])
    assert packs.compile_pack(folder) is kept  # no second compile
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("title:", "title: New", 1)
                        + "\n", encoding="utf-8")
    again = packs.compile_pack(folder)
    assert again is not kept and again.pack.manifest.title.startswith("New")


SERVER_THAT_DIES = r"""
import asyncio, sys
from game.classroom.serve import ServeOptions, served_environment, session_argv

from game.classroom.serve_fork import ForkLauncher
from pathlib import Path

async def main():
    folder = Path(sys.argv[1])
    launcher = ForkLauncher(session_argv(ServeOptions(results=folder, saves=folder)),
                            served_environment())
    await launcher.start()
    game = await launcher.spawn(80, 24, {})
    await game.stdout.readline()
    print(launcher.warm.process.pid, game.pid, flush=True)
    await asyncio.sleep(600)

asyncio.run(main())
"""


async def test_a_server_killed_outright_leaves_no_game_behind(tmp_path):
    """SIGKILL gives the server no chance to close anything: its socket's end closing is what
    tells the warm process to end its games, and itself."""
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SERVER_THAT_DIES, str(tmp_path), stdout=asyncio.subprocess.PIPE)
    try:
        line = await asyncio.wait_for(server.stdout.readline(), WAIT)
        warm, game = map(int, line.split())
        assert alive(warm) and alive(game)
    finally:
        server.kill()
        await server.wait()
    await until(lambda: not alive(game) and not alive(warm), "the game and warm process to end")
