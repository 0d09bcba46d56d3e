"""The class report's learning section, as data: each student's pre-check, post-check, gain
and normalised gain, the class's gain and effect size (overall and per skill), and mastery
per skill per student. The statistics are in learning_gain.py; the renderers (text, HTML,
CSV) turn a Learning into their format.

A student's check counts only once all its items are answered (a post-check left half-done
says "not finished"); a result with no check at all (a pack without one, or a file from before
checks existed) says "no check" and is left out of the class's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..content.models import POST, PRE
from .check_results import CheckAnswers, SkillTags
from .learning_gain import ClassGain, class_gain, normalised_gain, percent_of
from .results import ResultDocument

MASTERY_THRESHOLD = 80.0  # percent of a skill's points at which it counts as mastered
NO_CHECK, NOT_FINISHED = "no check", "not finished"


@dataclass(frozen=True)
class StudentLearning:
    name: str
    class_code: str
    pre: float | None  # percent of the pre-check's points, once it is all answered
    post: float | None
    status: str  # "" when both checks are done, else NO_CHECK or what is missing
    skill_checks: dict[str, tuple[float | None, float | None]]  # skill -> (pre %, post %)
    mastery: dict[str, float | None]  # skill -> percent of its points over game and post-check

    @property
    def paired(self) -> bool:
        return self.pre is not None and self.post is not None

    @property
    def gain(self) -> float | None:
        return self.post - self.pre if self.paired else None

    @property
    def normalised(self) -> float | None:
        return normalised_gain(self.pre, self.post) if self.paired else None

    def mastered(self, skill: str) -> bool | None:
        share = self.mastery.get(skill)
        return None if share is None else share >= MASTERY_THRESHOLD


@dataclass(frozen=True)
class SkillGain:
    id: str
    name: str
    gain: ClassGain  # over the check items tagged with the skill


@dataclass(frozen=True)
class Learning:
    students: list[StudentLearning]
    overall: ClassGain
    skills: list[SkillGain]  # per skill with check items, in the pack's order
    skill_names: dict[str, str]  # every skill, for the mastery table
    any_check: bool  # some student's result has a check (else only mastery is shown)


def learning(documents: Sequence[ResultDocument]) -> Learning | None:
    """The learning section of the students' counted results; None when none of them has a
    check or skills (a pack without them: the report is as it always was)."""
    if not any(d.checks is not None or d.skills is not None for d in documents):
        return None
    names: dict[str, str] = {}
    for document in documents:
        if document.skills is not None:
            for skill, name in document.skills.names.items():
                names.setdefault(skill, name)
    students = [student_learning(d, names) for d in documents]
    paired = [s for s in students if s.paired]
    skills = []
    for skill, name in names.items():
        pairs = [s.skill_checks[skill] for s in paired if skill in s.skill_checks]
        pairs = [(pre, post) for pre, post in pairs if pre is not None and post is not None]
        if pairs:
            skills.append(SkillGain(skill, name, class_gain(pairs)))
    return Learning(students, class_gain([(s.pre, s.post) for s in paired]), skills, names,
                    any(d.checks is not None for d in documents))


def student_learning(document: ResultDocument, names: dict[str, str]) -> StudentLearning:
    checks, tags = document.checks, document.skills
    pre = post = None
    status = NO_CHECK
    skill_checks: dict[str, tuple[float | None, float | None]] = {}
    if checks is not None:
        pre, post = stage_percent(checks, PRE), stage_percent(checks, POST)
        status = ("" if pre is not None and post is not None
                  else f"pre-check {NOT_FINISHED}" if pre is None
                  else f"post-check {NOT_FINISHED}")
        if tags is not None:
            for skill in names:
                shares = tuple(stage_percent(checks, stage, tags, skill) for stage in (PRE, POST))
                if shares != (None, None):
                    skill_checks[skill] = shares
    return StudentLearning(document.name, document.class_code, pre, post, status, skill_checks,
                           mastery(document, names))


def stage_percent(checks: CheckAnswers, stage: str, tags: SkillTags | None = None,
                  skill: str = "") -> float | None:
    """Percent of the points of a stage's items (those tagged ``skill``, when given), or None
    while the stage is not all answered (or no item has the skill)."""
    answers = checks.pre if stage == PRE else checks.post
    if len(answers) < len(checks.pairs):
        return None
    if skill:
        answers = tuple(a for a in answers if skill in tags.items.get(a.question, ()))
    if not answers:
        return None
    return percent_of(sum(a.points for a in answers), sum(a.max_points for a in answers))


def mastery(document: ResultDocument, names: dict[str, str]) -> dict[str, float | None]:
    """Per skill: the share of the points earned on what trains it, over the whole game and
    the post-check: the questions tagged with it (both tries, as scored; forecasts are left
    out, as they score a likelihood), the decisions of scenes tagged with it (the graded
    points of the choice taken, of the best each graded track had on offer there), and the
    post-check's items tagged with it. None for a skill the student met nothing of."""
    tags = document.skills
    if tags is None:
        return {}
    graded = {t.id for t in document.tracks if t.graded}
    earned = dict.fromkeys(names, 0.0)
    available = dict.fromkeys(names, 0.0)

    def add(skills, points: float, of: float) -> None:
        for skill in skills:
            if skill in earned:
                earned[skill] += points
                available[skill] += of

    for answer in document.answers:
        if not answer.resolves_in:
            add(tags.items.get(answer.question, ()), answer.points, answer.max_points)
    for decision in document.decisions:
        add(tags.decisions.get(decision.scene, ()),
            max(0.0, sum(v for k, v in decision.effects.items() if k in graded)),
            sum(v for k, v in decision.available.items() if k in graded))
    if document.checks is not None:
        for answer in document.checks.post:
            add(tags.items.get(answer.question, ()), answer.points, answer.max_points)
    return {skill: percent_of(earned[skill], available[skill]) for skill in names}
