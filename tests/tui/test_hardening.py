"""Odd terminals and hostile input: too small a terminal, NO_COLOR, markup and escapes typed or
pasted by a player or written in content, and saves that are broken or from another pack version."""

from __future__ import annotations

import json
import shutil

from rich.segment import Segment
from textual import events
from textual.geometry import Region

from game.classroom.identity import MAX_NAME, clean_name
from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.notebook import NotebookDialog
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen
from game.tui.screens.too_small import TooSmallScreen

from ..conftest import MINI
from .driver import play_to_debrief, play_until

SIZE = (80, 24)
HOSTILE = "[bold]x[/] [link=http://evil.example]y[/link] [/] \x1b[31mred\x1b[0m\x07 ../../etc"
SHOWN = "[bold]x[/] [link=http://evil.example]y[/link] [/] [31mred[0m ../../etc"


def lines_of(widget) -> list[list[Segment]]:
    return [list(strip) for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]


def text_of(widget) -> str:
    """What a widget puts on screen, line by line, as plain text."""
    return "\n".join("".join(s.text for s in line).rstrip() for line in lines_of(widget))


def screen_text(screen, selector: str = "*") -> str:
    return "\n".join(text_of(w) for w in screen.query(selector)
                     if w.display and w.size.area and not w.children)


def careful(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text.startswith("Report 40"))


# -- small terminals ---------------------------------------------------------------------------

