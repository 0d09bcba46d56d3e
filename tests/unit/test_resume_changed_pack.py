"""A save resumed after its pack was edited: history naming scenes, choices, questions or facts
that are gone is kept in the save, left out of what is shown, and the debrief says so once."""

from __future__ import annotations

import io
import json
import shutil

import pytest
import yaml

from game.classroom.results import result_document
from game.content import compile_pack
from game.content.glossary import reached_glossary
from game.debrief_text import debrief_markdown
from game.engine import OLDER_VERSION_NOTE, build_debrief, GameState, Phase, Story, totals
from game.plain.console import Console
from game.plain.game import PlainGame
from game.plain.report import debrief_lines, notebook_lines, score_line
from game.saves import SaveStore
from game.session import Settings
from game.tui.status import status_line
from tests.conftest import MINI
from tests.plain.scripts import right_line

HASTY = "Report 55 moved"


def scene_of(data: dict, scene_id: str) -> dict:
    return next(s for s in data["scenes"] if s["id"] == scene_id)


def hasty_choice(data: dict) -> dict:
    return next(c for c in scene_of(data, "mon-alarm")["choices"] if c["text"] == HASTY)


def question_of(data: dict, question_id: str) -> dict:
    return next(q for q in scene_of(data, "mon-alarm")["questions"] if q["id"] == question_id)


def delete_scene(data: dict) -> None:
    """tue-radio, where the hasty path answered q-who, is gone; the hasty choice skips it."""
    data["scenes"] = [s for s in data["scenes"] if s["id"] != "tue-radio"]
    hasty_choice(data)["next"] = "tue-wrap"


def rename_choice(data: dict) -> None:
    hasty_choice(data)["text"] = "Print the radio's 55"


def reorder_choices(data: dict) -> None:
    """The hasty choice's authored index now names the careful one."""
    scene_of(data, "mon-alarm")["choices"].reverse()


def insert_choice(data: dict) -> None:
    scene_of(data, "mon-alarm")["choices"].insert(0, {
        "text": "Wait for the officials", "next": "tue-wrap", "feedback": "Slow.", "effects": {}})


def delete_question(data: dict) -> None:
    scene_of(data, "mon-alarm")["questions"].remove(question_of(data, "q-villages"))


def change_question_type(data: dict) -> None:
    """q-day is now numeric, so the saved answer "Monday" is no answer to it."""
    question = question_of(data, "q-day")
    del question["options"]
    question.update(type="numeric", ask="On which day of the week (1 to 7)?", answer=1)


def delete_fact(data: dict) -> None:
    facts = scene_of(data, "mon-alarm")["facts"]
    facts[:] = [f for f in facts if f["id"] != "moved-radio"]


# Edits that leave part of the hasty game's history naming what the pack no longer has.
EDITS = {f.__name__: f for f in (delete_scene, rename_choice, delete_question,
                                 change_question_type, delete_fact)}
ALL_EDITS = (reorder_choices, *EDITS.values())


def changed_pack(tmp_path, *edits):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    data = yaml.safe_load(scenes.read_text(encoding="utf-8"))
    for edit in edits:
        edit(data)
    scenes.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.errors]
    return result.pack


def saved_hasty_game(pack) -> GameState:
    """The hasty path up to the first question of tue-wrap, as a save file would bring it back."""
    story = Story(pack, seed=11, clock=lambda: "t")
    story.answer(3)
    story.answer("Monday")
    story.choose([c.text for c in story.choices].index(HASTY))
    story.answer(("Officials", "Local radio"))
    story.choose(0)
    story.answer("the mayor")
    assert story.scene.id == "tue-wrap"
    return GameState.from_json(story.state.to_json())


def finish(story: Story) -> None:
    while story.phase is not Phase.ENDED:
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            story.answer(right_line(presented)[1])
        else:
            story.choose(0)


def resumed(mini_pack, tmp_path, *edits) -> tuple[Story, GameState]:
    saved = saved_hasty_game(mini_pack)
    story = Story(changed_pack(tmp_path, *edits), GameState.from_json(saved.to_json()))
    finish(story)
    return story, saved


@pytest.mark.parametrize("edit", EDITS)
def test_every_view_of_a_changed_pack_works_and_says_so(mini_pack, tmp_path, edit):
    story, saved = resumed(mini_pack, tmp_path, EDITS[edit])
    pack, state = story.pack, story.state
    debrief = build_debrief(pack, state)
    assert debrief.older_version
    markdown = debrief_markdown(debrief)
    plain = "\n".join(debrief_lines(story))
    for text in (markdown, " ".join(plain.split())):
        assert text.count(OLDER_VERSION_NOTE) == 1
    notebook_lines(story)
    reached_glossary(pack, state.visited)
    status_line(story)
    score_line(story)
    json.dumps(result_document(pack, state, now="t"), allow_nan=False)
    # the history is kept, in order, in the state the game saves
    assert state.answers[:len(saved.answers)] == saved.answers
    assert state.decisions[:len(saved.decisions)] == saved.decisions
    assert state.visited[:len(saved.visited)] == saved.visited
    assert state.notebook[:len(saved.notebook)] == saved.notebook


def test_what_is_gone_is_left_out_and_what_stays_is_shown(mini_pack, tmp_path):
    story, saved = resumed(mini_pack, tmp_path, *ALL_EDITS)
    debrief = build_debrief(story.pack, story.state)
    asks = [q.ask for q in debrief.questions]
    assert asks == ["Who promised to rebuild?", "Put in order.",
                    "The radio's figure was confirmed."]
    assert debrief.decisions == ()  # the one decision's choice was renamed, then reordered
    assert [f.id for f in debrief.notebook] == ["villages"]
    assert story.state.ended and story.scene.id == "end-weak"


