"""Names inside conditions (`visited:`, `chose: scene.choice`), positions after characters that
take two UTF-16 units, and a closed buffer giving way to the file on disk."""

from __future__ import annotations

from lsprotocol import types

from tests.lsp.conftest import diagnostics_when, open_file, type_text, uri

WADE = '      - {text: "🌊🌊 Wade in", next: tue-radio, effects: {tradecraft: 1}}\n'


def with_conditions(pack) -> str:
    scenes = pack / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    text = text.replace("      - text: Report 40 moved, and note the radio's 55\n",
                        "      - text: Report 40 moved, and note the radio's 55\n"
                        "        id: both-figures\n", 1)
    text = text.replace("if: {flags: [careful], at_least: {tradecraft: 2}}",
                        "if: {visited: [tue-radio], chose: [mon-alarm.both-figures]}")
    text = text.replace("    choices:\n", "    choices:\n" + WADE, 1)
    scenes.write_text(text, encoding="utf-8")
    return text


def utf16_position(text: str, needle: str, offset: int) -> types.Position:
    before = text[:text.index(needle) + offset]
    line = before.rsplit("\n", 1)[-1]
    return types.Position(before.count("\n"), len(line.encode("utf-16-le")) // 2)


async def definition(client, document, text, needle, offset):
    found = await client.text_document_definition_async(
        types.DefinitionParams(document, utf16_position(text, needle, offset)))
    lines = text.splitlines()
    return [lines[loc.range.start.line][loc.range.start.character:loc.range.end.character]
            + f"@{loc.range.start.line}" for loc in found]


async def test_definitions_inside_conditions(client, mini):
    text = with_conditions(mini)
    document = types.TextDocumentIdentifier(open_file(client, mini / "scenes.yaml"))
    lines = text.splitlines()
    radio, alarm = lines.index("  - id: tue-radio"), lines.index("  - id: mon-alarm")
    choice = lines.index("        id: both-figures")
    assert await definition(client, document, text, "visited: [tue-radio", 12) == \
        [f"tue-radio@{radio}"]
    assert await definition(client, document, text, "chose: [mon-alarm", 10) == \
        [f"mon-alarm@{alarm}"]
    assert await definition(client, document, text, "mon-alarm.both-figures", 12) == \
        [f"both-figures@{choice}"]


async def test_rename_reaches_a_chose_and_counts_utf16_units(client, mini):
    text = with_conditions(mini)
    document = types.TextDocumentIdentifier(open_file(client, mini / "scenes.yaml"))
    edit = await client.text_document_rename_async(types.RenameParams(
        document, utf16_position(text, "- id: mon-alarm", 8), new_name="mon-flood"))
    lines = text.splitlines()
    found = sorted((e.range.start.line, e.range.start.character, e.range.end.character)
                   for e in edit.changes[uri(mini / "scenes.yaml")])
    chose = lines.index(next(line for line in lines if "chose: [mon-alarm" in line))
    start = lines[chose].index("mon-alarm")
    assert found == [(lines.index("  - id: mon-alarm"), 8, 17), (chose, start, start + 9)]

    # After two waves (two UTF-16 units each), the id is 2 units further right than its
    # code points: the client's columns are UTF-16's.
    wade = lines.index(WADE.rstrip("\n"))
    edit = await client.text_document_rename_async(types.RenameParams(
        document, utf16_position(text, "next: tue-radio, effects", 8), new_name="tue-call"))
    on_wade = [e.range for e in edit.changes[uri(mini / "scenes.yaml")]
               if e.range.start.line == wade]
    points = lines[wade].index("tue-radio")
    assert [(r.start.character, r.end.character) for r in on_wade] == \
        [(points + 2, points + 11)]


async def test_closing_an_unsaved_buffer_brings_back_the_disk(client, mini):
    scenes = mini / "scenes.yaml"
    scenes_uri = open_file(client, scenes)
    type_text(client, scenes, scenes.read_text(encoding="utf-8").replace(
        "next: tue-wrap", "next: tue-wrapp", 1))
    await diagnostics_when(client, lambda: client.diagnostics.get(scenes_uri))
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        types.TextDocumentIdentifier(scenes_uri)))
    await diagnostics_when(client, lambda: not client.diagnostics.get(scenes_uri, ["-"]))
