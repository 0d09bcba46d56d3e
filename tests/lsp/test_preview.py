"""The `briefing.preview` command and its code lens: the command line that previews a pack
from a scene, with the flags and totals the scene's way in needs."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import diagnostics_when, open_file, position_of


async def test_a_code_lens_on_each_scene_offers_the_preview(client, mini):
    scenes = mini / "scenes.yaml"
    document = types.TextDocumentIdentifier(open_file(client, scenes))
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(document))
    assert [(lens.range.start.line, lens.command.command, lens.command.arguments[1])
            for lens in lenses] == [
        (position_of(scenes, f"- id: {scene}").line, "briefing.preview", scene)
        for scene in ("mon-alarm", "tue-radio", "tue-wrap", "end-good", "end-weak")]


@pytest.mark.parametrize("scene, wanted", [
    ("end-good", "--from end-good --set careful --totals tradecraft=2"),  # behind a condition
    ("end-weak", "--from end-weak"),  # the way in without a condition
    ("tue-radio", "--from tue-radio"),
])
async def test_preview_gives_the_command_line_and_shows_it(client, mini, scene, wanted):
    scenes_uri = open_file(client, mini / "scenes.yaml")
    await diagnostics_when(client, lambda: scenes_uri in client.diagnostics)
    line = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="briefing.preview", arguments=[scenes_uri, scene]))
    assert line == f"briefing play {mini} {wanted}"
    assert [m.message for m in client.messages] == [line]
    assert client.messages[0].type == types.MessageType.Info


async def test_preview_arranges_a_visited_scene_too(client, mini):
    scenes = mini / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8").replace(
        "if: {flags: [careful], at_least: {tradecraft: 2}}",
        "if: {any: [{visited: [tue-radio], below: {escalation: 0}}, {flags: [careful]}]}")
    scenes.write_text(text, encoding="utf-8")
    scenes_uri = open_file(client, scenes)
    await diagnostics_when(client, lambda: scenes_uri in client.diagnostics)
    shown = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="briefing.preview", arguments=[scenes_uri, "end-good"]))
    assert shown == (f"briefing play {mini} --from end-good --totals escalation=-1 "
                     "--visited tue-radio")


async def test_preview_of_a_scene_that_is_not_there(client, mini):
    scenes_uri = open_file(client, mini / "scenes.yaml")
    shown = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="briefing.preview", arguments=[scenes_uri, "nowhere"]))
    assert shown == "The pack has no scene 'nowhere'."