async def test_a_small_terminal_asks_to_be_enlarged_and_the_game_comes_back(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        words = " ".join(text_of(app.screen.query_one("#enlarge")).split())
        assert "needs 60x20" in words and "50x16" in words and "larger" in words
        await pilot.press("enter")  # keys do not reach the title screen underneath
        await pilot.resize_terminal(59, 30)  # still too narrow: the size shown follows
        assert isinstance(app.screen, TooSmallScreen)
        assert "59x30" in text_of(app.screen.query_one("#enlarge"))
        await pilot.resize_terminal(100, 30)
        assert isinstance(app.screen, TitleScreen)
        assert app.story is None and [type(s) for s in app.screen_stack][-1] is TitleScreen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_shrinking_mid_question_keeps_the_question_and_the_typed_answer(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "4")  # new game, the questions, a digit typed
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await pilot.resize_terminal(50, 16)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("5", "enter")  # ignored while the game is covered
        await pilot.resize_terminal(60, 19)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        assert app.screen is question and question.query_one("#number").value == "4"
        assert app.focused is question.query_one("#number")
        assert app.story.state.answers == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.story.state.answers[0].response == 4


async def test_a_screen_change_while_covered_stays_under_the_request(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.resize_terminal(50, 16)
        app.back_to_title()  # as a timer or a reload would, while the request is shown
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("f1", "ctrl+n")  # no dialog opens behind it
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, TitleScreen)


# -- NO_COLOR ----------------------------------------------------------------------------------

def colours_on(screen) -> set[tuple[int, int, int]]:
    found = set()
    for widget in screen.walk_children(with_self=True):
        if not widget.display or not widget.size.area:
            continue
        for line in lines_of(widget):
            for segment in line:
                style = segment.style
                for colour in (style.color, style.bgcolor) if style else ():
                    if colour is not None and not colour.is_default:
                        found.add(tuple(colour.get_truecolor()))
    return found


async def wrong_answer_feedback(app, pilot) -> None:
    await pilot.press("enter", "enter", "9", "9", "enter", "enter")  # wrong, then the answer
    await pilot.pause()


async def test_no_color_leaves_only_greys_and_the_marks_still_tell(mini_pack, data_dir,
                                                                   monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        await wrong_answer_feedback(app, pilot)
        colours = colours_on(app.screen)
        assert colours and all(r == g == b for r, g, b in colours), colours
        feedback = text_of(app.screen.query_one("#feedback"))
        assert "✗ Not right" in feedback  # the verdict is in words and marks, not colour alone
        assert "Tradecraft" in text_of(app.screen.query_one("#scores"))


async def test_colours_are_there_without_no_color(mini_pack, data_dir, monkeypatch):
    """The other side of the test above, so that it can fail."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await wrong_answer_feedback(app, pilot)
        assert any(not r == g == b for r, g, b in colours_on(app.screen))


# -- literal input -----------------------------------------------------------------------------

async def paste(pilot, widget, text: str) -> None:
    widget.focus()
    widget.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_hostile_name_is_shown_and_saved_literally(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=(120, 30)) as pilot:
        await paste(pilot, app.screen.query_one("#name"), HOSTILE)
        await pilot.press("enter")  # New game
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        name = clean_name(SHOWN)  # control characters gone, cut to MAX_NAME, markup kept
        assert app.story.state.player == name and name.startswith("[bold]x[/] [link=")
        # the bar may cut the end of a long name; what it shows is the name as typed
        assert "Practice · [bold]x[/] [link=http://evil.example]y[/link] [/] [31mred" in text_of(
            app.screen.query_one("#who"))
        saves = list((data_dir / "saves").glob("*.json"))
        assert len(saves) == 1 and saves[0].parent == data_dir / "saves"
        assert json.loads(saves[0].read_text(encoding="utf-8"))["player"] == name
        assert "\x1b" not in saves[0].read_text(encoding="utf-8")
        await play_to_debrief(pilot, pick=careful)
        assert "Played by [bold]x[/] [link=http://evil.example]y[/link]" in screen_text(
            app.screen)


async def test_a_hostile_typed_answer_is_echoed_stored_and_debriefed_literally(mini_pack,
                                                                                data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen)
                         and s.presented.question.type == "short-text", pick=careful)
        box = app.screen.query_one("#text")
        await paste(pilot, box, HOSTILE)
        assert box.value == SHOWN  # the echo in the box: no escape character, markup as typed
        assert SHOWN in text_of(box)
        await pilot.press("enter")
        await pilot.pause()
        assert app.story.state.answers[-1].response == SHOWN
        if app.screen.stage == "retry-offered":
            await pilot.press("enter")  # no second try: the answer
        assert f"Your answer: {SHOWN}" in text_of(app.screen.query_one("#feedback"))
        await play_to_debrief(pilot, pick=careful)
        assert f"Your answer: {SHOWN}" in screen_text(app.screen)
        saved = (data_dir / "saves" / "mini.json").read_text(encoding="utf-8")
        assert SHOWN in [a["response"] for a in json.loads(saved)["answers"]]


async def test_a_huge_paste_is_cut_to_fit_and_nothing_breaks(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, app.screen.query_one("#name"), "[b]" * 40_000)  # 120,000 characters
        name = app.screen.query_one("#name").value
        assert 0 < len(name) <= MAX_NAME and name.startswith("[b][b]")
        await pilot.press("enter")
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen)
                         and s.presented.question.type == "short-text", pick=careful)
        await paste(pilot, app.screen.query_one("#text"), "a" * 100_000)
        await pilot.press("enter")
        await pilot.pause()
        assert app.story.state.answers[-1].response == "a" * 200


async def test_markup_in_content_is_shown_literally(tmp_path, data_dir):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    text = text.replace("The river has **risen**.", "The river has **risen**. [red]x[/] [/]")
    text = text.replace("text: Three villages flooded.", "text: \"Three [bold]villages[/] flooded.\"")
    text = text.replace("title: The river rises", "title: \"The river [blink]rises[/]\"")
    scenes.write_text(text, encoding="utf-8")
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.diagnostics]
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [result.pack])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app.screen)
        assert "The river has risen. [red]x[/] [/]" in shown  # Markdown bold works, markup not
        assert "The river [blink]rises[/]" in shown
        assert "Three [bold]villages[/] flooded." in shown
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NotebookDialog)
        assert "Three [bold]villages[/] flooded." in screen_text(app.screen)


# -- saves from another version, and broken saves ----------------------------------------------

async def saved_game_at_question(mini_pack, data_dir) -> dict:
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "5", "enter")
        await pilot.pause()
    return json.loads((data_dir / "saves" / "mini.json").read_text(encoding="utf-8"))


async def test_a_save_from_an_older_pack_version_resumes_when_its_scene_exists(mini_pack,
                                                                              data_dir):
    save = await saved_game_at_question(mini_pack, data_dir)
    # an earlier draft of the same edition (the same first number: another edition is refused,
    # tests/unit/test_resume_changed_pack.py)
    assert save["pack_version"] == mini_pack.manifest.version == "1.0"
    save["pack_version"] = "1.0-draft"
    (data_dir / "saves" / "mini.json").write_text(json.dumps(save), encoding="utf-8")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue is highlighted
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.presented.question.id == "q-day"
        assert [a.question for a in app.story.state.answers] == ["q-villages"]


async def test_a_save_whose_scene_is_gone_is_refused_and_a_new_game_starts(mini_pack, data_dir):
    save = await saved_game_at_question(mini_pack, data_dir)
    save["scene"] = "mon-removed"
    saves = data_dir / "saves"
    (saves / "mini.json").write_text(json.dumps(save), encoding="utf-8")
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        told = [n.message for n in app._notifications]
        assert any("'mon-removed' is no longer in the pack" in m and "New game" in m
                   for m in told), told
        assert (saves / "mini.old").exists() and not (saves / "mini.json").exists()
        menu = app.screen.query_one("#menu")
        assert [o.id for o in menu.options][0:2] == ["new", "help"]  # no dead Continue
        await pilot.press("enter")  # New game, without a question about replacing a save
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.story.state.answers == []


async def broken_save_is_kept_aside(mini_pack, data_dir, content: bytes) -> None:
    saves = data_dir / "saves"
    saves.mkdir(parents=True)
    (saves / "mini.json").write_bytes(content)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        told = " ".join(n.message for n in app._notifications)
        assert "The saved game cannot be used" in told and "mini.corrupt" in told
        assert (saves / "mini.corrupt").read_bytes() == content
        assert not (saves / "mini.json").exists()
        await pilot.press("enter")  # New game is the first and highlighted option now
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        assert json.loads((saves / "mini.json").read_text(encoding="utf-8"))["answers"] == []


async def test_a_truncated_save_is_kept_aside_and_explained(mini_pack, data_dir):
    save = json.dumps(await saved_game_at_question(mini_pack, data_dir / "first"))
    await broken_save_is_kept_aside(mini_pack, data_dir, save[:len(save) // 2].encode())


async def test_binary_garbage_in_a_save_is_kept_aside_and_explained(mini_pack, data_dir):
    await broken_save_is_kept_aside(mini_pack, data_dir, bytes(range(256)) * 8)
