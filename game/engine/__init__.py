"""The game engine: pure Python, no textual and no rich (a test checks sys.modules).

The names below load on first use : a save store that only needs ``state`` and
``errors`` does not import the whole engine, and the game's first frame comes sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .debrief import Debrief, build_debrief
    from .errors import (
        EngineError,
        IncompatibleSave,
        InvalidAnswer,
        InvalidChoice,
        NotAllowed,
        WrongPhase,
    )
    from .grading import Grade, grade
    from .modes import Mode
    from .scoring import Scorecard, scorecard
    from .state import FORMAT_VERSION, GameState
    from .story import ChoiceOption, Phase, PresentedQuestion, Story

_EXPORTS = {
    ".debrief": ["Debrief", "build_debrief"],
    ".errors": ["EngineError", "IncompatibleSave", "InvalidAnswer", "InvalidChoice", "NotAllowed",
                "WrongPhase"],
    ".grading": ["Grade", "grade"],
    ".modes": ["Mode"],
    ".scoring": ["Scorecard", "scorecard"],
    ".state": ["FORMAT_VERSION", "GameState"],
    ".story": ["ChoiceOption", "Phase", "PresentedQuestion", "Story"],
}
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
__getattr__ = lazy_exports(__name__, _EXPORTS)
