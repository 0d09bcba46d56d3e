"""A real LSP client (pytest-lsp) talking to `briefing lsp` over stdio, and copies of the mini
pack and the campaign in tmp_path for it to edit."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path
from typing import Callable

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from game.paths import packs_root
from tests.conftest import CAMPAIGN_ID, MINI

# A bound on waiting for the server, so a broken server fails the test instead of hanging it
# (not a timing assertion: a working server answers in a fraction of it).
PATIENCE = 60


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "game", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def mini(tmp_path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "mini"))


@pytest.fixture
def campaign_copy(tmp_path) -> Path:
    return Path(shutil.copytree(packs_root() / CAMPAIGN_ID, tmp_path / CAMPAIGN_ID))


def uri(path: Path) -> str:
    return path.resolve().as_uri()


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open ``path`` in the client, with ``text`` as its unsaved content if given."""
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri(path), language_id="yaml", version=1,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri(path)


def type_text(client: LanguageClient, path: Path, text: str, version: int = 2) -> None:
    """The whole buffer replaced by ``text``, unsaved."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics_when(client: LanguageClient, ready: Callable[[], bool]) -> None:
    """Wait for published diagnostics until ``ready()`` holds."""
    async def wait() -> None:
        while not ready():
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(wait(), PATIENCE)


def position_of(path: Path, needle: str, offset: int = 0, text: str | None = None
                ) -> types.Position:
    """The position of the first ``needle`` in the file (plus ``offset`` characters)."""
    text = path.read_text(encoding="utf-8") if text is None else text
    before = text[:text.index(needle) + offset]
    return types.Position(line=before.count("\n"), character=len(before.rsplit("\n", 1)[-1]))
