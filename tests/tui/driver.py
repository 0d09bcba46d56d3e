"""Drive the game by keyboard the way a player would: only key presses, no calls into the engine.

The driver reads the screen's own data (what the player sees) to decide which keys to press.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from game.content.kinds.match import LETTERS
from game.engine import PresentedQuestion
from game.tui.screens.check import CheckScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.intro import IntroScreen
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen

from .keys import until_keys_open


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` as a terminal does when they arrive together (a paste, a fast typist, a
    slow machine): all queued at once, with no pause for the app between them, unlike
    ``pilot.press``, which waits for the app to go idle after each key."""
    send_keys(pilot, *keys)
    await until_keys_applied(pilot)


def send_keys(pilot, *keys: str) -> None:
    """Queue ``keys`` at once, as ``burst`` does, and return before the app has read any."""
    driver = pilot.app._driver
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)


async def until_screen(pilot, screen_type, turns: int = 500):
    """The screen once it is a ``screen_type`` (a game started from a scene switches to it after
    the first frame), shown and taking keys."""
    for _ in range(turns):
        if isinstance(pilot.app.screen, screen_type):
            break
        await pilot.pause()
    await until_keys_open(pilot)
    assert isinstance(pilot.app.screen, screen_type), pilot.app.screen
    return pilot.app.screen


async def until_keys_applied(pilot, turns: int = 500) -> None:
    """Wait until the app has applied (or dropped) every key sent and shows what they did."""
    app = pilot.app
    for _ in range(turns):
        await pilot.pause()
        if not (getattr(app, "applying", False) or getattr(app, "typed", None)):
            break
    await until_keys_open(pilot)


async def answer_question(pilot, presented: PresentedQuestion, right: bool = True) -> None:
    """Answer the question on screen with keys: the right answer, or a wrong one."""
    await ANSWER_KEYS[presented.question.type](pilot, presented.question,
                                               list(presented.options), right, presented)
    await pilot.pause()


async def single_choice(pilot, q, options, right, presented) -> None:
    wanted = q.answer if right else next(o for o in options if o != q.answer)
    await pilot.press(str(options.index(wanted) + 1))


async def true_false(pilot, q, options, right, presented) -> None:
    await pilot.press("t" if q.answer == right else "f")


async def numeric(pilot, q, options, right, presented) -> None:
    value = q.answer if right else q.answer + q.tolerance + 7
    await pilot.press(*f"{value:g}", "enter")


async def short_text(pilot, q, options, right, presented) -> None:
    await pilot.press(*(q.answer if right else "no idea"), "enter")


async def multiple_select(pilot, q, options, right, presented) -> None:
    wanted = set(q.answers) if right else {o for o in options if o not in q.answers}
    for index, option in enumerate(options):
        if option in wanted:
            await pilot.press("space")
        if index < len(options) - 1:
            await pilot.press("down")
    await pilot.press("enter")


async def timeline(pilot, q, options, right, presented) -> None:
    target = list(q.order) if right else list(reversed(q.order))
    await sort_timeline(pilot, options, target)
    await pilot.press("enter")


async def forecast(pilot, q, options, right, presented) -> None:
    """The likelihood nearest the outcome ("right"), or the opposite extreme, by its number."""
    wanted = "almost certain" if q.outcome == right else "almost no chance"
    await pilot.press(str(options.index(wanted) + 1))


async def match(pilot, q, options, right, presented) -> None:
    """A letter for each item in turn (the list moves on by itself), then Enter."""
    answer = {p.left: p.right for p in q.pairs}
    rights = [answer[item] for item in options]
    if not right:
        rights = rights[1:] + rights[:1]
    await pilot.press("home", *[LETTERS[presented.targets.index(r)] for r in rights],
                      "enter")


# One entry per question kind (tests/unit/test_question_kinds.py checks that none is missing).
ANSWER_KEYS = {
    "single-choice": single_choice, "true-false": true_false, "numeric": numeric,
    "short-text": short_text, "multiple-select": multiple_select, "timeline": timeline,
    "match": match, "forecast": forecast,
}


async def sort_timeline(pilot, current: list[str], target: list[str]) -> None:
    """Selection sort with the widget's move keys: bring each event up to its place."""
    current = list(current)
    for place, item in enumerate(target):
        index = current.index(item)
        await pilot.press("home", *["down"] * index)
        while index > place:
            await pilot.press("u")
            current[index - 1], current[index] = current[index], current[index - 1]
            index -= 1


