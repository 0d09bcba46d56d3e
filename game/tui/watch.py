"""Live authoring: notice when a pack's YAML files change, by polling their sizes and times.

Polling once a second needs no extra dependency and works the same on every platform and
editor (some editors replace a file on save rather than writing it in place).
"""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each YAML file under the pack (scenes and walkthroughs) with its mtime and size."""
    state = {}
    for path in sorted(Path(folder).rglob("*.yaml")):
        try:
            info = path.stat()
        except OSError:
            continue  # removed between listing and reading
        state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


class PackWatcher:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.last = snapshot(self.folder)

    def changed(self) -> bool:
        now = snapshot(self.folder)
        if now != self.last:
            self.last = now
            return True
        return False
