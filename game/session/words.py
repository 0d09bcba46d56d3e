"""What a player is told about saves, result files and answers, in the same words in both
front ends. The session says what happened (see session.py); the front ends show these texts."""

from __future__ import annotations

from pathlib import Path

# What happened to the resume code and the protected save are told in the words of
# classroom.resume_codes (code_message, replaced_message, not_kept_message, WRONG_CODE,
# NOT_A_CODE); they are shared by the same front ends, so they are not repeated here.


def not_saved(reason: str) -> str:
    return f"Could not save your progress: {reason}."


def result_not_written(reason: str, game_saved: bool) -> str:
    """Told once, when writing the result file starts failing (the game goes on); says the
    game itself is saved only when this autosave put it on disk."""
    saved = "Your game itself is saved; tell" if game_saved else "Tell"
    return f"Could not write your result file for the teacher ({reason}). {saved} your teacher."


RESULT_SAVED_IN = "Your result for the teacher is saved in this folder:"
RESULT_SAVED = "Your result for the teacher is saved."  # under serve: the folder is not theirs


def result_saved(path: Path) -> str:
    """At the debrief: where the finished result went (the folder on a line of its own, as
    a long path is read more easily)."""
    return f"{RESULT_SAVED_IN}\n{path.parent}"


def result_lost(reason: str) -> str:
    """At the debrief, when the finished result could not be written."""
    return (f"Your result file could not be written ({reason}). Tell your teacher before you "
            "close the game.")


def cannot_go_on(set_aside: str) -> str:
    """A save made with another version of the pack, which cannot go on (``set_aside``: the
    save store's words for where it was kept)."""
    return (f"{set_aside} The pack has changed since this game was saved, so it cannot go on "
            "from there.")


# Practice mode offers no second try where ruling out the first answer leaves one answer.
NO_CERTAIN_RETRY = "No second try: with one answer left, it would be certain."


def typo_accepted(typed: str, meant: str) -> str:
    """A typed answer taken, with a typo, for a right one (``typed`` as the front end shows
    player text: cleaned, and cut if long)."""
    return f"Accepted: you typed '{typed}' for '{meant}'."
