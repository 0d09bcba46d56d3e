"""Mistakes a teacher made on purpose while writing a second pack (issue 14): each is reported
once, at its own file:line, with a hint that fixes it, and what follows from it does not bury it.

Each case is the mini pack with one mistake written into it; the count of diagnostics is part of
what is checked, so a cascade that comes back fails here.
"""

from __future__ import annotations

from pathlib import Path

from game.content import compile_pack
from game.content.diagnostics import ERROR

from .test_hostile_content import FIXTURES
from .test_loader_errors import broken_pack, line_of

MISTAKES = FIXTURES / "author-mistakes"
NGO_ENTRY = "  - {term: NGO, meaning: Non-governmental organisation}"  # pack.yaml's glossary
WEAK_EFFECTS = "        effects: {tradecraft: -1, escalation: 1}\n"  # the choice "Report 55 moved"


def diagnostics_of(pack: Path) -> list:
    return compile_pack(pack).diagnostics


def only(pack: Path):
    """The one diagnostic the pack has (the test fails listing them all otherwise)."""
    found = diagnostics_of(pack)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def only_mistake(tmp_path: Path, old: str, new: str):
    """The mini pack with ``old`` replaced by ``new`` in its scene file, and its one diagnostic."""
    pack = broken_pack(tmp_path, "scenes.yaml", old, new)
    return pack, only(pack)


# --- choices without effects ---------------------------------------------------------------

def test_effects_with_nothing_after_the_colon_is_a_missing_value(tmp_path):
    pack, found = only_mistake(tmp_path, "effects: {tradecraft: 2}", "effects:")
    assert (found.code, found.severity) == ("missing-value", ERROR)
    assert found.line == line_of(pack / "scenes.yaml", "effects:\n")
    assert "effects: {}" in found.hint


def test_a_choice_without_effects_is_an_error_at_the_choice(tmp_path):
    pack, found = only_mistake(tmp_path, WEAK_EFFECTS,
                                       "")
    assert (found.code, found.severity) == ("no-effects", ERROR)
    assert found.line == line_of(pack / "scenes.yaml", "- text: Report 55 moved")
    assert "effects: {}" in found.hint and "Report 55 moved" in found.message


