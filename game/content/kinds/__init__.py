"""Question kinds: one module each, one registry. See base.py for what a kind holds.

Adding a kind: write its module here (a QuestionKind subclass and ``KIND``), list it below,
then give it a widget in game/tui/answer_widgets.py, a parser in game/plain/answer_forms.py,
and a broken example in tests/fixtures/kinds/. tests/unit/test_question_kinds.py fails until
each part is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    forecast,
    match,
    multiple_select,
    numeric,
    short_text,
    single_choice,
    timeline,
    true_false,
)
from .base import BadResponse, Breakdown, Presented, QuestionKind, Tally, seeded_order

if TYPE_CHECKING:
    from ..models import Question

# In the order the format reference lists them.
KINDS: dict[str, QuestionKind] = {module.KIND.name: module.KIND for module in (
    single_choice, multiple_select, numeric, short_text, timeline, true_false, match, forecast)}
KIND_NAMES = tuple(KINDS)
# Every optional field some kind uses: a question using one its kind does not is warned about.
KIND_FIELDS = frozenset().union(*(kind.fields for kind in KINDS.values()))


# Without the pack, a report tells a question's kind from its stored answers: the first of these
# whose shape they all have, else numeric (typed answers, listed as typed).
GUESS_ORDER = ("match", "true-false", "multiple-select", "forecast", "single-choice")


def guess_kind(responses: list) -> QuestionKind:
    for name in GUESS_ORDER:
        if responses and all(KINDS[name].stores(r) for r in responses):
            return KINDS[name]
    return KINDS["numeric"]


def kind_of(question: Question) -> QuestionKind:
    """The kind of a compiled question (the compiler lets no unknown type through)."""
    return KINDS[question.type]


__all__ = ["BadResponse", "Breakdown", "KINDS", "KIND_FIELDS", "KIND_NAMES", "Presented",
           "QuestionKind", "Tally", "guess_kind", "kind_of", "seeded_order"]
