"""The game engine: pure Python, no textual and no rich (an import contract checks it).

Everything outside the engine imports these names from ``game.engine``, never from its modules
(an import contract in pyproject.toml checks that too). They load on first use: a save store
that only needs ``GameState`` does not import the whole engine, and the first frame comes sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .conditions import holds
    from .debrief import (OLDER_VERSION_NOTE, Debrief, OtherReporting,
                          build_debrief, played_by)
    from .errors import (EngineError, IncompatibleSave, InvalidAnswer, InvalidChoice,
                         NotAllowed, WrongPhase)
    from .explore import authored_options, play, right_response, wrong_response
    from .grading import Grade, accepted_as, describe_response, grade, right_answer
    from .modes import MODE_NAMES, Mode
    from .practice import HINT_COST, HINT_MODES, RETRY_MODES, RETRY_SHARE, percent
    from .revisit import QUESTIONS_TO_REVISIT, decisions_to_revisit, questions_to_revisit
    from .scoring import Scorecard, available, scorecard, totals
    from .state import FORMAT_VERSION, MODES, AnswerRecord, DecisionRecord, GameState
    from .story import ChoiceOption, Phase, PresentedQuestion, Story, utc_now

_EXPORTS = {
    # playing: ink's host API (the scene, what is on offer, answer, choose, the phase)
    ".story": ["Story", "Phase", "ChoiceOption", "PresentedQuestion", "utc_now"],
    ".errors": ["EngineError", "IncompatibleSave", "InvalidAnswer", "InvalidChoice",
                "NotAllowed", "WrongPhase"],
    # the one state object, saved as JSON, and the records in it
    ".state": ["GameState", "AnswerRecord", "DecisionRecord", "FORMAT_VERSION", "MODES"],
    ".modes": ["Mode", "MODE_NAMES"],
    # what answers and decisions are worth
    ".grading": ["Grade", "grade", "right_answer", "describe_response", "accepted_as"],
    ".practice": ["HINT_COST", "HINT_MODES", "RETRY_MODES", "RETRY_SHARE", "percent"],
    ".scoring": ["Scorecard", "scorecard", "totals", "available"],
    ".conditions": ["holds"],
    # the debrief, and automatic play for the author's tools
    ".debrief": ["Debrief", "OtherReporting", "build_debrief", "played_by", "OLDER_VERSION_NOTE"],
    ".revisit": ["decisions_to_revisit", "questions_to_revisit", "QUESTIONS_TO_REVISIT"],
    ".explore": ["play", "right_response", "wrong_response", "authored_options"],
}
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
__getattr__ = lazy_exports(__name__, _EXPORTS)
