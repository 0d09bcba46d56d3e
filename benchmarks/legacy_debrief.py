"""The debrief screen as it was before the summary (up to commit ad7c1a0), kept here as the
baseline the debrief benchmark measures the current screen against, in the same run.

One Static drawing the whole debrief as one Rich Markdown: laying it out renders every line of
it before the first frame. Its Markdown is the old document too (no summary, no notebook), so
the baseline is what players had, not the new text in the old widget."""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from game.debrief_text import escape, played_by, points, scorecard_markdown
from game.engine import HINT_COST, OLDER_VERSION_NOTE, RETRY_SHARE, Debrief, percent
from game.tui.styles import GAME_CSS
from game.tui.widgets.keys_footer import KeysFooter


def legacy_markdown(debrief: Debrief) -> str:
    """The old debrief_markdown, as it was."""
    parts = [f"# Debrief: {debrief.title}"]
    who = played_by(debrief)
    if who:
        parts.append(who)
    if debrief.ending_title:
        parts.append(f"## {debrief.ending_title}\n\n{debrief.ending_body.strip()}\n\n"
                     f"{debrief.assessment.strip()}")
    elif not debrief.ended:
        parts.append("*The week is not over yet: these are the scores so far.*")
    if debrief.older_version:
        parts.append(f"*{OLDER_VERSION_NOTE}*")
    parts.append("## Scores\n\n" + scorecard_markdown(debrief.scorecard))
    names = {t.id: t.name for t in debrief.scorecard.tracks}
    parts.append("## Your decisions")
    for n, d in enumerate(debrief.decisions, 1):
        effects = ", ".join(f"{names.get(k, k)} {'+' if v > 0 else ''}{points(v)}"
                            for k, v in d.effects.items())
        block = [f"### {n}. {d.scene_title} ({d.when})",
                 f"**You chose:** {escape(d.choice)}",
                 f"**Why it scored {effects or 'nothing'}:** {d.feedback.strip()}"]
        if d.what_happened:
            block.append(f"**What actually happened:** {d.what_happened.strip()}")
            block.append(f"> “{escape(d.source)}”")
        parts.append("\n\n".join(block))
    parts.append("## Your answers")
    for n, q in enumerate(debrief.questions, 1):
        mark = "✓" if q.correct else ("◐" if q.points > 0 else "✗")
        block = [f"### {mark} {n}. {escape(q.ask)}"]
        if q.retry_answer:
            block.append(f"**Your answer:** {escape(q.your_answer)}")
            block.append(f"**Second try, for {percent(RETRY_SHARE)} of the points:** "
                         f"{escape(q.retry_answer)} — {points(q.points)} of "
                         f"{points(q.max_points)} in all")
        else:
            block.append(f"**Your answer:** {escape(q.your_answer)} — {points(q.points)} of "
                         f"{points(q.max_points)}")
        if q.hinted:
            block.append(f"*With the hint (−{percent(HINT_COST)} of the points).*")
        block += [f"**Right answer:** {escape(q.right_answer)}", q.explanation.strip(),
                  f"> “{escape(q.source)}”"]
        parts.append("\n\n".join(block))
    return "\n\n".join(parts) + "\n"


class LegacyDebriefScreen(Screen):
    CSS_PATH = GAME_CSS

    def __init__(self, debrief: Debrief, pack_id: str = "") -> None:
        super().__init__()
        self.debrief = debrief

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(RichMarkdown(legacy_markdown(self.debrief)), id="debrief-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Debrief"
        self.query_one("#debrief").focus()
