"""An author's preview (`play --from SCENE`) that starts as if the player had set flags, earned
totals, seen scenes and made choices on the way, so a scene behind a condition can be tried:

    briefing play PACK --from SCENE --set FLAG --totals TRACK=N --visited SCENE --chose SCENE.CHOICE

Each option may be given again. What the command line names is checked against the pack here,
once, for both front ends; GameSession.new_game writes it into the new game's state."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the title screen comes before any of these is needed
    from ..content.models import Pack
    from ..engine import GameState


class PreviewProblem(ValueError):
    """A flag, track, scene or choice the pack does not have: one line, with a close match."""


@dataclass(frozen=True)
class Preset:
    flags: tuple[str, ...] = ()
    totals: tuple[tuple[str, float], ...] = ()  # (track id, points) in the order given
    visited: tuple[str, ...] = ()  # scene ids
    chose: tuple[str, ...] = ()  # "scene-id.choice-id", as a `chose:` condition names them

    def __bool__(self) -> bool:
        return bool(self.flags or self.totals or self.visited or self.chose)

    def check(self, pack: Pack) -> None:
        """Raise PreviewProblem for the first name the pack does not have."""
        from ..content.suggest import did_you_mean

        flags = {flag for s in pack.scenes.values() for c in s.choices for flag in c.set}
        for flag in self.flags:
            if flag not in flags:
                raise PreviewProblem(f"--set {flag}: no choice in the pack sets the flag "
                                     f"'{flag}'.{did_you_mean(flag, flags)}")
        tracks = [track.id for track in pack.manifest.tracks]
        for track, _ in self.totals:
            if track not in tracks:
                raise PreviewProblem(f"--totals {track}: the pack has no track '{track}' (its "
                                     f"tracks: {', '.join(tracks)}).{did_you_mean(track, tracks)}")
        for scene_id in self.visited:
            if scene_id not in pack.scenes:
                raise PreviewProblem(f"--visited {scene_id}: the pack has no scene "
                                     f"'{scene_id}'.{did_you_mean(scene_id, pack.scenes)}")
        choices = [f"{s.id}.{c.id}" for s in pack.scenes.values() for c in s.choices if c.id]
        for ref in self.chose:
            if ref not in choices:
                raise PreviewProblem(f"--chose {ref}: the pack has no choice '{ref}' (a scene "
                                     f"id, a dot, the choice's id).{did_you_mean(ref, choices)}")

    def applied(self, pack: Pack, state: GameState) -> GameState:
        """A copy of a new game's state as if this history came before its first scene. A
        choice made this way earns no points (--totals says what was earned); one the pack no
        longer has (after a reload under --watch) is left out."""
        from ..engine import DecisionRecord

        made = []
        for ref in self.chose:
            scene_id, _, choice_id = ref.rpartition(".")
            scene = pack.scenes.get(scene_id)
            made += [DecisionRecord(scene_id, index, choice.text, {}, {}, state.started_at,
                                    choice_id)
                     for index, choice in enumerate(scene.choices if scene else ())
                     if choice.id == choice_id]
        return dataclasses.replace(
            state, flags=list(dict.fromkeys([*self.flags, *state.flags])),
            visited=list(dict.fromkeys([*self.visited, *state.visited])),
            decisions=[*made, *state.decisions], preset_totals=dict(self.totals))


def track_points(text: str) -> tuple[str, float]:
    """--totals TRACK=N: a track id and a number of points."""
    track, equals, number = text.partition("=")
    try:
        points = float(number)
    except ValueError:
        points = None
    if not equals or not track.strip() or points is None or points != points:
        raise ValueError(f"'{text[:40]}' is not TRACK=N (a track's id, '=', a number of points, "
                         "e.g. tradecraft=12)")
    return track.strip(), int(points) if points.is_integer() else points
