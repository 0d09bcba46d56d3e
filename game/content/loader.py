"""Compile a pack folder into a Pack plus diagnostics. Never raises on bad content."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import types
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .checks import WHOLE_FILE, check_pack
from .compiler import NodeCompiler, parse_yaml
from .diagnostics import ERROR, Diagnostic, has_errors, sort_key
from .limits import MAX_FILE_BYTES, too_deep, too_large
from .manifest_file import MANIFEST_NAMES, manifest_files
from .models import RECALL_TRACK, Manifest, Pack, SceneFile, Track
from .quotes import SourceText
from .renames import PendingRename, read_older_format

MANIFEST_NAME = "pack.yaml"  # the usual name; pack.yml is read as well (manifest_file.py)


@dataclass
class CompileResult:
    """What compiling a pack gives: the pack (None when it cannot be built) and every problem found."""

    pack: Pack | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Values written in an older format and read under their new names (`briefing upgrade`).
    renamed: list[PendingRename] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.pack is not None and not has_errors(self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def stats(self) -> dict:
        return pack_stats(self.pack)

    def cue_figures(self):
        """What gives answers away in the pack (lengths, hedging, true or false); see cues.py."""
        from .cues import cue_figures

        return cue_figures(self.pack.manifest, self.pack.scenes.values())


def display_path(path: Path) -> str:
    """A path as an author would type it: relative to the working folder when it is inside it."""
    absolute = Path(path).absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:  # outside the working folder: the full path is clearer than ../../..
        return str(absolute)


def read_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # never more: the file may be huge
    except OSError as exc:
        return None, Diagnostic(shown, 1, 1, ERROR, "unreadable-file",
                                f"The file cannot be read: {exc.strerror or exc}.",
                                "Check that the file exists and that you may read it.")
    if len(raw) > MAX_FILE_BYTES:
        return None, too_large(shown, len(raw))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None, Diagnostic(shown, 1, 1, ERROR, "not-utf8",
                                    "The file is UTF-16 text (it starts with a UTF-16 byte "
                                    "order mark), not UTF-8.",
                                    "Save the file as UTF-8 in your editor.")
        line = raw[: exc.start].count(b"\n") + 1
        return None, Diagnostic(shown, line, 1, ERROR, "not-utf8",
                                f"The file is not UTF-8 text (byte {exc.start}).",
                                "Save the file as UTF-8 in your editor.")


def compile_file(path: Path, model: type, broken_ids: set | None = None,
                 unsaved: Mapping[Path, str] | None = None, comments_alone: bool = False):
    """Compile one YAML file into ``model``; the value is None when it could not be built.

    Ids of scenes that failed to build go into ``broken_ids``, so that references to them are
    not reported a second time as unknown. ``unsaved`` holds the text of files open in an
    editor (by resolved path), read instead of what is on disk. With ``comments_alone``, a file
    holding only comments (a scene file kept for later) gives (None, []): nothing built,
    nothing wrong.
    """
    text, problem = unsaved_text(path, unsaved) or read_text(path)
    if problem:
        return None, [problem]
    shown = display_path(path)
    node, diagnostics = parse_yaml(text, shown)
    if node is None:
        if comments_alone and only_comments(text, diagnostics):
            return None, []
        return None, diagnostics
    compiler = NodeCompiler(shown)
    try:
        value = compiler.compile(model, node)
    except RecursionError:  # the limits should prevent it; never let it become a traceback
        return None, [too_deep(shown, 1, 1, "deeper than Python can follow")]
    if broken_ids is not None:
        broken_ids.update(i for kind, i in compiler.broken_ids if kind == "Scene")
    return value, diagnostics + compiler.diagnostics


def unsaved_text(path: Path, unsaved: Mapping[Path, str] | None
                 ) -> tuple[str | None, Diagnostic | None] | None:
    """An editor's unsaved text of ``path`` (None when it has none), held to the size limit."""
    text = unsaved.get(path.resolve()) if unsaved else None
    if text is None:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        return None, too_large(display_path(path), size)
    return text.removeprefix("\ufeff"), None


def only_comments(text: str, diagnostics: list[Diagnostic]) -> bool:
    """Whether a file that holds no YAML holds comments (so it is not empty by mistake)."""
    return [d.code for d in diagnostics] == ["empty-file"] and bool(text.strip())


def find_source(manifest: Manifest, pack_dir: Path, seeds_dirs: list[Path]
                ) -> tuple[Path | None, Path | None]:
    """(the article, None), or (None, a file found outside the allowed folders), or (None,
    None). The article may be only in the pack folder or a seeds folder, links followed: a
    pack from someone else must not read ``/etc/passwd`` or ``../../secrets.txt`` as its
    article (and show it to the player)."""
    folders = [pack_dir, *seeds_dirs]
    allowed = [folder.resolve() for folder in folders]
    outside = None
    for folder in folders:
        candidate = folder / manifest.source  # an absolute source replaces the folder
        try:
            if not candidate.is_file():
                continue
            real = candidate.resolve()
        except (OSError, RuntimeError):  # a loop of links, a name too long
            continue
        if any(real.is_relative_to(root) for root in allowed):
            return candidate, None
        outside = outside or candidate
    return None, outside


def with_id(manifest: Manifest, pack_dir: Path) -> Manifest:
    """The folder's name is the pack's id only when pack.yaml gives none."""
    if manifest.id:
        return manifest
    return dataclasses.replace(manifest, id=pack_dir.resolve().name)


def with_recall_track(manifest: Manifest) -> Manifest:
    """Every pack scores recall; add a plain recall track when the author did not describe one."""
    if any(t.id == RECALL_TRACK for t in manifest.tracks):
        return manifest
    recall = Track(id=RECALL_TRACK, name="Recall", description="Answers to recall questions.")
    return Manifest(**{**manifest.__dict__, "tracks": (*manifest.tracks, recall)})


