"""Shared fixtures: the small fixture pack, the shipped campaign, and a throwaway data folder."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from game.packs import compile_pack
from game.paths import packs_root

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
CHECKS = FIXTURES / "checks"  # the mini pack with a pre/post check and skills (issue 15, item 4)
OLD_FORMAT = FIXTURES / "old-format"  # a pack as the earlier version wrote it (format 1)
# What other reporting said, for the mini pack: added by the tests that need it (other tests
# give the mini pack scenes of their own, where the fact it bears on is not).
OTHER_REPORTING = """\
other_reporting:
  - outlet: River Gazette
    date: 2 March
    title: Flood reaches four villages
    quote: "The flood reached four villages, the county said."
    bears_on: villages
    note: The county counts four villages; the article three.
"""


def mini_with_other_reporting(folder: Path) -> Path:
    """A copy of the mini pack in ``folder`` with OTHER_REPORTING in its pack.yaml."""
    import shutil

    pack = folder / "mini"
    shutil.copytree(MINI, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + OTHER_REPORTING, encoding="utf-8")
    return pack
CAMPAIGN_ID = "week-of-march-23"


@pytest.fixture(scope="session")
def mini_pack():
    result = compile_pack(MINI)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


@pytest.fixture(scope="session")
def campaign():
    result = compile_pack(packs_root() / CAMPAIGN_ID)
    assert result.ok, "\n".join(str(d) for d in result.errors)
    return result.pack


@pytest.fixture(scope="session", autouse=True)
def no_shared_data_dir(tmp_path_factory):
    """No test reads or writes the user's own data folder (saves, results, crash logs), and
    parallel workers never share one; a test that needs an empty one asks for data_dir."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
        yield


@pytest.fixture(autouse=True)
def commands_freeze_nothing_for_the_next_test():
    """Author commands freeze what they compiled (cli_common.keep_until_exit), right for a
    process that ends with the command; a test process goes on, so let the collector see it."""
    yield
    gc.unfreeze()


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def pilot_waits_to_see_the_screen():
    """``pilot.press`` plays a player who looks before each key: it waits until the app shows
    what the key acts on (see game/tui/key_gate.py, which drops keys typed before a screen
    change is painted). Bursts that do not wait are sent with tests/tui/driver.py's burst."""
    from textual.pilot import Pilot

    from .tui.keys import until_keys_open

    press = Pilot.press

    async def press_when_shown(self, *keys: str) -> None:
        for key in keys:
            await until_keys_open(self)
            await press(self, key)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Pilot, "press", press_when_shown)
        yield
