"""`briefing serve` without a browser: the one command every session runs, and what a browser
can and cannot change (the URL's query, the terminal size, another site's page)."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")  # a dependency; the import is only lazy in the CLI

from aiohttp import WSServerHandshakeError  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from game.classroom.serve import (  # noqa: E402
    MAX_COLUMNS,
    ClassroomServer,
    ServeOptions,
    banner,
    clamp_size,
    session_argv,
)
from game.classroom.serve_launch import SubprocessLauncher  # noqa: E402
from game.cli import build_parser  # noqa: E402

# Stands in for a game: says what it was started with, echoes each meta packet back as data,
# and stops at "quit", speaking textual-serve's packet protocol.
FAKE_GAME = r"""
import json, os, sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
def send(data):
    out.write(b"D" + len(data).to_bytes(4, "big") + data); out.flush()
out.write(b"__GANGLION__\n")
send(json.dumps({"argv": sys.argv[1:], "size": [os.environ["COLUMNS"], os.environ["ROWS"]]}).encode())
while True:
    head = inp.read(5)
    if len(head) < 5:
        break
    body = inp.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"M":
        send(body)
        if json.loads(body)["type"] == "quit":
            break
"""
WAIT = 15  # seconds, at most, for any one message


def test_the_session_command_comes_from_the_teachers_flags_alone(tmp_path):
    options = ServeOptions(results=tmp_path / "res ults", saves=tmp_path / "saves",
                           class_code="7B; rm -rf ~ $(x)", mode="exam", same_order=True,
                           pack=tmp_path / "my pack")
    argv = session_argv(options, python="/py/bin/python")
    assert argv == ["/py/bin/python", "-m", "game", "play", "--data-dir", str(tmp_path / "saves"),
                    "--results", str(tmp_path / "res ults"), "--resume-codes",
                    "--class", "7B; rm -rf ~ $(x)",
                    "--mode", "exam", "--same-order", "--pack", str(tmp_path / "my pack")]
    plain = session_argv(ServeOptions(results=tmp_path, saves=tmp_path), python="py")
    assert plain == ["py", "-m", "game", "play", "--data-dir", str(tmp_path),
                     "--results", str(tmp_path), "--resume-codes"]
    assert "--name" not in argv  # each student types theirs


def test_every_served_game_has_resume_codes_and_play_knows_the_flag(tmp_path):
    """All sessions share one saves folder, so a name alone must not open a classmate's save:
    the flag is always there, whatever the teacher chose, and `play` accepts it."""
    for options in (ServeOptions(results=tmp_path, saves=tmp_path),
                    ServeOptions(results=tmp_path, saves=tmp_path, class_code="7B",
                                 mode="practice")):
        argv = session_argv(options, python="py")
        assert argv.count("--resume-codes") == 1
        assert build_parser().parse_args(argv[3:]).resume_codes is True
    assert build_parser().parse_args(["play"]).resume_codes is False  # off for own machines


def test_terminal_sizes_are_bounded_and_must_be_numbers():
    assert clamp_size("120", "40") == (120, 40)
    assert clamp_size(10**9, -3) == (MAX_COLUMNS, 1)
    assert clamp_size("wide", 40) is None and clamp_size(None, None) is None


def test_the_banner_says_what_each_address_exposes(tmp_path, monkeypatch):
    local = banner(ServeOptions(results=tmp_path, saves=tmp_path, class_code="7B"))
    assert "http://127.0.0.1:8000" in local and "Other computers cannot reach it" in local
    assert "WARNING" not in local and str(tmp_path) in local and "Class code: 7B" in local
    monkeypatch.setattr("game.classroom.serve.network_addresses", lambda: ["192.168.1.20"])
    shared = banner(ServeOptions(results=tmp_path, saves=tmp_path, host="0.0.0.0", port=8123))
    assert "Students open: http://192.168.1.20:8123" in shared
    assert "WARNING: no password" in shared and "port 8123" in shared
    assert "add result files" in shared
    monkeypatch.setattr("game.classroom.serve.network_addresses", lambda: [])
    unknown = banner(ServeOptions(results=tmp_path, saves=tmp_path, host="0.0.0.0"))
    assert "http://<this computer's address>:8000" in unknown


@pytest.fixture
async def client(tmp_path):
    server = ClassroomServer(ServeOptions(results=tmp_path, saves=tmp_path, max_sessions=1),
                             launcher=SubprocessLauncher([sys.executable, "-c", FAKE_GAME]))
    async with TestClient(TestServer(await server._make_app())) as test_client:
        yield test_client
        for _ in range(WAIT * 20):  # let every fake game end before the loop closes
            if server.sessions == 0:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)


async def receive_json(ws) -> dict:
    message = await ws.receive(timeout=WAIT)
    return json.loads(message.data)


async def test_the_url_query_never_reaches_the_game_and_sizes_are_clamped(client):
    ws = await client.ws_connect("/ws?width=100000&height=-5&name=evil&class=x&--pack=y")
    started = await receive_json(ws)
    assert started == {"argv": [], "size": [str(MAX_COLUMNS), "1"]}
    await ws.send_json(["resize", {"width": 9999, "height": 40}])
    assert await receive_json(ws) == {"type": "resize", "width": MAX_COLUMNS, "height": 40}
    await ws.send_json(["resize", {"width": "a lot", "height": 40}])  # dropped
    await ws.send_json(["resize", {"width": 90, "height": 30}])
    assert await receive_json(ws) == {"type": "resize", "width": 90, "height": 30}
    await ws.close()


async def test_games_at_once_are_capped_and_other_sites_cannot_start_one(client):
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    first = await client.ws_connect("/ws", headers={"Origin": f"http://{client.host}:"
                                                              f"{client.port}"})
    await receive_json(first)
    with pytest.raises(WSServerHandshakeError) as full:
        await client.ws_connect("/ws")
    assert full.value.status == 503
    await first.close()


async def test_the_page_loads_nothing_from_outside_and_follows_the_address_used(tmp_path):
    """Served on the network, the page's addresses are the one the browser used (an IP
    literal or this computer's name); a name that is neither is refused (DNS rebinding)."""
    server = ClassroomServer(ServeOptions(results=tmp_path, saves=tmp_path, host="0.0.0.0"))
    async with TestClient(TestServer(await server._make_app())) as lan:
        host = f"192.168.1.20:{lan.port}"
        page = await (await lan.get("/", headers={"Host": host})).text()
        assert f'data-session-websocket-url="ws://{host}/ws"' in page
        assert "googleapis" not in page and f"http://{host}/static/fonts/" in page
        for odd in ('x"><script>', f"evil.example:{lan.port}", "192.168.1.20:1"):
            assert (await lan.get("/", headers={"Host": odd})).status == 403


