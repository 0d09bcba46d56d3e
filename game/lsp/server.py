"""The language server (pygls 2, stdio): the features of game/lsp wired to LSP messages.

Positions: the client counts UTF-16 units (or what it negotiated); everything behind this
module counts code points, converted here by pygls's position codec.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..content.severity import ERROR
from .complete import offers_at
from .navigate import RenameRefused, definitions, hover_text, named_at, rename_places
from .pack_view import PackView, pack_folder
from .preview import preview_command
from .symbols import SCENE

PREVIEW = "briefing.preview"
DEBOUNCE_SECONDS = 0.15  # typing goes on: compile once it pauses
REQUEST_FAILED = -32803  # LSP's code for a request that was valid but refused
COMPLETION_KINDS = {"field": types.CompletionItemKind.Property,
                    "value": types.CompletionItemKind.EnumMember,
                    "scene": types.CompletionItemKind.Reference,
                    "flag": types.CompletionItemKind.Constant,
                    "track": types.CompletionItemKind.Variable,
                    "day": types.CompletionItemKind.Value,
                    "choice": types.CompletionItemKind.Reference}


class BriefingServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("briefing", __version__)
        self.views: dict[Path, PackView] = {}
        self.pending: dict[Path, asyncio.TimerHandle] = {}
        self.published: dict[Path, set[Path]] = {}  # pack -> files given diagnostics

    # -- packs and their files -------------------------------------------------------------

    def view_of(self, uri: str) -> tuple[PackView, Path] | None:
        """The pack a document is in, fresh (its pending compile done now), and its path."""
        fs_path = to_fs_path(uri)
        folder = pack_folder(Path(fs_path)) if fs_path else None
        if folder is None:
            return None
        view = self.views.get(folder)
        if view is None or folder in self.pending:
            self.recompile(folder)
            view = self.views[folder]
        return view, Path(fs_path).resolve()

    def unsaved(self, folder: Path) -> dict[Path, str]:
        found = {}
        for uri, document in self.workspace.text_documents.items():
            fs_path = to_fs_path(uri)
            if fs_path and Path(fs_path).resolve().parent == folder:
                found[Path(fs_path).resolve()] = document.source
        return found

    def uri_of(self, path: Path) -> str:
        """The URI the client opened ``path`` under, so diagnostics land on its buffer."""
        for uri in self.workspace.text_documents:
            fs_path = to_fs_path(uri)
            if fs_path and Path(fs_path).resolve() == path:
                return uri
        return from_fs_path(str(path)) or path.as_uri()

    def schedule(self, uri: str, delay: float) -> None:
        fs_path = to_fs_path(uri)
        folder = pack_folder(Path(fs_path)) if fs_path else None
        if folder is None:
            return
        waiting = self.pending.pop(folder, None)
        if waiting is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[folder] = loop.call_later(delay, self.recompile, folder)

    def recompile(self, folder: Path) -> None:
        waiting = self.pending.pop(folder, None)
        if waiting is not None:
            waiting.cancel()
        view = self.views.setdefault(folder, PackView(folder))
        try:
            view.refresh(self.unsaved(folder))
        except Exception as exc:  # the compiler reports bad content; this is a bug: say so
            logging.getLogger("pygls").error("could not check %s (%s: %s)", folder,
                                             type(exc).__name__, exc)
            return
        self.publish(view)

    def publish(self, view: PackView) -> None:
        """Diagnostics for every file of the pack; an empty list clears a file's old ones."""
        files = set(view.files()) | set(view.diagnostics) | self.published.get(view.folder, set())
        for path in sorted(files):
            found = [self.lsp_diagnostic(view, path, d) for d in view.diagnostics.get(path, [])]
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=self.uri_of(path), diagnostics=found))
        self.published[view.folder] = set(view.diagnostics)

    # -- positions --------------------------------------------------------------------------

    def lsp_range(self, view: PackView, path: Path, line: int, start: int, end: int
                  ) -> types.Range:
        inside = types.Range(types.Position(line, start), types.Position(line, end))
        return self.workspace.position_codec.range_to_client_units(view.lines(path), inside)

    def lsp_diagnostic(self, view: PackView, path: Path, d) -> types.Diagnostic:
        lines = view.lines(path)
        line = max(d.line - 1, 0)
        text = lines[line] if line < len(lines) else ""
        start = min(max(d.column - 1, 0), len(text))
        end = len(text.rstrip()) if len(text.rstrip()) > start else start + 1
        message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
        return types.Diagnostic(
            range=self.lsp_range(view, path, line, start, end), message=message,
            severity=(types.DiagnosticSeverity.Error if d.severity == ERROR
                      else types.DiagnosticSeverity.Warning),
            code=d.code, source="briefing")

    def place(self, uri: str, position: types.Position) -> tuple[PackView, Path, int, int] | None:
        """The pack, file, line and code-point column of a client's position."""
        found = self.view_of(uri)
        if found is None:
            return None
        view, path = found
        lines = view.texts.get(path, "").splitlines(keepends=True)
        inside = self.workspace.position_codec.position_from_client_units(lines, position)
        return view, path, inside.line, inside.character

    def location(self, view: PackView, symbol) -> types.Location:
        return types.Location(uri=self.uri_of(symbol.path), range=self.lsp_range(
            view, symbol.path, symbol.line, symbol.start, symbol.end))


server = BriefingServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: BriefingServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: BriefingServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: BriefingServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: BriefingServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)  # what is on disk counts again


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: BriefingServer, params: types.DefinitionParams) -> list[types.Location]:
    found = ls.place(params.text_document.uri, params.position)
    if found is None:
        return []
    view, path, line, column = found
    named = named_at(view, path, line, column)
    if named is None:
        return []
    return [ls.location(view, symbol) for symbol in definitions(view, named)]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: BriefingServer, params: types.HoverParams) -> types.Hover | None:
    found = ls.place(params.text_document.uri, params.position)
    if found is None:
        return None
    text = hover_text(*found)
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=[" ", ":", "[", ","]))
def completion(ls: BriefingServer, params: types.CompletionParams) -> types.CompletionList:
    found = ls.place(params.text_document.uri, params.position)
    if found is None:
        return types.CompletionList(is_incomplete=False, items=[])
    view, path, line, column = found
    typed, offers = offers_at(view, path, line, column)
    replaced = ls.lsp_range(view, path, line, column - len(typed), column)
    items = [types.CompletionItem(
        label=offer.label, kind=COMPLETION_KINDS.get(offer.kind), detail=offer.detail or None,
        documentation=(types.MarkupContent(kind=types.MarkupKind.Markdown,
                                           value=offer.documentation)
                       if offer.documentation else None),
        text_edit=types.TextEdit(range=replaced, new_text=offer.insert or offer.label))
        for offer in offers]
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: BriefingServer, params: types.PrepareRenameParams):
    found = ls.place(params.text_document.uri, params.position)
    named = named_at(*found) if found else None
    if named is None or named.role != SCENE:
        raise JsonRpcException(message="Only a scene id can be renamed.", code=REQUEST_FAILED)
    view, path = found[0], found[1]
    return ls.lsp_range(view, path, named.line, named.start, named.end)


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: BriefingServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    found = ls.place(params.text_document.uri, params.position)
    named = named_at(*found) if found else None
    if named is None:
        raise JsonRpcException(message="Only a scene id can be renamed.", code=REQUEST_FAILED)
    view = found[0]
    try:
        places = rename_places(view, named, params.new_name)
    except RenameRefused as refused:
        raise JsonRpcException(message=str(refused), code=REQUEST_FAILED) from None
    changes: dict[str, list[types.TextEdit]] = {}
    for symbol in places:
        changes.setdefault(ls.uri_of(symbol.path), []).append(types.TextEdit(
            range=ls.lsp_range(view, symbol.path, symbol.line, symbol.start, symbol.end),
            new_text=params.new_name))
    return types.WorkspaceEdit(changes=changes)


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: BriefingServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    found = ls.view_of(params.text_document.uri)
    if found is None:
        return []
    view, path = found
    index = view.indexes.get(path)
    if index is None:
        return []
    return [types.CodeLens(
        range=ls.lsp_range(view, path, symbol.line, symbol.start, symbol.end),
        command=types.Command(title=f"Preview from {symbol.name}", command=PREVIEW,
                              arguments=[params.text_document.uri, symbol.name]))
        for symbol in index.symbols if symbol.role == SCENE and symbol.defines]


@server.command(PREVIEW)
def preview(ls: BriefingServer, uri: str, scene: str) -> str:
    found = ls.view_of(uri)
    pack = found[0].result.pack if found and found[0].result else None
    if pack is None:
        text = "The pack cannot be compiled yet; fix its errors first."
    elif scene not in pack.scenes:
        text = f"The pack has no scene '{scene}'."
    else:
        text = preview_command(pack, found[0].folder, scene)
    ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))
    return text


class OneLine(logging.Formatter):
    """A problem in the server, one line for the editor's log: never a traceback."""

    def formatException(self, exc_info) -> str:
        return ""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = ""
        text = super().format(record)
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        return text.splitlines()[0] if text else text


def run() -> int:
    """`briefing lsp`: serve on stdin and stdout until the client says exit."""
    handler = logging.StreamHandler()
    handler.setFormatter(OneLine("briefing lsp: %(message)s"))
    logging.getLogger("pygls").addHandler(handler)
    logging.getLogger("pygls").propagate = False
    logging.getLogger("pygls").setLevel(logging.WARNING)
    server.start_io()
    if sys.stdout.closed:  # pygls closes the streams it served on; the CLI flushes stdout
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    return 0
