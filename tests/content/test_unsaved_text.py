"""compile_pack with ``unsaved``: an editor's open buffers are read instead of the disk (what
`briefing lsp` compiles with), held to the same limits, and nothing is written."""

from __future__ import annotations

import shutil

from game.content.limits import MAX_FILE_BYTES
from game.packs import compile_pack
from tests.conftest import MINI


def test_an_unsaved_buffer_is_compiled_instead_of_the_file(tmp_path):
    pack = shutil.copytree(MINI, tmp_path / "mini")
    scenes = (pack / "scenes.yaml").resolve()
    on_disk = scenes.read_text(encoding="utf-8")
    typed = on_disk.replace("next: tue-radio", "next: tue-radi0", 1)
    result = compile_pack(pack, {scenes: typed})
    unknown = [(d.file.rsplit("/", 1)[-1], d.line, d.column) for d in result.diagnostics
               if d.code == "unknown-scene"]
    assert unknown == [("scenes.yaml", typed.splitlines().index("        next: tue-radi0") + 1, 15)]
    assert scenes.read_text(encoding="utf-8") == on_disk
    assert compile_pack(pack).diagnostics == []  # the disk alone is clean


def test_an_unsaved_buffer_has_the_files_size_limit(tmp_path):
    pack = shutil.copytree(MINI, tmp_path / "mini")
    huge = "# " + "x" * MAX_FILE_BYTES
    result = compile_pack(pack, {(pack / "scenes.yaml").resolve(): huge})
    assert [(d.code, d.file.rsplit("/", 1)[-1], d.line) for d in result.diagnostics] == [
        ("file-too-large", "scenes.yaml", 1)]
