"""An ending's assessment composed for one player: conditions on the choices made (`chose:`),
the parts and lists that hold shown in order, a plain-text assessment unchanged, saves from
before choices had ids, and the exhaustive playtest keeping apart paths that differ only in a
choice a condition names."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from game.authoring.exhaustive import enumerate_paths, exhaustive
from game.content import compile_pack
from game.content.models import Condition
from game.engine import DecisionRecord, GameState, Story, build_debrief, holds, right_response

from ..conftest import MINI

# The mini pack's first decision with ids, and its good ending's assessment in parts.
CHOICE_IDS = [
    ("      - text: Report 40 moved, and note the radio's 55\n",
     "      - text: Report 40 moved, and note the radio's 55\n        id: both-figures\n"),
    ("      - text: Report 55 moved\n", "      - text: Report 55 moved\n        id: radio-figure\n"),
]
GOOD_ASSESSMENT = """    assessment:
      heading: "Assessment: a sound note"
      opening: Your note holds up.
      parts:
        - text: You gave both figures, each with its source.
          if: {chose: [mon-alarm.both-figures]}
        - text: You reported the radio's figure as the count.
          if: {chose: [mon-alarm.radio-figure]}
        - text: |
            You kept the officials' count
            apart from the radio's.
          if: {flags: [careful], not_chose: [mon-alarm.radio-figure]}
      sections:
        - lead: "**Where it slipped:**"
          parts:
            - text: You reported a claim as a fact.
              if: {chose: [mon-alarm.radio-figure]}
        - lead: "**Also:**"
          parts:
            - text: Your tradecraft was at least 2.
              if: {at_least: {tradecraft: 2}}
      closing: Check every figure's source.
