"""The built wheel carries the packs and seeds, and an installed copy in a fresh venv finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# One worker runs both tests (make test runs `pytest -n 2 --dist loadgroup`), so the wheel
# is built once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("briefing-*.whl"))


def test_wheel_carries_packs_and_seeds(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/_bundled/scenes/week-of-march-23/pack.yaml" in names
    assert "game/_bundled/seeds/000_303921b9cf9db215.txt" in names
    assert "game/tui/app.tcss" in names
    assert "game/tui/dashboard/dashboard.tcss" in names
    assert "game/tui/dashboard/projector.tcss" in names
    assert "game/classroom/serve_page/app_index.html" in names  # briefing serve's page
    seed = zipfile.ZipFile(wheel).read("game/_bundled/seeds/000_303921b9cf9db215.txt")
    assert seed == (ROOT / "seeds" / "000_303921b9cf9db215.txt").read_bytes()


def test_installed_wheel_in_a_fresh_venv_finds_the_packs(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    outside = tmp_path / "elsewhere"  # not the checkout, so only the installed copy is importable
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(env_dir / "bin" / "briefing"), "validate", "--format", "json"],
                            cwd=outside, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["packs"][0]["id"] == "week-of-march-23"
    assert "_bundled" in report["packs"][0]["path"]
    assert report["stats"]["scenes"] >= 15
