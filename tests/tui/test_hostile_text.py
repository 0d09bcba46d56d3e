"""Issue 13, finding 7 in the TUI: a pack whose title and role hold escape sequences written
as YAML escapes cannot drive the terminal from the title screen (its cover is read before the
compiler refuses the pack), and the game does not start it."""

from __future__ import annotations

from game.session import Settings
from game.terminal_text import TERMINAL_CONTROL
from game.tui.app import make_app

from ..content.test_escaped_controls import PLACES, hostile_copy

SIZE = (80, 24)


def screen_text(app) -> str:
    """Every character the screen would draw, and the titles the app and screen hold."""
    strips = app.screen._compositor.render_strips()
    return "\n".join([app.title, app.sub_title, app.screen.title or "",
                      app.screen.sub_title or "", *(strip.text for strip in strips)])


async def test_the_title_screen_shows_no_control_character_from_a_pack(tmp_path, data_dir):
    hostile = hostile_copy(tmp_path, *((file, old, new) for file, old, new in PLACES))
    app = make_app(Settings(data_dir=data_dir, seed=1, blink=False), folders=[hostile],
                   strict=True)  # as `briefing play --pack FOLDER` makes it
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "The Flood]0;pwned" in text and "River analyst" in text
        assert not TERMINAL_CONTROL.search(text), repr(text)
        await app.workers.wait_for_complete()
        await pilot.pause()
    # the compiler refused the pack: the game ends before it starts, and the CLI prints why
    assert app.return_code == 1 and app.story is None
