"""How soon `briefing lsp` gives diagnostics after a change, on a copy of the campaign.

    .venv/bin/python benchmarks/lsp_bench.py [--changes 20]

A real client (pytest-lsp's, from the test extra) starts `python -m game lsp` over stdio, opens
a scene file, then types a typo and its fix in turn without saving. Each figure is the time
from sending didChange to receiving that file's new diagnostics: the server's debounce (it
waits for typing to pause) plus compiling the whole pack with the buffer over the disk. Also
printed: the compile alone, in this process, for comparison. Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsprotocol import types  # noqa: E402
from pytest_lsp.client import make_test_lsp_client  # noqa: E402

from game.lsp.server import DEBOUNCE_SECONDS  # noqa: E402
from game.packs import compile_pack  # noqa: E402
from game.paths import packs_root  # noqa: E402

CAMPAIGN = "week-of-march-23"


async def changes(folder: Path, count: int) -> list[float]:
    scene_file = folder / "01-thursday.yaml"
    uri = scene_file.resolve().as_uri()
    text = scene_file.read_text(encoding="utf-8")
    target = text.split("next: ", 1)[1].split("\n", 1)[0]
    broken = text.replace(f"next: {target}", f"next: {target}x", 1)
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "game", "lsp")
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="yaml", version=1, text=text)))
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    took = []
    for version in range(2, count + 2):
        typo = version % 2 == 0
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(
                text=broken if typo else text)]))
        while bool(client.diagnostics.get(uri)) != typo:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        took.append(time.perf_counter() - started)
    await client.shutdown_session()
    await client.stop()
    return took


def compile_alone(folder: Path, count: int) -> list[float]:
    scene_file = (folder / "01-thursday.yaml").resolve()
    unsaved = {scene_file: scene_file.read_text(encoding="utf-8")}
    took = []
    for _ in range(count):
        started = time.perf_counter()
        compile_pack(folder, unsaved)
        took.append(time.perf_counter() - started)
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(shutil.copytree(packs_root() / CAMPAIGN, Path(scratch) / CAMPAIGN))
        served = asyncio.run(changes(folder, args.changes))
        alone = compile_alone(folder, args.changes)
    ms = lambda values: f"median {statistics.median(values) * 1000:.0f} ms, " \
                        f"max {max(values) * 1000:.0f} ms"  # noqa: E731
    print(f"change -> diagnostics over stdio ({args.changes} changes, debounce "
          f"{DEBOUNCE_SECONDS * 1000:.0f} ms included): {ms(served)}")
    print(f"compiling the campaign with the buffer, in process: {ms(alone)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
