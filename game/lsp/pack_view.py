"""One pack as an editor sees it: its files with the unsaved text of open buffers laid over
what is on disk, compiled by the same compiler as `briefing validate`, and indexed."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Mapping

from ..content.diagnostics import Diagnostic
from ..content.limits import MAX_FILE_BYTES
from ..content.loader import CompileResult
from ..content.manifest_file import MANIFEST_NAMES, manifest_files, is_pack
from .symbols import FileIndex, Symbol, index_file


def pack_folder(path: Path) -> Path | None:
    """The pack a file belongs to: the folder it is in, when that folder has a pack.yaml (or
    pack.yml)."""
    folder = path.resolve().parent
    return folder if is_pack(folder) else None


def diagnostic_path(diagnostic: Diagnostic) -> Path:
    """The file a diagnostic names (relative to this process's working folder, as validate
    prints it), made absolute."""
    return (Path.cwd() / diagnostic.file).resolve()


def read_within_limit(path: Path) -> str | None:
    """A file's text for the index, or None when it cannot be read or is too large to check
    (the compiler's diagnostics say which)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None


class PackView:
    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.result: CompileResult | None = None
        self.texts: dict[Path, str] = {}
        self.indexes: dict[Path, FileIndex] = {}
        self.diagnostics: dict[Path, list[Diagnostic]] = {}
        self.stale: set[Path] = set()  # files whose text is not YAML now: their index is older

    def files(self) -> list[Path]:
        """The files the compiler reads: pack.yaml (or pack.yml; both, when both are there) and
        the scene files beside it."""
        scenes = sorted(path.resolve() for pattern in ("*.yaml", "*.yml")
                        for path in self.folder.glob(pattern) if path.name not in MANIFEST_NAMES)
        return [*manifest_files(self.folder), *scenes]

    def refresh(self, unsaved: Mapping[Path, str]) -> None:
        """Compile and index the pack again, open buffers read instead of the disk."""
        from ..packs import compile_pack

        self.result = compile_pack(self.folder, unsaved)
        grouped: dict[Path, list[Diagnostic]] = defaultdict(list)
        for diagnostic in self.result.diagnostics:
            grouped[diagnostic_path(diagnostic)].append(diagnostic)
        self.diagnostics = dict(grouped)
        texts = {}
        for path in self.files():
            text = unsaved.get(path)
            if text is None:
                text = read_within_limit(path)
                if text is None:
                    continue
            texts[path] = text
            if self.texts.get(path) != text or path not in self.indexes:
                index = index_file(path, text, path.name in MANIFEST_NAMES)
                if index is not None:
                    self.indexes[path] = index
                    self.stale.discard(path)
                else:  # half typed: keep the last index that could be read
                    self.stale.add(path)
        for gone in set(self.indexes) - set(texts):
            del self.indexes[gone]
        self.texts = texts

    def symbols(self) -> list[Symbol]:
        return [symbol for index in self.indexes.values() for symbol in index.symbols]

    def scene_heading(self, scene_id: str) -> dict[str, str] | None:
        return next((index.scenes[scene_id] for index in self.indexes.values()
                     if scene_id in index.scenes), None)

    def names(self, role: str) -> list[str]:
        """Every name of ``role`` the pack defines, once each, in the pack's order."""
        return list(dict.fromkeys(s.name for s in self.symbols() if s.role == role and s.defines))

    def lines(self, path: Path) -> list[str]:
        return self.texts.get(path, "").splitlines()
