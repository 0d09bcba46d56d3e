"""Scripted stdin for plain mode, worked out by playing the same game on the engine: the same
seed gives the same option order, so the numbers typed are the ones the game will show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.engine import Phase, Story

ROOT = Path(__file__).resolve().parents[2]


def right_line(question, options) -> tuple[str, object]:
    kind = question.type
    if kind == "single-choice":
        return str(options.index(question.answer) + 1), question.answer
    if kind == "multiple-select":
        return (", ".join(str(options.index(a) + 1) for a in question.answers),
                list(question.answers))
    if kind == "timeline":
        return " ".join(str(options.index(e) + 1) for e in question.order), list(question.order)
    if kind == "true-false":
        return ("t" if question.answer else "false"), bool(question.answer)
    if kind == "numeric":
        return f"{question.answer:g}", question.answer
    return str(question.answer).upper(), str(question.answer).upper()


def wrong_line(question, options) -> tuple[str, object]:
    kind = question.type
    if kind == "numeric":
        value = question.answer + question.tolerance + 100
        return f"{value:g}", value
    if kind == "true-false":
        return ("no" if question.answer else "yes"), not question.answer
    if kind == "short-text":
        return "nobody at all", "nobody at all"
    if kind == "single-choice":
        other = next(o for o in options if o != question.answer)
        return str(options.index(other) + 1), other
    raise ValueError(kind)


def script_for(pack, seed: int, *, mode: str = "practice", wrong=(), hints=(), pick=None,
               extra: dict | None = None) -> tuple[list[str], Story]:
    """The lines that play a whole game, and the engine's game played the same way.

    ``wrong``: question ids answered wrong first (then, in practice, retried right);
    ``hints``: question ids whose hint is asked; ``pick(scene, options)``: the choice index
    (the first by default); ``extra``: lines typed before the answer to a question id."""
    story = Story(pack, seed=seed, mode=mode)
    lines: list[str] = []
    extra = extra or {}
    while story.phase is not Phase.ENDED:
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            question, options = presented.question, presented.options
            lines += extra.get(question.id, [])
            if question.id in hints:
                lines.append("hint")
                story.take_hint()
            line, response = (wrong_line if question.id in wrong else right_line)(question,
                                                                                   options)
            lines.append(line)
            story.answer(response)
            if story.retry_question is not None:
                lines.append("1")
                line, response = right_line(question, options)
                lines.append(line)
                story.retry(response)
            continue
        options = story.choices
        if len(options) == 1 and options[0].is_continue:
            lines.append("")
            story.choose(0)
            continue
        index = pick(story.scene, options) if pick else 0
        lines.append(str(index + 1))
        story.choose(index)
    return lines, story


def run_plain(args: list[str], stdin: str, data_dir: Path, timeout: float = 60):
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    env.pop("TEXTUAL_DRIVER", None)
    return subprocess.run([sys.executable, "-m", "game", "play", "--plain", *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=timeout)
