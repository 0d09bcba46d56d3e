"""Words that name an option by its place ("the first two", "option 3", "(b)", "all of the
above") where the game shuffles the options: each player sees another order, so the words point
at the wrong option for most of them.

Only phrases that refer to an option are flagged, never an ordinal on its own: "the first
report" or "the last week" is about the story. In a timeline "first" and "last" speak of time,
so only labels and above/below count there.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, NamedTuple

from .kinds import KINDS
from .models import Scene

_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|last|final|top|bottom|middle|"
            r"penultimate|1st|2nd|3rd|[4-9]th)")
_ONE_OPTION = r"(?:option|answer|choice|item|alternative)"
_OPTION = rf"{_ONE_OPTION}s?"
_COUNT = r"(?:one|ones|two|three|four|five)"
# "The first two" counts options unless a word follows that makes it a count of something
# else: "the first two days", "the first one to arrive", "the last two reports". A plural noun
# is told from a verb by its last letter, with the verbs in -s feedback uses most kept apart.
_VERB_S = (r"(?:is|was|has|does|says|holds|names|gives|keeps|comes|goes|quotes|counts|states|"
           r"agrees|seems|sounds|looks|reads|fits|misses)")
_AFTER_COUNT = (rf"(?!\s+(?:to|who|whom|of|people|men|women|children|time|"
                rf"(?!{_VERB_S}\b)[a-z]*[a-rt-z]s)\b)")

# Each pattern is a whole phrase, matched case-insensitively except where a capital is the
# label, beside the words one of which a text must hold for the pattern to be tried at all: most
# texts hold none, and looking words up is far cheaper than a case-blind regular expression.
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "last",
                            "final", "top", "bottom", "middle", "penultimate", "1st", "2nd",
                            "3rd", *(f"{n}th" for n in range(4, 10))})
_OPTION_WORDS = frozenset(word + plural for word in ("option", "answer", "choice", "item",
                                                     "alternative") for plural in ("", "s"))
_ABOVE_BELOW = frozenset({"above", "below"})
_ENDS = frozenset({"top", "bottom", "end", "start", "head"})


def _phrase(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_ORDINAL_PATTERNS = (
    # "the first option", "the last choices", "the 2nd answer"
    (_ORDINAL_WORDS, _phrase(rf"\bthe\s+{_ORDINAL}\s+{_OPTION}\b")),
    # "the first two.", "the last one is", "the top one" (not "the first one to arrive")
    (_ORDINAL_WORDS, _phrase(rf"\bthe\s+{_ORDINAL}\s+{_COUNT}(?:\s+{_OPTION})?{_AFTER_COUNT}")),
    # "the first of the options", "the last of the choices"
    (_ORDINAL_WORDS, _phrase(rf"\bthe\s+{_ORDINAL}\s+of\s+the\s+{_OPTION}\b")),
    # "the first and third", "the second and the last"
    (_ORDINAL_WORDS, _phrase(rf"\bthe\s+{_ORDINAL}\s+(?:and|or)\s+(?:the\s+)?{_ORDINAL}"
                             rf"(?:\s+{_OPTION})?{_AFTER_COUNT}")),
)
_LABEL_PATTERNS = (
    # "option 3", "answers 1 and 3", "choice #2", "option B", "option (b)"
    (_OPTION_WORDS, _phrase(rf"\b(?i:{_OPTION})\s+(?:#\s*)?(?:[1-9](?![\d.,]*\d)|[A-H]\b|"
                            r"\([a-hA-H1-9]\))", 0)),
    (_OPTION_WORDS, _phrase(r"\boptions?\s+(?:one|two|three|four|five|six)\b")),
    # "(a)", "(B)": the letters options are labelled with on paper
    (frozenset({"("}), _phrase(r"(?<![\w(])\([a-hA-H]\)(?!\w)", 0)),
    # "all of the above", "none of the below", "the one above", "the above options"
    (_ABOVE_BELOW, _phrase(r"\b(?:all|none|both|neither|either|any|each|one|two|three) of the "
                           r"(?:above|below)\b")),
    (_ABOVE_BELOW, _phrase(rf"\bthe\s+(?:one|{_ONE_OPTION})\s+(?:above|below)\b")),
    (_ABOVE_BELOW, _phrase(rf"\bthe\s+(?:above|below)\s+(?:one|ones|{_OPTION})\b")),
    # "at the top of the list", "the bottom of the options"
    (_ENDS, _phrase(r"\b(?:top|bottom|end|start|head) of the (?:list|options|choices|answers)\b")),
)
_WORD = re.compile(r"\w+|\(")  # a text's words, and "(" for the letters in brackets
# Quoted words are someone else's (the article's, an option's): "the last option" in a quote
# is what they said, not the author naming a place.
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”]*”")


class PositionWords(NamedTuple):
    """Words in ``field`` of ``model`` that name an option by its place."""

    model: Any  # a question, a choice, or a match question's pair
    field: str
    phrase: str  # as written, e.g. "the first two"
    where: str  # what the text is, for the message: "The explanation", "A choice's feedback"
    example: str  # a few words of one option, to show how to name it instead
    shuffled: str  # what the game shuffles here: "options" or "choices"


def position_phrase(text: str, ordinals: bool = True) -> str | None:
    """The first phrase in ``text`` that names an option by its place, or None.

    ``ordinals``: whether "the first two" and the like count (not in a timeline, where they
    speak of time)."""
    if not text:
        return None
    unquoted = (_QUOTED.sub(lambda m: " " * len(m.group(0)), text)
                if '"' in text or "“" in text else text)
    words = set(_WORD.findall(unquoted.lower()))
    found = []
    for needs, pattern in (*(_ORDINAL_PATTERNS if ordinals else ()), *_LABEL_PATTERNS):
        if needs.isdisjoint(words):
            continue
        match = pattern.search(unquoted)
        if match:
            found.append(match)
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return " ".join(text[first.start():first.end()].split())


def find_position_words(scenes: Iterable[Scene]) -> Iterator[PositionWords]:
    """Every text of a shuffled question (the ask, options, hint and explanation) and of a
    decision (its prompt, each choice's text and feedback) that names an option by its place."""
    for scene in scenes:
        for question in scene.questions:
            kind = KINDS.get(question.type)
            if kind is None or not kind.shuffled:
                continue
            ordinals = not kind.ordinals_tell_time
            example = first_words(next(iter(kind.authored_options(question)), ""))
            texts = [(question, "ask", question.ask, "The question"),
                     *((model, field, text, "An option") for model, field, text
                       in kind.texts(question)),
                     (question, "hint", question.hint, "The hint"),
                     (question, "explanation", question.explanation, "The explanation")]
            for model, field, text, where in texts:
                phrase = position_phrase(text, ordinals)
                if phrase:
                    yield PositionWords(model, field, phrase, where, example, "options")
        if len(scene.choices) < 2:
            continue  # one choice is never shuffled
        example = first_words(scene.choices[0].text)
        texts = [(scene, "prompt", scene.prompt, "The decision's prompt"),
                 *((choice, field, getattr(choice, field), where) for choice in scene.choices
                   for field, where in (("text", "A choice"),
                                        ("feedback", "A choice's feedback")))]
        for model, field, text, where in texts:
            phrase = position_phrase(text)
            if phrase:
                yield PositionWords(model, field, phrase, where, example, "choices")


def first_words(text: str, count: int = 5) -> str:
    """The start of an option, as an author might quote it: a few words, then "…"."""
    words = str(text).strip("\"“”' ").split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
