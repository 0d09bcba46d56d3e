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


# The pre/post check (issue 15, item 4): the same words in both front ends.
def check_opening(stage: str, items: int) -> str:
    """Said before a check's first item: what it is, and that it does not count."""
    many = f"{items} question{'' if items == 1 else 's'}"
    if stage == "pre":
        return (f"Before the week: a short check, {many}. It does not count toward your score, "
                "and no answers are shown until you have done the check again at the end of "
                "the week. Answer as well as you can; a guess is fine.")
    return (f"After the week: the short check again, {many}. It does not count toward your "
            "score; it shows your teacher what the week taught. The debrief comes next.")


def check_heading(stage: str, number: int, of: int) -> str:
    when = "before the week" if stage == "pre" else "after the week"
    return f"Check {when}, question {number} of {of} (does not count toward your score)"


CHECK_RECORDED = "Answer recorded."
NOTEBOOK_AFTER_CHECK = "Your notebook opens once the check is done."


def check_result(pre: tuple[float, float], post: tuple[float, float]) -> str:
    """At the debrief, once both checks are done: (points, of) before and after."""
    def share(points: float, of: float) -> str:
        return f"{points:g} of {of:g}"
    return (f"Your check: {share(*pre)} before the week, {share(*post)} after it. It did "
            "not count toward your score.")
