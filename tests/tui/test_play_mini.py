"""The TUI played by keyboard on the small fixture pack: every question widget, saves, resume."""

from __future__ import annotations

import json
import shutil

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.notebook import NotebookDialog
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from ..conftest import MINI
from .driver import answer_question, new_game, play_to_debrief, play_until

SIZE = (80, 24)


def careful(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text.startswith("Report 40"))


def hasty(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text == "Report 55 moved")


async def test_title_to_debrief_by_keyboard_all_right(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("enter")  # New game
        seen = await play_to_debrief(pilot, pick=careful)
        assert seen == ["mon-alarm", "tue-wrap"]
        card = app.story.scorecard()
        assert (card.percent, card.grade) == (100.0, "A")
        markdown = app.screen.markdown
        assert "A sound note" in markdown and "Overall: 100%, grade A" in markdown


async def test_wrong_answers_and_the_other_branch(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        seen = await play_to_debrief(pilot, pick=hasty, right=lambda q: False)
        assert seen == ["mon-alarm", "tue-radio", "tue-wrap"]
        assert app.story.state.visited[-1] == "end-weak"
        recall = app.story.scorecard().track("recall")
        assert recall.earned == 0 and recall.available == 7


async def test_every_answer_and_decision_is_autosaved(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # new game, then go to the questions
        await pilot.pause()
        await answer_question(pilot, app.screen.presented)
        save = json.loads((data_dir / "saves" / "mini.json").read_text())
        assert [a["question"] for a in save["answers"]] == ["q-villages"]
        assert save["question_index"] == 1


async def test_continue_after_quit_resumes_at_the_same_question(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        await answer_question(pilot, app.screen.presented)
        await pilot.press("enter")
        await pilot.pause()
        before = app.screen.presented
        await pilot.press("ctrl+q")
    again = make_app(Settings(data_dir=data_dir, blink=False), [mini_pack])
    async with again.run_test(size=SIZE) as pilot:
        menu = again.screen.query_one("#menu")
        assert [o.prompt for o in menu.options][:2] == ["New game", "Continue where you left off"]
        assert menu.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen)
        assert again.screen.presented == before  # same question, same option order


async def test_new_game_over_a_save_asks_first(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        await answer_question(pilot, app.screen.presented)
    again = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "home", "enter")  # past the name form: New game
        await pilot.pause()
        assert "replaced" in str(again.screen.query_one(".dialog-title").render())
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert isinstance(again.screen, TitleScreen)
        assert len(json.loads((data_dir / "saves" / "mini.json").read_text())["answers"]) == 1


async def test_corrupt_save_is_explained_and_a_new_game_can_start(mini_pack, data_dir):
    saves = data_dir / "saves"
    saves.mkdir(parents=True)
    (saves / "mini.json").write_text('{"format_version": 1, "pack_id": "mi')
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue is highlighted
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert any("cannot be used" in n.message for n in app._notifications)
        assert (saves / "mini.corrupt").exists()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_notebook_shows_facts_with_status_and_source(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NotebookDialog)
        text = " ".join(str(s.render()) for s in app.screen.query(".fact, .fact-source"))
        assert "CLAIMED by local radio" in text and "A local radio station claimed" in text
        assert "REPORTED  Three villages flooded." in text  # no status: the article's voice
        key = str(app.screen.query_one(".status-key").render())
        assert "REPORTED: the article says so, naming no source." in key
        assert "CONFIRMED: a primary source, named, bears it out." in key
        await pilot.press("escape")
        assert isinstance(app.screen, SceneScreen)


async def test_timeline_keys_reorder_events(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen)
                         and s.presented.question.type == "timeline", pick=careful)
        widget = app.screen.query_one("#answer")
        start = list(widget.items)
        await pilot.press("home", "d")
        assert widget.items == [start[1], start[0], start[2]]
        assert widget.highlighted == 1


async def test_resizing_mid_question_loses_nothing(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.press("4")  # typed into the number box
        await pilot.resize_terminal(120, 40)
        await pilot.resize_terminal(80, 24)
        await pilot.press("enter")
        await pilot.pause()
        assert app.story.state.answers[0].response == 4


async def test_ctrl_q_quits_from_inside_a_dialog(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit, "Ctrl+Q in a dialog must quit"


async def test_a_repeated_submit_does_not_answer_the_next_question(mini_pack, data_dir):
    from game.tui.messages import AnswerGiven

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        box = app.screen.query_one("#answer")
        box.post_message(AnswerGiven(3))  # Enter pressed twice before the first was handled
        box.post_message(AnswerGiven(3))
        await pilot.pause()
        assert [a.question for a in app.story.state.answers] == ["q-villages"]
        assert not [n for n in app._notifications if "cannot be used" in n.message]


async def test_page_down_scrolls_a_long_scene(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        body = app.screen.query_one("#body")
        assert body.max_scroll_y > 0, "the facts below the text must be reachable"
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0


async def test_a_long_notebook_scrolls_by_keyboard(campaign, data_dir):
    from .driver import step

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        while len(app.story.state.notebook) < 8:
            await step(pilot)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        area = app.screen.query_one("#facts VerticalScroll")
        assert area.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert area.scroll_y > 0


async def test_a_scenes_glossary_joins_the_notebook_when_the_scene_is_reached(tmp_path, data_dir):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    scenes.write_text(scenes.read_text(encoding="utf-8").replace(
        "    title: Wrap up\n",
        "    title: Wrap up\n    glossary:\n      - {term: wrap-up, meaning: The day's last note.}\n"),
        encoding="utf-8")
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.diagnostics]

    async def glossary_on_screen(pilot) -> str:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NotebookDialog)
        await pilot.press("g")
        shown = " ".join(str(s.render()) for s in pilot.app.screen.query(".glossary-entry"))
        await pilot.press("escape")
        return shown

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [result.pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        before = await glossary_on_screen(pilot)
        assert "NGO" in before and "wrap-up" not in before
        await play_until(pilot, lambda s: isinstance(s, SceneScreen) and s.scene.id == "tue-wrap",
                         pick=careful)
        after = await glossary_on_screen(pilot)
        assert "NGO" in after and "wrap-up — The day's last note." in after


async def test_t_at_the_debrief_goes_back_to_the_title_screen(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await play_to_debrief(pilot, pick=careful)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
