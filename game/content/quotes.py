"""Source quotes: normalise typography so an author's straight quotes match the article's curly ones."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHY = str.maketrans(
    {
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u00a0": " ",  # no-break space
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
    }
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Straighten quotes, expand the ellipsis, and fold every run of white space to one space."""
    text = text.translate(_TYPOGRAPHY).replace("\u2026", "...")
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)  # the same few answers come again and again in playtests
def fold_text(text: str) -> str:
    """Case, punctuation and spacing folded away, so 'Al-Omar ' matches 'al omar'."""
    text = normalise(text).casefold()
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(kept.split())


class SourceText:
    """A seed article, normalised once so many quotes can be checked against it cheaply."""

    def __init__(self, raw: str):
        self.raw = raw
        self.normalised = normalise(raw)

    def contains(self, quote: str) -> bool:
        wanted = normalise(quote)
        return bool(wanted) and wanted in self.normalised

    def closest_start(self, quote: str) -> str:
        """The longest leading part of the quote that is in the article, to show where it goes wrong."""
        wanted = normalise(quote)
        low, high = 0, len(wanted)
        while low < high:
            mid = (low + high + 1) // 2
            if wanted[:mid] in self.normalised:
                low = mid
            else:
                high = mid - 1
        return wanted[:low]
