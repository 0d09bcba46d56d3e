"""Classroom play by keyboard: the name on the title screen, practice retries and hints, exam
without feedback, the presenter's reveal key, saves per student, and the result file."""

from __future__ import annotations

import json

from game.classroom.results import read_results
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.feedback import FeedbackDialog
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.screens.title import TitleScreen

from .driver import answer_question, play_to_debrief, play_until, whole_debrief

SIZE = (80, 24)


def text_of(screen, selector: str) -> str:
    return " ".join(str(w.render()) for w in screen.query(selector))


def careful(screen) -> int:
    return next(i for i, c in enumerate(screen.choices) if c.text.startswith("Report 40"))


async def to_first_question(pilot) -> QuestionScreen:
    await play_until(pilot, lambda s: isinstance(s, QuestionScreen))
    return pilot.app.screen


async def test_the_title_screen_asks_a_class_student_for_a_name(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, class_code="7B", blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused.id == "name"  # the class is known; the name is asked first
        assert not app.screen.query("#class-code")
        await pilot.press("enter")  # no name yet
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert any("Type your name" in n.message for n in app._notifications)
        await pilot.press(*"Ana Lee", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        state = app.story.state
        assert (state.class_code, state.player, state.mode) == ("7B", "Ana Lee", "practice")
        assert text_of(app.screen, "#who") == "Practice · Ana Lee · class 7B"


async def test_someone_on_their_own_just_presses_enter(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert {w.id for w in app.screen.query("Input")} == {"class-code", "name"}
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.story.state.player == ""
        assert not app.screen.query_one("#who").display  # nothing to say: practice, no name
    assert not (data_dir / "results").exists()  # no name, no result file


async def test_a_name_with_markup_and_control_characters_is_shown_literally(mini_pack, data_dir):
    name = "[bold]boom[/] \x1b[31m../../x\x07" + "y" * 10_000
    app = make_app(Settings(data_dir=data_dir, class_code="[i]7B", name=name,
                            blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert "Playing as [bold]boom[/] [31m../../x" in text_of(app.screen, "#seat")
        await pilot.press("enter")
        await pilot.pause()
        kept = app.story.state.player
        assert kept.startswith("[bold]boom[/] [31m../../x") and len(kept) == 80
        assert "\x1b" not in kept and "\x07" not in kept
        assert text_of(app.screen, "#who").startswith("Practice · [bold]boom[/] [31m../../x")
        await play_to_debrief(pilot, pick=careful)
        shown = await whole_debrief(pilot)
        assert "Played by [bold]boom[/]" in shown and "class [i]7B" in shown
    (result,) = read_results(data_dir / "results").results
    assert result.document.name == kept
    assert result.path.resolve().is_relative_to((data_dir / "results").resolve())


async def test_practice_offers_a_second_try_for_half_the_points(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = await to_first_question(pilot)
        await pilot.press("4", "enter")  # wrong: 3 villages
        await pilot.pause()
        feedback = text_of(screen, "#feedback")
        assert "Not right" in feedback and "try again for up to 0.5 points" in feedback
        assert "Answer: 3" not in feedback  # the answer waits, or the retry would be free
        await pilot.press("a")
        await pilot.pause()
        assert screen.query_one("#answer").display and not screen.answered
        await pilot.press("backspace", "3", "enter")
        await pilot.pause()
        feedback = text_of(screen, "#feedback")
        assert "Right on the second try: 0.5 of 1 point" in feedback and "Answer: 3" in feedback
        await pilot.press("a")  # one second try only
        await pilot.pause()
        assert not screen.query_one("#answer").display and len(app.story.state.answers) == 2
        assert [(a.attempt, a.points) for a in app.story.state.answers] == [(1, 0), (2, 0.5)]
        assert "Recall 0.5 of 1" in text_of(screen, "#scores")


async def test_going_on_without_a_retry_shows_the_answer(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = await to_first_question(pilot)
        await pilot.press("4", "enter", "enter")
        await pilot.pause()
        assert "Answer: 3" in text_of(screen, "#feedback")
        first = screen.presented.question.id
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.story.state.answers) == 1
        # the game moved on: another question (same screen, shown in place) or a scene
        assert getattr(app.screen, "presented", None) is None or (
            app.screen.presented.question.id != first and not app.screen.answered)


async def test_a_hint_shows_its_cost_and_costs_it(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = await to_first_question(pilot)
        assert screen.check_action("hint", ("f2",))  # a number box: F2, since h would be typed
        await pilot.press("f2")
        await pilot.pause()
        hint = text_of(screen, "#hint")
        assert "Count the villages" in hint and "75% of its points" in hint
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "Right: 0.75 of 1 point" in text_of(screen, "#feedback")
        assert app.story.state.hints == ["q-villages"]
        saved = json.loads((data_dir / "saves" / "mini.json").read_text())
        assert saved["hints"] == ["q-villages"] and saved["answers"][0]["hinted"] is True


async def test_exam_mode_gives_no_feedback_until_the_debrief(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, mode="exam", class_code="7B", name="Bo",
                            blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = await to_first_question(pilot)
        assert "Exam: your scores are in the debrief" in text_of(screen, "#scores")
        assert not screen.check_action("hint", ("f2",))
        await pilot.press("f2")
        await pilot.press("4", "enter")
        await pilot.pause()
        feedback = text_of(screen, "#feedback")
        assert "Answer recorded" in feedback
        assert "Not right" not in feedback and "Answer: 3" not in feedback
        assert not screen.check_action("retry", ()) and app.story.state.hints == []
        await pilot.press("enter")
        await answer_question(pilot, app.screen.presented)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(str(careful(app.screen) + 1), "enter")  # the decision
        await pilot.pause()
        assert not isinstance(app.screen, FeedbackDialog)  # no verdict on the call either
        assert any(n.message == "Decision recorded." for n in app._notifications)
        await play_to_debrief(pilot, pick=careful, right=lambda q: q.id != "q-mayor")
        markdown = app.screen.markdown
        assert "exam mode" in markdown
        assert "**Your answer:** 4 — 0 of 1" in markdown and "**Right answer:** 3" in markdown
        assert "**You chose:** Report 40 moved" in markdown
        assert "**What the article reports:** Officials said 40." in markdown
        assert "**Right answer:** the mayor" in markdown


async def test_presenter_mode_shows_notes_and_hides_answers_until_revealed(mini_pack, data_dir):
    app = make_app(Settings(data_dir=data_dir, mode="presenter", seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query("Input")  # nobody's name: the class plays together
        await pilot.press("enter")
        await pilot.pause()
        scene = app.screen
        assert scene.has_class("presenter")
        panel = text_of(scene, "#facilitator .panel-heading, #facilitator .discuss")
        assert "Facilitator notes" in panel
        assert "What would make the radio's figure a fact?" in panel
        assert "who only" in scene.query_one("#notes").source
        screen = await to_first_question(pilot)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "Press R to reveal" in text_of(screen, "#feedback")
        assert "Answer: 3" not in text_of(screen, "#feedback")
        await pilot.press("r")
        await pilot.pause()
        assert "Right: 1 of 1 point" in text_of(screen, "#feedback")
        await pilot.press("enter")
        await answer_question(pilot, app.screen.presented)
        await pilot.press("r", "enter")
        await pilot.pause()
        await pilot.press(str(careful(app.screen) + 1), "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FeedbackDialog)
        assert not any(w.display for w in dialog.query(".verdict"))
        await pilot.press("r")
        await pilot.pause()
        revealed = text_of(dialog, ".verdict")
        assert "Both figures, each with its source." in revealed
        assert "What the article reports: Officials said 40." in revealed
    assert not (data_dir / "results").exists()  # a presenter's game writes no result


async def test_two_students_on_one_machine_keep_their_own_saves(mini_pack, data_dir):
    async def start_as(name: str, keys=()):
        app = make_app(Settings(data_dir=data_dir, class_code="7B", blink=False), [mini_pack])
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*name)
            await pilot.pause()
            menu = [o.id for o in app.screen.query_one("#menu").options]
            await pilot.press("enter")  # Continue when this student has a save, else New game
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            return menu, app.screen, app.story.state

    menu, _, ana = await start_as("Ana", ["enter", "4", "enter"])
    assert "continue" not in menu and [a.response for a in ana.answers] == [4]
    menu, screen, bo = await start_as("Bo")
    assert "continue" not in menu and isinstance(screen, SceneScreen) and bo.answers == []
    menu, screen, again = await start_as("Ana")
    assert "continue" in menu and isinstance(screen, QuestionScreen)
    assert again.attempt_id == ana.attempt_id and [a.response for a in again.answers] == [4]
    assert len(list((data_dir / "saves").glob("*.json"))) == 2


async def test_the_result_file_follows_autosaves_and_is_completed_at_the_debrief(
        mini_pack, data_dir, tmp_path):
    results = tmp_path / "class-results"
    app = make_app(Settings(data_dir=data_dir, class_code="7B", name="Ana", results_dir=results,
                            blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        (path,) = results.glob("7b/*.json")
        assert json.loads(path.read_text())["completed"] is False
        screen = await to_first_question(pilot)
        await pilot.press("4", "enter", "a", "backspace", "3", "enter")  # 0, then a retry: 0.5
        await pilot.pause()
        partial = json.loads(path.read_text())
        assert [(a["attempt"], a["points"]) for a in partial["answers"]] == [(1, 0), (2, 0.5)]
        assert partial["tracks"]["recall"]["earned"] == 0.5 and not partial["completed"]
        await pilot.press("enter")
        await play_to_debrief(pilot, pick=careful)
        card = app.story.scorecard()
        assert any(n.title == "Result saved" for n in app._notifications)
    (result,) = read_results(results).results
    data = result.document.to_dict()  # the file as written
    assert data["completed"] is True and data["ending"] == "end-good"
    assert data["class"] == "7B" and data["name"] == "Ana" and data["mode"] == "practice"
    assert data["seed"] == app.story.state.seed
    assert data["tracks"]["recall"]["earned"] == card.track("recall").earned == 5.5
    assert data["tracks"]["recall"]["available"] == 6  # the retry offered nothing new
    assert (data["percent"], data["grade"]) == (card.percent, card.grade)
    assert list(results.rglob("*.json")) == [path]  # one file per attempt, updated in place


async def test_a_result_that_cannot_be_written_is_told_and_the_game_goes_on(
        mini_pack, data_dir, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the results folder should be")
    app = make_app(Settings(data_dir=data_dir, class_code="7B", name="Ana", results_dir=blocked,
                            blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = await to_first_question(pilot)
        await pilot.press("3", "enter")
        await pilot.pause()
        problems = [n for n in app._notifications if n.title == "Result not saved"]
        assert len(problems) == 1 and "tell your teacher" in problems[0].message
        assert "Right" in text_of(screen, "#feedback")
        saves = list((data_dir / "saves").glob("mini--7b--ana-*.json"))
        assert len(saves) == 1 and json.loads(saves[0].read_text())["answers"]
        await play_to_debrief(pilot, pick=careful)
        assert isinstance(app.screen, DebriefScreen)
        assert any(n.title == "Result not saved" and "before you close" in n.message
                   for n in app._notifications)


async def test_a_typo_is_accepted_and_said_and_a_certain_retry_is_not_offered(mini_pack,
                                                                              data_dir):
    """Item 3 of issue 11 in the full-screen game: the feedback names the answer a typo was
    taken for; a wrong true/false answer shows the answer at once, with one line why there
    is no second try; the status bar shows a negative track as it is."""
    from game.session.words import NO_CERTAIN_RETRY

    def hasty(screen) -> int:
        return next(i for i, c in enumerate(screen.choices) if c.text == "Report 55 moved")

    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [mini_pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen)
                         and s.presented.question.id == "q-mayor" and not s.answered, pick=hasty)
        screen = app.screen
        assert text_of(screen, "#scores") == (
            "Tradecraft −1 of 2 · Escalation risk 1 · Recall 4 of 4")
        await pilot.press(*"the mayr", "enter")
        await pilot.pause()
        feedback = text_of(screen, "#feedback")
        assert "✓ Right: 1 of 1 point" in feedback
        assert "Accepted: you typed 'the mayr' for 'the mayor'." in feedback
        assert "Your answer:" not in feedback  # said once, in the line above
        await pilot.press("enter")
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen)
                         and s.presented.question.id == "q-tf" and not s.answered)
        await pilot.press("t")  # wrong: the answer is False
        await pilot.pause()
        feedback = text_of(screen, "#feedback")
        assert NO_CERTAIN_RETRY in feedback and "Answer: False" in feedback
        assert "try again" not in feedback and screen.stage == "done"
        assert not screen.check_action("retry", ())
        await pilot.press("a")  # no second try to take
        await pilot.pause()
        assert not screen.query_one("#answer").display
        assert [a.question for a in app.story.state.answers].count("q-tf") == 1
