"""The debrief at 80x24: the summary on the first screen, the detail a key away and laid out as
it is reached, and saving it as Markdown or HTML through a dialog (a name offered, the format
from the ending or the choice, a question before replacing a file, a sentence for a bad path)."""

from __future__ import annotations

import random

import pytest

from game.debrief_html import debrief_html
from game.debrief_summary import ALL_RIGHT
from game.debrief_text import debrief_markdown
from game.engine import build_debrief, play, right_response, wrong_response
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.confirm import ConfirmDialog
from game.tui.screens.debrief import DebriefScreen, DetailPart
from game.tui.screens.save_debrief import SaveDebriefDialog
from game.tui.widgets.debrief_summary import DebriefSummary

from .driver import play_to_debrief, whole_debrief

SIZE = (80, 24)
CAREFUL_CALL = "Report 40 moved, and note the radio's 55"


def hasty(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text.startswith("Report 55"))


def careful(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text.startswith("Report 40"))


async def hasty_debrief(pilot) -> DebriefScreen:
    """New game, the hasty call, the villages and the order questions missed: the debrief."""
    await pilot.press("enter")
    await play_to_debrief(pilot, pick=hasty, right=lambda q: q.id not in ("q-villages", "q-order"))
    await pilot.pause()
    return pilot.app.screen


