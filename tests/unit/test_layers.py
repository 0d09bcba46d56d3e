"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the layers point one way,
no package has an import cycle, the core imports no Textual or Rich, and the engine is used
through its package alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import tomllib

import importlinter  # noqa: F401  (a test extra: its absence fails here, it is never skipped)

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = ("import sys; from importlinter.cli import lint_imports_command; "
                "sys.exit(lint_imports_command())")


def lint_imports(checkout: Path) -> subprocess.CompletedProcess:
    """`lint-imports` on the checkout at ``checkout`` (its own game package, not an installed
    one), with no cache written into it."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return subprocess.run([sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo",
                           "--config", str(checkout / "pyproject.toml")],
                          cwd=checkout, env=env, capture_output=True, text=True)


def test_the_import_contracts_are_kept():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_backward_import_or_a_loop_breaks_a_contract(tmp_path):
    """The contracts have teeth: the loops this repository once had are each reported."""
    shutil.copytree(ROOT / "game", tmp_path / "game",
                    ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    additions = {
        "content/loader.py": "from ..paths import seeds_root\n",
        "cli_classroom.py": "from .cli import main\n",
        "classroom/results.py": "from ..saves import SaveStore\n",
        "engine/practice.py": "import rich\n",
        "tui/status.py": "from ..engine.story import Story\n",
    }
    for module, line in additions.items():
        with (tmp_path / "game" / module).open("a", encoding="utf-8") as source:
            source.write(line)
    run = lint_imports(tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    for broken in ("game.content.loader -> game.paths", "game.cli_classroom -> game.cli ",
                   "game.classroom.results -> game.saves", "game.engine.practice -> rich",
                   "game.tui.status -> game.engine.story",
                   "No cycles are allowed in game."):
        assert broken in run.stdout, run.stdout


def contract(name_start: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return next(c for c in config["tool"]["importlinter"]["contracts"]
                if c["name"].startswith(name_start))


def test_every_engine_module_is_kept_internal():
    """A new engine module is named in the contract, so outside code cannot reach into it."""
    modules = {f"game.engine.{path.stem}" for path in (ROOT / "game" / "engine").glob("*.py")
               if path.stem != "__init__"}
    assert set(contract("The engine's API")["forbidden_modules"]) == modules


def test_the_engines_api_fits_on_one_screen():
    import game.engine

    source = (ROOT / "game" / "engine" / "__init__.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 50 and len(game.engine.__all__) <= 45
    for name in game.engine.__all__:
        assert getattr(game.engine, name) is not None
