"""An ending's assessment for one player: the parts whose conditions hold, as Markdown."""

from __future__ import annotations

from typing import Mapping

from ..content.models import Assessment, AssessmentPart
from .conditions import holds
from .state import GameState


def compose_assessment(assessment: str | Assessment, state: GameState,
                       totals: Mapping[str, float]) -> tuple[str, tuple[str, ...]]:
    """The assessment as this player reads it, and the texts of the parts that held (in the
    order shown). A plain-text assessment is the same for everyone and has no parts."""
    if isinstance(assessment, str):
        return assessment, ()
    blocks: list[str] = []
    shown: list[str] = []
    if assessment.heading.strip():
        blocks.append(f"## {assessment.heading.strip()}")
    if assessment.opening.strip():
        blocks.append(assessment.opening.strip())
    lists = [("", assessment.parts), *((s.lead, s.parts) for s in assessment.sections)]
    for lead, parts in lists:
        held = [p.text.strip() for p in parts if holds_for(p, state, totals)]
        if not held:
            continue  # a list with nothing to say is left out, lead and all
        if lead.strip():
            blocks.append(lead.strip())
        blocks.append("\n".join(bullet(text) for text in held))
        shown += held
    if assessment.closing.strip():
        blocks.append(assessment.closing.strip())
    return "\n\n".join(blocks), tuple(shown)


def holds_for(part: AssessmentPart, state: GameState, totals: Mapping[str, float]) -> bool:
    return part.if_ is None or holds(part.if_, state, totals)


def bullet(text: str) -> str:
    """One list item in Markdown; the lines after the first indented to stay inside it."""
    return "- " + "\n  ".join(line.strip() for line in text.splitlines())
