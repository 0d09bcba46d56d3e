"""Scripted stdin for plain mode, worked out by playing the same game on the engine: the same
seed gives the same option order, so the numbers typed are the ones the game will show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.content.kinds.match import LETTERS
from game.engine import Phase, Story

ROOT = Path(__file__).resolve().parents[2]


def right_line(presented) -> tuple[str, object]:
    """The line a player types for the right answer, and the response it stands for."""
    return RIGHT_LINES[presented.question.type](presented.question, presented)


def wrong_line(presented) -> tuple[str, object]:
    return WRONG_LINES[presented.question.type](presented.question, presented)


def option_number(presented, text) -> str:
    return str(presented.options.index(text) + 1)


def match_line(presented, matches: dict) -> str:
    return " ".join(f"{presented.options.index(item) + 1}"
                    f"{LETTERS[presented.targets.index(target)]}"
                    for item, target in matches.items())


def right_match(question) -> dict:
    return {p.left: p.right for p in question.pairs}


def wrong_match(question) -> dict:
    rights = [p.right for p in question.pairs]
    return {p.left: rights[(i + 1) % len(rights)] for i, p in enumerate(question.pairs)}


# One entry per question kind (tests/unit/test_question_kinds.py checks that none is missing).
RIGHT_LINES = {
    "single-choice": lambda q, p: (option_number(p, q.answer), q.answer),
    "multiple-select": lambda q, p: (", ".join(option_number(p, a) for a in q.answers),
                                     list(q.answers)),
    "timeline": lambda q, p: (" ".join(option_number(p, e) for e in q.order), list(q.order)),
    "true-false": lambda q, p: ("t" if q.answer else "false", bool(q.answer)),
    "numeric": lambda q, p: (f"{q.answer:g}", q.answer),
    "short-text": lambda q, p: (str(q.answer).upper(), str(q.answer).upper()),
    "match": lambda q, p: (match_line(p, right_match(q)), right_match(q)),
    # a forecast's words, typed in capitals; "right" is the likelihood nearest the outcome
    "forecast": lambda q, p: (("ALMOST CERTAIN", "almost certain") if q.outcome
                              else ("1", "almost no chance")),
}
WRONG_LINES = {
    "numeric": lambda q, p: (f"{q.answer + q.tolerance + 100:g}", q.answer + q.tolerance + 100),
    "true-false": lambda q, p: ("no" if q.answer else "yes", not q.answer),
    "short-text": lambda q, p: ("nobody at all", "nobody at all"),
    "single-choice": lambda q, p: (option_number(p, next(o for o in p.options if o != q.answer)),
                                   next(o for o in p.options if o != q.answer)),
    "multiple-select": lambda q, p: (option_number(p, next(o for o in p.options
                                                           if o not in q.answers)),
                                     [next(o for o in p.options if o not in q.answers)]),
    "timeline": lambda q, p: (" ".join(option_number(p, e) for e in reversed(q.order)),
                              list(reversed(q.order))),
    "match": lambda q, p: (match_line(p, wrong_match(q)), wrong_match(q)),
    "forecast": lambda q, p: (("1", "almost no chance") if q.outcome
                              else ("almost certain", "almost certain")),
}


def script_for(pack, seed: int, *, mode: str = "practice", wrong=(), hints=(), pick=None,
               extra: dict | None = None, start: str | None = None,
               preset=None, wrong_checks=()) -> tuple[list[str], Story]:
    """The lines that play a whole game, and the engine's game played the same way.

    ``wrong``: question ids answered wrong first (then, in practice, retried right);
    ``hints``: question ids whose hint is asked; ``pick(scene, options)``: the choice index
    (the first by default); ``extra``: lines typed before the answer to a question id. A new
    game opens with the pack's intro, which Enter closes; a preview from ``start`` (with the
    history ``preset`` gives) has none. A pack's pre/post check is answered right, but the
    items in ``wrong_checks`` (ids)."""
    story = Story(pack, seed=seed, mode=mode, start=start,
                  checks=not start and mode != "presenter")
    if preset:
        story = Story(pack, preset.applied(pack, story.state))
    lines: list[str] = [""] if pack.manifest.intro.strip() and not start else []
    extra = extra or {}
    while story.phase is not Phase.ENDED:
        if story.phase is Phase.CHECK:
            presented = story.check_item
            line, response = (wrong_line if presented.question.id in wrong_checks
                              else right_line)(presented)
            lines.append(line)
            story.answer_check(response)
            continue
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            question = presented.question
            lines += extra.get(question.id, [])
            if question.id in hints:
                lines.append("hint")
                story.take_hint()
            line, response = (wrong_line if question.id in wrong else right_line)(presented)
            lines.append(line)
            story.answer(response)
            if story.retry_question is not None:
                lines.append("1")
                line, response = right_line(presented)
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


def run_plain(args: list[str], stdin: str, data_dir: Path, timeout: float = 60,
              columns: int | None = None, cwd: Path = ROOT):
    """Plain mode with stdin and stdout piped: lines fit 80 columns, or ``columns`` (COLUMNS).
    ``cwd`` is where a debrief saved by a bare file name goes (the checkout's game is imported
    wherever it runs)."""
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir), "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("TEXTUAL_DRIVER", None)
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run([sys.executable, "-m", "game", "play", "--plain", *args],
                          input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout)
