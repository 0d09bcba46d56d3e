"""Messages up: widgets and screens say what the player did; the app alone calls the engine."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class ChoiceMade(Message):
    """The player picked the choice at ``index`` of the story's current choices."""

    def __init__(self, index: int, scene_id: str = "") -> None:
        super().__init__()
        self.index = index
        self.scene_id = scene_id  # the scene on screen, so a late key press cannot act twice


class AnswerGiven(Message):
    """The player submitted ``response`` to the current question."""

    def __init__(self, response: Any) -> None:
        super().__init__()
        self.response = response
        self.question_id = ""  # stamped by the question screen, so a late Enter cannot answer
        # the next question unseen


class StartGame(Message):
    """Start a new game of ``pack_id``, or resume its save."""

    def __init__(self, pack_id: str, resume: bool) -> None:
        super().__init__()
        self.pack_id = pack_id
        self.resume = resume


class Proceed(Message):
    """The player has read the feedback and wants what comes next."""
