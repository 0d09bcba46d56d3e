"""How the front ends and the debrief files word a question asked again (spaced retrieval):
the same words in the TUI, plain mode, and the saved Markdown and HTML."""

from __future__ import annotations

ASKED_AGAIN = "Asked again"  # the label of such a question, in play and in the debrief


def asked_again_note(day: str) -> str:
    """Why the player sees this question, shown with it (plain text: escape it for markup)."""
    when = f" on {day}" if day else ""
    return f"{ASKED_AGAIN}: you missed this{when}, so it comes back for a share of the points."


def missed_words(day: str) -> str:
    """What the debrief says under the label: when the original was missed."""
    return f"you missed it on {day}." if day else "you missed it earlier."
