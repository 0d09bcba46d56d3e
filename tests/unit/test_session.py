"""The game session's rules, without either front end: who plays and where it is saved, resume
codes, start over, Continue, result files; the settings and the modes they are built from."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.classroom.resume_codes import NOT_A_CODE, WRONG_CODE
from game.cli import build_parser, play_settings
from game.engine import GameState, Mode, Phase, Story
from game.saves import save_slot
from game.session import GameSession, Settings, StillLocked

ANA = {"class_code": "7B", "name": "Ana Lee"}


def session(tmp_path, **options) -> GameSession:
    return GameSession(Settings(data_dir=tmp_path / "data", **options))


def results_in(folder) -> list:
    return sorted(folder.rglob("*.json")) if folder.exists() else []


# -- settings and modes --------------------------------------------------------------------------

def test_settings_clean_who_plays_and_resolve_the_mode_and_the_results_folder(tmp_path):
    settings = Settings(data_dir=str(tmp_path), mode="exam", class_code=" 7B\x07 ",
                        name="[b]Ana[/b]\x1b  Lee")
    assert settings.mode is Mode.EXAM
    assert (settings.class_code, settings.name) == ("7B", "[b]Ana[/b] Lee")
    assert settings.results == tmp_path / "results"
    assert Settings(data_dir=tmp_path, results_dir=tmp_path / "r").results == tmp_path / "r"
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, mode="quiz")


def test_the_cli_builds_the_settings_play_passes_to_both_front_ends(tmp_path):
    args = build_parser().parse_args(
        ["play", "--data-dir", str(tmp_path), "--mode", "exam", "--class", "7B", "--name", "Bo",
         "--same-order", "--from", "tue-radio", "--resume-codes", "--results", "out"])
    assert play_settings(args) == Settings(
        data_dir=tmp_path, results_dir=Path("out"), mode=Mode.EXAM,
        class_code="7B", name="Bo", same_order=True, start_at="tue-radio", resume_codes=True)


def test_a_served_game_gets_the_settings_the_teacher_chose(tmp_path):
    pytest.importorskip("textual_serve")
    from game.classroom.serve import ServeOptions, session_argv

    argv = session_argv(ServeOptions(results=tmp_path / "r", saves=tmp_path / "s",
                                     class_code="7B", mode=Mode.EXAM, same_order=True))
    settings = play_settings(build_parser().parse_args(argv[3:]))
    assert settings == Settings(data_dir=tmp_path / "s", results_dir=tmp_path / "r",
                                mode=Mode.EXAM, class_code="7B", same_order=True,
                                resume_codes=True)


def test_modes_are_the_words_saves_and_result_files_have_always_held(mini_pack):
    state = Story(mini_pack, seed=1, mode="exam").state
    written = json.loads(state.to_json())
    assert written["mode"] == "exam"
    assert GameState.from_dict(written).mode is Mode.EXAM  # a save from before the enum too
    assert f"{Mode.EXAM} mode" == "exam mode" and Mode.PRESENTER.label == "Presenter"
    assert "exam" in {Mode.EXAM} and Mode.parse("quiz") is None and Mode.parse([1]) is None
    written["mode"] = "quiz"
    with pytest.raises(Exception, match="mode is not one of practice, exam, presenter"):
        GameState.from_dict(written)


# -- who plays, and where it is saved ------------------------------------------------------------

def test_the_save_slot_is_the_players_and_a_preview_saves_apart(tmp_path, mini_pack):
    played = session(tmp_path, mode="exam", **ANA)
    assert played.slot("mini") == save_slot("mini", "exam", "7B", "Ana Lee")
    assert played.new_game(mini_pack).story is not None
    assert played.has_save("mini") and not played.has_save("mini", "7B", "Bo")

    preview = session(tmp_path, mode="exam", start_at="tue-radio", **ANA)
    assert not preview.has_save("mini")  # a preview neither continues nor replaces it
    started = preview.new_game(mini_pack, "tue-radio")
    assert started.story.state.scene == "tue-radio" and started.saved.on_disk
    saves = tmp_path / "data" / "saves"
    assert (saves / "mini.preview.json").exists()
    assert preview.writes_results is False and preview.hand_in() is None


def test_a_class_sets_the_option_order_from_the_class_and_the_name(tmp_path, mini_pack):
    from game.classroom.identity import class_seed

    ana = session(tmp_path, seed=5, **ANA).new_game(mini_pack).story
    assert ana.state.seed == class_seed("7B", "Ana Lee", False)
    alone = session(tmp_path / "b", seed=5).new_game(mini_pack).story
    assert alone.state.seed == 5
    whole_class = session(tmp_path / "c", same_order=True, **ANA).new_game(mini_pack).story
    assert whole_class.state.seed == class_seed("7B", "", True) and whole_class.state.same_order


# -- resume codes, start over, Continue ----------------------------------------------------------

def test_a_named_player_gets_a_code_but_a_presenter_and_a_nameless_player_do_not(tmp_path,
                                                                                  mini_pack):
    assert session(tmp_path / "a", resume_codes=True, **ANA).new_game(mini_pack).code
    assert session(tmp_path / "b", **ANA).new_game(mini_pack).code is None  # flag off
    assert session(tmp_path / "c", resume_codes=True, class_code="7B").new_game(
        mini_pack).code is None
    presenter = session(tmp_path / "d", resume_codes=True, mode="presenter", **ANA)
    started = presenter.new_game(mini_pack)
    assert started.code is None and not presenter.writes_results
    assert results_in(presenter.settings.results) == []


def test_start_over_keeps_a_protected_save_aside_with_a_new_code(tmp_path, mini_pack):
    first = session(tmp_path, resume_codes=True, **ANA)
    old_code = first.new_game(mini_pack).code
    first.story.answer(3)
    first.autosave()
    path = first.store.path_for(first.slot("mini"))
    before = path.read_text()

    again = session(tmp_path, resume_codes=True, **ANA)
    assert again.has_save("mini") and again.keeps_aside("mini")
    started = again.new_game(mini_pack)
    assert started.kept == path.with_suffix(".replaced") and started.kept.read_text() == before
    assert started.code not in (None, old_code) and started.story.state.answers == []
    assert again.store.lock_on(again.slot("mini")).opens(started.code)


def test_an_unprotected_save_is_replaced_not_kept(tmp_path, mini_pack):
    first = session(tmp_path, **ANA)
    first.new_game(mini_pack)
    again = session(tmp_path, **ANA)
    assert again.has_save("mini") and not again.keeps_aside("mini")
    assert again.new_game(mini_pack).kept is None


def test_continue_opens_a_protected_save_only_with_its_code(tmp_path, mini_pack):
    first = session(tmp_path, resume_codes=True, **ANA)
    code = first.new_game(mini_pack).code
    first.story.answer(4)
    first.autosave()

    later = session(tmp_path, resume_codes=True, **ANA)
    saved = later.find_save("mini")
    assert saved.locked and saved.problem == ""
    with pytest.raises(StillLocked):
        later.resume(mini_pack, saved)
    assert later.story is None  # nothing of the game before the code
    wrong = "ABC-DEF" if code != "ABCDEF" else "ABC-DEG"
    assert saved.try_code(wrong) == WRONG_CODE and saved.try_code("x9") == NOT_A_CODE
    assert saved.locked
    assert saved.try_code(code.lower()) == "" and not saved.locked
    resumed = later.resume(mini_pack, saved)
    assert [a.response for a in resumed.story.state.answers] == [4]
    assert later.story is resumed.story


def test_a_certain_retry_is_withheld_in_the_session_and_after_continue(tmp_path, mini_pack):
    """The rule is the story's, so both front ends (which drive the session) and a resumed
    game get it: after a wrong true/false answer there is no second try."""
    from .test_modes import to_true_false

    first = session(tmp_path)
    story = first.new_game(mini_pack).story
    to_true_false(story)
    story.answer(True)
    assert story.retry_question is None and story.retry_withheld
    assert first.autosave().on_disk
    later = session(tmp_path)
    resumed = later.resume(mini_pack, later.find_save("mini")).story
    assert resumed.retry_question is None and resumed.retry_withheld
    assert resumed.phase is Phase.AWAITING_CHOICE  # the way on from the scene, no retry


def test_a_save_the_changed_pack_cannot_go_on_from_is_kept_aside_as_old(tmp_path, mini_pack):
    first = session(tmp_path)
    first.new_game(mini_pack)
    path = first.store.path_for(first.slot("mini"))
    data = json.loads(path.read_text())
    data["scene"] = "mon-removed"
    path.write_text(json.dumps(data))

    later = session(tmp_path)
    resumed = later.resume(mini_pack, later.find_save("mini"))
    assert resumed.story is None and later.story is None
    assert "'mon-removed' is no longer in the pack" in resumed.problem
    assert "mini.old" in resumed.problem and "The pack has changed" in resumed.problem
    assert path.with_suffix(".old").exists() and not later.has_save("mini")


def test_a_corrupt_save_is_kept_aside_and_said_why(tmp_path, mini_pack):
    saves = tmp_path / "data" / "saves"
    saves.mkdir(parents=True)
    (saves / "mini.json").write_text("{not json")
    saved = session(tmp_path).find_save("mini")
    assert not saved.locked and "cannot be used" in saved.problem
    assert (saves / "mini.corrupt").exists()


def test_a_protected_save_that_cannot_be_kept_aside_starts_no_game(tmp_path, mini_pack,
                                                                   monkeypatch):
    first = session(tmp_path, resume_codes=True, **ANA)
    first.new_game(mini_pack)
    again = session(tmp_path, resume_codes=True, **ANA)

    def refuse(path, suffix):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(again.store, "keep_aside", refuse)
    started = again.new_game(mini_pack)
    assert started.story is None and again.story is None
    assert started.not_kept == "Permission denied"


# -- autosave and the result file ----------------------------------------------------------------

def test_the_result_file_problem_is_told_once_until_it_works_again(tmp_path, mini_pack):
    blocked = tmp_path / "results"
    blocked.write_text("a file where the results folder should be")
    played = session(tmp_path, results_dir=blocked, **ANA)
    started = played.new_game(mini_pack)
    assert started.saved.on_disk and started.saved.result_problem  # told: it started failing
    played.story.answer(3)
    assert played.autosave().result_problem == ""  # still failing: not told again
    assert played.result_problem  # but known

    blocked.unlink()  # the folder can be made now
    assert played.autosave().result_problem == "" and played.result_problem == ""
    assert len(results_in(blocked)) == 1

    shutil.rmtree(blocked)
    blocked.write_text("blocked again")
    assert played.autosave().result_problem  # it worked in between: told again
    assert played.hand_in().path is None and played.hand_in().problem


def test_only_a_named_players_game_writes_a_result_and_hands_it_in(tmp_path, mini_pack):
    nameless = session(tmp_path / "a")
    nameless.new_game(mini_pack)
    assert not nameless.writes_results and nameless.hand_in() is None
    assert results_in(nameless.settings.results) == []

    named = session(tmp_path / "b", **ANA)
    named.new_game(mini_pack)
    handed_in = named.hand_in()
    assert handed_in.problem == "" and handed_in.path in results_in(named.settings.results)


def test_a_save_that_fails_is_told_every_time(tmp_path, mini_pack, monkeypatch):
    played = session(tmp_path)
    played.new_game(mini_pack)

    def full(state, slot=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(played.store, "save", full)
    for _ in range(2):
        saved = played.autosave()
        assert not saved.on_disk and saved.save_problem == "No space left on device"


def test_watch_carries_the_game_over_to_a_recompiled_pack(tmp_path, mini_pack):
    played = session(tmp_path)
    story = played.new_game(mini_pack).story
    assert played.carry_over(mini_pack) and played.story is not story
    assert played.story.state is story.state
    story.state.scene = "mon-removed"
    assert not played.carry_over(mini_pack)


def test_the_session_imports_no_front_end():
    code = ("import sys, game.session\n"
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('textual', 'rich') or m.startswith(('game.tui', 'game.plain')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "", f"game.session pulled in: {out.stdout.strip()}"


def test_after_a_crash_the_cli_claims_only_what_the_last_save_did(tmp_path, mini_pack,
                                                                 monkeypatch):
    from game.cli import progress_words

    played = session(tmp_path)
    assert "saved before is kept" in progress_words(played.save_problem)  # nothing saved yet
    played.new_game(mini_pack)
    assert progress_words(played.save_problem) == "Your progress up to the last answer is saved."

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(played.store, "save", full_disk)
    assert not played.autosave().on_disk
    assert progress_words(played.save_problem) == (
        "Your progress could not be saved (No space left on device).")


# -- an author's preview with a history (play --from SCENE --set ... --totals ...) --------------

def test_a_preview_starts_with_the_flags_totals_scenes_and_choices_given(tmp_path, campaign):
    from game.session.preview import Preset

    preset = Preset(flags=("cited-holds",), totals=(("tradecraft", 12), ("escalation", 4.5)),
                    visited=("thu-flash", "sun-sources"), chose=("thu-flash.six-troops",))
    args = build_parser().parse_args(
        ["play", "pack", "--from", "sun-correction", "--set", "cited-holds", "--totals",
         "tradecraft=12", "--totals", "escalation=4.5", "--visited", "thu-flash", "--visited",
         "sun-sources", "--chose", "thu-flash.six-troops", "--data-dir", str(tmp_path)])
    assert play_settings(args).preset == preset
    game = GameSession(play_settings(args))
    story = game.new_game(campaign, "sun-correction").story
    assert story.state.flags == ["cited-holds"]
    assert story.state.visited == ["thu-flash", "sun-sources", "sun-correction"]
    assert [(d.scene, d.choice_id, d.effects) for d in story.state.decisions] == [
        ("thu-flash", "six-troops", {})]
    assert story.totals() == {"tradecraft": 12, "escalation": 4.5}
    assert story.scorecard().track("tradecraft").earned == 12
    # The preview's save goes on with the same totals.
    resumed = Story(campaign, GameState.from_json(story.state.to_json()))
    assert resumed.totals() == {"tradecraft": 12, "escalation": 4.5}


def test_a_players_game_ignores_a_preset_and_old_saves_have_no_preset_totals(tmp_path, campaign):
    from game.session.preview import Preset

    game = session(tmp_path, preset=Preset(flags=("cited-holds",)))
    story = game.new_game(campaign).story  # no start: a player's game, not a preview
    assert story.state.flags == [] and story.state.preset_totals == {}
    data = json.loads(story.state.to_json())
    assert "preset_totals" not in data  # as a save written before previews had a history
    assert GameState.from_dict(data).preset_totals == {}
    data["preset_totals"] = {"tradecraft": "lots"}
    with pytest.raises(Exception, match="preset totals are not numbers by track"):
        GameState.from_dict(data)
