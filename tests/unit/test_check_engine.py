"""The pre/post check in the engine and the game session: when each stage is asked, that it
scores nothing and tells nothing, the same items asked again in another order, and saves
(mid-check, and from before checks) that load as they should."""

from __future__ import annotations

import json
import shutil

import pytest

from game.content import compile_pack
from game.content.models import SAME_REORDERED
from game.engine import GameState, Mode, Phase, Story, WrongPhase, right_response
from game.session import GameSession, Settings

from ..conftest import CHECKS, MINI

PACK = compile_pack(CHECKS).pack


def same_reordered_pack(tmp_path):
    folder = tmp_path / "checks"
    shutil.copytree(CHECKS, folder)
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    (folder / "pack.yaml").write_text(text[:text.index("  post:")]
                                      + f"  post: {SAME_REORDERED}\n", encoding="utf-8")
    return compile_pack(folder).pack


def answer_all_checks(story: Story) -> list[str]:
    ids = []
    while story.phase is Phase.CHECK:
        item = story.check_item
        ids.append(item.question.id)
        story.answer_check(right_response(item.question, item.options))
    return ids


def play_to_the_end(story: Story) -> None:
    while story.phase not in (Phase.CHECK, Phase.ENDED):
        if story.phase is Phase.AWAITING_ANSWER:
            shown = story.question
            story.answer(right_response(shown.question, shown.options))
        else:
            story.choose(0)


def test_the_pre_check_comes_first_and_the_post_check_after_the_end():
    story = Story(PACK, seed=4, checks=True)
    assert story.phase is Phase.CHECK and story.check_item.check == "pre"
    assert story.pending_question is None and story.question is None and story.choices == []
    with pytest.raises(WrongPhase):
        story.answer(3)  # a scene's question cannot be answered while the check is asked
    assert answer_all_checks(story) == [q.id for q in PACK.checks.pre]
    assert story.phase is Phase.AWAITING_ANSWER and story.scene.id == "mon-alarm"
    play_to_the_end(story)
    assert story.state.ended and story.phase is Phase.CHECK
    assert story.check_item.check == "post" and story.check_item.number == 1
    assert story.check_scores() is None  # not until the post-check is done
    assert answer_all_checks(story) == [q.id for q in PACK.checks.post]
    assert story.phase is Phase.ENDED
    assert story.check_scores() == ((4.0, 4.0), (4.0, 4.0))
    with pytest.raises(WrongPhase):
        story.answer_check(3)


def test_a_check_scores_nothing_in_the_game_and_tells_nothing():
    story = Story(PACK, seed=4, checks=True)
    item = story.check_item
    assert story.answer_check(right_response(item.question, item.options)) is None
    assert story.totals() == {} and story.state.answers == []
    [record] = story.state.check_answers
    assert (record.scene, record.question, record.points) == ("pre", "pre-villages", 1.0)


def test_without_checks_asked_or_without_a_check_in_the_pack_the_game_is_as_before():
    assert Story(PACK, seed=4).phase is Phase.AWAITING_ANSWER  # tools play without the check
    mini = compile_pack(MINI).pack
    story = Story(mini, seed=4, checks=True)
    assert story.phase is Phase.AWAITING_ANSWER and not story.state.with_checks
    data = story.state.to_dict()
    assert "with_checks" not in data and "check_answers" not in data
    assert data["min_compatible_version"] == 3  # a version-3 game still opens it


def test_same_reordered_asks_the_pre_items_again_in_another_order_fixed_by_the_seed(tmp_path):
    pack = same_reordered_pack(tmp_path)
    orders = set()
    for seed in range(1, 9):
        story = Story(pack, seed=seed, checks=True)
        pre = answer_all_checks(story)
        play_to_the_end(story)
        shown = story.check_item
        post = answer_all_checks(story)
        assert pre == [q.id for q in pack.checks.pre] and sorted(post) == sorted(pre)
        orders.add(tuple(post))
        again = Story(pack, seed=seed, checks=True)  # the same seed, the same order
        answer_all_checks(again)
        play_to_the_end(again)
        assert again.check_item == shown
    assert len(orders) > 1


def test_a_save_mid_check_resumes_at_the_same_item():
    story = Story(PACK, seed=9, checks=True)
    item = story.check_item
    story.answer_check(right_response(item.question, item.options))
    text = story.state.to_json()
    assert json.loads(text)["min_compatible_version"] == 4
    resumed = Story(PACK, GameState.from_json(text))
    assert resumed.phase is Phase.CHECK and resumed.check_item == story.check_item
    assert resumed.check_item.number == 2


def test_a_save_from_before_the_pack_had_a_check_goes_on_without_one():
    mini_state = Story(PACK, seed=9).state.to_dict()  # saved without with_checks
    story = Story(PACK, GameState.from_dict(mini_state))
    assert story.phase is Phase.AWAITING_ANSWER


@pytest.mark.parametrize("settings, asked", [
    (dict(), True), (dict(mode=Mode.PRESENTER), False),
    (dict(start_at="tue-wrap"), False)])  # an author's preview from a scene
def test_the_session_asks_the_check_of_a_students_game_only(tmp_path, settings, asked):
    session = GameSession(Settings(data_dir=tmp_path, seed=2, **settings))
    started = session.new_game(PACK, settings.get("start_at"))
    assert started.story.state.with_checks is asked
    assert (started.story.phase is Phase.CHECK) is asked
