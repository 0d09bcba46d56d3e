"""A pack's recall questions as a quiz bank: each question with its kind's LMS answer shape
(game/content/kinds/lms.py), its general feedback (the explanation and the article's words),
and what was left out and why. The format writers read only this."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...content.article import headline
from ...content.kinds import kind_of
from ...content.kinds.lms import LmsAnswer, Matching, NoLmsEquivalent, Numerical
from ...markdown_html import author_markdown_html
from ...quote_marks import in_quotes
from ..handout import ordered_scenes

if TYPE_CHECKING:
    from ...content.models import Pack

DECISIONS_LEFT_OUT = ("decisions are scored choices on the story's tracks, not recall questions "
                      "with a right answer, so no format takes them")


@dataclass(frozen=True)
class BankItem:
    """One question as a quiz item."""

    id: str  # the question's id in the pack
    category: str  # the day it is asked on
    ask: str  # the question, plain text
    explanation: str  # why the answer is right, in Markdown
    source: str  # the article's own words that hold the answer
    points: float
    answer: LmsAnswer  # never NoLmsEquivalent

    @property
    def prompt_html(self) -> str:
        """The question as HTML, with the line its answer shape needs (a timeline's matching
        says what to match, a number its unit)."""
        lines = [self.ask]
        if isinstance(self.answer, Matching) and self.answer.instruction:
            lines.append(self.answer.instruction)
        if isinstance(self.answer, Numerical) and self.answer.unit:
            lines.append(f"Answer in {self.answer.unit}.")
        return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines)


@dataclass(frozen=True)
class LeftOut:
    """A question a format cannot take, and why."""

    id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.id}: {self.reason}"


@dataclass(frozen=True)
class Bank:
    pack_id: str
    title: str
    article: str  # the article's headline, '' when it has none
    items: tuple[BankItem, ...]
    left_out: tuple[LeftOut, ...]  # questions whose kind has no LMS equivalent
    decisions: int  # scenes with a decision, none of which is exported

    def not_exported(self) -> list[str]:
        """One line for each question no LMS takes, and one for the decisions."""
        lines = [f"Not exported: {one}" for one in self.left_out]
        if self.decisions:
            decisions = f"{self.decisions} decision{'s' if self.decisions > 1 else ''}"
            lines.append(f"Not exported: {decisions} ({DECISIONS_LEFT_OUT})")
        return [one_line(line) for line in lines]

    def feedback_html(self, item: BankItem) -> str:
        """The general feedback: the explanation, then the article's words that hold the answer,
        as HTML (the author's Markdown made safe)."""
        article = f" {in_quotes(self.article)}" if self.article else ""
        quote = html.escape(f"From the article{article}: {in_quotes(item.source)}", quote=False)
        return author_markdown_html(item.explanation).strip() + f"\n<p>{quote}</p>"


def build_bank(pack: Pack) -> Bank:
    """Every recall question of the pack, day by day, and the ones no LMS can take."""
    items: list[BankItem] = []
    left_out: list[LeftOut] = []
    scenes = ordered_scenes(pack)
    for scene in scenes:
        for q in scene.questions:
            answer = kind_of(q).lms_answer(q)
            if isinstance(answer, NoLmsEquivalent):
                left_out.append(LeftOut(q.id, f"{q.type}: {answer.reason}"))
                continue
            items.append(BankItem(q.id, scene.day, one_line(q.ask), q.explanation, q.source,
                                  float(q.points), answer))
    return Bank(pack.id, pack.manifest.title, headline(pack.seed_text), tuple(items),
                tuple(left_out), sum(1 for s in scenes if s.choices))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def number(value: float) -> str:
    """A number as every format writes it: no exponent, no trailing zeros ('2.5', '120')."""
    text = f"{value:.7f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
