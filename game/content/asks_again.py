"""Checks on spaced retrieval: a question with ``asks_again`` names a question of an earlier
day, which is not itself asked again, and is worth a share of its points."""

from __future__ import annotations

from typing import Iterable

from .diagnostics import did_you_mean
from .kinds.base import Report
from .models import Manifest, Question, Scene


def check_asks_again(manifest: Manifest, scenes: Iterable[Scene], report: Report,
                     whole: bool = True) -> None:
    """Report each question whose ``asks_again`` cannot work. ``whole`` is False when some
    scene failed to build: a name not found may then be in it, so that is not reported."""
    scenes = list(scenes)
    where = {q.id: (q, s) for s in scenes for q in s.questions}
    day_index = {day: i for i, day in enumerate(manifest.days)}
    for scene in scenes:
        for question in scene.questions:
            if question.asks_again is None:
                continue
            found = where.get(question.asks_again)
            if found is None:
                if whole:
                    report(question, "asks_again", "asks-again-unknown", "No question has the "
                           f"id '{question.asks_again}'.{did_you_mean(question.asks_again, where)}",
                           "Use the id of the question whose fact this one asks again.")
                continue
            original, original_scene = found
            check_pair(question, scene, original, original_scene, day_index, report)


def check_pair(question: Question, scene: Scene, original: Question, original_scene: Scene,
               day_index: dict[str, int], report: Report) -> None:
    if original.asks_again is not None:
        report(question, "asks_again", "asks-again-chain", f"'{original.id}' is itself a "
               f"question asked again (of '{original.asks_again}'): a fact comes back once.",
               f"Name the original question instead: asks_again: {original.asks_again}.")
    here, there = day_index.get(scene.day), day_index.get(original_scene.day)
    if here is not None and there is not None and there >= here:  # else: unknown-day already
        when = "the same day" if there == here else "a later day"
        report(question, "asks_again", "asks-again-not-earlier", f"'{original.id}' is asked "
               f"on {when} ({original_scene.day}, in '{original_scene.id}'), not before "
               f"{scene.day}.", "Ask a missed fact again on a later day than the question "
               "you name: move this question, or name one from an earlier day.")
    if question.points >= original.points:
        report(question, "points" if "points" in question.locs else "asks_again",
               "asks-again-points", f"This question asked again is worth {question.points:g} "
               f"point(s), and '{original.id}' {original.points:g}: a second chance usually "
               "earns a share of the points.",
               f"Give it fewer points than {original.points:g}, e.g. {original.points / 2:g}.")