def test_a_decision_whose_choices_have_no_effects_is_one_error(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", WEAK_EFFECTS, "")
    text = (pack / "scenes.yaml").read_text().replace("        effects: {tradecraft: 2}\n", "")
    (pack / "scenes.yaml").write_text(text)
    found = only(pack)
    assert found.code == "no-effects"
    assert found.line == line_of(pack / "scenes.yaml", "- text: Report 40")  # the list's start
    assert "mon-alarm" in found.message and "scores nothing" in found.message


def test_an_explicitly_empty_effects_scores_nothing_on_purpose(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "effects: {tradecraft: -1, escalation: 1}",
                       "effects: {}")
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []
    [_, weak] = result.pack.scene("mon-alarm").choices
    assert dict(weak.effects) == {}


def test_the_editor_schema_requires_effects_as_validate_does():
    from game.content.schema import json_schema
    from game.content.models import SceneFile

    choice = json_schema(SceneFile)["$defs"]["Choice"]
    assert "effects" in choice["required"]


# --- wrong hints for indentation -------------------------------------------------------------

def test_a_tab_at_the_start_of_a_line_says_it_is_a_tab(tmp_path):
    pack, found = only_mistake(tmp_path, "    title: The river rises",
                                       "\ttitle: The river rises")
    assert (found.code, found.line, found.column) == ("yaml-syntax", 6, 1)
    assert "tab" in found.message.lower()
    assert "spaces" in found.hint and "quotes" not in found.hint


def test_a_tab_inside_the_indentation_says_it_is_a_tab(tmp_path):
    pack, found = only_mistake(tmp_path, "    body: The radio station calls.",
                                       "  \tbody: The radio station calls.")
    assert found.line == line_of(pack / "scenes.yaml", "  \tbody:")
    assert found.column == 3
    assert "tab" in found.message.lower() and "spaces" in found.hint


def test_an_over_indented_key_says_to_line_it_up(tmp_path):
    pack, found = only_mistake(tmp_path, "    body: The radio station calls.",
                                       "      body: The radio station calls.")
    assert found.code == "yaml-syntax"
    assert found.line == line_of(pack / "scenes.yaml", "      body:")
    assert found.column == 7  # the key, not the ': ' PyYAML stopped at
    assert "indented more" in found.message
    assert "line it up" in found.hint.lower() and "quotes" not in found.hint


def test_text_with_colon_space_still_says_to_quote_it(tmp_path):
    pack, found = only_mistake(tmp_path, "    title: The river rises",
                                       "    title: Note: the river rises")
    assert "must be in quotes" in found.hint


# --- cascades --------------------------------------------------------------------------------

def test_a_missing_dash_before_a_scene_is_one_error_at_that_scene(tmp_path):
    pack, found = only_mistake(tmp_path, "  - id: tue-radio", "    id: tue-radio")
    assert (found.code, found.severity) == ("missing-dash", ERROR)
    assert found.line == line_of(pack / "scenes.yaml", "    id: tue-radio")
    assert "tue-radio" in found.message and "mon-alarm" in found.message
    assert "'- '" in found.hint


def test_a_missing_dash_where_the_dash_was_says_to_put_the_dash_back(tmp_path):
    # the key at the dash's column: PyYAML stops at it, looking for the next '- '
    pack, found = only_mistake(tmp_path, "  - id: tue-radio", "  id: tue-radio")
    assert (found.code, found.severity) == ("yaml-syntax", ERROR)
    assert found.line == line_of(pack / "scenes.yaml", "  id: tue-radio")
    assert "put '- ' before the item's first key" in found.hint


def test_a_missing_dash_before_a_later_item_is_one_error_too(tmp_path):
    pack, found = only_mistake(tmp_path, "      - id: q-tf\n", "        id: q-tf\n")
    assert found.code == "missing-dash"
    assert found.line == line_of(pack / "scenes.yaml", "        id: q-tf")


def test_a_next_typo_is_one_error_naming_the_scenes_it_cuts_off(tmp_path):
    pack, found = only_mistake(tmp_path, "        next: tue-radio\n",
                                       "        next: tue-radoi\n")
    assert found.code == "unknown-scene"
    assert found.line == line_of(pack / "scenes.yaml", "next: tue-radoi")
    assert "Did you mean 'tue-radio'?" in found.message
    assert "cannot be reached" in found.message and "tue-radio" in found.message


def test_scenes_unreachable_for_another_reason_are_still_reported(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "        next: tue-radio\n",
                       "        next: tue-radoi\n")
    with open(pack / "scenes.yaml", "a", encoding="utf-8") as scenes:
        scenes.write("  - id: orphan\n    day: Tuesday\n    time: Night\n    title: Alone\n"
                     "    body: Nobody comes here.\n    ending: true\n    assessment: None.\n")
    codes = sorted(d.code for d in diagnostics_of(pack))
    assert codes == ["unknown-scene", "unreachable"]


def test_a_pack_with_no_ending_says_so_once(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    ending: true\n    assessment: Careful work.",
                       "    next: tue-wrap")
    text = (pack / "scenes.yaml").read_text().replace(
        "    ending: true\n    assessment: Check your sources.", "    next: tue-wrap")
    (pack / "scenes.yaml").write_text(text)
    found = only(pack)
    assert (found.code, found.severity) == ("no-ending", ERROR)
    assert found.file.endswith("pack.yaml")
    assert found.line == line_of(pack / "pack.yaml", "start:")
    assert "ending: true" in found.hint


def test_endings_left_without_ending_true_are_named_in_that_one_error(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    ending: true\n    assessment: Careful work.",
                       "    assessment: Careful work.")
    text = (pack / "scenes.yaml").read_text().replace(
        "    ending: true\n    assessment: Check your sources.",
        "    assessment: Check your sources.")
    (pack / "scenes.yaml").write_text(text)
    found = only(pack)
    assert found.code == "no-ending"
    assert "end-good" in found.hint and "end-weak" in found.hint


# --- pack.yml, comment-only files ------------------------------------------------------------

def test_pack_yml_is_a_manifest_too(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "title: The Flood", "title: The Flood")
    (pack / "pack.yaml").rename(pack / "pack.yml")
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == [] and result.pack.manifest.title == "The Flood"


def test_pack_yaml_and_pack_yml_together_is_an_error_naming_both(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "title: The Flood", "title: The Flood")
    (pack / "pack.yml").write_text((pack / "pack.yaml").read_text())
    found = only(pack)
    assert (found.code, found.line) == ("two-manifests", 1)
    assert found.file.endswith("pack.yml")
    assert "pack.yaml" in found.message and "pack.yml" in found.hint


def test_a_folder_with_no_manifest_names_both_names(tmp_path):
    found = only(tmp_path)
    assert found.code == "no-manifest" and "pack.yml" in found.message


def test_a_scene_file_of_only_comments_is_skipped(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "title: The Flood", "title: The Flood")
    (pack / "later.yaml").write_bytes((MISTAKES / "comment-only.yaml").read_bytes())
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []


def test_a_pack_yaml_of_only_comments_is_still_an_error(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "title: The Flood", "title: The Flood")
    (pack / "pack.yaml").write_text("# to do\n")
    found = only(pack)
    assert found.code == "empty-file" and found.file.endswith("pack.yaml")


def test_validate_finds_a_pack_with_pack_yml_by_name(tmp_path, monkeypatch, capsys):
    from game.cli import main

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    pack = broken_pack(scenes, "pack.yaml", "title: The Flood", "title: The Flood")
    (pack / "pack.yaml").rename(pack / "pack.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "mini"]) == 0


# --- the pack id ----------------------------------------------------------------------------

def test_a_pack_without_an_id_takes_its_folders_name(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "id: mini\n", "")
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == [] and result.pack.id == "mini"


def test_an_id_other_than_the_folders_name_is_no_warning(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "id: mini\n", "id: flood-week\n")
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == [] and result.pack.id == "flood-week"


# --- glossary sources ------------------------------------------------------------------------

OFFICIALS_ENTRY = "  - term: Officials\n    meaning: The people who counted.\n"

def test_a_glossary_source_not_in_the_article_is_reported_at_its_line(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", NGO_ENTRY, OFFICIALS_ENTRY
                       + "    source: \"Officials said 400 people\"")
    found = only(pack)
    assert (found.code, found.severity) == ("quote-not-found", ERROR)
    assert found.file.endswith("pack.yaml")
    assert found.line == line_of(pack / "pack.yaml", "source: \"Officials said 400")
    assert "Officials said" in found.hint  # where the article stops matching


def test_a_glossary_source_in_the_article_passes(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", NGO_ENTRY, OFFICIALS_ENTRY
                       + "    source: \"Officials said 40 people were moved.\"")
    assert compile_pack(pack).diagnostics == []


def test_a_scenes_glossary_source_is_checked_too(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    body: The radio station calls.\n",
                       "    body: The radio station calls.\n    glossary:\n"
                       "      - {term: caller, meaning: Who calls.,"
                       " source: \"a national radio\"}\n")
    found = only(pack)
    assert found.code == "quote-not-found"
    assert found.line == line_of(pack / "scenes.yaml", "- {term: caller")


# --- what the guide now says -----------------------------------------------------------------

def test_a_decimal_answer_is_graded_as_a_decimal(tmp_path):
    from game.engine import grade

    pack = broken_pack(tmp_path, "scenes.yaml", "        answer: 3\n", "        answer: 2.5\n")
    question = compile_pack(pack).pack.questions()["q-villages"]
    assert grade(question, 2.5).correct and not grade(question, 2).correct


def test_a_missing_dash_before_a_choice_is_one_error_too(tmp_path):
    pack, found = only_mistake(tmp_path, "      - text: Report 55 moved",
                                       "        text: Report 55 moved")
    assert found.code == "missing-dash"
    assert found.line == line_of(pack / "scenes.yaml", "        text: Report 55 moved")
    assert "'Report 55 moved'" in found.message and "'Report 40 moved" in found.message
    assert "before 'text:'" in found.hint


# --- a misspelt key the story map reads --------------------------------------------------------

# (what is replaced, by what, the code of the one diagnostic, where it is): the key is lost, and
# what the map misses because of it (a dead end, scenes out of reach, a flag no choice sets) is
# not reported as well, as with a missing '- '.
MISSPELT_MAP_KEYS = [
    ("    choices:\n", "    choises:\n", "unknown-key", "    choises:"),
    ("    next: tue-wrap\n  - id: tue-wrap", "    nxt: tue-wrap\n  - id: tue-wrap",
     "unknown-key", "    nxt: tue-wrap"),
    ("        next: tue-radio\n", "        nxt: tue-radio\n", "unknown-key", "nxt: tue-radio"),
    ("    ending: true\n    assessment: Check", "    endng: true\n    assessment: Check",
     "unknown-key", "endng: true"),
    ("    ending: true\n    assessment: Check", "    ending: ture\n    assessment: Check",
     "wrong-type", "ture"),
    ("        set: [careful]\n", "        sett: [careful]\n", "unknown-key", "sett:"),
]


def test_a_misspelt_map_key_is_the_one_error_not_its_dead_end(tmp_path):
    for index, (old, new, code, marker) in enumerate(MISSPELT_MAP_KEYS):
        pack = broken_pack(tmp_path / str(index), "scenes.yaml", old, new)
        found = diagnostics_of(pack)
        assert len(found) == 1, f"{new!r}:\n" + "\n".join(map(str, found))
        assert found[0].code == code and found[0].file.endswith("scenes.yaml"), new
        assert found[0].line == line_of(pack / "scenes.yaml", marker), new
        if code == "unknown-key":
            assert "Did you mean" in found[0].message


def test_a_real_dead_end_beside_a_misspelt_key_is_still_reported(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    choices:\n", "    choises:\n")
    text = (pack / "scenes.yaml").read_text(encoding="utf-8")
    (pack / "scenes.yaml").write_text(text.replace("    next: tue-wrap\n  - id: tue-wrap",
                                                   "  - id: tue-wrap", 1), encoding="utf-8")
    found = diagnostics_of(pack)
    assert [(d.code, d.line) for d in found] == [
        ("unknown-key", line_of(pack / "scenes.yaml", "    choises:")),
        ("dead-end", line_of(pack / "scenes.yaml", "  - id: tue-radio"))]
