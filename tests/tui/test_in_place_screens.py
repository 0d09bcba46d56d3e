"""One scene screen and one question screen serve a whole game, each changed in place: what
they show must always be the current scene or question, never a leftover of the last one."""

from __future__ import annotations

import gc

from textual.widgets import Markdown, OptionList, Static

from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.question import QuestionScreen
from game.tui.screens.scene import SceneScreen
from game.tui.widgets.fact_list import FactList
from game.tui.widgets.keys_footer import KeysFooter

from .driver import new_game, step

SIZE = (100, 40)


def shown_scene(screen: SceneScreen) -> dict:
    facts = screen.query_one(FactList)
    return {
        "title": str(screen.query_one("#scene-title", Static).render()),
        "body": screen.query_one("#scene-body", Markdown).source,
        "facts": [f.id for f in facts.facts] if facts.display else [],
        "options": [str(o.prompt) for o in screen.query_one("#choices", OptionList).options],
    }


def expected_scene(app) -> dict:
    story = app.story
    scene = story.scene
    # the questions this player is asked here (one asked again only after a miss), still to come
    waiting = story.questions[story.state.question_index:]
    forecasts = sum(q.type == "forecast" for q in waiting)
    recall = len(waiting) - forecasts
    asks = [f"answer {recall} recall question{'s' if recall > 1 else ''}"] if recall else []
    asks += [f"give {forecasts} forecast{'s' if forecasts > 1 else ''}"] if forecasts else []
    way_on = " and ".join(asks)
    options = ([f"1. {way_on[:1].upper()}{way_on[1:]}"] if waiting
               else [f"{n}. {c.text}" for n, c in enumerate(story.choices, start=1)])
    return {"title": scene.title, "body": scene.body, "facts": [f.id for f in scene.facts],
            "options": options}


async def test_every_scene_and_question_shown_in_place_is_the_current_one(campaign, data_dir):
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        scene_screen, question_screen, scenes, kinds = app.screen, None, set(), set()
        while app.story.state.scene != "end" and (len(scenes) < 8 or len(kinds) < 3):
            screen = app.screen
            if isinstance(screen, SceneScreen):
                assert screen is scene_screen  # the same screen, every scene
                assert shown_scene(screen) == expected_scene(app)
                scenes.add(screen.scene.id)
            elif isinstance(screen, QuestionScreen) and not screen.answered:
                question_screen = question_screen or screen
                assert screen is question_screen
                presented = app.story.question
                assert screen.presented.question.id == presented.question.id
                assert str(screen.query_one("#question-ask").render()) == presented.question.ask
                answers = screen.query("#answer")
                assert len(answers) == 1 and answers.first().display  # the new one, shown
                assert app.focused is answers.first() or answers.first() in app.focused.ancestors
                kinds.add(type(answers.first()).__name__)
            await step(pilot)
            await pilot.pause()
        assert len(scenes) >= 8 and len(kinds) >= 3


async def test_the_footer_leaves_no_dead_keys_behind(campaign, data_dir, monkeypatch):
    """textual#6666: each rebuilt Footer key stays bound to the Footer forever; ours drops them.
    The question screen's keys change with every question (Hint, Continue, Try again)."""
    rebuilds = []
    recompose = KeysFooter.recompose

    async def counted(footer):
        rebuilds.append(footer)
        await recompose(footer)

    monkeypatch.setattr(KeysFooter, "recompose", counted)
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False), [campaign])
    async with app.run_test(size=SIZE) as pilot:
        await new_game(pilot)
        for _ in range(60):
            await step(pilot)
        await pilot.pause()
        footer = app.question_screen.query_one(KeysFooter)
        assert rebuilds.count(footer) >= 10  # the leak would have had its chances
        gc.collect()
        bound = getattr(footer, "__watchers", {}).get("compact", [])
        assert bound and all(node.is_attached for node, _ in bound)
        # every key but the command palette's is bound, once
        assert len(bound) == len(footer.query("FooterKey").exclude(".-command-palette"))


async def test_a_presenter_scene_is_rebuilt_with_its_own_notes(campaign, data_dir):
    """In presenter mode the notes panel comes and goes with the scene, so the screen is built
    anew each time; it must still show the current scene and its own notes."""
    app = make_app(Settings(data_dir=data_dir, seed=5, blink=False, mode="presenter"), [campaign])
    async with app.run_test(size=(120, 40)) as pilot:
        await new_game(pilot)
        seen = set()
        for _ in range(40):
            screen = app.screen
            if isinstance(screen, SceneScreen) and screen.scene.id not in seen:
                seen.add(screen.scene.id)
                assert shown_scene(screen) == expected_scene(app)
                notes = screen.query("#notes")
                scene = app.story.scene
                assert bool(notes) == bool(scene.notes.strip())
                if notes:
                    assert notes.first().source == scene.notes
            if len(seen) >= 4:
                break
            await step(pilot)
            await pilot.pause()
        assert len(seen) >= 4
