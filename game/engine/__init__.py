"""The game engine: pure Python, no textual and no rich (a test checks sys.modules)."""

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
from .scoring import Scorecard, scorecard
from .state import FORMAT_VERSION, GameState
from .story import ChoiceOption, Phase, PresentedQuestion, Story

__all__ = [
    "ChoiceOption", "Debrief", "EngineError", "FORMAT_VERSION", "GameState", "Grade",
    "IncompatibleSave", "InvalidAnswer", "InvalidChoice", "NotAllowed", "Phase",
    "PresentedQuestion", "Scorecard", "Story", "WrongPhase", "build_debrief", "grade", "scorecard",
]
