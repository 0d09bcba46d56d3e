"""Checks on what measures learning: the pre-check and post-check in pack.yaml, and the skills
that questions, decisions and check items name (see models.Checks and models.Skill)."""

from __future__ import annotations

from typing import Callable, Iterable

from .diagnostics import did_you_mean
from .models import SAME_REORDERED, Manifest, Question, Scene

Report = Callable[..., None]  # PackChecker.report: (model, field, code, message, hint)


def check_items(manifest: Manifest) -> tuple[Question, ...]:
    """Every check item as written: the pre items, then the post items when they are their own."""
    checks = manifest.checks
    if checks is None:
        return ()
    return checks.pre + (() if isinstance(checks.post, str) else checks.post)


def check_checks(manifest: Manifest, check_question: Callable[[Question], None],
                 report: Report) -> None:
    """The checks' shape (post pairs with pre), and each item as a question of its kind."""
    checks = manifest.checks
    if checks is None:
        return
    if not checks.pre:
        report(checks, "pre", "empty-check", "The pre-check has no items, so there is nothing "
               "to measure a gain from.", "List at least one item under 'pre:', or leave "
               "'checks:' out.")
    if isinstance(checks.post, str):
        if checks.post != SAME_REORDERED:
            report(checks, "post", "unknown-post-check", f"'post: {checks.post}' is neither "
                   f"'{SAME_REORDERED}' nor a list of items.",
                   f"Write 'post: {SAME_REORDERED}' to ask the pre-check's items again, or "
                   "list the post-check's own items.")
    elif len(checks.post) != len(checks.pre):
        report(checks, "post", "check-items-unpaired", f"The post-check has "
               f"{len(checks.post)} item(s) and the pre-check {len(checks.pre)}: each post "
               "item is paired with the pre item in the same place.",
               "Give the post-check one item for each pre-check item, in the same order.")
    for item in check_items(manifest):
        if item.type == "forecast":
            report(item, "type", "forecast-in-check", f"The check item '{item.id}' is a "
                   "forecast; a check item needs a right answer when it is asked.",
                   "Use another kind of question, e.g. true-false or single-choice.")
        else:
            check_question(item)


def check_skills(manifest: Manifest, scenes: Iterable[Scene], report: Report) -> None:
    """A skill named that pack.yaml's skills list lacks, when it has one."""
    listed = [skill.id for skill in manifest.skills]
    if not listed:
        return  # tags are free: the report names each skill by its id
    tagged = [*check_items(manifest)]
    for scene in scenes:
        tagged.append(scene)
        tagged.extend(scene.questions)
    for model in tagged:
        for skill in model.skills:
            if skill not in listed:
                what = (f"The scene '{model.id}'" if isinstance(model, Scene)
                        else f"The question '{model.id}'")
                report(model, "skills", "unknown-skill", f"{what} names the skill '{skill}', "
                       f"which pack.yaml's skills do not list.{did_you_mean(skill, listed)}",
                       f"Use one of: {', '.join(listed)}; or add '{skill}' to skills.")
