"""Small packs written for a test: the mini pack's pack.yaml and article with a scenes.yaml of
decisions and questions given as data, to trip the answer-cue checks or to stay just under them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Iterable, Sequence

from ..conftest import MINI

SOURCE = "flooding three villages"  # in the mini pack's article

Decision = Sequence[tuple[str, float]]  # each choice: its text and its tradecraft points


def text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def question_yaml(qid: str, kind: str, body: str, explanation: str = "As the article says.",
                  hint: str = "") -> str:
    lines = [f"      - id: {qid}", f"        type: {kind}", f"        ask: {text('Which?')}",
             body.rstrip("\n"), f"        source: {text(SOURCE)}",
             f"        explanation: {text(explanation)}"]
    if hint:
        lines.append(f"        hint: {text(hint)}")
    return "\n".join(lines) + "\n"


def single_choice(qid: str, options: Sequence[str], answer: str, **more) -> str:
    return question_yaml(qid, "single-choice", f"        options: {text(list(options))}\n"
                         f"        answer: {text(answer)}", **more)


def true_false(qid: str, answer: bool, **more) -> str:
    return question_yaml(qid, "true-false", f"        answer: {str(answer).lower()}", **more)


def cue_pack(tmp_path: Path, decisions: Iterable[Decision] = (),
             questions: Iterable[str] = (), feedback: str = "Why it scores so.",
             prompt: str = "") -> Path:
    """The pack: one scene for the questions, then one scene per decision, then an ending."""
    pack = tmp_path / "cues"
    shutil.copytree(MINI, pack)
    decisions = list(decisions)
    ids = ["mon-alarm", *(f"mon-decision-{n}" for n in range(1, len(decisions) + 1)), "end"]
    out = ["scenes:"]
    out += scene_head(ids[0], "The questions")
    questions = list(questions)
    if questions:
        out.append("    questions:")
        out += [q.rstrip("\n") for q in questions]
    out.append(f"    next: {ids[1]}")
    for n, decision in enumerate(decisions, start=1):
        out += scene_head(ids[n], f"Decision {n}")
        if prompt:
            out.append(f"    prompt: {text(prompt)}")
        out.append("    choices:")
        for choice_text, points in decision:
            out += [f"      - text: {text(choice_text)}",
                    f"        effects: {{tradecraft: {points:g}}}",
                    f"        feedback: {text(feedback)}"]
        out.append(f"    next: {ids[n + 1]}")
    out += scene_head("end", "The end") + ["    ending: true"]
    (pack / "scenes.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return pack


def scene_head(scene_id: str, title: str) -> list[str]:
    return [f"  - id: {scene_id}", "    day: Monday", "    time: Morning",
            f"    title: {text(title)}", "    body: The river rose."]


def decision(best: int, lengths: Sequence[int], points: Sequence[float] | None = None
             ) -> Decision:
    """A decision whose choices have these lengths in characters; the one at ``best`` scores
    2, the others -1 (or ``points`` each)."""
    points = points or [2 if i == best else -1 for i in range(len(lengths))]
    return [(padded(f"Choice {i} ", n), p) for i, (n, p) in enumerate(zip(lengths, points))]


def padded(start: str, n: int) -> str:
    """A text of exactly ``n`` characters that starts with ``start``."""
    return (start + "x" * n)[:n] if n > len(start) else start[:n]


def cue_fixtures() -> dict:
    """code -> a pack that reports it: the table of codes' test runs one per code."""
    from game.content import compile_pack

    def reported(**pack):
        return lambda tmp_path: compile_pack(cue_pack(tmp_path, **pack)).diagnostics

    options = ["Monday", "On the Tuesday", "Late on Sunday"]
    hedged = [("The strike may have come from the militias", 2),
              ("The strike came from the militias in the east", -1)]
    explained = question_yaml("q-who", "multiple-select",
                              "        options: [Officials, Local radio, The mayor]\n"
                              "        answers: [Officials, Local radio]",
                              explanation="Only the first two gave a figure.")
    return {
        "cue-longest": reported(decisions=[decision(0, [60, 50, 45])] * 6),
        "cue-shortest": reported(questions=[single_choice(f"q{n}", options, options[0])
                                            for n in range(6)]),
        "cue-much-longer": reported(decisions=[decision(0, [91, 60, 40])]),
        "cue-true-false": reported(questions=[true_false(f"q{n}", False) for n in range(6)]),
        "cue-hedging": reported(decisions=[hedged] * 6),
        "position-words": reported(questions=[explained]),
    }
