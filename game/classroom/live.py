"""What the teacher's dashboard shows, from a results folder read as it is now: who is playing
and where (and whose game has gone quiet), the class average per track, and the hardest
question so far. TUI-free."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

from ..content.models import Pack
from ..packs import compile_pack
from ..paths import pack_dirs
from .identity import clean_name
from ..engine import AnswerRecord
from .results import ReadResults, Result

PackLookup = Callable[[str], "Pack | None"]
# A game unfinished whose result file has not changed for this long is marked quiet: the tab
# closed, the laptop slept, or the student stopped. Reading a long scene takes a few minutes,
# so fewer would cry wolf.
QUIET_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class StudentRow:
    class_code: str
    name: str
    status: str  # "playing", "quiet", "finished", or "simulated" (a playtest's sample result)
    where: str  # the scene's title, or its id when the pack cannot be loaded
    first_tries: int  # questions answered (a practice retry is not another question)
    retries: int  # practice-mode second tries
    percent: float | None  # of all graded points on offer so far
    updated_at: str
    attempts: int  # games this student started that are in the folder
    quiet_for: timedelta | None = None  # since the game was last heard of, when it is quiet


@dataclass(frozen=True)
class TrackAverage:
    pack: str
    track: str
    graded: bool
    percent: float | None  # the mean of the students' percents on this track
    students: int  # how many of them had points on offer on it
    level: float | None = None  # a gauge (not graded): the mean of the students' levels


@dataclass(frozen=True)
class HardestQuestion:
    pack: str
    where: str  # the scene's title or id
    text: str  # the question as asked, or its id when the pack cannot be loaded
    percent_right: float  # of first attempts
    answered: int


@dataclass(frozen=True)
class ClassView:
    students: tuple[StudentRow, ...]
    averages: tuple[TrackAverage, ...]
    hardest: HardestQuestion | None
    skipped: tuple[tuple[Path, str], ...]

    @property
    def finished(self) -> int:
        return self.count("finished")

    def count(self, status: str) -> int:
        return sum(1 for s in self.students if s.status == status)


class PackShelf:
    """Packs by id for titles and question texts: those given, then the shipped ones, each
    compiled once and only when first asked for. A pack that does not load is None."""

    def __init__(self, packs: Iterable[Pack] = (), folders: Iterable[Path] | None = None):
        self.packs: dict[str, Pack | None] = {p.id: p for p in packs}
        self.folders = {f.name: f for f in (pack_dirs() if folders is None else folders)}

    def __call__(self, pack_id: str) -> Pack | None:
        if pack_id not in self.packs:
            folder = self.folders.get(pack_id)
            result = compile_pack(folder) if folder is not None else None
            self.packs[pack_id] = result.pack if result is not None and result.ok else None
        return self.packs[pack_id]


def shown(text: str) -> str:
    """A name or class as the dashboard shows it: no control characters, not too long."""
    return clean_name(str(text)) or "—"


def scene_title(pack: Pack | None, scene_id: str) -> str:
    scene = pack.scenes.get(scene_id) if pack is not None else None
    return scene.title if scene is not None else scene_id


def question_text(pack: Pack | None, scene_id: str, question_id: str) -> str:
    scene = pack.scenes.get(scene_id) if pack is not None else None
    for question in scene.questions if scene is not None else ():
        if question.id == question_id:
            return question.ask
    return question_id


def latest_per_student(results: Iterable[Result]) -> list[tuple[Result, int]]:
    """Each student's most recently updated game, with how many games they started."""
    games: dict[tuple[str, str], list[Result]] = defaultdict(list)
    for result in results:
        games[result.student].append(result)
    latest = [(max(found, key=lambda r: r.document.updated_at), len(found))
              for found in games.values()]
    return sorted(latest, key=lambda pair: (pair[0].document.class_code.casefold(),
                                            pair[0].document.name.casefold()))


def last_heard(result: Result) -> datetime | None:
    """When the game last wrote its result file: the later of the time the file holds and the
    file's own change time, so that a student's computer whose clock is behind (a shared results
    drive) does not make a game look quiet. None when neither can be told."""
    times = []
    try:
        times.append(datetime.fromisoformat(result.document.updated_at))
    except (TypeError, ValueError):
        pass
    try:
        times.append(datetime.fromtimestamp(result.path.stat().st_mtime, timezone.utc))
    except OSError:
        pass
    times = [t if t.tzinfo is not None else t.astimezone() for t in times]
    return max(times) if times else None


