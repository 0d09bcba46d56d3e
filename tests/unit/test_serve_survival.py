"""Issue 13's "done when" for `briefing serve`, in one run: 1,100 idle connections at a 1,024
file limit, 100 sessions reset abruptly while their games write, a 1 MB keystroke message and
an in-band resize to 10000 x 5000; then a new student still gets the title screen, and SIGTERM
leaves no game behind."""

from __future__ import annotations

import asyncio
import re
import resource
import signal
import socket
import sys

import aiohttp
import pytest

from ..conftest import MINI
from .serving import STEP, RawSocketStudent, connect, games_of, serving, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("serve-survival"),
              pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")]
SERVER_FILES = 1024
IDLE = 1100
RESETS = 100


def own_file_limit(wanted: int) -> int:
    """Raise this test's own soft limit as far as allowed; what it now is."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard == resource.RLIM_INFINITY else min(hard, max(soft, wanted))
    if target == resource.RLIM_INFINITY:
        target = wanted
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, target), hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


async def test_serve_survives_a_hostile_lesson_and_leaves_no_game(tmp_path):
    ours = own_file_limit(IDLE + RESETS + 300)
    # A box whose hard limit is too low for 1,100 idle sockets here: the same proportions.
    scale = min(1.0, (ours - 200) / (IDLE + 200))
    server_files, idle_count = int(SERVER_FILES * scale), int(IDLE * scale)
    if scale < 1:
        print(f"this box's file limit is {ours}: server limit {server_files}, {idle_count} idle")
    with serving(tmp_path, "--class", "7B", "--max-sessions", "200", pack=str(MINI),
                 files_limit=server_files) as served:
        idle = []
        # More than the server may open files, held open all along: it must refuse, drop the
        # idle ones after a few seconds, and serve what waits.
        for _ in range(idle_count):
            connection = socket.socket()
            connection.setblocking(False)
            try:
                connection.connect(("127.0.0.1", served.port))
            except (BlockingIOError, OSError):
                pass
            idle.append(connection)
            if len(idle) % 50 == 0:  # paced, so the server accepts them (a full backlog drops some)
                await asyncio.sleep(0.05)
        wait_for(lambda: "Out of open files" in served.log(), "the server to run out of files")
        seen_pids: set[int] = set()
        for round_start in range(0, RESETS, 10):  # ten at a time: the games are real
            students = []
            for _ in range(10):
                try:
                    students.append(await asyncio.to_thread(RawSocketStudent, served.port,
                                                            400, 150))
                except (AssertionError, OSError):
                    pass  # refused while out of files, or busy: a refusal is fine
            await asyncio.sleep(1)
            for student in students:
                for size in range(20):  # redraws, never read
                    student.send_json(["resize", {"width": 40 + 360 * (size % 2),
                                                  "height": 10 + 140 * (size % 2)}])
            seen_pids |= set(served.games())
            for student in students:
                student.reset()
        assert served.process.poll() is None, served.log()
        wait_for(lambda: not served.games(), "the reset sessions' games to be reaped")
        async with aiohttp.ClientSession() as session:
            attacker = await connect(session, served)
            await attacker.read_until("New game")
            await attacker.type("x" * 1_000_000)
            await attacker.type("\x1b[48;5000;")
            await attacker.type("10000;0;0t")
            before = len(attacker.received)
            await attacker.until_typing_shows()
            assert len(attacker.received) - before < 200_000  # an 80 x 24 screen's redraws
            assert "xxxxxxxx" not in attacker.screen()
            for connection in idle:
                connection.close()
            student = await connect(session, served)
            await student.read_until("New game")
            seen_pids |= set(served.games())
            await student.ws.close()
            await attacker.ws.close()
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=STEP) is not None
        logged = {int(pid) for pid in re.findall(r"pid (\d+)", served.log())}
        assert seen_pids <= logged
        left = [pid for pid in logged | seen_pids if pid in games_of(str(served.results))]
        assert not left and not games_of(str(served.results)), served.log()[-3000:]
        assert "Traceback" not in served.log()
