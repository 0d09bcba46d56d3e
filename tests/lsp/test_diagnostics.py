"""Diagnostics over LSP: exactly `briefing validate`'s, for every file of the pack, from the
unsaved text of open buffers, cleared when fixed, and never a crash on half-typed YAML."""

from __future__ import annotations

import json
import subprocess
import sys

from lsprotocol import types

from tests.lsp.conftest import diagnostics_when, open_file, type_text, uri

TYPO = "next: tue-wrapp"


def validate_json(folder) -> list[dict]:
    shown = subprocess.run([sys.executable, "-m", "game", "validate", str(folder), "--format",
                            "json"], capture_output=True, text=True, check=False).stdout
    return json.loads(shown)["diagnostics"]


def as_validate_gives(diagnostics: dict, file_uri: str) -> list[tuple]:
    return [(d.code, d.severity, d.message, d.range.start.line + 1, d.range.start.character + 1)
            for d in diagnostics.get(file_uri, [])]


async def test_a_saved_mistake_gives_what_validate_gives_with_code_and_place(client, mini):
    scenes = mini / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace("next: tue-wrap", TYPO, 1),
                      encoding="utf-8")
    (mini / "pack.yaml").write_text((mini / "pack.yaml").read_text(encoding="utf-8")
                                    .replace("graded: false", "graded: perhaps"),
                                    encoding="utf-8")
    scenes_uri, manifest_uri = open_file(client, scenes), uri(mini / "pack.yaml")
    await diagnostics_when(client, lambda: client.diagnostics.get(scenes_uri))

    expected = {}
    for d in validate_json(mini):
        message = f"{d['message']}\nhint: {d['hint']}" if d["hint"] else d["message"]
        severity = 1 if d["severity"] == "error" else 2
        expected.setdefault(d["file"].rsplit("/", 1)[-1], []).append(
            (d["code"], severity, message, d["line"], d["column"]))
    assert {"scenes.yaml", "pack.yaml"} <= set(expected)  # a mistake in each file
    assert as_validate_gives(client.diagnostics, scenes_uri) == expected["scenes.yaml"]
    assert as_validate_gives(client.diagnostics, manifest_uri) == expected["pack.yaml"]
    typo = next(d for d in client.diagnostics[scenes_uri] if d.code == "unknown-scene")
    assert "tue-wrapp" in typo.message and "tue-wrap" in typo.message  # the suggestion
    assert typo.source == "briefing"
    line = scenes.read_text(encoding="utf-8").splitlines()[typo.range.start.line]
    assert line[typo.range.start.character:].startswith("tue-wrapp")


async def test_unsaved_text_is_checked_as_typed_and_cleared_when_fixed(client, mini):
    scenes = mini / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    scenes_uri = open_file(client, scenes)
    await diagnostics_when(client, lambda: scenes_uri in client.diagnostics)
    assert list(client.diagnostics[scenes_uri]) == []

    type_text(client, scenes, text.replace("next: tue-wrap", TYPO, 1))
    await diagnostics_when(client, lambda: client.diagnostics.get(scenes_uri))
    assert [d.code for d in client.diagnostics[scenes_uri]] == ["unknown-scene"]
    assert scenes.read_text(encoding="utf-8") == text  # nothing was saved

    type_text(client, scenes, text, version=3)
    await diagnostics_when(client, lambda: not client.diagnostics.get(scenes_uri, ['-']))


async def test_a_mistake_in_an_unsaved_buffer_shows_in_the_file_it_breaks(client, mini):
    """Renaming a scene in one buffer breaks the references in the pack's other files."""
    manifest_uri = uri(mini / "pack.yaml")
    scenes = mini / "scenes.yaml"
    open_file(client, scenes)
    open_file(client, mini / "pack.yaml")
    type_text(client, scenes, scenes.read_text(encoding="utf-8")
              .replace("- id: mon-alarm", "- id: mon-alarum"))
    await diagnostics_when(client, lambda: client.diagnostics.get(manifest_uri))
    assert [d.code for d in client.diagnostics[manifest_uri]] == ["unknown-scene"]
    assert client.diagnostics[manifest_uri][0].range.start.line == 5  # start: mon-alarm


HALF_TYPED = [
    "scenes:\n  - id: mon-alarm\n    day: [Monday\n",  # an unclosed bracket
    "scenes:\n\t- id: x\n",  # a tab
    "a: &a [*a, *a, *a]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b]\n",
    "scenes:\n  - id: \"unterminated\n",
    "--- \n...\n--- \n",
    "\x00\x01 binary",
    "",
]


async def test_half_typed_and_hostile_yaml_never_stops_the_server(client, mini):
    scenes = mini / "scenes.yaml"
    scenes_uri = open_file(client, scenes)
    await diagnostics_when(client, lambda: scenes_uri in client.diagnostics)
    for version, text in enumerate(HALF_TYPED, start=2):
        client.diagnostics.pop(scenes_uri, None)
        type_text(client, scenes, text, version)
        await diagnostics_when(client, lambda: client.diagnostics.get(scenes_uri))
        assert all(d.severity == types.DiagnosticSeverity.Error
                   for d in client.diagnostics[scenes_uri]), text
        # and every request still gets an answer at any place of it
        for line in range(text.count("\n") + 1):
            where = types.TextDocumentIdentifier(scenes_uri)
            at = types.Position(line=line, character=3)
            await client.text_document_hover_async(types.HoverParams(where, at))
            await client.text_document_completion_async(types.CompletionParams(where, at))
            await client.text_document_definition_async(types.DefinitionParams(where, at))
    assert client.error is None


async def test_the_campaign_is_clean_and_a_typo_in_it_is_found(client, campaign_copy):
    thursday = campaign_copy / "01-thursday.yaml"
    thursday_uri = open_file(client, thursday)
    files = [uri(path) for path in campaign_copy.glob("*.yaml")]
    await diagnostics_when(client, lambda: all(f in client.diagnostics for f in files))
    assert all(list(client.diagnostics[f]) == [] for f in files)
    text = thursday.read_text(encoding="utf-8")
    target = text.split("next: ", 1)[1].split("\n", 1)[0]
    type_text(client, thursday, text.replace(f"next: {target}", f"next: {target}x", 1))
    await diagnostics_when(client, lambda: client.diagnostics.get(thursday_uri))
    assert [d.code for d in client.diagnostics[thursday_uri]] == ["unknown-scene"]


async def test_a_pack_whose_manifest_is_pack_yml_is_checked_too(client, mini):
    (mini / "pack.yaml").rename(mini / "pack.yml")
    manifest = mini / "pack.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        .replace("graded: false", "graded: perhaps"), encoding="utf-8")
    scenes = mini / "scenes.yaml"
    scenes_uri = open_file(client, scenes)
    await diagnostics_when(client, lambda: {uri(manifest), scenes_uri} <= set(client.diagnostics))
    assert [d.code for d in client.diagnostics[uri(manifest)]] == [
        d["code"] for d in validate_json(mini) if d["file"].endswith("pack.yml")]
    assert client.diagnostics[uri(manifest)]  # the mistake in pack.yml is shown in pack.yml
    assert list(client.diagnostics[scenes_uri]) == []
