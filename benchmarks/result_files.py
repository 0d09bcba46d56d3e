"""A folder of N synthetic result files, as a class (or a whole school) would leave them.

    .venv/bin/python benchmarks/result_files.py /tmp/results --files 10000

Some real games through the shipped campaign are played first (random choices, answers right
or wrong at random, some finished and some not); each file is one of them under its own
student, class and attempt, written where the game writes it (``<class>/<name>-…json``). Three
students in four have one attempt, the rest two; 30 students a class.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's game/, whether or not it is installed

from game.classroom.identity import result_file_name  # noqa: E402
from game.classroom.results import ResultDocument  # noqa: E402
from game.engine import Phase, Story  # noqa: E402
from game.engine.explore import right_response, wrong_response  # noqa: E402
from game.packs import compile_pack  # noqa: E402
from game.paths import packs_root  # noqa: E402

CAMPAIGN = "week-of-march-23"
GAMES = 40  # distinct games the files are made from
PER_CLASS = 30


def played_games(count: int, seed: int) -> list[ResultDocument]:
    """``count`` games through the campaign, about two in three of them finished."""
    compiled = compile_pack(packs_root() / CAMPAIGN)
    assert compiled.ok, "the shipped campaign does not compile"
    pack = compiled.pack
    rng = random.Random(seed)
    games = []
    for n in range(count):
        story = Story(pack, seed=n + 1, clock=lambda: "2026-03-02T10:00:00+00:00")
        steps = 10_000 if n % 3 else rng.randrange(3, 30)  # every third game stops midway
        for _ in range(steps):
            if story.phase is Phase.ENDED:
                break
            if story.phase is Phase.AWAITING_ANSWER:
                presented = story.question
                answer = right_response if rng.random() < 0.7 else wrong_response
                story.answer(answer(presented.question, presented.options))
            else:
                story.choose(rng.randrange(len(story.choices)))
        games.append(ResultDocument.from_game(pack, story.state,
                                              now="2026-03-02T10:30:00+00:00"))
    return games


def write_results(folder: Path, files: int, seed: int = 1) -> list[Path]:
    """``files`` result files under ``folder``; returns their paths."""
    rng = random.Random(seed)
    games = played_games(min(GAMES, files), seed)
    paths = []
    student = 0
    while len(paths) < files:
        attempts = 2 if rng.random() < 0.25 else 1
        class_code = f"C{student // PER_CLASS:03d}"
        name = f"Student {student:05d}"
        for attempt in range(attempts):
            if len(paths) == files:
                break
            game = rng.choice(games)
            attempt_id = f"20260302T10{attempt:02d}00Z-{student:06x}{attempt:02d}"
            document = replace(game, class_code=class_code, name=name, attempt=attempt_id,
                               mode="exam" if student % 4 == 0 else "practice",
                               started_at=f"2026-03-02T10:{attempt:02d}:00+00:00")
            sub, file_name = result_file_name(class_code, name, attempt_id)
            path = folder / sub / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(document.to_dict(), indent=1, ensure_ascii=False),
                            encoding="utf-8")
            paths.append(path)
        student += 1
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_results(args.folder, args.files, args.seed)
    print(f"wrote {len(paths)} result files under {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
