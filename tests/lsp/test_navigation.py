"""Go to definition, hover, completion and rename over LSP, on a copy of the mini pack."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import diagnostics_when, open_file, position_of, type_text


async def opened(client, path):
    file_uri = open_file(client, path)
    await diagnostics_when(client, lambda: file_uri in client.diagnostics)
    return types.TextDocumentIdentifier(file_uri)


def line_of(path, needle: str) -> int:
    return position_of(path, needle).line


async def definition_of(client, path, needle, offset):
    document = await opened(client, path)
    found = await client.text_document_definition_async(
        types.DefinitionParams(document, position_of(path, needle, offset)))
    return [(loc.uri.rsplit("/", 1)[-1], loc.range.start.line, loc.range.start.character,
             loc.range.end.character) for loc in found]


@pytest.mark.parametrize("needle, offset, file, target", [
    ("next: tue-wrap", 8, "scenes.yaml", "- id: tue-wrap"),  # a choice's next
    ("to: end-good", 5, "scenes.yaml", "- id: end-good"),  # a route
    ("flags: [careful]", 9, "scenes.yaml", "set: [careful]"),  # a flag: where it is set
    ("at_least: {tradecraft", 12, "pack.yaml", "- id: tradecraft"),  # a track in a condition
    ("effects: {tradecraft: -1, escalation", 26, "pack.yaml", "- id: escalation"),
    ("day: Tuesday", 6, "pack.yaml", "days: [Monday, Tuesday]"),  # a day
])
async def test_definition_of_names_in_scenes(client, mini, needle, offset, file, target):
    found = await definition_of(client, mini / "scenes.yaml", needle, offset)
    name, line, start, end = found[0]
    assert len(found) == 1 and name == file
    assert line == line_of(mini / file, target)
    text = (mini / file).read_text(encoding="utf-8").splitlines()[line]
    assert text[start:end] in needle  # the name itself is the target


async def test_definition_of_the_start_scene_from_pack_yaml(client, mini):
    found = await definition_of(client, mini / "pack.yaml", "start: mon-alarm", 8)
    assert found == [("scenes.yaml", line_of(mini / "scenes.yaml", "- id: mon-alarm"), 8, 17)]


async def test_definition_of_a_glossary_term_used_in_a_scene(client, mini):
    scenes = mini / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(
        "The radio station calls.", "The radio station and an ngo call."), encoding="utf-8")
    found = await definition_of(client, scenes, "an ngo", 4)
    assert found == [("pack.yaml", line_of(mini / "pack.yaml", "{term: NGO"), 11, 14)]


async def test_definition_works_in_a_half_typed_file(client, mini):
    scenes = mini / "scenes.yaml"
    document = await opened(client, scenes)
    broken = scenes.read_text(encoding="utf-8") + "  - id: [half typed\n"
    type_text(client, scenes, broken)
    await diagnostics_when(client, lambda: client.diagnostics.get(document.uri))
    found = await client.text_document_definition_async(types.DefinitionParams(
        document, position_of(scenes, "next: tue-wrap", 8, text=broken)))
    assert [loc.range.start.line for loc in found] == [line_of(scenes, "- id: tue-wrap")]


async def hover_at(client, path, needle, offset) -> str:
    document = await opened(client, path)
    found = await client.text_document_hover_async(
        types.HoverParams(document, position_of(path, needle, offset)))
    return found.contents.value


async def test_hover_on_a_source_quote_shows_the_articles_sentence(client, mini):
    shown = await hover_at(client, mini / "scenes.yaml", 'source: "flooding three', 12)
    assert shown == ('From the article (seed.txt):\n\n'
                     '> The "river" rose on Monday, **flooding three villages**.')


async def test_hover_on_a_scene_id_shows_its_title_and_day(client, mini):
    shown = await hover_at(client, mini / "scenes.yaml", "next: tue-radio", 8)
    assert shown == "**The radio calls**\n\nTuesday, Morning (scene `tue-radio`)"


async def test_hover_on_a_field_shows_its_description(client, mini):
    shown = await hover_at(client, mini / "scenes.yaml", "claimed_by:", 3)
    assert shown.startswith("**claimed_by**: ")
    assert "claimed_by: " in shown  # with its example


async def completion_at(client, path, text, needle, offset):
    document = await opened(client, path)
    type_text(client, path, text)
    found = await client.text_document_completion_async(types.CompletionParams(
        document, position_of(path, needle, offset, text=text)))
    return [item.label for item in found.items]


async def test_completion_of_scene_ids_while_typing_next(client, mini):
    scenes = mini / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8").replace("    next: tue-wrap\n", "    next: tu\n")
    labels = await completion_at(client, scenes, text, "next: tu", 8)
    assert labels == ["mon-alarm", "tue-radio", "tue-wrap", "end-good", "end-weak"]


async def test_completion_of_fields_valid_in_a_choice(client, mini):
    scenes = mini / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8").replace(
        "        feedback: A claim reported as fact.\n",
        "        feedback: A claim reported as fact.\n        ef\n")
    labels = await completion_at(client, scenes, text, "        ef\n", 10)
    assert labels == ["text", "id", "next", "effects", "feedback", "set", "if"]


@pytest.mark.parametrize("typed, expected", [
    ("      - id: q-new\n        type: ", ["single-choice", "multiple-select", "numeric",
                                           "short-text", "timeline", "true-false", "match",
                                           "forecast"]),
    ("      - id: q-new\n        typos: ", ["true", "false"]),
])
async def test_completion_of_enum_values(client, mini, typed, expected):
    scenes = mini / "scenes.yaml"
    marker = "    questions:\n      - id: q-who\n"
    text = scenes.read_text(encoding="utf-8").replace(marker, f"    questions:\n{typed}\n" + marker[15:])
    labels = await completion_at(client, scenes, text, typed, len(typed))
    assert labels == expected


@pytest.mark.parametrize("line, expected", [
    ("        if: {flags: [", ["careful"]),
    ("        effects: {", ["tradecraft", "escalation", "recall"]),
    ("        if: {at_least: {tradecraft: 1}, below: {", ["tradecraft", "escalation", "recall"]),
    ("    day: ", ["Monday", "Tuesday"]),
])
async def test_completion_of_flags_tracks_and_days(client, mini, line, expected):
    scenes = mini / "scenes.yaml"
    anchor = "        feedback: A claim reported as fact.\n"
    text = scenes.read_text(encoding="utf-8").replace(anchor, anchor + line + "\n")
    if line.startswith("    day"):
        anchor = "    title: The radio calls\n"
        text = scenes.read_text(encoding="utf-8").replace(anchor, anchor + line + "\n")
    labels = await completion_at(client, scenes, text, line + "\n", len(line))
    assert labels == expected


async def test_rename_a_scene_across_the_pack(client, mini):
    scenes = mini / "scenes.yaml"
    document = await opened(client, scenes)
    at = position_of(scenes, "- id: mon-alarm", 8)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(document, at))
    assert (prepared.start.line, prepared.start.character, prepared.end.character) == \
        (at.line, 8, 17)
    edit = await client.text_document_rename_async(
        types.RenameParams(document, at, new_name="mon-flood"))
    places = sorted((name.rsplit("/", 1)[-1], e.range.start.line, e.range.start.character,
                     e.range.end.character, e.new_text)
                    for name, edits in edit.changes.items() for e in edits)
    assert places == [("pack.yaml", line_of(mini / "pack.yaml", "start:"), 7, 16, "mon-flood"),
                      ("scenes.yaml", at.line, 8, 17, "mon-flood")]

    at = position_of(scenes, "next: tue-wrap", 8)
    edit = await client.text_document_rename_async(
        types.RenameParams(document, at, new_name="tue-end"))
    lines = {e.range.start.line for edits in edit.changes.values() for e in edits}
    text = scenes.read_text(encoding="utf-8").splitlines()
    assert sorted(text[line].strip() for line in lines) == [
        "- id: tue-wrap", "next: tue-wrap", "next: tue-wrap"]


async def test_rename_refuses_an_id_that_is_taken(client, mini):
    scenes = mini / "scenes.yaml"
    document = await opened(client, scenes)
    with pytest.raises(Exception) as refused:
        await client.text_document_rename_async(types.RenameParams(
            document, position_of(scenes, "- id: tue-radio", 8), new_name="tue-wrap"))
    assert "A scene with the id 'tue-wrap' already exists (scenes.yaml:" in str(refused.value)
    with pytest.raises(Exception) as refused:
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(
            document, position_of(scenes, "title: The radio calls", 9)))
    assert "Only a scene id can be renamed" in str(refused.value)


async def test_rename_waits_for_a_half_typed_file(client, mini):
    scenes = mini / "scenes.yaml"
    document = await opened(client, scenes)
    broken = scenes.read_text(encoding="utf-8") + "  - id: [half typed\n"
    type_text(client, scenes, broken)
    with pytest.raises(Exception) as refused:
        await client.text_document_rename_async(types.RenameParams(
            document, position_of(scenes, "- id: tue-radio", 8, text=broken),
            new_name="tue-call"))
    assert "scenes.yaml cannot be read as YAML now; fix it before renaming." in \
        str(refused.value)
