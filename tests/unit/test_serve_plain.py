"""The accessible version on a real `briefing serve` (a subprocess, tests/unit/serving.py):
its pages are there, the full-screen page links them, its games share --max-sessions with the
full-screen ones, a foreign Host is refused as for every page, and SIGTERM stops the server
with a game waiting at a prompt, its answers on disk."""

from __future__ import annotations

import re
import sys

import aiohttp
import pytest

from ..conftest import MINI
from .serving import STEP, connect, serving
from .test_serve_attacks import traceback_lines

pytestmark = [pytest.mark.skipif(sys.platform != "linux", reason="reads /proc"),
              pytest.mark.xdist_group("serve-attacks")]


def form_values(page: str) -> dict:
    return dict(re.findall(r'name="(session|turn)" value="([^"]+)"', page))


async def test_the_accessible_pages_share_the_cap_and_save_on_stop(tmp_path):
    with serving(tmp_path, "--max-sessions", "1", "--class", "7B", pack=str(MINI)) as served:
        async with aiohttp.ClientSession() as session:
            async with session.get(served.url + "/") as response:
                assert f'href="{served.url}/plain"' in await response.text()
            async with session.get(served.url + "/plain",
                                   headers={"Host": f"evil.example:{served.port}"}) as response:
                assert response.status == 403
            async with session.post(served.url + "/plain/new") as response:
                assert response.status == 200
                page = await response.text()
            assert "Class 7B. Your name?" in page
            async with session.post(served.url + "/plain/turn",
                                    data={**form_values(page), "line": "Ana"}) as response:
                page = await response.text()
            assert "Playing as Ana, class 7B." in page and "How many villages flooded?" in page
            async with session.post(served.url + "/plain/turn",
                                    data={**form_values(page), "line": "3"}) as response:
                page = await response.text()
            assert "Right: 1 of 1 point." in page
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await connect(session, served)  # the one game allowed is the accessible one
            assert refused.value.status == 503
            async with session.post(served.url + "/plain/new") as response:
                assert response.status == 503 and "Too many games" in await response.text()
        served.process.terminate()
        served.process.wait(STEP)  # the game's thread does not hold the server up
    [result] = list(served.results.rglob("*.json"))
    assert '"response": 3' in result.read_text(encoding="utf-8")
    log = served.log()
    assert "A browser started an accessible game (1 running)" in log
    assert "Input ended" not in log and not traceback_lines(log), log