@pytest.fixture
def here(tmp_path, monkeypatch):
    """The current folder, where a file name without a path is saved: empty at first."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def summary_text(screen) -> str:
    return screen.query_one(DebriefSummary).text


async def test_the_summary_is_the_first_screen_with_what_to_revisit(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        assert isinstance(screen, DebriefScreen)
        summary = screen.query_one(DebriefSummary)
        assert summary.region.y >= 1 and summary.region.bottom <= SIZE[1] - 1  # all on screen
        shown = summary_text(screen)
        assert "Tradecraft −1 of 2 (−50%, Shaky) · Escalation risk 1, not graded" in shown
        assert "Ending: A shaky note" in shown
        assert "Decisions most worth revisiting (1 of 1 below the best call)" in shown
        assert "1. The river rises — 3 points below the best call" in shown
        assert f"A better call: {CAREFUL_CALL}" in shown
        assert "“Officials said 40 people were moved.”" in shown
        assert "Questions most worth revisiting (2 of 6 missed or partly right)" in shown
        lines = shown.splitlines()
        asks = [line for line in lines if line.startswith(("✗ ", "◐ "))]
        assert asks == ["✗ How many villages flooded? (0 of 1)", "✗ Put in order. (0 of 1)"]
        assert "  Right answer: 3 · Your answer: 10" in lines
        assert "  “flooding three villages”" in lines


async def test_a_player_with_nothing_to_revisit_reads_one_honest_line(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await play_to_debrief(pilot, pick=careful)
        shown = " ".join(summary_text(app.screen).split())
        assert ALL_RIGHT in shown and "better call" not in shown and "✗" not in shown


def finished_campaign(campaign, seed: int):
    rng = random.Random(seed)
    return play(campaign, lambda s: rng.randrange(len(s.choices)), seed=3,
                answer=lambda q, o: (wrong_response if rng.random() < .4 else right_response)(q, o))


@pytest.mark.parametrize("seed", [4, 5, 6])
async def test_the_campaigns_summary_fits_80x24_whatever_the_play(campaign, data_dir, seed):
    """The campaign's long choices and quotes are cut to fit; three decisions and at least
    two questions (where there are that many) stay on the first screen."""
    story = finished_campaign(campaign, seed)
    debrief = build_debrief(campaign, story.state)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(DebriefScreen(debrief, campaign.id))
        await pilot.pause()
        summary = app.screen.query_one(DebriefSummary)
        assert summary.region.bottom <= SIZE[1] - 1 and app.screen.area.scroll_y == 0
        shown = summary.text.splitlines()
        assert all(len(line) <= 76 for line in shown)
        numbered = [line for line in shown if line[:3] in ("1. ", "2. ", "3. ")]
        short = sum(1 for d in debrief.decisions if d.better is not None)
        assert len(numbered) == min(3, short)
        missed = sum(1 for q in debrief.questions if not q.correct)
        listed = len([line for line in shown if line.startswith(("✗ ", "◐ "))])
        assert listed >= min(2, missed)
        worth = len(summary.summary.questions)
        if listed < worth:  # the rest are counted, and where to find them said
            assert f"{worth - listed} more question" in summary.text
            assert "press D" in summary.text


async def test_the_detail_is_a_key_away_and_laid_out_as_it_is_reached(campaign, data_dir):
    story = finished_campaign(campaign, 4)
    debrief = build_debrief(campaign, story.state)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(DebriefScreen(debrief, campaign.id))
        await pilot.pause()
        screen = app.screen
        assert 0 < screen.laid_out < len(screen.parts)  # a little below the view, not all
        await pilot.press("d")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        first = screen.query(DetailPart).first()
        # the detail's first line at the top of the view (below its one-line margin)
        assert 0 <= first.virtual_region.y - screen.area.scroll_y <= 1 and screen.area.scroll_y
        assert first.source.startswith(f"## {campaign.scenes[story.state.scene].title}")
        assert story.state.scene == "end-overclaimed"  # the detail opens on the ending reached
        before = screen.laid_out
        for _ in range(6):
            await pilot.press("pagedown")
            await pilot.pause()
        assert screen.laid_out > before  # more laid out as the view comes near
        shown = await whole_debrief(pilot)  # End: every part, and the view at the end
        assert screen.laid_out == len(screen.parts)
        assert screen.area.scroll_y == screen.area.max_scroll_y
        assert shown.count("Right answer:") >= len(debrief.questions)
        assert "Your notebook" in shown
        await pilot.press("home")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert screen.area.scroll_y == 0


async def test_the_footer_and_the_help_name_the_debriefs_keys(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        shown = {binding.key: binding.description
                 for (_, binding, enabled, _) in screen.active_bindings.values()
                 if binding.show and enabled}
        assert shown["d"] == "Detail" and shown["s"] == "Save" and shown["t"] == "Title screen"
        await pilot.press("f1")
        await pilot.pause()
        from textual.widgets import Markdown

        help_text = app.screen.query_one(Markdown).source
        assert "At the debrief: **D** the detail" in help_text and "**S** save it" in help_text


# -- saving ----------------------------------------------------------------------------------

async def open_save(pilot) -> SaveDebriefDialog:
    await pilot.press("s")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, SaveDebriefDialog)
    return dialog


def name_box(dialog):
    return dialog.query_one("#save-name")


def problem_shown(dialog) -> str:
    return str(dialog.query_one("#save-problem").render())


async def test_save_as_markdown_with_the_name_offered(mini_pack, data_dir, here):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        dialog = await open_save(pilot)
        assert name_box(dialog).value == "debrief-mini.md"
        assert str(here) in str(dialog.query_one("#save-where").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # the dialog closed
        saved = here / "debrief-mini.md"
        assert saved.read_text(encoding="utf-8") == debrief_markdown(screen.debrief)
        assert any(n.message == f"Saved the debrief to {saved}" for n in app._notifications)


async def test_save_as_html_by_the_choice_or_the_name(mini_pack, data_dir, here):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, name="<script>**x**"),
                   [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        dialog = await open_save(pilot)
        assert name_box(dialog).value == "debrief-mini-script-x.md"
        await pilot.click("#format-html")  # the choice changes the name's ending
        await pilot.pause()
        assert name_box(dialog).value == "debrief-mini-script-x.html"
        await pilot.click("#save")
        await pilot.pause()
        page = (here / "debrief-mini-script-x.html").read_text(encoding="utf-8")
        assert page == debrief_html(screen.debrief)
        assert "&lt;script&gt;**x**" in page and "<script" not in page
        dialog = await open_save(pilot)
        await pilot.press(*"mine")  # the name offered is selected: typing replaces it
        assert name_box(dialog).value == "mine"
        await pilot.press("enter")  # no ending: the chosen format's is added
        await pilot.pause()
        assert (here / "mine.md").read_text(encoding="utf-8") == debrief_markdown(screen.debrief)
        dialog = await open_save(pilot)
        await pilot.press(*"notes.html")  # the ending picks the format
        await pilot.pause()
        assert dialog.query_one("#format-html").value
        await pilot.press("enter")
        await pilot.pause()
        assert (here / "notes.html").read_text(encoding="utf-8") == debrief_html(screen.debrief)


async def test_an_existing_file_is_replaced_only_when_the_player_says_so(mini_pack, data_dir,
                                                                          here):
    kept = here / "debrief-mini.md"
    kept.write_text("my own notes", encoding="utf-8")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        dialog = await open_save(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "debrief-mini.md is already in" in str(app.screen.query_one(".dialog-title")
                                                      .render())
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert app.screen is dialog and kept.read_text(encoding="utf-8") == "my own notes"
        assert problem_shown(dialog).startswith("Not saved: the file is kept as it was.")
        await pilot.click("#save")
        await pilot.pause()
        await pilot.press("y")  # replace it
        await pilot.pause()
        assert app.screen is screen
        assert kept.read_text(encoding="utf-8") == debrief_markdown(screen.debrief)


async def test_a_bad_path_or_a_read_only_folder_is_said_and_nothing_breaks(mini_pack, data_dir,
                                                                            here, monkeypatch):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await hasty_debrief(pilot)
        dialog = await open_save(pilot)
        name_box(dialog).value = "no-such-folder/x.md"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert problem_shown(dialog) == (f"There is no folder {here / 'no-such-folder'}. "
                                         "Check the name, or create the folder first.")

        import errno

        import game.debrief_file as debrief_file

        def read_only(path, text, mode=None):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

        monkeypatch.setattr(debrief_file, "atomic_write", read_only)
        name_box(dialog).value = "x.md"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert problem_shown(dialog).startswith(f"You cannot write in {here}: it is "
                                                "read-only for you.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    assert list(here.iterdir()) == []  # nothing written, ever


async def test_in_a_browser_the_debrief_is_a_download_never_a_file_on_the_server(
        mini_pack, data_dir, here, monkeypatch):
    """Under `briefing serve` the game runs on the teacher's computer: a student's Save hands
    the file to their browser, whatever path they type."""
    from game.tui.app import BriefingApp

    monkeypatch.setattr(BriefingApp, "is_web", property(lambda app: True))
    delivered = []
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    monkeypatch.setattr(app, "deliver_text", lambda file, **how: delivered.append(
        (file.read(), how)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await hasty_debrief(pilot)
        dialog = await open_save(pilot)
        assert "downloads to your browser" in str(dialog.query_one("#save-where").render())
        await pilot.press(*"../../home/teacher/.bashrc.html")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        [(text, how)] = delivered
        assert how["save_filename"] == ".bashrc.html" and how["mime_type"] == "text/html"
        assert text == debrief_html(screen.debrief)
        assert any(n.message == ".bashrc.html is downloading to your browser."
                   for n in app._notifications)
    assert list(here.iterdir()) == []
