"""The accessible web page's HTML: plain mode's turns (game/plain/turns.py) as a semantic page,
with headings, paragraphs and lists for what the game says (in a polite live region), and one
form per prompt with one labelled field: a text box, or a fieldset of radio buttons (check
boxes when several may be picked) with the prompt as its legend. Every piece of text from the
game, the pack or the player is escaped here (Jinja's autoescape), never trusted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..classroom.serve_limits import ACCESSIBLE_PATH
from .text import Heading
from .turns import Turn

TEMPLATES = Path(__file__).resolve().parent / "web_templates"
PATH = ACCESSIBLE_PATH  # the page's address on `briefing serve`
TURN_PATH = f"{PATH}/turn"
NEW_PATH = f"{PATH}/new"
# The typed words that work at any prompt, as buttons: a radio group cannot type them.
COMMAND_BUTTONS = (("n", "Notebook"), ("h", "Help"), ("hint", "Hint (costs points)"),
                   ("q", "Save and stop"))

_environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                                  autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                  undefined=jinja2.StrictUndefined)


@dataclass(frozen=True)
class Block:
    """One piece of what the game said: a heading (level 2 or 3), a paragraph, or a list."""

    kind: str  # "h2", "h3", "p" or "ul"
    text: str = ""
    items: tuple[str, ...] = ()


def blocks(said: tuple[str, ...]) -> list[Block]:
    """Lines as the page's blocks: a heading line as its heading, runs of "- " lines as a
    list, every other line a paragraph (blank lines only separate)."""
    found: list[Block] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            found.append(Block("ul", items=tuple(items)))
            items.clear()

    for line in said:
        level = line.level if isinstance(line, Heading) else None
        text = line.strip()
        if text.startswith("- ") and level is None:
            items.append(text[2:])
            continue
        close_list()
        if not text:
            continue
        found.append(Block(f"h{level}", text) if level else Block("p", text))
    close_list()
    return found


def field_kind(turn: Turn) -> str:
    """How the prompt is answered: "text", "radio", "checkbox", or "button" (one pick)."""
    choices = turn.choices
    if choices is None:
        return "text"
    if len(choices.labels) == 1:
        return "button"
    return "checkbox" if choices.several else "radio"


def render(template: str, **context) -> str:
    return _environment.get_template(template).render(path=PATH, **context)


def turn_page(turn: Turn, session_id: str, note: str = "") -> str:
    """The page of one turn: what the game said, then the form that answers its prompt."""
    commands = [(word, label) for word, label in COMMAND_BUTTONS if word in turn.commands]
    choices = turn.choices
    picks = list(zip(choices.labels, choices.lines)) if choices else []
    said = blocks(turn.said)
    title = next((b.text for b in said if b.kind in ("h2", "h3")), turn.prompt or "The end")
    return render("plain_turn.html", turn=turn, blocks=said, session=session_id, title=title,
                  recap=blocks(turn.recap),
                  kind=field_kind(turn), picks=picks, commands=commands, note=note,
                  action=TURN_PATH)


def start_page(note: str = "") -> str:
    return render("plain_start.html", note=note, action=NEW_PATH)


def notice_page(title: str, words: str, again: bool = True) -> str:
    """A short page for what went wrong (an unknown game, a full server, a bad request)."""
    return render("plain_notice.html", title=title, words=words, again=again)
