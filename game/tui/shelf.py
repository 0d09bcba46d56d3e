"""The packs the title screen offers: their covers at once, the compiled packs when a worker
has them.

The first frame waits for nothing but pack.yaml (see game/content/cover.py). The scene files
are parsed and checked in a thread while the player reads the title screen; New game and
Continue wait for that (a few tens of milliseconds) if they come first.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..content.cover import PackCover, read_cover, same_id_left_out

if TYPE_CHECKING:
    from ..content import CompileResult
    from ..content.models import Pack


class PackShelf:
    def __init__(self, packs: Iterable[Pack] = (), folders: Iterable[Path] = (),
                 skipped: Iterable[Path] = (), strict: bool = False) -> None:
        """``packs`` are compiled already; ``folders`` are compiled by ``compile_waiting`` (in
        a worker). ``skipped``: folders the caller found broken. ``strict``: every pack was
        asked for by name, so one that does not compile stops the game."""
        packs, folders = list(packs), list(folders)
        self.covers: list[PackCover] = []
        self.same_id: list[str] = []  # what to tell the player about packs left out for it
        kept: dict[str, PackCover] = {}
        for cover in [PackCover.of(pack) for pack in packs] + [read_cover(f) for f in folders]:
            if cover.id in kept:  # saves and results are filed by id: two would mix
                self.same_id.append(same_id_left_out(kept[cover.id].folder, cover.folder,
                                                     cover.id))
            else:
                kept[cover.id] = cover
                self.covers.append(cover)
        offered = {cover.folder for cover in self.covers}
        self.packs: dict[str, Pack] = {pack.id: pack for pack in packs
                                       if Path(pack.root) in offered}
        folders = [folder for folder in folders if folder in offered]
        self.waiting = folders
        self.skipped = list(skipped)
        self.broken: list[tuple[Path, CompileResult]] = []
        self.strict = strict
        self.ready = asyncio.Event()
        if not folders:
            self.ready.set()

    def compile_waiting(self) -> list[tuple[Path, CompileResult]]:
        """Compile the waiting folders (run in a thread: pure Python, no widgets touched)."""
        from ..packs import compile_pack

        return [(folder, compile_pack(folder)) for folder in self.waiting]

    def shelve(self, results: list[tuple[Path, CompileResult]]) -> list[Path]:
        """Keep what compiled and drop the covers of what did not; the folders dropped."""
        twins: list[Path] = []
        for folder, result in results:
            if result.ok and result.pack.id in self.packs:  # its cover could not say its id
                self.same_id.append(same_id_left_out(Path(self.packs[result.pack.id].root),
                                                     folder, result.pack.id))
                twins.append(folder)
            elif result.ok:
                self.packs[result.pack.id] = result.pack
            else:
                self.broken.append((folder, result))
        dropped = [folder for folder, _ in self.broken]
        self.covers = [cover for cover in self.covers
                       if cover.folder not in dropped and cover.folder not in twins]
        self.waiting = []
        self.ready.set()
        return dropped

    @property
    def unplayable(self) -> bool:
        """Nothing to play, or a pack asked for by name does not compile. Never before the
        packs have compiled: a game closed on its title screen (a browser that left at once)
        has no packs yet, and that is not a pack's error."""
        if self.waiting:
            return False
        return not self.packs or (self.strict and bool(self.broken))

    async def pack(self, pack_id: str) -> Pack | None:
        await self.ready.wait()
        return self.packs.get(pack_id)
