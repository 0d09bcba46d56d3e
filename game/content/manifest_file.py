"""Which file of a pack folder is its manifest: pack.yaml, or pack.yml for an author whose
editor or habit names YAML files so (scene files may end in either too)."""

from __future__ import annotations

from pathlib import Path

MANIFEST_NAMES = ("pack.yaml", "pack.yml")


def manifest_files(folder: Path) -> list[Path]:
    """The manifests in ``folder``: none, one, or (a mistake the compiler reports) both."""
    return [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]


def manifest_path(folder: Path) -> Path | None:
    """The folder's manifest, pack.yaml before pack.yml; None when it is not a pack."""
    found = manifest_files(Path(folder))
    return found[0] if found else None


def is_pack(folder: Path) -> bool:
    return manifest_path(folder) is not None
