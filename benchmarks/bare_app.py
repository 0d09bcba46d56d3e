"""Bare Textual apps: the floor the game's TUI rows in benchmarks/run.py are compared with.

    .venv/bin/python benchmarks/bare_app.py            # a Header, a few lines and a Footer
    .venv/bin/python benchmarks/bare_app.py --scenes   # a Markdown body and an OptionList; n: next

Nothing here imports the game: this is what any Textual program of the same shape costs.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Markdown, OptionList, Static

LINES = ("A bare Textual app: a Header, a few lines and a Footer.\n"
         "It imports Textual and nothing else, and reads no files.\n"
         "Press Ctrl+Q to quit.")

# A scene about as long as the campaign's (120-200 words, a heading, a short list).
PARAGRAPH = ("The watch officer reads you the latest report from the field. It names a town, a "
             "time and a count, and says who is claiming what; some of it is confirmed and some "
             "of it is not, and the difference matters for what you write next. ")


def scene_text(number: int) -> str:
    return (f"# Scene {number}\n\n{PARAGRAPH * 2}\n\n- the first fact of scene {number}\n"
            f"- the second fact\n- a claim, with its source\n\n{PARAGRAPH}")


def scene_options(number: int) -> list[str]:
    return [f"{i}. Choice {i} of scene {number}: say what you know and how you know it"
            for i in (1, 2, 3)]


class BareApp(App[None]):
    """What the first-frame row compares the title screen with."""

    TITLE = "bare"
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(LINES, markup=False)
        yield Footer()


class BareSceneApp(App[None]):
    """What the key → next scene row compares the game with: one key replaces a Markdown body
    and the options of an OptionList."""

    TITLE = "bare scenes"
    BINDINGS = [("n", "next", "Next"), ("ctrl+q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.number = 1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(scene_text(1), id="body")
        yield OptionList(*scene_options(1), id="options", markup=False)
        yield Footer()

    async def action_next(self) -> None:
        self.number += 1
        await self.query_one("#body", Markdown).update(scene_text(self.number))
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(scene_options(self.number))
        options.highlighted = 0


if __name__ == "__main__":
    (BareSceneApp() if "--scenes" in sys.argv[1:] else BareApp()).run()