def compile_pack(pack_dir: Path, seeds_dirs: Iterable[Path] = (),
                 unsaved: Mapping[Path, str] | None = None) -> CompileResult:
    """Compile ``pack_dir`` (pack.yaml plus scene files) against its seed article, found in
    the pack folder or in one of ``seeds_dirs``. The caller names those (game/packs.py names
    the shipped seeds/): content does not know where the game is installed. ``unsaved``: the
    text of files open in an editor, by resolved path (the language server's buffers)."""
    # Compiling makes many small objects and no cycles worth collecting: pausing the cyclic
    # garbage collector meanwhile saves it walking them again and again (measured in benchmarks/).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _compile_pack(Path(pack_dir), seeds_dirs, unsaved)
    finally:
        if paused:
            gc.enable()


def _compile_pack(pack_dir: Path, seeds_dirs: Iterable[Path],
                  unsaved: Mapping[Path, str] | None) -> CompileResult:
    pack_dir = Path(pack_dir)
    seeds_dirs = list(seeds_dirs)
    manifests = manifest_files(pack_dir)
    if not manifests:
        return CompileResult(None, [Diagnostic(
            display_path(pack_dir / MANIFEST_NAME), 1, 1, ERROR, "no-manifest",
            f"'{display_path(pack_dir)}' has no {' or '.join(MANIFEST_NAMES)}.",
            "A pack is a folder with a pack.yaml beside its scene files.")])
    manifest_path = manifests[0]
    manifest, diagnostics = compile_file(manifest_path, Manifest, unsaved=unsaved)
    for other in manifests[1:]:
        diagnostics.append(Diagnostic(
            display_path(other), 1, 1, ERROR, "two-manifests",
            f"The pack has both {manifest_path.name} and {other.name}; only "
            f"{manifest_path.name} is read.", f"Keep one: delete {other.name}, or merge what "
            f"it says into {manifest_path.name} first."))
    scene_files = []
    broken_scenes: set[str] = set()
    scene_paths = sorted(path for path in [*pack_dir.glob("*.yaml"), *pack_dir.glob("*.yml")]
                         if path.name not in MANIFEST_NAMES)
    for path in scene_paths:
        scene_file, found = compile_file(path, SceneFile, broken_scenes, unsaved,
                                         comments_alone=True)
        if scene_file is None and not found:
            continue  # only comments: a file kept for scenes not written yet
        diagnostics += found
        if scene_file is None:
            broken_scenes.add(WHOLE_FILE)  # its scenes are unknown: any id may be among them
        if scene_file is not None:
            scene_files.append(scene_file)
    if manifest is None:
        return CompileResult(None, sorted(diagnostics, key=sort_key))
    manifest = with_recall_track(with_id(manifest, pack_dir))
    manifest, scene_files, renamed, found = read_older_format(manifest, scene_files)
    diagnostics += found

    source_path, outside = find_source(manifest, pack_dir, seeds_dirs)
    source = None
    if outside is not None:
        where = manifest.locs.get("source") or manifest.locs[""]
        diagnostics.append(Diagnostic(
            where.file, where.line, where.column, ERROR, "source-outside-pack",
            f"The source article '{manifest.source}' is outside the folders an article may be "
            "in: the pack folder and seeds/.",
            "Copy the article into the pack folder and give its file name alone, e.g. "
            "'source: article.txt'."))
    elif source_path is None:
        where = manifest.locs.get("source")
        diagnostics.append(Diagnostic(
            where.file, where.line, where.column, ERROR, "missing-source",
            f"The source article '{manifest.source}' is not in the pack folder or in seeds/.",
            "Put the article's text file in the pack folder (or in seeds/) and give its file "
            "name here."))
    else:
        text, problem = read_text(source_path)
        if problem:
            diagnostics.append(problem)
        else:
            source = SourceText(text)

    scenes = {}
    for scene_file in scene_files:
        for scene in scene_file.scenes:
            scenes.setdefault(scene.id, scene)
    diagnostics += check_pack(manifest, scene_files, source, broken_scenes,
                              earlier_errors=any(d.is_error for d in diagnostics))
    pack = Pack(manifest=manifest, scenes=types.MappingProxyType(scenes),
                seed_text=source.raw if source else "", root=str(pack_dir),
                content_hash=content_hash([manifest_path, *scene_paths], source_path))
    return CompileResult(pack, sorted(diagnostics, key=sort_key), renamed)


def content_hash(paths: list[Path], source_path: Path | None) -> str:
    """A fingerprint of the files a pack was compiled from, so results from an edited pack are
    never mixed with results from the pack as it was (file names count, folders do not)."""
    digest = hashlib.sha256()
    for path in [*paths, *([source_path] if source_path else [])]:
        try:
            data = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else b""
        except OSError:
            data = b""  # a file too large or unreadable is an error already; the pack won't run
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return "sha256:" + digest.hexdigest()[:16]


def pack_stats(pack: Pack | None) -> dict:
    """Counts an author checks against a campaign's brief."""
    if pack is None:
        return {"scenes": 0, "days": 0, "decisions": 0, "questions": 0,
                "question_types": {}, "endings": 0}
    scenes = list(pack.scenes.values())
    types_count = Counter(q.type for s in scenes for q in s.questions)
    return {
        "scenes": len(scenes),
        "days": len({s.day for s in scenes}),
        "decisions": sum(1 for s in scenes if s.is_decision),
        "questions": sum(types_count.values()),
        "question_types": dict(sorted(types_count.items())),
        "endings": sum(1 for s in scenes if s.ending),
    }
