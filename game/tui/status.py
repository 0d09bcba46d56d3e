"""The one-line status shown under the header: day, time and the running scores."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Story


@dataclass(frozen=True)
class Status:
    when: str
    scores: str


def format_points(value: float) -> str:
    return f"{value:g}"


def status_line(story: Story) -> Status:
    scene = story.scene
    parts = []
    for track in story.scorecard().tracks:
        if track.available > 0 and track.graded:  # an ungraded gauge is not a score to fill
            parts.append(f"{track.name} {format_points(track.earned)}/{format_points(track.available)}")
        else:
            parts.append(f"{track.name} {format_points(track.earned)}")
    return Status(f"{scene.day} · {scene.time}", " · ".join(parts))
