"""Did-you-mean suggestions for names an author (or a user of --explain) mistyped."""

from __future__ import annotations

from typing import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' Did you mean X?' suffix, or '' when nothing is close."""
    from difflib import get_close_matches  # only when there is a mistake to explain

    close = get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
