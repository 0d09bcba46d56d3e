"""Checks on each value once YAML has read it: what the pre-scan of the raw file cannot see.

A double-quoted YAML string turns "\\e", "\\x1b" or "\\u009b" into control characters that would
drive the player's terminal; "\\u200b" and friends hide characters inside an answer; ".nan",
".inf" and "1e308" are numbers the game cannot add up or write to a result file. The compiler
calls these on every scalar it reads (game/content/compiler.py), so every field is covered.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ..terminal_text import TERMINAL_CONTROL

# Far above any real pack (its numbers are points, effects, thresholds and answers such as a
# population), far below what a sum of a pack's values could overflow or a result file could
# not write as JSON.
MAX_NUMBER = 1_000_000_000_000

# Characters that show nothing, or reorder what is around them: Unicode's Default_Ignorable_
# Code_Point and Bidi_Control lists (the soft hyphen, zero-width spaces and joiners, direction
# marks, embeddings, overrides and isolates, word joiners, invisible operators, the byte-order
# mark, Hangul fillers, tag characters), less the variation selectors, which choose how an emoji
# or an ideograph looks and belong to the character before them.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
              "\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\U0001bca0-\U0001bca3"
              "\U0001d173-\U0001d17a\U000e0000-\U000e00ff")
_VARIATION_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
INVISIBLE = re.compile(f"[{_INVISIBLE}]")
UNSEEN = re.compile(f"[{_INVISIBLE}{_VARIATION_SELECTORS}]")  # what a player cannot tell apart
_SUSPECT = re.compile(f"{TERMINAL_CONTROL.pattern}|[{_INVISIBLE}]")

# Text that is read, not picked, typed or matched: an invisible character there is a warning
# (a soft hyphen, a joiner inside an emoji may be meant). Everywhere else (options, answers,
# ids, the names a condition or a link refers to) it is an error.
PROSE_FIELDS = frozenset({
    "title", "role", "intro", "body", "prompt", "notes", "discuss", "time", "text", "ask",
    "explanation", "hint", "feedback", "resolution", "unit", "source", "claimed_by",
    "disputed_by", "confirmed_by", "outlet", "date", "quote", "note", "url", "author", "term",
    "meaning", "assessment", "lead", "heading", "opening", "closing", "label", "name",
    "description", "version"})
PICKED_TEXT = frozenset({("Choice", "text")})  # a prose name that is an option here


class TextProblem(NamedTuple):
    code: str
    message: str
    hint: str


def without_unseen(text: str) -> str:
    """``text`` as a player sees it: invisible characters and variation selectors left out."""
    return UNSEEN.sub("", text) if not text.isascii() else text


def character_name(char: str) -> str:
    names = {"\x1b": "an escape (ESC, \\e or \\x1b)", "\x07": "a bell (BEL, \\a)",
             "\u200b": "a zero-width space (U+200B)", "\u00ad": "a soft hyphen (U+00AD)",
             "\ufeff": "a byte-order mark (U+FEFF)", "\u202e": "a right-to-left override "
             "(U+202E)"}
    return names.get(char, f"the character U+{ord(char):04X}")


def text_problems(text: str, model: str, field: str, where: str) -> list[TextProblem]:
    """What is wrong with one text value of ``field`` in a ``model``: at most one problem of
    each kind, naming the first character found."""
    found = _SUSPECT.search(text)
    if found is None:
        return []
    problems = []
    control = TERMINAL_CONTROL.search(text, found.start())
    if control:
        problems.append(TextProblem(
            "escaped-control-character",
            f"'{where}' holds {character_name(control.group())}, a control character that "
            "would drive the player's terminal (change its title, clear the screen).",
            "Remove the escape (\\e, \\x.., \\u00.. in double quotes); for a new line in the "
            "text use a block scalar ('|') or \\n."))
    invisible = INVISIBLE.search(text)
    if invisible:
        prose = field in PROSE_FIELDS and (model, field) not in PICKED_TEXT
        problems.append(TextProblem(
            "invisible-character-in-prose" if prose else "invisible-character",
            f"'{where}' holds {character_name(invisible.group())}, which shows nothing "
            + ("on screen (pasted text often brings one)." if prose else
               "on screen: two texts that look the same would differ, and a player typing "
               "what they see would not match it."),
            "Delete it unless it is meant (a soft hyphen where a long word may break)." if prose
            else "Delete the character: retype the text, or paste it as plain text."))
    return problems


def number_problem(value: float, where: str) -> TextProblem | None:
    """Why a number read from YAML cannot be used, or None: NaN, infinite, or past the bound."""
    if math.isfinite(value) and -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    return number_out_of_range(where)


def number_out_of_range(where: str) -> TextProblem:
    return TextProblem(
        "number-out-of-range",
        f"'{where}': a number here must be finite and between -{MAX_NUMBER:,} and "
        f"{MAX_NUMBER:,}.",
        "Write an ordinary number such as 2 or 0.5 (not .nan, .inf or 1e308); for a very "
        "large quantity, count in a larger unit (say 'unit: billion dollars').")
