"""A fact's status: how sure the article's reader can be, and the honest label for it.

One table for every place that shows a status (the notebook, a scene's new facts, plain mode,
the debrief, the handout): a news article's claim made in its own voice is what the article
*reports*, not a confirmed fact; a fact is *confirmed* only when the author names the primary
source that bears it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Protocol


@dataclass(frozen=True)
class Status:
    """One status a fact may have, and the attribution fields it needs and shows."""

    name: str
    meaning: str  # for authors: when to use it
    key: str  # for players, in the notebook's key: what the label says about the fact
    needs: tuple[str, ...] = ()  # fields it must have
    shows: tuple[str, ...] = ()  # fields its label shows (the ones it needs, and more)


STATUSES: Mapping[str, Status] = MappingProxyType({s.name: s for s in (
    Status("reported", "the article states it in its own voice and names no source",
           "the article says so, naming no source"),
    Status("claimed", "the article attributes it to someone, named in `claimed_by`",
           "the article says who says so", needs=("claimed_by",), shows=("claimed_by",)),
    Status("disputed", "someone contradicts it, or the article contradicts itself: "
           "`claimed_by` says whose claim it is, `disputed_by` who or what disputes it",
           "someone, or the article itself, says otherwise",
           needs=("claimed_by",), shows=("claimed_by", "disputed_by")),
    Status("confirmed", "a primary source, named in `confirmed_by`, bears it out",
           "a primary source, named, bears it out",
           needs=("confirmed_by",), shows=("confirmed_by",)),
)})
FACT_STATUSES = tuple(STATUSES)
DEFAULT_STATUS = "reported"
ATTRIBUTIONS = ("claimed_by", "disputed_by", "confirmed_by")  # every field a status may show


class Attributed(Protocol):
    """What a label needs of a fact (the Fact model; kept apart so models can import this)."""

    status: str
    claimed_by: str | None
    disputed_by: str | None
    confirmed_by: str | None


def fact_label(fact: Attributed) -> str:
    """The status as players read it: "REPORTED", "CLAIMED by US intelligence", "DISPUTED
    claim by Iranian state TV, contradicted by the US government", "CONFIRMED by <source>"."""
    word = fact.status.upper()
    claimed, disputed = clean(fact.claimed_by), clean(fact.disputed_by)
    if fact.status == "claimed" and claimed:
        return f"{word} by {claimed}"
    if fact.status == "disputed":
        parts = [f"claim by {claimed}"] if claimed else []
        parts += [f"contradicted by {disputed}"] if disputed else []
        return " ".join([word, ", ".join(parts)]).strip()
    if fact.status == "confirmed" and clean(fact.confirmed_by):
        return f"{word} by {clean(fact.confirmed_by)}"
    return word


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def status_key() -> tuple[str, ...]:
    """One line per status, "REPORTED: the article says so, naming no source.", for the
    notebook's key to its labels."""
    return tuple(f"{s.name.upper()}: {s.key}." for s in STATUSES.values())