def quiet_for(result: Result, now: datetime, quiet_after: timedelta) -> timedelta | None:
    """How long an unfinished game has gone unheard of, when that is ``quiet_after`` or more."""
    document = result.document
    heard = last_heard(result)
    if document.completed or document.simulated or heard is None:
        return None
    silence = now - heard
    return silence if silence >= quiet_after else None


def status_of(result: Result, quiet: timedelta | None) -> str:
    document = result.document
    if document.simulated:
        return "simulated"
    if document.completed:
        return "finished"
    return "quiet" if quiet is not None else "playing"


def first_tries(answers: Iterable[AnswerRecord]) -> int:
    """Questions answered: a practice-mode retry is the same question again, not another."""
    return sum(1 for answer in answers if answer.attempt == 1)


def student_row(result: Result, attempts: int, packs: PackLookup, now: datetime | None = None,
                quiet_after: timedelta = QUIET_AFTER) -> StudentRow:
    document = result.document
    pack = packs(document.pack.id)
    quiet = quiet_for(result, now or datetime.now(timezone.utc), quiet_after)
    where = scene_title(pack, document.scene)
    if document.completed:
        where = f"Debrief ({where})"
    tries = first_tries(document.answers)
    return StudentRow(
        class_code=shown(document.class_code), name=shown(document.name),
        status=status_of(result, quiet), where=where, first_tries=tries,
        retries=len(document.answers) - tries, percent=document.percent,
        updated_at=document.updated_at, attempts=attempts, quiet_for=quiet)


def track_averages(latest: list[Result], packs: PackLookup) -> list[TrackAverage]:
    sums: dict[tuple[str, str], list[float]] = defaultdict(list)
    levels: dict[tuple[str, str], list[float]] = defaultdict(list)
    names: dict[tuple[str, str], tuple[str, str, bool]] = {}
    for result in latest:
        pack = result.document.pack
        for track in result.document.tracks:
            key = (pack.id, track.id)
            names.setdefault(key, (pack.title, track.name, track.graded))
            levels[key].append(track.earned)
            if track.exact_percent is not None:
                sums[key].append(track.exact_percent)
    return [TrackAverage(pack_title, name, graded,
                         round(sum(sums[key]) / len(sums[key]), 1) if sums[key] else None,
                         len(sums[key]) if graded else len(levels[key]),
                         round(sum(levels[key]) / len(levels[key]), 1) if levels[key] else None)
            for key, (pack_title, name, graded) in names.items()]


def hardest_question(latest: list[Result], packs: PackLookup) -> HardestQuestion | None:
    """The question the fewest got right at the first try (ties: the one more answered)."""
    tally: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])  # right, asked
    for result in latest:
        pack_id = result.document.pack.id
        for answer in result.document.answers:
            if answer.attempt != 1 or answer.resolves_in:
                continue  # a practice retry (the first try counted), or a forecast (not right
                # or wrong, only more or less well calibrated)
            counts = tally[(pack_id, answer.scene, answer.question)]
            counts[0] += answer.correct
            counts[1] += 1
    if not tally:
        return None
    (pack_id, scene_id, question_id), (right, asked) = min(
        tally.items(), key=lambda item: (item[1][0] / item[1][1], -item[1][1]))
    pack = packs(pack_id)
    return HardestQuestion(pack=pack.manifest.title if pack else pack_id,
                           where=scene_title(pack, scene_id),
                           text=question_text(pack, scene_id, question_id),
                           percent_right=round(100 * right / asked, 1), answered=asked)


def class_view(found: ReadResults, packs: PackLookup, now: datetime | None = None,
               quiet_after: timedelta = QUIET_AFTER) -> ClassView:
    """The class as the folder holds it at ``now`` (the clock when None)."""
    now = now or datetime.now(timezone.utc)
    latest = latest_per_student(found.results)
    games = [result for result, _ in latest]
    return ClassView(
        students=tuple(student_row(result, attempts, packs, now, quiet_after)
                       for result, attempts in latest),
        averages=tuple(track_averages(games, packs)),
        hardest=hardest_question(games, packs),
        skipped=tuple(found.skipped),
    )
