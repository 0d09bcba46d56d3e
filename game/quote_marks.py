"""Words shown as a quotation, in one pair of marks however the author wrote them. Apart from
game/prose.py, which parses Markdown, so that validate's messages can quote without it."""

from __future__ import annotations

_OPENING_MARKS = "“\"„«"
_CLOSING_MARKS = "”\"»"


def in_quotes(text: str) -> str:
    """Words shown as a quotation: in “ ” once. A quote already wholly in its own marks stays
    as it is; one that starts or ends with a mark of its own (the article quoting someone) goes
    in single marks, so that no two marks are ever shown side by side (““…)."""
    text = text.strip()
    opens, closes = text[:1] in _OPENING_MARKS, text[-1:] in _CLOSING_MARKS
    if opens and closes and len(text) > 1:
        return text
    return f"‘{text}’" if opens or closes else f"“{text}”"
