"""Live authoring (``play --watch``): notice when a pack's YAML files change, by polling their
sizes and times, and reload the pack in the running game.

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


class ReloadsPacks:
    """Mixed into BriefingApp: with --watch, a pack whose files change is compiled again; the
    game goes on in the same scene when it still exists, and errors show in a dialog."""

    def watch_packs(self) -> None:
        self.watchers = {pack.id: PackWatcher(Path(pack.root)) for pack in self.packs.values()}
        self.set_interval(1.0, self.reload_changed_packs)

    def reload_changed_packs(self) -> None:
        for pack_id, watcher in self.watchers.items():
            if watcher.changed():
                self.reload_pack(pack_id, watcher.folder)

    def reload_pack(self, pack_id: str, folder: Path) -> None:
        from ..packs import compile_pack
        from .screens.pack_errors import PackErrorsDialog

        result = compile_pack(folder)
        showing = isinstance(self.screen, PackErrorsDialog)
        if not result.ok:
            if showing:
                self.pop_screen()
            self.push_screen(PackErrorsDialog(result.errors or result.diagnostics))
            return
        if showing:
            self.pop_screen()
        self.packs[pack_id] = result.pack
        if self.story is None or self.story.pack.id != pack_id:
            self.notify(f"Reloaded {folder.name}.", markup=False)
            return
        scene_id = self.story.state.scene
        if not self.session.carry_over(result.pack):
            self.notify(f"The scene '{scene_id}' is gone; starting again from the first scene.",
                        severity="warning", markup=False)
            start_at = self.settings.start_at
            self.begin(result.pack, start=start_at if start_at in result.pack.scenes else None)
            return
        self.notify(f"Reloaded {folder.name}; you are still in '{scene_id}'.", markup=False)
        self.show_current()
