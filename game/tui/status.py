"""The one-line status shown under the header: who plays and how, the day, the running scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import Mode

if TYPE_CHECKING:
    from ..engine import Story

# Modes where the running scores would give the answers away before the debrief or the reveal.
SCORES_HIDDEN = {
    Mode.EXAM: f"{Mode.EXAM.label}: your scores are in the debrief",
    Mode.PRESENTER: f"{Mode.PRESENTER.label}: answers hidden until revealed",
}


@dataclass(frozen=True)
class Status:
    when: str
    scores: str
    who: str = ""  # the mode, and the player's name and class when there are any


def format_points(value: float) -> str:
    return f"{value:g}"


def who_line(mode: Mode, player: str = "", class_code: str = "") -> str:
    """'Exam · Ana · class 7B': the mode first, so it stays in sight when a narrow bar cuts a
    long name. Shown as typed, never read as markup; '' for someone playing practice on their
    own, the default, which needs no label."""
    if mode is Mode.PRACTICE and not player and not class_code:
        return ""
    parts = [mode.label]
    if player:
        parts.append(player)
    if class_code:
        parts.append(f"class {class_code}")
    return " · ".join(parts)


def status_line(story: Story) -> Status:
    scene, state = story.scene, story.state
    who = who_line(state.mode, state.player, state.class_code)
    when = f"{scene.day} · {scene.time}"
    if state.mode in SCORES_HIDDEN:
        return Status(when, SCORES_HIDDEN[state.mode], who)
    parts = []
    for track in story.scorecard().tracks:
        if track.available > 0 and track.graded:  # an ungraded gauge is not a score to fill
            parts.append(f"{track.name} {format_points(track.earned)}/{format_points(track.available)}")
        else:
            parts.append(f"{track.name} {format_points(track.earned)}")
    return Status(when, " · ".join(parts), who)
