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
        self.retry = False  # stamped too: a second try at the question just answered
        self.check = ""  # stamped by the check screen: the stage of the check item answered


class HintAsked(Message):
    """The player asked for the hint of the question on screen."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class StartGame(Message):
    """Start a new game of ``pack_id``, or resume its save, as the player named (both may be
    empty: someone playing on their own)."""

    def __init__(self, pack_id: str, resume: bool, class_code: str = "", name: str = "") -> None:
        super().__init__()
        self.pack_id = pack_id
        self.resume = resume
        self.class_code = class_code
        self.name = name


class Proceed(Message):
    """The player has read the feedback and wants what comes next."""
