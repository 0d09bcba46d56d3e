"""A class of 30 result files written by the game's own result writer, and its roster: for the
gradebook tests, and for trying `briefing report --roster` by hand
(`python -m tests.unit.class_sample DIR` writes DIR/results and DIR/roster.csv)."""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from game.classroom.results import write_result
from game.content.models import Pack
from game.engine import Phase, Story, right_response, wrong_response

# The roster's names; two students typed theirs otherwise (TYPED), and the last one has not
# played. Accents, a hyphen, an apostrophe and a comma-free "Last First" order are all here.
ROSTER_NAMES = [
    "John Smith", "Ana María Lopez", "Chloé Dubois", "Mohammed Al-Rashid", "Priya Nair",
    "Liam O'Connor", "Sofia Rossi", "Kenji Watanabe", "Amara Okafor", "Lucas Müller",
    "Emma Johansson", "Mateo García", "Zoe Chen", "Noah Williams", "Fatima Zahra",
    "Oliver Brown", "Isla MacLeod", "Arjun Patel", "Maya Cohen", "Elias Schmidt",
    "Hannah Kim", "Leo Novak", "Aisha Bello", "Jakub Kowalski", "Grace Taylor",
    "Tomás Silva", "Ingrid Berg", "Yusuf Demir", "Nora Haddad", "Ethan Clarke",
]
TYPED = {"John Smith": "jon smith", "Ana María Lopez": "Ana-Maria  López"}
NOT_PLAYED = "Ethan Clarke"
UNFINISHED = {"Leo Novak", "Grace Taylor"}
CLASS = "7B"


def student_id(number: int) -> str:
    return f"S{1000 + number}"


def email(name: str) -> str:
    first = name.split()[0].lower().replace("é", "e").replace("á", "a")
    return f"{first}.{len(name)}@school.example"


def write_roster(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # as Excel saves it
        writer = csv.writer(handle)
        writer.writerow(["Student name", "SIS User ID", "E-mail"])
        for number, name in enumerate(ROSTER_NAMES, start=1):
            writer.writerow([name, student_id(number), email(name)])
    return path


def play(pack: Pack, name: str, seed: int, finish: bool = True) -> Story:
    """A game as a student might play it: some answers wrong, choices varied by the seed."""
    rng = random.Random(seed)
    skill = rng.random()
    story = Story(pack, seed=seed, clock=lambda: "2026-03-23T09:00:00+00:00", player=name,
                  class_code=CLASS, attempt_id=f"2026-03-23-{seed:03d}")
    steps = 0
    while story.phase is not Phase.ENDED:
        steps += 1
        if not finish and steps > 4:
            break
        if story.phase is Phase.AWAITING_ANSWER:
            presented = story.question
            answer = right_response if rng.random() < skill else wrong_response
            story.answer(answer(presented.question, presented.options))
        else:
            story.choose(rng.randrange(len(story.choices)))
    return story


def write_class(pack: Pack, results: Path) -> list[Path]:
    """One result file per student who played (29 of the 30), as the game writes them."""
    paths = []
    for number, name in enumerate(ROSTER_NAMES, start=1):
        if name == NOT_PLAYED:
            continue
        story = play(pack, TYPED.get(name, name), seed=number, finish=name not in UNFINISHED)
        paths.append(write_result(results, pack, story.state))
    return paths


if __name__ == "__main__":
    from game.packs import compile_pack
    from game.paths import pack_dirs

    target = Path(sys.argv[1])
    campaign = compile_pack(pack_dirs()[0]).pack
    write_class(campaign, target / "results")
    write_roster(target / "roster.csv")
    print(f"wrote {target / 'results'} and {target / 'roster.csv'}")
