"""How a typed short answer is matched against the accepted ones: normalised, then typos
forgiven by edit distance scaled to length, never where the typed words look more like a
known wrong answer or name another number.

Normalisation: case, punctuation, spacing and characters that show nothing (a zero-width space
pasted with the answer) do not matter ("U.S." is "US", "Al-Omar" is
"al omar"), and neither do the articles "a", "an" and "the" in front of a word (a final "a",
as in "Plan A", is kept). Answers that differ only in their spaces ("tit for tat",
"titfortat") are the same answer.

Typos: the Damerau-Levenshtein distance (a letter missing, added, changed, or two letters
swapped: one edit each), word by word, each word within its own allowance and the whole within
the answer's:

    letters in the word (or the whole answer)   edits forgiven
    1 to 4                                      none: "Iraq" is not "Iran", "US" is not "UK"
    5 to 8                                      1: "impunty" for "impunity"
    9 or more                                   2: "Jusitn Trudaeu" for "Justin Trudeau"

A typo is forgiven only when the typed words have as many words as an accepted answer, the
same numbers in the same order (digits are never a typo: "F-15" is not "F-16"), and they are
nearer to that answer than to any of the question's known wrong answers (its ``near_misses``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..quotes import normalise
from ..text_checks import without_unseen

ARTICLES = frozenset({"a", "an", "the"})
# (letters at least, edits forgiven), longest first: see the table above.
TYPO_ALLOWANCE = ((9, 2), (5, 1), (0, 0))

# A full stop or a comma between digits is part of the number ("2.5", "1,000"); an apostrophe
# or a full stop elsewhere joins what it stands between ("U.S." -> "US", "Iran's" -> "Irans").
_NUMBER_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
_JOINING = re.compile(r"['.]")  # after normalise(): curly apostrophes are straight
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


def typos_forgiven(letters: int) -> int:
    """How many edits an answer (or a word) of ``letters`` letters may have and still count."""
    return next(edits for least, edits in TYPO_ALLOWANCE if letters >= least)


@dataclass(frozen=True)
class Words:
    """A text as the matcher compares it: its words, folded, the articles left out."""

    words: tuple[str, ...]

    @property
    def key(self) -> str:
        """The words without the spaces between them: two answers that differ only in spaces
        are the same answer."""
        return "".join(self.words)

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(n.replace(",", "") for n in _NUMBERS.findall(" ".join(self.words)))


@lru_cache(maxsize=8192)  # the same few answers come again and again in playtests
def words_of(text: str) -> Words:
    # a zero-width space pasted inside a word must not split it in two
    text = normalise(without_unseen(text)).casefold()
    text = _NUMBER_MARK.sub(lambda m: "\0" if m.group() == "." else "", text)
    text = _JOINING.sub("", text)
    kept = "".join(ch if ch.isalnum() or ch == "\0" else " " for ch in text)
    words = kept.replace("\0", ".").split()
    # An article counts only in front of another word: "plan a" keeps its "a".
    without = tuple(w for i, w in enumerate(words)
                    if not (w in ARTICLES and i + 1 < len(words)))
    return Words(without or tuple(words))


@dataclass(frozen=True)
class Match:
    """What a typed answer was taken for."""

    accepted: str = ""  # the accepted answer it matched, as the author wrote it; "" for none
    edits: int = 0  # typos forgiven (0: the same answer, after normalisation)

    @property
    def right(self) -> bool:
        return bool(self.accepted)

    @property
    def typo(self) -> bool:
        return self.right and self.edits > 0


NO_MATCH = Match()


def match_answer(typed: str, accepted: tuple[str, ...], near_misses: tuple[str, ...] = (),
                 typos: bool = True) -> Match:
    """The accepted answer ``typed`` stands for, with how many typos were forgiven; NO_MATCH
    when it stands for none (or for one of the known wrong answers, ``near_misses``)."""
    return _match(typed, tuple(accepted), tuple(near_misses), typos)


@lru_cache(maxsize=8192)
def _match(typed: str, accepted: tuple[str, ...], near_misses: tuple[str, ...],
           typos: bool) -> Match:
    given = words_of(typed)
    if not any(ch.isalnum() for ch in given.key):
        return NO_MATCH  # only punctuation: no answer matches it
    for text in accepted:
        if words_of(text).key == given.key:
            return Match(text, 0)
    if not typos or any(words_of(text).key == given.key for text in near_misses):
        return NO_MATCH
    best: Match = NO_MATCH
    for text in accepted:
        edits = word_edits(given, words_of(text))
        if edits is not None and (not best.right or edits < best.edits):
            best = Match(text, edits)
    if not best.right:
        return NO_MATCH
    # Closer to (or as close to) a known wrong answer than to the right one: not a typo of it.
    if any(distance(given, words_of(text)) <= best.edits for text in near_misses):
        return NO_MATCH
    return best


def edits_between(a: str, b: str, score_cutoff: int | None = None) -> int:
    """Damerau-Levenshtein distance. rapidfuzz is imported on the first typo to weigh, not with
    the question kinds: compiling and validating a pack never needs it (it costs 5 MB)."""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b, score_cutoff=score_cutoff)


def word_edits(given: Words, answer: Words) -> int | None:
    """The edits between ``given`` and ``answer`` when they are forgivable typos, else None."""
    if len(given.words) != len(answer.words) or given.numbers != answer.numbers:
        return None
    total = 0
    for typed, wanted in zip(given.words, answer.words):
        edits = edits_between(typed, wanted, score_cutoff=typos_forgiven(len(wanted)) + 1)
        if edits > typos_forgiven(len(wanted)):
            return None
        total += edits
    return total if total <= typos_forgiven(len(answer.key)) else None


def distance(given: Words, other: Words) -> int:
    """Edits from ``given`` to ``other``, spaces aside."""
    return edits_between(given.key, other.key)
