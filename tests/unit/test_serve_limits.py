"""Per-session limits under `briefing serve`, with a stand-in game: keys echoed back in order,
too much input refused and then the session ended, a game over its memory ceiling stopped with
a word to the student, and every game reaped however its session ended."""

from __future__ import annotations

import asyncio
from pathlib import Path
import sys
from dataclasses import replace

import pytest

pytest.importorskip("textual_serve")

import aiohttp  # noqa: E402
import aiohttp.web  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from game.classroom.serve import ClassroomServer, ServeOptions  # noqa: E402
from game.classroom.serve_launch import SubprocessLauncher  # noqa: E402
from game.classroom.serve_limits import SessionLimits  # noqa: E402
from game.classroom.serve_session import TOO_MUCH_INPUT, TOO_MUCH_MEMORY  # noqa: E402

# Echoes each key packet back as screen data; "grow" makes it take 300 MB.
ECHO_GAME = r"""
import sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
def send(data):
    out.write(b"D" + len(data).to_bytes(4, "big") + data); out.flush()
out.write(b"__GANGLION__\n"); out.flush()
kept = []
while True:
    head = inp.read(5)
    if len(head) < 5:
        break
    body = inp.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D":
        if body == b"grow":
            kept.append(bytearray(300 * 1024 * 1024))
            for i in range(0, len(kept[-1]), 4096):
                kept[-1][i] = 1
        send(b"<" + body + b">")
"""
WAIT = 30
LIMITS = SessionLimits(max_message_bytes=1000, burst_bytes=2000, bytes_per_second=10,
                       refusals_before_end=3, max_game_memory_bytes=150 * 1024 * 1024,
                       memory_check_seconds=0.1)


@pytest.fixture
async def served(tmp_path):
    server = ClassroomServer(ServeOptions(results=tmp_path, saves=tmp_path),
                             launcher=SubprocessLauncher([sys.executable, "-c", ECHO_GAME]),
                             limits=LIMITS)
    async with TestClient(TestServer(await server._make_app())) as client:
        yield server, client
        for _ in range(WAIT * 10):
            if server.sessions == 0:
                break
            await asyncio.sleep(0.1)
        assert server.sessions == 0  # every game reaped
        await server.launcher.close()


async def screen_until(ws, text: bytes) -> bytes:
    seen = b""
    while text not in seen:
        message = await ws.receive(timeout=WAIT)
        if not isinstance(message.data, bytes):
            raise AssertionError(f"{text!r} never came; got {seen[-200:]!r}")
        seen += message.data
    return seen


async def until_closed(ws) -> None:
    """Closed by the server, after whatever the game had written already."""
    for _ in range(20):
        message = await ws.receive(timeout=WAIT)
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    assert ws.closed


async def test_a_burst_of_keys_arrives_whole_and_in_order(served):
    _, client = served
    ws = await client.ws_connect("/ws")
    burst = "".join(chr(ord("a") + i % 26) for i in range(200))
    await ws.send_json(["stdin", burst])
    await ws.send_json(["stdin", "next"])
    seen = await screen_until(ws, b"<next>")
    assert seen == f"<{burst}><next>".encode()
    await ws.close()


async def test_too_much_input_is_refused_then_ends_the_session(served, caplog):
    server, client = served
    ws = await client.ws_connect("/ws")
    await ws.send_json(["stdin", "x" * 5000])  # over the message limit: dropped
    await ws.send_json(["stdin", "ok"])
    assert await screen_until(ws, b"<ok>") == b"<ok>"
    for _ in range(4):  # two fit the bucket (2000 bytes, 10 a second); two are dropped: the end
        await ws.send_json(["stdin", "y" * 900])
    seen = await screen_until(ws, b"reload the page")
    assert TOO_MUCH_INPUT.encode() in seen and seen.count(b"<y") <= 2  # the rest never went
    await until_closed(ws)
    assert sum("dropped a message" in r.getMessage() for r in caplog.records) >= 2


async def test_a_game_over_its_memory_ceiling_is_stopped_with_a_word_to_the_student(
        served, caplog):
    if sys.platform != "linux":
        pytest.skip("the memory ceiling reads /proc (Linux)")
    server, client = served
    ws = await client.ws_connect("/ws")
    await ws.send_json(["stdin", "grow"])
    seen = await screen_until(ws, b"reload the page")
    assert TOO_MUCH_MEMORY.encode() in seen
    await until_closed(ws)
    assert any("of memory" in r.getMessage() for r in caplog.records)


async def test_over_the_budget_for_all_games_together_the_largest_game_is_stopped(tmp_path,
                                                                                 caplog):
    """Each game under its own ceiling, the two together over the budget for all games: the
    one holding the most is stopped with the same word to its student; the other plays on."""
    if sys.platform != "linux":
        pytest.skip("the memory budget reads /proc (Linux)")
    limits = replace(LIMITS, max_game_memory_bytes=1024**3, games_memory_bytes=200 * 1024**2)
    server = ClassroomServer(ServeOptions(results=tmp_path, saves=tmp_path),
                             launcher=SubprocessLauncher([sys.executable, "-c", ECHO_GAME]),
                             limits=limits)
    async with TestClient(TestServer(await server._make_app())) as client:
        small, large = await client.ws_connect("/ws"), await client.ws_connect("/ws")
        await small.send_json(["stdin", "hello"])
        await screen_until(small, b"<hello>")
        await large.send_json(["stdin", "grow"])  # 300 MB: over the budget of 200 for both
        assert TOO_MUCH_MEMORY.encode() in await screen_until(large, b"reload the page")
        await until_closed(large)
        await small.send_json(["stdin", "still"])
        assert await screen_until(small, b"<still>") == b"<still>"
        await small.close()
    await server.launcher.close()
    assert any("all games together" in r.getMessage() for r in caplog.records)


async def test_the_limits_are_one_value_a_test_can_narrow():
    assert replace(SessionLimits(), max_message_bytes=5).max_message_bytes == 5
    assert SessionLimits().max_message_bytes >= 16 * 1024  # a long answer pasted at once


async def test_a_send_that_fails_with_a_plain_connection_error_still_ends_and_reaps_the_game(
        served, monkeypatch):
    """Finding 1, made certain: whatever error the web library raises for a connection reset
    mid-output (a plain ConnectionError here; textual-serve 1.1.3 caught only
    ConnectionResetError, stopped reading and left the game blocked in a write for ever), the
    game is killed and reaped and no longer counts against --max-sessions."""
    server, client = served
    ws = await client.ws_connect("/ws")
    await ws.send_json(["stdin", "hello"])
    await screen_until(ws, b"<hello>")
    [pid] = [game.pid for game in server.launcher.games]

    async def reset(self, data, *args, **kwargs):
        raise ConnectionError("Connection lost")

    monkeypatch.setattr(aiohttp.web.WebSocketResponse, "send_bytes", reset)
    await ws.send_json(["stdin", "now the game writes to a connection that is gone"])
    for _ in range(WAIT * 10):
        if server.sessions == 0:
            break
        await asyncio.sleep(0.1)
    assert server.sessions == 0
    assert not Path(f"/proc/{pid}").exists() or " Z " in Path(f"/proc/{pid}/stat").read_text()