def test_host_names_are_this_servers_own():
    from game.classroom.serve import host_allowed

    assert host_allowed("127.0.0.1:8000", 8000, "127.0.0.1")
    assert host_allowed("localhost:8000", 8000, "127.0.0.1")
    assert host_allowed("[::1]:8000", 8000, "127.0.0.1")
    assert not host_allowed("192.168.1.20:8000", 8000, "127.0.0.1")
    assert not host_allowed("evil.example:8000", 8000, "127.0.0.1")
    assert not host_allowed("localhost:8001", 8000, "127.0.0.1")
    assert not host_allowed("localhost", 8000, "127.0.0.1")
    assert host_allowed("localhost", 80, "127.0.0.1")
    assert host_allowed("10.0.0.5:8000", 8000, "0.0.0.0")
    assert host_allowed(f"{socket.gethostname()}:8000", 8000, "0.0.0.0")
    assert not host_allowed("evil.example:8000", 8000, "0.0.0.0")
    assert not host_allowed("[::1]x:8000", 8000, "0.0.0.0")


def test_serve_says_so_when_the_port_is_taken(tmp_path, data_dir, capsys):
    from game.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        status = main(["serve", "--port", str(port), "--results", str(tmp_path / "r")])
    assert status == 2
    assert f"cannot serve on 127.0.0.1 port {port}" in capsys.readouterr().err
