"""A live class of simulated students: real games through a pack, each stopped at its own point,
each writing its result file where a student's game writes it. For the dashboard's and the
projector's tests, and to watch them in a terminal:

    .venv/bin/python -m tests.classroom_sim /tmp/class --live

(``--live`` moves one student on a step every half second until all have finished.)
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from game.classroom.identity import new_attempt_id
from game.classroom.results import write_result
from game.content.kinds import kind_of
from game.engine import Phase, Story
from game.engine.explore import right_response

# Names that no pack text holds, so a test can look for each on the screen.
NAMES = (
    "Amara Okafor", "Bryn Castellanos", "Cosima Threlkeld", "Dario Venkataraman",
    "Elif Marchetti", "Farid Oyelaran", "Greta Nakashima", "Hamza Lindqvist",
    "Ines Quarshie", "Jonas Abernathy", "Kemal Fitzwilliam", "Lior Baptiste",
    "Maelle Szymanski", "Nikolai Achterberg", "Odile Mbeki", "Priya Vasquez-Holm",
    "Quentin Oduya", "Rosalind Ferreira", "Soren Adebayo", "Tamsin Kowalczyk",
    "Ulrich Benedetti", "Vesna Oyelowo", "Wendell Ishikawa", "Xiomara Lindahl",
    "Yusuf Brannigan", "Zofia Kettering", "Anouk Delacroix", "Bastian Ngozi",
    "Clementine Arroyo", "Desmond Ravensworth",
)
START = datetime(2026, 3, 23, 9, 0, tzinfo=timezone.utc)


@dataclass
class Student:
    name: str
    story: Story
    rng: random.Random
    skill: float  # the chance of a right first try
    retries: bool  # takes a practice retry after a miss
    path: Path | None = None
    steps: int = 0
    clock: list[datetime] = field(default_factory=lambda: [START])

    def tick(self) -> str:
        self.clock[0] += timedelta(seconds=20)
        return self.clock[0].isoformat(timespec="seconds")


def new_student(pack, name: str, number: int, mode: str = "practice") -> Student:
    rng = random.Random(number)
    student = Student(name, None, rng, skill=0.35 + 0.6 * rng.random(),  # type: ignore[arg-type]
                      retries=mode == "practice" and number % 2 == 0)
    student.story = Story(pack, seed=number, clock=student.tick, mode=mode, class_code="7B",
                          player=name, attempt_id=new_attempt_id())
    return student


def step(student: Student) -> bool:
    """One answer or one decision, as a student would give it; False once the game is over."""
    story = student.story
    if story.phase is Phase.ENDED:
        return False
    if story.phase is Phase.AWAITING_ANSWER:
        presented = story.question
        question, options = presented.question, presented.options
        if student.rng.random() < student.skill:
            story.answer(right_response(question, options))
        else:
            story.answer(kind_of(question).random_pick(question, options, student.rng))
        if student.retries and story.retry_question is not None:
            story.retry(right_response(question, options))
    else:
        story.choose(student.rng.randrange(len(story.choices)))
    student.steps += 1
    return True


def write(folder: Path, pack, student: Student) -> Path:
    student.path = write_result(folder, pack, student.story.state)
    return student.path


def simulate_class(folder: Path, pack, steps: list[int], names=NAMES,
                   mode: str = "practice") -> list[Student]:
    """One student per entry of ``steps``, each having played that many steps (answers and
    decisions; a large number plays to the end), each with a result file in ``folder``."""
    students = []
    for number, (name, count) in enumerate(zip(names, steps), start=1):
        student = new_student(pack, name, number, mode)
        for _ in range(count):
            if not step(student):
                break
        write(folder, pack, student)
        students.append(student)
    return students


def main() -> None:
    from game.packs import compile_pack
    from game.paths import packs_root

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--live", action="store_true")
    parser.add_argument("--every", type=float, default=0.5)
    args = parser.parse_args()
    pack = compile_pack(packs_root() / "week-of-march-23").pack
    rng = random.Random(7)
    students = simulate_class(args.folder, pack, [rng.randrange(0, 4) for _ in NAMES])
    while args.live:
        playing = [s for s in students if s.story.phase is not Phase.ENDED]
        if not playing:
            break
        student = rng.choice(playing)
        student.clock[0] = datetime.now(timezone.utc)
        step(student)
        write(args.folder, pack, student)
        time.sleep(args.every)


if __name__ == "__main__":
    main()
