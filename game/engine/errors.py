"""Typed errors the engine raises; the TUI and CLI turn them into words."""


class EngineError(Exception):
    """Base class for every error the engine raises on purpose."""


class WrongPhase(EngineError):
    """A call made when the story is not waiting for it (e.g. answer() while a choice is due)."""


class InvalidChoice(EngineError):
    """A choice index that is not on offer."""


class InvalidAnswer(EngineError):
    """A response of the wrong kind for the current question."""


class NotAllowed(EngineError):
    """A move the game's mode does not allow: a hint or a retry in exam mode, a second retry."""


class IncompatibleSave(EngineError):
    """A saved game that this version of the game or of the pack cannot resume."""
