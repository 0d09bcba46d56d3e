"""Issue 13's serve findings, each tried as an attacker on loopback would, against a real
`briefing serve` in a subprocess (tests/unit/serving.py): leaked games, a megabyte keystroke
message, descriptor exhaustion, the in-band resize, malformed requests, a foreign Host header,
a `game/` package in the folder serve was started from, and a session closed at once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys

import aiohttp
import pytest

from ..conftest import MINI
from .serving import STEP, RawSocketStudent, Student, connect, games_of, reset, serving, wait_for

pytestmark = [pytest.mark.skipif(sys.platform != "linux", reason="reads /proc"),
              pytest.mark.xdist_group("serve-attacks")]
CLASS = ("--class", "7B")


def traceback_lines(log: str) -> list[str]:
    return [line for line in log.splitlines()
            if "Traceback" in line or line.startswith("  File ") or "│" in line]


async def started(session: aiohttp.ClientSession, served, **size) -> Student:
    student = await connect(session, served, **size)
    await student.read_until("New game")
    await student.until_typing_shows()
    return student


async def test_a_reset_while_the_game_writes_leaves_no_game_and_the_cap_counts_games(tmp_path):
    """Finding 1: each student asks for big redraws, stops reading, and resets the connection;
    every game is killed and reaped, and --max-sessions counts the games still running."""
    with serving(tmp_path, "--max-sessions", "3", *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            for _ in range(6):
                student = RawSocketStudent(served.port, 400, 150)
                wait_for(lambda: len(served.games()) > 0, "the game to start")
                for size in range(200):  # redraws the game must write, none of them read
                    student.send_json(["resize", {"width": 40 + 360 * (size % 2),
                                                 "height": 10 + 140 * (size % 2)}])
                await asyncio.sleep(2)
                student.reset()
                await asyncio.sleep(1)
                assert len(served.games()) <= 3, served.log()
            wait_for(lambda: not served.games(), "every game to be reaped")
            late = await started(session, served)  # the cap has room again
            await late.ws.close()
        wait_for(lambda: not served.games(), "the last game to end")
        assert served.process.poll() is None
        assert not traceback_lines(served.log()), served.log()


async def test_sigterm_stops_every_game(tmp_path):
    with serving(tmp_path, *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            students = [await started(session, served) for _ in range(3)]
            pids = served.games()
            assert len(pids) == 3
            served.process.send_signal(signal.SIGTERM)
            assert served.process.wait(timeout=STEP) is not None
            assert not games_of(str(served.results)), served.log()
            for student in students:  # each is told why, not left with a frozen screen
                await student.read_until("The teacher has stopped the game server.")
            for pid in pids:
                assert not os.path.exists(f"/proc/{pid}") or "Z" in open(
                    f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
            del students


async def test_a_megabyte_keystroke_message_never_reaches_the_game(tmp_path):
    """Finding 2: one 1 MB stdin message is dropped (one console line), the session goes on."""
    with serving(tmp_path, *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            student = await started(session, served)
            await student.type("x" * 1_000_000)
            await student.type("Bob")
            await student.read_until("Bob")
            assert "xxxxxxxx" not in student.screen()
            await student.ws.close()
        assert served.log().count("too much") == 1, served.log()


async def test_an_in_band_resize_typed_as_keys_is_not_obeyed(tmp_path):
    """Finding 4: the terminal's own resize report, split over two messages, must not make a
    10000 x 5000 screen: the game's next redraw stays the size of an 80 x 24 one."""
    with serving(tmp_path, *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            student = await started(session, served)
            before = len(student.received)
            await student.type("\x1b[48;5000;")
            await student.type("10000;0;0t")
            await student.type("Zed")
            await student.read_until("Zed", timeout=STEP)
            assert len(student.received) - before < 200_000
            await student.ws.close()


async def test_out_of_descriptors_the_server_refuses_then_recovers(tmp_path):
    """Finding 3: more idle connections than the server may open files; it stays up, says so
    in a few lines (no traceback), drops the idle ones, and serves a student afterwards."""
    with serving(tmp_path, *CLASS, pack=str(MINI), files_limit=256) as served:
        idle = []
        for _ in range(300):
            connection = socket.socket()
            connection.setblocking(False)
            try:
                connection.connect(("127.0.0.1", served.port))
            except BlockingIOError:
                pass
            idle.append(connection)
            if len(idle) % 50 == 0:  # paced, so the server accepts them (a full backlog drops some)
                await asyncio.sleep(0.05)
        wait_for(lambda: "Out of open files" in served.log() or served.process.poll() is not None,
                 "the server to run out of files")
        assert served.process.poll() is None, served.log()
        for connection in idle:
            connection.close()
        async with aiohttp.ClientSession() as session:
            student = await started(session, served)
            await student.ws.close()
        log = served.log()
        assert served.process.poll() is None, log
        assert not traceback_lines(log), log
        assert len(log.splitlines()) < 40, log


async def test_a_plain_get_of_the_game_socket_is_a_bad_request_in_one_line(tmp_path):
    with serving(tmp_path, *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{served.url}/ws") as response:
                assert response.status == 400
        wait_for(lambda: "/ws" in served.log() or served.log().count("\n") > 8, "a line")
        log = served.log()
        assert not traceback_lines(log), log
        assert len([line for line in log.splitlines() if "websocket" in line.lower()]) == 1, log


async def test_a_foreign_host_name_is_refused(tmp_path):
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1."""
    with serving(tmp_path, *CLASS, pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            for host in (f"evil.example:{served.port}", "127.0.0.1:1", "localhost.evil:80"):
                async with session.get(served.url + "/", headers={"Host": host}) as response:
                    assert response.status == 403, host
            for host in (f"localhost:{served.port}", f"127.0.0.1:{served.port}"):
                async with session.get(served.url + "/", headers={"Host": host}) as response:
                    assert response.status == 200, host
        assert 1 <= served.log().count("Host") <= 3, served.log()  # repeats held back


async def test_a_game_package_where_serve_was_started_is_never_run(tmp_path):
    """Finding 5: `python -m game` must not pick up a `game/` folder from serve's own folder."""
    here = tmp_path / "downloads"
    (here / "game").mkdir(parents=True)
    marker = tmp_path / "ran.txt"
    (here / "game" / "__init__.py").write_text("")
    (here / "game" / "__main__.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    with serving(tmp_path, *CLASS, pack=str(MINI), cwd=here) as served:
        async with aiohttp.ClientSession() as session:
            student = await started(session, served)
            await student.ws.close()
    assert not marker.exists()


async def test_closing_a_session_at_once_is_not_called_a_pack_error(tmp_path):
    with serving(tmp_path, *CLASS) as served:  # the campaign: it compiles for a while
        async with aiohttp.ClientSession() as session:
            for _ in range(3):
                student = await connect(session, served)
                await student.read_until("Your name")
                await student.ws.close()
        wait_for(lambda: not served.games(), "the games to end")
    assert "pack has errors" not in served.log(), served.log()
