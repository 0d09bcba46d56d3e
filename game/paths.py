"""Where the bundled packs and seeds live, installed or in a checkout, and where player data goes."""

from __future__ import annotations

import os
from pathlib import Path

from .content.manifest_file import is_pack  # content's own rule: pack.yaml or pack.yml

PACKAGE_DIR = Path(__file__).resolve().parent
# A built wheel carries the packs inside the package (hatch force-include); an editable install or
# a plain checkout does not see force-include, so fall back to the repository's own folders.
BUNDLED_DIR = PACKAGE_DIR / "_bundled"
CHECKOUT_DIR = PACKAGE_DIR.parent

DATA_DIR_ENV = "BRIEFING_DATA_DIR"


def bundled(name: str) -> Path:
    """The folder ``name`` (scenes or seeds) from the wheel, or from the checkout."""
    installed = BUNDLED_DIR / name
    return installed if installed.is_dir() else CHECKOUT_DIR / name


def packs_root() -> Path:
    return bundled("scenes")


def seeds_root() -> Path:
    return bundled("seeds")


def pack_dirs(root: Path | None = None) -> list[Path]:
    """Every pack folder (one holding a pack.yaml) under ``root``, by name."""
    root = root or packs_root()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if is_pack(p))


def data_dir() -> Path:
    """Where saves go: $BRIEFING_DATA_DIR, or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("briefing", appauthor=False)


def results_root(base: Path | None = None) -> Path:
    """Where result files go unless --results says otherwise: ``results`` in the data folder
    (``base``, or the one data_dir() gives)."""
    return (base or data_dir()) / "results"