def test_points_earned_in_the_older_version_still_count(mini_pack, tmp_path):
    story, saved = resumed(mini_pack, tmp_path, *ALL_EDITS)
    earned = totals(saved)
    card = build_debrief(story.pack, story.state).scorecard
    assert card.track("tradecraft").earned == earned["tradecraft"] == -1
    assert card.track("escalation").earned == 1
    # recall: 1 + 2 + 1 + 1 before the edit, then 1 + 1 right answers after it
    assert card.track("recall").earned == earned["recall"] + 2 == 7
    assert card.track("recall").available == 7
    document = result_document(story.pack, story.state, now="t")
    assert document["tracks"]["recall"]["earned"] == 7
    assert sum(a["points"] for a in document["answers"]) == 7
    assert [a["question"] for a in document["answers"]][:4] == [
        "q-villages", "q-day", "q-who", "q-mayor"]
    assert document["decisions"][0]["text"] == HASTY


def test_the_note_is_absent_when_nothing_changed(mini_pack, tmp_path):
    story = Story(mini_pack, saved_hasty_game(mini_pack))
    finish(story)
    debrief = build_debrief(mini_pack, story.state)
    assert not debrief.older_version
    assert OLDER_VERSION_NOTE not in debrief_markdown(debrief)
    assert len(debrief.questions) == 6 and len(debrief.decisions) == 1


@pytest.mark.parametrize("edit", [reorder_choices, insert_choice])
def test_a_moved_choice_shows_the_choice_made_not_the_one_now_at_its_place(mini_pack, tmp_path,
                                                                           edit):
    saved = saved_hasty_game(mini_pack)
    debrief = build_debrief(changed_pack(tmp_path, edit), saved)
    assert [d.choice for d in debrief.decisions] == [HASTY]
    assert debrief.decisions[0].feedback == "A claim reported as fact."
    assert not debrief.older_version


def test_the_save_file_keeps_the_history_the_pack_lost(mini_pack, tmp_path):
    story, saved = resumed(mini_pack, tmp_path, *ALL_EDITS)
    store = SaveStore(tmp_path)
    store.save(story.state)
    again = store.load("mini").state
    assert [a.question for a in again.answers][:3] == ["q-villages", "q-day", "q-who"]
    assert "tue-radio" in again.visited and "moved-radio" in again.notebook
    assert again.decisions[0].text == HASTY


def test_plain_mode_resumes_and_debriefs_a_changed_pack(mini_pack, tmp_path):
    saved = saved_hasty_game(mini_pack)
    pack = changed_pack(tmp_path, *ALL_EDITS)
    store = SaveStore(tmp_path / "data")
    store.save(saved)
    twin = Story(pack, GameState.from_json(saved.to_json()))
    lines = ["y", "n"]  # continue the save, then look at the notebook
    while twin.phase is not Phase.ENDED:
        if twin.phase is Phase.AWAITING_ANSWER:
            presented = twin.question
            line, response = right_line(presented)
            twin.answer(response)
            lines.append(line)
        else:
            twin.choose(0)
            lines.append("1")
    out = io.StringIO()
    console = Console(io.StringIO("\n".join(lines) + "\n"), out, echo=False)
    assert PlainGame(console, [pack], Settings(data_dir=tmp_path / "data")).run() == 0
    text = " ".join(out.getvalue().split())
    assert "End of the debrief." in text and OLDER_VERSION_NOTE in text
    assert "Your notebook: 1 fact." in text


@pytest.mark.parametrize("saved_version, now, goes_on", [
    ("1.0", "1.3", True),       # an edit within an edition: the game goes on
    ("1.0", "2.0", False),      # a new edition: set aside
    ("2.0.0", "2.0.1", True),
    ("draft", "2.0", True),     # no number to compare: the game goes on as before
])
def test_a_save_from_another_edition_of_the_pack_cannot_go_on(mini_pack, tmp_path, saved_version,
                                                               now, goes_on):
    from game.engine import IncompatibleSave

    saved = saved_hasty_game(mini_pack)
    saved.pack_version = saved_version
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('version: "1.0"',
                                                                     f'version: "{now}"'))
    pack = compile_pack(folder).pack
    assert pack.manifest.version == now
    if goes_on:
        assert Story(pack, GameState.from_json(saved.to_json())).scene.id == "tue-wrap"
    else:
        with pytest.raises(IncompatibleSave, match=f"version {saved_version} of the pack, and "
                                                   f"this is version {now}, a new edition"):
            Story(pack, GameState.from_json(saved.to_json()))


def test_a_first_edition_save_of_the_campaign_is_set_aside_with_a_message(campaign, tmp_path):
    from game.session import GameSession

    story = Story(campaign, seed=3, clock=lambda: "t")
    story.state.pack_version = "1.0.0"  # as the first edition of the week saved it
    session = GameSession(Settings(data_dir=tmp_path))
    session.store.save(story.state, session.slot(campaign.id))
    resumed_game = session.resume(campaign, session.find_save(campaign.id))
    assert resumed_game.story is None
    assert "cannot go on" in resumed_game.problem
    assert list(tmp_path.glob("**/*.old"))  # kept aside, not deleted
