"""The one-line status shown under the header: who plays and how, the day, the running scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import Mode
from ..score_words import Form, points, track_words

if TYPE_CHECKING:
    from ..engine import Story

# Modes where the running scores would give the answers away before the debrief or the reveal.
SCORES_HIDDEN = {
    Mode.EXAM: f"{Mode.EXAM.label}: your scores are in the debrief",
    Mode.PRESENTER: f"{Mode.PRESENTER.label}: answers hidden until revealed",
}


SEPARATOR, TIGHT_SEPARATOR = " · ", "  "  # between tracks; the second when the line is full


@dataclass(frozen=True)
class Status:
    when: str
    scores: str
    who: str = ""  # the mode, and the player's name and class when there are any
    parts: tuple[str, ...] = ()  # each track's score, for a bar that has to close them up
    tight: tuple[str, ...] = ()  # the same in the fewest columns ("Tradecraft −6/11")

    def scores_within(self, width: int) -> str:
        """The scores in ``width`` columns: as they are, else with the separators closed up,
        else in their tightest form (cut at the end only if even that does not fit). A number
        cut in the middle by the ellipsis would read as another number."""
        for text in (self.scores, TIGHT_SEPARATOR.join(self.parts),
                     TIGHT_SEPARATOR.join(self.tight)):
            if text and len(text) <= width:
                return text
        return TIGHT_SEPARATOR.join(self.tight) or self.scores


def format_points(value: float) -> str:
    return points(value)


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
    tracks = story.scorecard().tracks
    parts = tuple(track_words(track, Form.BAR) for track in tracks)
    return Status(when, SEPARATOR.join(parts), who, parts,
                  tuple(track_words(track, Form.TIGHT) for track in tracks))
