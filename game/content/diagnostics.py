"""Diagnostics as data: the compiler reports problems instead of raising.

Every code, with its severity, meaning and example fix, is in the table in codes/.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable

from ..terminal_text import terminal_safe
from .severity import ERROR, WARNING
from .suggest import did_you_mean

__all__ = ["ERROR", "WARNING", "Diagnostic", "did_you_mean", "has_errors", "sort_key"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in an author's files, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        from .codes import check_reported  # the table; loaded with the first diagnostic made

        check_reported(self.code, self.severity)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message}"
        text = f"{text}\n    hint: {self.hint}" if self.hint else text
        return terminal_safe(text)  # a message may quote a file name or an author's text


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple:
    return (d.file, d.line, d.column, d.code)