"""


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    scenes.write_text(text, encoding="utf-8")
    return folder


def compiled(folder: Path):
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


@pytest.fixture
def mini_with_parts(tmp_path):
    return compiled(variant(tmp_path, *CHOICE_IDS,
                            ("    assessment: Careful work.\n", GOOD_ASSESSMENT)))


def play_to_end(pack, choice_text: str, seed: int = 1) -> Story:
    story = Story(pack, seed=seed, clock=lambda: "")
    while story.state.ended is False:
        if story.question is not None:
            story.answer(right_response(story.question.question, story.question.options))
        else:
            texts = [c.text for c in story.choices]
            story.choose(next((i for i, t in enumerate(texts) if t.startswith(choice_text)), 0))
    return story


def record(scene: str, choice_id: str) -> DecisionRecord:
    return DecisionRecord(scene=scene, choice=0, text="", effects={}, available={}, at="",
                          choice_id=choice_id)


def test_chose_and_not_chose_hold_for_the_choices_in_the_decision_records():
    state = GameState(pack_id="p", pack_version="1", seed=1, scene="s",
                      decisions=[record("thu-origin", "attribute"), record("fri-ryder", "copy")])
    assert holds(Condition(chose=("thu-origin.attribute",)), state, {})
    assert holds(Condition(chose=("thu-origin.attribute", "fri-ryder.copy")), state, {})
    assert not holds(Condition(chose=("thu-origin.leave-out",)), state, {})
    # the same choice id in another scene is another choice
    assert not holds(Condition(chose=("fri-ryder.attribute",)), state, {})
    assert not holds(Condition(not_chose=("fri-ryder.copy",)), state, {})
    assert holds(Condition(not_chose=("fri-ryder.flag-titles",)), state, {})
    either = Condition(any=(Condition(chose=("x.y",)), Condition(chose=("fri-ryder.copy",))))
    assert holds(either, state, {})


def test_a_decision_records_the_choices_id(mini_with_parts):
    story = play_to_end(mini_with_parts, "Report 55 moved")
    assert [(d.scene, d.choice_id) for d in story.state.decisions] == [
        ("mon-alarm", "radio-figure")]


def test_the_assessment_is_composed_of_the_parts_that_hold(mini_with_parts):
    story = play_to_end(mini_with_parts, "Report 40 moved")
    assert story.state.scene == "end-good"
    debrief = build_debrief(mini_with_parts, story.state)
    # the parts for the other choice and the list with nothing in it are left out, lead and all
    assert debrief.assessment == (
        "## Assessment: a sound note\n\nYour note holds up.\n\n"
        "- You gave both figures, each with its source.\n"
        "- You kept the officials' count\n  apart from the radio's.\n\n"
        "**Also:**\n\n- Your tradecraft was at least 2.\n\n"
        "Check every figure's source.")
    assert debrief.assessment_parts == (
        "You gave both figures, each with its source.",
        "You kept the officials' count\napart from the radio's.",
        "Your tradecraft was at least 2.")


def test_the_other_choice_gets_the_other_parts(mini_with_parts):
    story = play_to_end(mini_with_parts, "Report 40 moved")
    # the same ending, reached as if the radio's figure had been reported instead
    state = story.state
    state.decisions[0] = record("mon-alarm", "radio-figure")
    debrief = build_debrief(mini_with_parts, state)
    assert debrief.assessment_parts == (
        "You reported the radio's figure as the count.", "You reported a claim as a fact.")
    assert "**Where it slipped:**" in debrief.assessment
    assert "both figures" not in debrief.assessment and "**Also:**" not in debrief.assessment


def test_a_plain_text_assessment_is_shown_as_written(mini_pack):
    story = play_to_end(mini_pack, "Report 55 moved")
    debrief = build_debrief(mini_pack, story.state)
    assert (story.state.scene, debrief.assessment) == ("end-weak", "Check your sources.")
    assert debrief.assessment_parts == ()


def test_a_game_not_over_has_no_assessment(mini_with_parts):
    story = Story(mini_with_parts, seed=1, clock=lambda: "")
    debrief = build_debrief(mini_with_parts, story.state)
    assert (debrief.assessment, debrief.assessment_parts) == ("", ())


def test_a_save_from_before_choices_had_ids_gets_them_on_resume(mini_with_parts):
    story = play_to_end(mini_with_parts, "Report 40 moved")
    saved = story.state.to_dict()
    for decision in saved["decisions"]:
        del decision["choice_id"]  # as the earlier version wrote it
    resumed = Story(mini_with_parts, GameState.from_dict(saved))
    assert resumed.state.decisions[0].choice_id == "both-figures"
    assert build_debrief(mini_with_parts, resumed.state).assessment_parts[0] == (
        "You gave both figures, each with its source.")


def test_a_choice_reworded_since_the_save_is_still_found_by_its_id(tmp_path, mini_with_parts):
    story = play_to_end(mini_with_parts, "Report 40 moved")
    reworded = compiled(variant(tmp_path / "v2", *CHOICE_IDS,
                                ("    assessment: Careful work.\n", GOOD_ASSESSMENT),
                                ("Report 40 moved, and note the radio's 55",
                                 "Report the officials' 40, and the radio's 55 as its claim")))
    debrief = build_debrief(reworded, Story(reworded, story.state).state)
    assert [d.choice for d in debrief.decisions] == [
        "Report the officials' 40, and the radio's 55 as its claim"]
    assert not debrief.older_version
    assert "You gave both figures, each with its source." in debrief.assessment_parts


def test_the_exhaustive_playtest_keeps_apart_paths_that_differ_in_a_named_choice(tmp_path):
    # The wrap-up's routes read only which choice was made on Monday; both choices reach the
    # wrap-up with no flag that a condition reads, so only the choice tells their futures apart.
    pack = compiled(variant(
        tmp_path, *CHOICE_IDS,
        ("        set: [careful]\n", ""),
        ("        if: {flags: [careful], at_least: {tradecraft: 2}}",
         "        if: {chose: [mon-alarm.both-figures]}")))
    merged, one_by_one = exhaustive(pack), enumerate_paths(pack, 1_000)
    assert merged.scores == one_by_one.scores
    assert merged.scores["end-good"]["tradecraft"] == Counter({2: 1})
    assert merged.scores["end-weak"]["tradecraft"] == Counter({-1: 1})
