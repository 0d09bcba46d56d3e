"""The game session, between the engine and the two front ends (the TUI and plain mode): the
settings a game is played with, and the one object that decides who plays, where it is saved,
resume codes, result files, new game and Continue. Imports no Textual, no Rich, and nothing
of game.tui or game.plain."""

from __future__ import annotations

from .session import (
    Autosaved,
    GameSession,
    HandedIn,
    NewGame,
    Resumed,
    SavedGame,
    StillLocked,
)
from .settings import Settings

__all__ = ["Autosaved", "GameSession", "HandedIn", "NewGame", "Resumed", "SavedGame",
           "Settings", "StillLocked"]
