"""The TUI draws the author's Markdown in feedback, as it does in scenes: an answer's explanation
and a decision's feedback show bold and italics, never the asterisks."""

from __future__ import annotations

import shutil

import yaml
from textual.geometry import Region

from game.content import compile_pack
from game.session import Settings
from game.tui.app import make_app
from game.tui.markdown_content import markdown_content
from game.tui.screens.feedback import FeedbackDialog
from game.tui.screens.question import QuestionScreen

from ..conftest import MINI
from .driver import play_until

SIZE = (80, 24)


def segments(widget) -> list:
    return [segment for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
            for segment in strip]


def on_screen(widget) -> str:
    return "".join(segment.text for segment in segments(widget))


def styled(widget, words: str, attribute: str) -> bool:
    """True when ``words`` are on screen in one segment drawn with ``attribute`` (bold...)."""
    return any(words in segment.text and segment.style is not None
               and getattr(segment.style, attribute) for segment in segments(widget))


def marked_up_pack(tmp_path):
    """The mini pack with Markdown in an explanation, a decision's feedback and what happened."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenes = folder / "scenes.yaml"
    data = yaml.safe_load(scenes.read_text(encoding="utf-8"))
    first = data["scenes"][0]
    for question in first["questions"]:
        question["explanation"] = "**Three** villages, as the *officials* counted."
    for choice in first["choices"]:
        choice["feedback"] = "**Both** figures, each with *its* source. 5 * 3 stays."
    first["what_happened"]["text"] = "Officials said **40**."
    scenes.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = compile_pack(folder)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.pack


def test_markdown_content_styles_the_words_and_drops_the_marks():
    content = markdown_content("A **bold** and *italic* word, 5 * 3.\n\n- an item")
    assert content.plain == "A bold and italic word, 5 * 3.\n\n• an item"
    styles = {content.plain[span.start:span.end]: span.style for span in content.spans}
    assert styles["bold"].bold and styles["italic"].italic


async def test_an_explanation_and_a_decisions_feedback_show_emphasis_drawn(tmp_path, data_dir):
    pack = marked_up_pack(tmp_path)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, lambda s: isinstance(s, QuestionScreen) and s.stage == "done")
        feedback = app.screen.query_one("#feedback")
        shown = on_screen(feedback)
        assert "Three villages, as the officials counted." in shown
        assert "**" not in shown and "*officials*" not in shown
        assert styled(feedback, "Three", "bold") and styled(feedback, "officials", "italic")

        await play_until(pilot, lambda s: isinstance(s, FeedbackDialog))
        verdict = app.screen.query(".feedback-text").first()
        shown = on_screen(verdict)
        assert "Both figures, each with its source. 5 * 3 stays." in shown
        assert "**" not in shown
        assert styled(verdict, "Both", "bold") and styled(verdict, "its", "italic")


async def test_what_happened_is_drawn_too_when_a_presenter_reveals_it(tmp_path, data_dir):
    pack = marked_up_pack(tmp_path)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False, mode="presenter"), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, lambda s: isinstance(s, FeedbackDialog))
        await pilot.press("r")
        await pilot.pause()
        texts = [w for w in app.screen.query(".feedback-text") if w.display]
        happened = next(w for w in texts if "What the article reports" in on_screen(w))
        assert "Officials said 40." in on_screen(happened) and "**" not in on_screen(happened)
        assert styled(happened, "40", "bold")