async def step(pilot, pick=lambda screen: 0, right=lambda q: True, settle=True) -> None:
    """One move, whatever the screen: answer, go on, choose, or close a dialog."""
    if settle:
        await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, CheckScreen):
        await answer_check_item(pilot, screen)
    elif isinstance(screen, QuestionScreen):
        if screen.answered:
            await pilot.press("enter")
        else:
            await answer_question(pilot, screen.presented, right(screen.presented.question))
    elif isinstance(screen, SceneScreen):
        decide = screen.scene.is_decision and not screen.questions_waiting
        if decide:  # a decision: its number highlights the choice, Enter takes it
            await pilot.press(str(pick(screen) + 1), "enter")
        else:
            await pilot.press("enter")
    elif isinstance(screen, DebriefScreen):
        raise AssertionError("already at the debrief")
    else:  # a dialog: decision feedback
        await pilot.press("enter")


async def play_until(pilot, condition, pick=lambda screen: 0, right=lambda q: True,
                     limit=400) -> list[str]:
    """Play until ``condition(screen)``; returns the scene ids seen on scene screens."""
    seen: list[str] = []
    for _ in range(limit):
        await pilot.pause()
        screen = pilot.app.screen
        if condition(screen):
            return seen
        if isinstance(screen, SceneScreen) and (not seen or seen[-1] != screen.scene.id):
            seen.append(screen.scene.id)
        await step(pilot, pick, right, settle=False)
    raise AssertionError(f"condition not met after {limit} steps; on {pilot.app.screen!r}")


async def play_to_debrief(pilot, pick=lambda screen: 0, right=lambda q: True) -> list[str]:
    return await play_until(pilot, lambda screen: isinstance(screen, DebriefScreen), pick, right)


async def whole_debrief(pilot) -> str:
    """Everything the debrief screen shows, the summary and all of the detail (End lays out
    what is not yet), as plain text on one line: rendered, as the player reads it."""
    from textual.geometry import Region

    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    await pilot.press("end")
    for _ in range(len(screen.parts)):  # a batch of parts a refresh
        await pilot.pause()
        if screen.laid_out == len(screen.parts):
            break
    assert screen.laid_out == len(screen.parts)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()  # End scrolls smoothly: to its end, first
    texts = []
    for widget in screen.query("#debrief > *"):
        lines = widget.render_lines(Region(0, 0, *widget.outer_size))
        texts += ["".join(segment.text for segment in line) for line in lines]
    return " ".join(" ".join(texts).split())


async def new_game(pilot) -> None:
    """New game from the title screen, then on past the pack's intro and its pre-check (if it
    has one, answered right) to the first scene."""
    await pilot.press("enter")
    await pilot.pause()
    if isinstance(pilot.app.screen, IntroScreen):
        await pilot.press("enter")
        await pilot.pause()
    await answer_check(pilot)


async def answer_check_item(pilot, screen: CheckScreen, right: bool = True) -> None:
    """Answer the check item on screen (once: the next item replaces it in place)."""
    if screen.answered:
        await pilot.pause()
        return
    await until_keys_open(pilot)
    await answer_question(pilot, screen.presented, right)


async def answer_check(pilot, right: bool = True, limit: int = 200) -> None:
    """Answer a pre- or post-check on screen, item by item, until the game goes on past it."""
    for _ in range(limit):
        await pilot.pause()
        screen = pilot.app.screen
        if not isinstance(screen, CheckScreen):
            return
        await answer_check_item(pilot, screen, right)
    raise AssertionError("still on the check")


def burst_keys(presented: PresentedQuestion, response) -> list[str]:
    """Every key that gives ``response`` to the question on screen, Enter included where the
    kind needs it, to be sent in one burst."""
    return BURST_KEYS[presented.question.type](presented, response)


def timeline_keys(presented, order) -> list[str]:
    """Selection sort with the widget's move keys, as sort_timeline does, but as one list."""
    keys, current = [], list(presented.options)
    for place, item in enumerate(order):
        index = current.index(item)
        keys += ["home", *["down"] * index, *["u"] * (index - place)]
        current.insert(place, current.pop(index))
    return keys + ["enter"]


def ticks_keys(presented, picked) -> list[str]:
    keys = []
    for index, option in enumerate(presented.options):
        if option in picked:
            keys.append("space")
        if index < len(presented.options) - 1:
            keys.append("down")
    return keys + ["enter"]


# One entry per question kind (tests/unit/test_question_kinds.py checks that none is missing).
BURST_KEYS = {
    "single-choice": lambda p, r: [str(p.options.index(r) + 1)],
    "true-false": lambda p, r: ["t" if r else "f"],
    "numeric": lambda p, r: [*f"{r:g}", "enter"],
    "short-text": lambda p, r: [*r, "enter"],
    "multiple-select": ticks_keys,
    "timeline": timeline_keys,
    "match": lambda p, r: ["home", *[LETTERS[p.targets.index(r[item])]
                                     for item in p.options], "enter"],
    "forecast": lambda p, r: [str(p.options.index(r) + 1)],
}
