"""What a result file records of the pre/post check and the skills (issue 15, item 4).

Both are optional: a result of a pack without them, or one written before they existed, has
neither, and the report says "no check" for it. ``checks`` holds the answers to each stage
(records as the game keeps them, ``question`` naming the item) and the pairs of a pre item
with its post item; ``skills`` the skill names and which item or decision trains which skill,
so the report needs no pack to compute mastery.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Mapping

from ..content.models import POST, PRE, Pack
from ..engine import AnswerRecord, GameState
from ..file_fields import LIST, OBJECT, FieldProblem, read_records, required


@dataclass(frozen=True)
class CheckAnswers:
    """A student's answers to the check, as far as they got."""

    pre: tuple[AnswerRecord, ...]
    post: tuple[AnswerRecord, ...]
    pairs: tuple[tuple[str, str], ...]  # (pre item id, post item id), in the pack's order

    @classmethod
    def from_game(cls, pack: Pack, state: GameState) -> "CheckAnswers | None":
        checks = pack.checks
        if checks is None or not state.with_checks:
            return None
        answers = state.check_answers
        return cls(tuple(a for a in answers if a.scene == PRE),
                   tuple(a for a in answers if a.scene == POST),
                   tuple((p.id, q.id) for p, q in zip(checks.pre, checks.post_items)))

    def to_dict(self) -> dict[str, Any]:
        return {"pre": [check_answer_dict(a) for a in self.pre],
                "post": [check_answer_dict(a) for a in self.post],
                "pairs": [list(pair) for pair in self.pairs]}

    @classmethod
    def from_dict(cls, data: Any) -> "CheckAnswers":
        """Raises FieldProblem naming the field that is damaged."""
        if not isinstance(data, dict):
            raise FieldProblem(f"checks {OBJECT.problem}")
        stages = [tuple(read_records(AnswerRecord, staged(required(data, stage, LIST, "checks"),
                                                          stage),
                                     f"checks.{stage}", unknown_fields_allowed=True))
                  for stage in (PRE, POST)]
        pairs = required(data, "pairs", LIST, "checks")
        if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(i, str) for i in p)
                   for p in pairs):
            raise FieldProblem("checks.pairs is not a list of [pre item, post item]")
        return cls(*stages, tuple((p[0], p[1]) for p in pairs))


def staged(items: list, stage: str) -> list:
    """A stage's answers as records of the game: the list they are in is their stage."""
    return [{**item, "scene": stage} if isinstance(item, dict) else item for item in items]


def check_answer_dict(answer: AnswerRecord) -> dict:
    """A check answer as the file holds it: the fields of a recall answer (its stage is the
    list it is in), without those only a game answer has."""
    data = asdict(answer)
    for only_in_game in ("scene", "attempt", "hinted", "track", "resolves_in"):
        del data[only_in_game]
    return data


@dataclass(frozen=True)
class SkillTags:
    """The pack's skills as the result file keeps them."""

    names: Mapping[str, str]  # skill id -> the name the report shows
    items: Mapping[str, tuple[str, ...]]  # question or check item id -> its skills
    decisions: Mapping[str, tuple[str, ...]]  # scene id (its decision) -> its skills

    @classmethod
    def from_pack(cls, pack: Pack) -> "SkillTags | None":
        if not pack.skill_names:
            return None
        checks = pack.checks
        items = (*pack.questions().values(),
                 *((*checks.pre, *checks.post_items) if checks else ()))
        return cls(dict(pack.skill_names),
                   {q.id: q.skills for q in items if q.skills},
                   {s.id: s.skills for s in pack.scenes.values() if s.skills})

    def to_dict(self) -> dict[str, Any]:
        return {"names": dict(self.names),
                "items": {k: list(v) for k, v in self.items.items()},
                "decisions": {k: list(v) for k, v in self.decisions.items()}}

    @classmethod
    def from_dict(cls, data: Any) -> "SkillTags | None":
        """Read leniently: the skills only group the report, so an odd value is left out
        rather than losing the student's result."""
        if not isinstance(data, dict):
            return None
        names = {k: v for k, v in (data.get("names") or {}).items()
                 if isinstance(k, str) and isinstance(v, str)} if isinstance(
            data.get("names"), dict) else {}

        def tags(key: str) -> dict[str, tuple[str, ...]]:
            found = data.get(key)
            if not isinstance(found, dict):
                return {}
            return {k: tuple(t for t in v if isinstance(t, str)) for k, v in found.items()
                    if isinstance(k, str) and isinstance(v, list)}

        items, decisions = tags("items"), tags("decisions")
        for skills in (*items.values(), *decisions.values()):
            for skill in skills:
                names.setdefault(skill, skill)
        return cls(names, items, decisions) if names else None
