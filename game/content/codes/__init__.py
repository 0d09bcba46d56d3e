"""Every diagnostic code in one table: its severity, what it means, and how to fix it.

As in Yarn Spinner's ``DiagnosticDescriptor`` table and Rust's ``--explain``: a ``Diagnostic``
checks its code and severity against this table when it is made, so a code missing from it fails
the first test that reaches it; a test runs one fixture per code and checks that it reports that
code; ``briefing validate --explain CODE`` prints an entry, and the tables of codes in
docs/authoring.md are generated from it (see ``render``).

The entries live in one module per section of the guide; this module puts them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Code:
    """One diagnostic code, written for the teacher who authors the scenes."""

    name: str
    severity: str  # what every diagnostic with this code is: "error" or "warning"
    meaning: str  # one line: what went wrong
    fix: str  # one line: what to do about it
    details: str = ""  # more on the causes, for --explain and the guide; paragraphs split by \n\n
    before: str = ""  # a short YAML example with the mistake in it...
    after: str = ""  # ...and the same example, fixed
    # validate's text output prints this many in full and the places of the rest on one line
    # (0: every one in full), for a check that can fire at many items of one pack at once
    fold_after: int = 0


@dataclass(frozen=True)
class Section:
    """The codes of one section of the authoring guide's list, in the order it shows them."""

    key: str  # names the section's generated table in docs/authoring.md
    title: str
    codes: tuple[Code, ...]


class UnknownCode(KeyError):
    """A code that is not in the table: a bug when the program reports it, a typo when a
    person asks --explain about it. The message says which."""

    def __str__(self) -> str:  # KeyError would show the message with quotes round it
        return str(self.args[0])


def _sections() -> tuple[Section, ...]:
    # Imported here, after Code is defined: each section's module builds its entries with it.
    from . import cues, files, glossary, keys, pack, questions, story, walkthroughs

    return tuple(Section(module.KEY, module.TITLE, module.CODES) for module in (
        files, keys, pack, story, questions, cues, glossary, walkthroughs))


SECTIONS = _sections()
CODES: Mapping[str, Code] = MappingProxyType(
    {code.name: code for section in SECTIONS for code in section.codes})


def lookup(name: str) -> Code:
    """The table's entry for ``name``; UnknownCode (a KeyError) when there is none."""
    try:
        return CODES[name]
    except KeyError:
        raise UnknownCode(f"the diagnostic code '{name}' is not in the table: add it to "
                          "game/content/codes/ with its meaning, fix and example") from None


def check_reported(name: str, severity: str) -> None:
    """Refuse a diagnostic whose code is not in the table, or whose severity is not the
    table's: either is a bug in the program, never a problem in an author's files."""
    code = lookup(name)
    if severity != code.severity:
        raise ValueError(f"'{name}' is reported as {severity}, but the table in "
                         f"game/content/codes/ says {code.severity}")
