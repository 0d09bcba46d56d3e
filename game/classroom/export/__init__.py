"""`briefing export`: a pack's recall questions for an LMS quiz bank, in QTI 2.1, Moodle XML or
GIFT. Each question kind maps its question to a neutral item (game/content/kinds/lms.py); the
bank (bank.py) adds the feedback and lists what no LMS takes; each writer renders the bank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from .bank import Bank, BankItem, LeftOut, build_bank
from .gift import write_gift
from .moodle_xml import write_moodle_xml
from .qti import write_qti

if TYPE_CHECKING:
    from ...content.models import Pack

Writer = Callable[[Bank], "tuple[Union[str, bytes], tuple[LeftOut, ...]]"]
# format name: (writer, the file name's usual ending)
FORMATS: dict[str, tuple[Writer, str]] = {
    "qti": (write_qti, ".zip"),
    "moodle-xml": (write_moodle_xml, ".xml"),
    "gift": (write_gift, ".gift.txt"),
}


@dataclass(frozen=True)
class Exported:
    content: Union[str, bytes]  # bytes for a zip (QTI)
    bank: Bank
    left_out: tuple[LeftOut, ...]  # questions this format could not take

    @property
    def written(self) -> int:
        return len(self.bank.items) - len(self.left_out)

    @property
    def questions(self) -> int:
        """The pack's questions, exported or not (decisions aside)."""
        return len(self.bank.items) + len(self.bank.left_out)


def export(pack: Pack, format: str) -> Exported:
    bank = build_bank(pack)
    content, left_out = FORMATS[format][0](bank)
    return Exported(content, bank, left_out)


__all__ = ["Bank", "BankItem", "Exported", "FORMATS", "LeftOut", "build_bank", "export"]
