"""Resume codes: how codes are made and checked, and that only a salted hash is kept, with the
save and never in the result file."""

from __future__ import annotations

import json

import pytest

from game.classroom.results import try_write_result
from game.classroom.resume_codes import (
    ALPHABET,
    CODE_LENGTH,
    ResumeLock,
    new_code,
    shown_code,
)
from game.engine import Story
from game.saves import LOCK_KEY, SaveStore, save_slot

SLOT_ARGS = ("mini", "practice", "7B", "Ana Lee")


def named_story(pack) -> Story:
    return Story(pack, seed=3, class_code="7B", player="Ana Lee", attempt_id="t-1")


def forms_of(code: str) -> list[str]:
    """Every way the code could have leaked into a file."""
    return [code, shown_code(code), code.lower(), shown_code(code).lower()]


def test_codes_are_six_unambiguous_characters_and_differ():
    assert not set("0O1IL") & set(ALPHABET) and len(set(ALPHABET)) == len(ALPHABET) == 31
    codes = {new_code() for _ in range(300)}
    assert len(codes) == 300  # 31**6 codes: a repeat in 300 would be a broken generator
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert set("".join(codes)) == set(ALPHABET)  # every character is used
    assert shown_code("K7PX3Q") == "K7P-X3Q"


def test_the_right_code_opens_in_any_case_with_dashes_and_spaces():
    lock = ResumeLock.for_code("K7PX3Q")
    for typed in ("K7PX3Q", "k7px3q", "K7P-X3Q", " k7p - x3q ", "K7P–X3Q", "K 7 P X 3 Q"):
        assert lock.opens(typed), typed


@pytest.mark.parametrize("typed", ["K7PX3R", "K7PX3", "K7PX3QQ", "", "------", "Q3XP7K",
                                   "K7PX3Q\x00", "K7P.X3Q"])
def test_any_other_code_is_refused(typed):
    assert not ResumeLock.for_code("K7PX3Q").opens(typed)


def test_each_lock_has_its_own_salt_and_survives_a_round_trip():
    first, second = ResumeLock.for_code("K7PX3Q"), ResumeLock.for_code("K7PX3Q")
    assert first.salt != second.salt and first.digest != second.digest
    again = ResumeLock.from_dict(json.loads(json.dumps(first.to_dict())))
    assert again == first and again.opens("k7p-x3q") and not again.opens("K7PX3R")


def test_the_code_is_never_in_the_save_or_the_result_file(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    slot = save_slot(*SLOT_ARGS)
    kept, code = store.start_over(slot, with_code=True)
    assert kept is None and code is not None
    story = named_story(mini_pack)
    path = store.save(story.state)
    story.answer(3)
    store.save(story.state)
    result, problem = try_write_result(tmp_path / "results", mini_pack, story.state)
    assert result is not None, problem
    saved, handed_in = path.read_text(), result.read_text()
    for text in (saved, handed_in):
        assert not any(form in text for form in forms_of(code))
    assert LOCK_KEY in saved and json.loads(saved)[LOCK_KEY]["scheme"] == "scrypt"
    assert LOCK_KEY not in handed_in and json.loads(saved)[LOCK_KEY]["salt"] not in handed_in


def test_a_locked_save_keeps_its_lock_when_continued_elsewhere(tmp_path, mini_pack):
    """Another process (another browser) continues the game: every save it writes keeps the
    lock, and the state comes back unchanged."""
    store = SaveStore(tmp_path)
    slot = save_slot(*SLOT_ARGS)
    _, code = store.start_over(slot, with_code=True)
    story = named_story(mini_pack)
    store.save(story.state)
    elsewhere = SaveStore(tmp_path)
    loaded = elsewhere.load(slot)
    assert loaded.state == story.state and loaded.lock.opens(code)
    loaded.state.question_index = 1
    elsewhere.save(loaded.state)
    assert SaveStore(tmp_path).load(slot).lock.opens(code)
    assert elsewhere.lock_on(slot).opens(code)


def test_saves_without_a_code_load_as_before(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    path = store.save(named_story(mini_pack).state)
    assert LOCK_KEY not in json.loads(path.read_text())
    loaded = SaveStore(tmp_path).load(save_slot(*SLOT_ARGS))
    assert loaded.state is not None and loaded.lock is None
    assert store.start_over(save_slot(*SLOT_ARGS)) == (None, None)
    assert path.exists()  # an unprotected save is simply overwritten by the new game


def test_a_new_game_keeps_protected_saves_aside_and_never_overwrites_them(tmp_path, mini_pack):
    store = SaveStore(tmp_path)
    slot = save_slot(*SLOT_ARGS)
    path = store.path_for(slot)
    kept_texts = []
    for number in range(3):
        store.start_over(slot, with_code=True)
        story = named_story(mini_pack)
        story.state.question_index = number
        store.save(story.state)
        kept_texts.append(path.read_text())
    # the first and second games were moved aside by the second and third
    first = path.with_suffix(".replaced")
    second = path.with_name(f"{path.stem}-2.replaced")
    assert first.read_text() == kept_texts[0] and second.read_text() == kept_texts[1]
    assert path.read_text() == kept_texts[2]
    kept, code = SaveStore(tmp_path).start_over(slot)  # flag off: still kept aside, no code
    assert kept == path.with_name(f"{path.stem}-3.replaced") and code is None
    assert not path.exists()


@pytest.mark.parametrize("lock", [
    "open", {"scheme": "none"}, {"scheme": "scrypt", "n": 2**30, "r": 8, "p": 1,
                                 "salt": "00" * 16, "hash": "00" * 32},
    {"scheme": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": "zz", "hash": "00" * 32},
])
def test_a_damaged_lock_never_opens_the_save(tmp_path, mini_pack, lock):
    store = SaveStore(tmp_path)
    path = store.save(named_story(mini_pack).state)
    data = json.loads(path.read_text())
    data[LOCK_KEY] = lock
    path.write_text(json.dumps(data))
    loaded = SaveStore(tmp_path).load(save_slot(*SLOT_ARGS))
    assert loaded.state is None and "resume code lock" in loaded.problem
    assert path.with_suffix(".corrupt").exists()
