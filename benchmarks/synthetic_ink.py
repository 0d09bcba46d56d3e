"""Write an ink story shaped like benchmarks/synthetic_pack.py's pack of N scenes, for timing
ink's own compiler (inkjs) on the same story beside `briefing validate`.

Each scene is a knot with the same title, body and choices: the choices' text, targets, effects
on the three tracks, flags set and conditions; routes by flags and totals; the same endings.
Questions become a line of text each (ink has no question kinds), and ink checks no article, so
the comparison is of a compiler on a story of the same shape and size, for reference only.

    .venv/bin/python benchmarks/synthetic_ink.py /tmp/story.ink [--scenes 1000]
    node benchmarks/compile_ink.js /tmp/story.ink      # with inkjs installed (npm install inkjs)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic_pack import (DAYS, FLAGS, LETTERS, PLACES, QUESTION_TYPES,  # noqa: E402
                                       SPEAKERS, THINGS, TRACKS, early_endings, scene_id)


def variable(name: str) -> str:
    return name.replace("-", "_")


def choice_ink(i: int, k: int, target: int, conditional: bool) -> list[str]:
    guard = (f"{{{variable(FLAGS[i % len(FLAGS)])} || judgement >= {i % 3}}} "
             if conditional else "")
    lines = [f"* {guard}[Draft {LETTERS[k]} for scene {i}: write it up as briefed]"]
    lines += [f"    ~ {track} = {track} + {((i + k + j) % 5) - 2}" for j, track in enumerate(TRACKS)]
    lines += [f"    ~ {variable(FLAGS[(i + k) % len(FLAGS)])} = true",
              "    A call that weighs the sourcing against what the reader needs;",
              "    the debrief explains how it compares with what happened.",
              f"    -> {scene_id(target)}"]
    return lines


def knot_ink(i: int, n: int, endings: set[int]) -> list[str]:
    place, speaker = PLACES[(i * 7) % len(PLACES)], SPEAKERS[(i * 7) % len(SPEAKERS)]
    number, thing = 3 + (i * 7) % 40, THINGS[(i * 7) % len(THINGS)]
    last_path = n - 4
    lines = [f"=== {scene_id(i)} ===", f"# {DAYS[i * len(DAYS) // n]}, {8 + i % 12:02d}:{(i * 17) % 60:02d}",
             f"Report {i} from {place}",
             f"Scene {i}. A message arrives about <b>{place}</b>. It says that",
             f"{number} {thing} were counted there, according to {speaker}.",
             "Read it against your notebook before you decide what to write.",
             f"Fact {i}: {number} {thing} reached {place} by noon."]
    if i in endings or i > last_path:
        return lines + [f"The week ends at scene {i}: your file goes to the principals.", "-> END"]
    for j in range(1 + i % 2):
        lines.append(f"Question {i}-{j} ({QUESTION_TYPES[(i + i // 2 + j) % len(QUESTION_TYPES)]}):"
                     f" how many {thing} reached {place}?")

    def ahead(step: int) -> str:
        return scene_id(min(i + step, last_path))

    if i == last_path:
        return lines + ["{", f"- tradecraft >= 40: -> {scene_id(n - 3)}",
                        f"- {variable(FLAGS[0])} && not {variable(FLAGS[2])}: -> {scene_id(n - 2)}",
                        f"- else: -> {scene_id(n - 1)}", "}"]
    if i + 1 in endings:
        targets = [i + 1, i + 2]
    elif i % 4 in (0, 1):
        targets = [min(i + s, last_path) for s in (1, 2, 3)][: 2 + (i % 4 == 0)]
    else:
        targets = []
    if targets:
        for k, target in enumerate(targets):
            lines += choice_ink(i, k, target, conditional=(k == 2))
        return lines
    if i % 4 == 2:
        return lines + ["{", f"- {variable(FLAGS[1])}: -> {ahead(2)}",
                        f"- tradecraft >= 5 && not {scene_id(i - 1)}: -> {ahead(3)}",
                        f"- else: -> {ahead(1)}", "}"]
    return lines + [f"-> {ahead(1)}"]


def story_ink(scenes: int) -> str:
    endings = early_endings(scenes)
    lines = [f"VAR {track} = 0" for track in TRACKS]
    lines += [f"VAR {variable(flag)} = false" for flag in FLAGS]
    lines += ["", f"-> {scene_id(0)}", ""]
    for i in range(scenes):
        lines += knot_ink(i, scenes, endings) + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scenes", type=int, default=1000)
    args = parser.parse_args(argv)
    args.path.write_text(story_ink(args.scenes), encoding="utf-8")
    print(f"wrote {args.path} ({args.scenes:,} knots)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
