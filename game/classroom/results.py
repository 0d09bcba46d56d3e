"""Result files: one JSON document per attempt, for the teacher's report and dashboard.

Written from the game state at each autosave (``completed: false``) and at the debrief, always
atomically, always to this attempt's own file: ``<results>/<class>/<name>-<hash>-<attempt>.json``.
Read back defensively: a file that is not a result, or is damaged, is skipped with a warning
that names it, never fatal.
"""

from __future__ import annotations

import json
import math
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from ..content.models import Pack
from ..file_fields import (LIST, OBJECT, TEXT, TRUE_OR_FALSE, FieldProblem, NUMBER,
                                  field_name, is_int, is_number, read_records, required)
from ..engine import MODES, AnswerRecord, DecisionRecord, GameState, scorecard
from .check_results import CheckAnswers, SkillTags
from .identity import result_file_name

FORMAT = "briefing-result"
SCHEMA_VERSION = 1  # a file of a higher version is skipped (named); every lower one is read
# Limits that a real result is far inside, so that a hostile file costs little and is skipped
# by name: a result is a few KB (a thousand answers fit in 1 MB); its deepest value is a
# response such as a list of pairs; no score, percent or seed comes near 10**15.
MAX_RESULT_BYTES = 1_000_000
MAX_RESPONSE_DEPTH = 8
MAX_NUMBER = 10**15
MAX_DIGITS = 15  # of a whole number (a minus sign counts): under MAX_NUMBER


class NotAResult(ValueError):
    """Why a document is not a result this version can report on, in words that follow the
    file's name ("has a damaged answer: answers[3].points is not a number")."""


@dataclass(frozen=True)
class PackPlayed:
    id: str
    version: str
    content_hash: str
    title: str  # the pack's id when a (hand-edited) file has none


@dataclass(frozen=True)
class TrackScore:
    id: str
    name: str  # the track's id when a (hand-edited) file has none
    earned: float
    available: float
    percent: float | None  # None when nothing was on offer yet, or the file holds no number
    graded: bool
    band: str

    @property
    def exact_percent(self) -> float | None:
        """Earned of available, unrounded (below 0 for a negative score): class averages
        are taken of these and rounded once, so the report and the dashboard agree."""
        return 100 * self.earned / self.available if self.available > 0 else None


@dataclass(frozen=True)
class ResultDocument:
    """What one result file holds: one attempt at one pack, as far as it has got.

    Built from the game state alone (``from_game``), so a partial result is as true as a
    finished one; ``to_dict`` is what is written and ``from_dict`` what is read, so the two
    cannot drift apart. The fields a report can do without (times, percent, grade, names) are
    read leniently: a hand-edited odd value there reads as missing instead of losing the file.
    """

    pack: PackPlayed
    class_code: str
    name: str  # the display name, exactly as typed
    mode: str
    attempt: str  # the attempt id: unique per game started
    scene: str  # where the game is; its ending once completed
    completed: bool
    simulated: bool  # written by `briefing playtest --results`, not by a student
    decisions: tuple[DecisionRecord, ...]
    answers: tuple[AnswerRecord, ...]  # each response is the JSON value its question kind uses
    tracks: tuple[TrackScore, ...]
    percent: float | None
    grade: str | None
    seed: int | None
    same_order: bool
    started_at: str  # "" when unknown
    updated_at: str  # "" when unknown
    ending: str | None
    # The pre/post check and the skills (issue 15, item 4): None in a result of a pack
    # without them, and in a file written before they existed.
    checks: CheckAnswers | None = None
    skills: SkillTags | None = None

    def track(self, track_id: str) -> TrackScore | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    @classmethod
    def from_game(cls, pack: Pack, state: GameState, *, simulated: bool = False,
                  now: str | None = None) -> "ResultDocument":
        card = scorecard(pack, state)
        return cls(
            pack=PackPlayed(pack.id, pack.manifest.version, pack.content_hash,
                            pack.manifest.title),
            class_code=state.class_code, name=state.player, mode=state.mode,
            attempt=state.attempt_id, scene=state.scene, completed=state.ended,
            simulated=simulated, decisions=tuple(state.decisions), answers=tuple(state.answers),
            tracks=tuple(TrackScore(t.id, t.name, t.earned, t.available, t.percent, t.graded,
                                    t.band) for t in card.tracks),
            percent=card.percent, grade=card.grade, seed=state.seed,
            same_order=state.same_order, started_at=state.started_at,
            updated_at=now or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ending=state.scene if state.ended else None,
            checks=CheckAnswers.from_game(pack, state), skills=SkillTags.from_pack(pack))

    def to_dict(self) -> dict[str, Any]:
        data = self.base_dict()
        if self.checks is not None:  # only then: a result without them is written as before
            data["checks"] = self.checks.to_dict()
        if self.skills is not None:
            data["skills"] = self.skills.to_dict()
        return data

    def base_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "simulated": self.simulated,
            "pack": {"id": self.pack.id, "version": self.pack.version, "title": self.pack.title,
                     "content_hash": self.pack.content_hash},
            "class": self.class_code,
            "name": self.name,
            "mode": self.mode,
            "seed": self.seed,
            "same_order": self.same_order,
            "attempt": self.attempt,
            "started_at": self.started_at,
            "updated_at": self.updated_at,
            "completed": self.completed,
            "scene": self.scene,
            "ending": self.ending,
            "decisions": [decision_dict(d) for d in self.decisions],
            "answers": [answer_dict(a) for a in self.answers],
            "tracks": {t.id: {"name": t.name, "earned": t.earned, "available": t.available,
                              "percent": t.percent, "graded": t.graded, "band": t.band}
                       for t in self.tracks},
            "percent": self.percent,
            "grade": self.grade,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "ResultDocument":
        """The document a result file holds, every field checked; NotAResult says what is
        wrong with the first field that is."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotAResult("is not a briefing result file")
        version = data.get("schema_version")
        if not is_int(version):
            raise NotAResult("has no schema version")
        if version > SCHEMA_VERSION:
            raise NotAResult(f"was written by a newer briefing (result schema {version})")
        with damaged("does not say which pack it is for"):
            pack = read_pack(required(data, "pack", OBJECT))
        with damaged("has a damaged field"):
            class_code, name, mode, attempt, scene = (
                required(data, key, TEXT) for key in ("class", "name", "mode", "attempt", "scene"))
            if mode not in MODES:
                raise FieldProblem(f"mode is not one of {', '.join(MODES)}")
            completed = required(data, "completed", TRUE_OR_FALSE)
            simulated = required(data, "simulated", TRUE_OR_FALSE)
            answers = required(data, "answers", LIST)
            decisions = required(data, "decisions", LIST)
        # Answers and decisions are the game state's own records, checked as a save checks them.
        with damaged("has a damaged answer"):
            answers = read_records(AnswerRecord, answers, "answers", unknown_fields_allowed=True)
        if any(nesting(answer.response) > MAX_RESPONSE_DEPTH for answer in answers):
            raise NotAResult("is nested too deeply to be a result file")
        with damaged("has a damaged decision"):
            decisions = read_records(DecisionRecord, decisions, "decisions",
                                     unknown_fields_allowed=True)
        with damaged("has damaged track totals"):
            tracks = tuple(read_track(track_id, track) for track_id, track
                           in required(data, "tracks", OBJECT).items())
        with damaged("has damaged check answers"):
            checks = CheckAnswers.from_dict(data["checks"]) if "checks" in data else None
        seed = data.get("seed")
        return cls(
            pack=pack, class_code=class_code, name=name, mode=mode, attempt=attempt, scene=scene,
            completed=completed, simulated=simulated, decisions=tuple(decisions),
            answers=tuple(answers), tracks=tracks, percent=number_or_none(data.get("percent")),
            grade=text_or_none(data.get("grade")), seed=seed if is_int(seed) else None,
            same_order=data.get("same_order") is True,
            started_at=text_or_none(data.get("started_at")) or "",
            updated_at=text_or_none(data.get("updated_at")) or "",
            ending=text_or_none(data.get("ending")), checks=checks,
            skills=SkillTags.from_dict(data.get("skills")))


@contextmanager
def damaged(headline: str) -> Iterator[None]:
    """Turn a field's problem into why the file is not read: ``headline: field is …``."""
    try:
        yield
    except FieldProblem as exc:
        raise NotAResult(f"{headline}: {exc}") from None


def read_pack(pack: dict) -> PackPlayed:
    pack_id, version, content_hash = (required(pack, key, TEXT, "pack")
                                      for key in ("id", "version", "content_hash"))
    return PackPlayed(pack_id, version, content_hash, text_or_none(pack.get("title")) or pack_id)


def read_track(track_id: str, track: Any) -> TrackScore:
    where = field_name("tracks", track_id)
    if not isinstance(track, dict):
        raise FieldProblem(f"{where} {OBJECT.problem}")
    score = TrackScore(
        id=track_id, name=text_or_none(track.get("name")) or track_id,
        earned=required(track, "earned", NUMBER, where),
        available=required(track, "available", NUMBER, where),
        percent=number_or_none(track.get("percent")),
        graded=track.get("graded") is not False,  # a track is graded unless the file says not
        band=text_or_none(track.get("band")) or "")
    if score.exact_percent is not None and abs(score.exact_percent) > MAX_NUMBER:
        raise FieldProblem(f"{where}.earned is not a number this track's available points "
                           "allow")
    return score


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def number_or_none(value: Any) -> float | None:
    return value if is_number(value) else None


def result_document(pack: Pack, state: GameState, *, simulated: bool = False,
                    now: str | None = None) -> dict[str, Any]:
    """What a result file holds, as JSON, built from the state alone."""
    return ResultDocument.from_game(pack, state, simulated=simulated, now=now).to_dict()


def result_path(results_dir: Path, state: GameState) -> Path:
    folder, name = result_file_name(state.class_code, state.player, state.attempt_id)
    return Path(results_dir) / folder / name


def write_result(results_dir: Path, pack: Pack, state: GameState, *,
                 simulated: bool = False) -> Path:
    """Write (or update) this attempt's result file atomically; returns its path.

    The attempt id is unique per game started, so the file is this attempt's alone: updating it
    never touches another student's or another attempt's file.
    """
    from ..atomic import atomic_write  # the one atomic writer (temp file, fsync, rename)

    if not state.attempt_id:
        raise ValueError("the state has no attempt id; start the game with an identity")
    path = result_path(results_dir, state)
    document = result_document(pack, state, simulated=simulated)
    atomic_write(path, json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False))
    return path


def try_write_result(results_dir: Path, pack: Pack, state: GameState) -> tuple[Path | None, str]:
    """write_result for a game in progress: (path, "") or (None, why, in words). A result that
    cannot be written must never stop the game or its save; the caller tells the player."""
    try:
        return write_result(results_dir, pack, state), ""
    except (OSError, ValueError) as exc:
        return None, (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


@dataclass(frozen=True)
class Result:
    """A result file as read back: where it came from, and what it holds."""

    path: Path
    document: ResultDocument

    @property
    def pack_key(self) -> tuple[str, str, str]:
        """Results are only ever merged with others of the same pack, version and content."""
        pack = self.document.pack
        return pack.id, pack.version, pack.content_hash

    @property
    def student(self) -> tuple[str, str]:
        return self.document.class_code, self.document.name


@dataclass
class ReadResults:
    results: list[Result] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, why, in words)


def result_paths(results_dir: Path) -> list[Path]:
    """The files under ``results_dir`` (any depth) that may be results, in path order: every
    .json file but the hidden temp files of a write in progress."""
    return [path for path in sorted(Path(results_dir).rglob("*.json"))
            if not path.name.startswith(".") and path.is_file()]


def read_results(results_dir: Path) -> ReadResults:
    """Every result file under ``results_dir``, in path order; anything else that ends in .json
    is skipped with the reason."""
    found = FolderReader(results_dir).read()
    assert found is not None  # only a stop asked for ends a read early
    return found


class FolderReader:
    """Reads one results folder, again and again for the dashboard: a file is read again only
    when it has been replaced, resized or modified, and a read stops between two files as soon
    as ``stop()`` says so (the dashboard is closing)."""

    def __init__(self, results_dir: Path):
        self.folder = Path(results_dir)
        self.known: dict[Path, tuple[tuple[int, int, int], ResultDocument | None, str]] = {}

    def paths(self) -> list[Path]:
        return result_paths(self.folder)

    def read(self, paths: list[Path] | None = None,
             stop: Callable[[], bool] = lambda: False) -> ReadResults | None:
        """What ``paths`` (all of them when None) hold, or None when stopped before the end."""
        found, known = ReadResults(), {}
        for path in self.paths() if paths is None else paths:
            if stop():
                return None
            try:
                status = path.stat()
                key = (status.st_ino, status.st_mtime_ns, status.st_size)
            except OSError:
                key = (-1, -1, -1)  # gone or unreadable: read_one says which, in words
            earlier = self.known.get(path)
            document, problem = (earlier[1:] if earlier is not None and earlier[0] == key
                                 else read_one(path))
            known[path] = (key, document, problem)
            if document is None:
                found.skipped.append((path, problem))
            else:
                found.results.append(Result(path, document))
        self.known = known  # files gone since are forgotten
        return found


def read_one(path: Path) -> tuple[ResultDocument | None, str]:
    """The file's document and "", or None and why it cannot be read, in words."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_RESULT_BYTES + 1)  # never more: a file may grow as we read
        if len(data) > MAX_RESULT_BYTES:
            return None, f"is too large to be a result file (over {MAX_RESULT_BYTES // 10**6} MB)"
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"cannot be read ({exc.__class__.__name__})"
    try:
        data = json.loads(text, parse_constant=_no_constants, parse_float=_bounded_float,
                          parse_int=_bounded_int)
    except AbsurdNumber as exc:
        return None, f"is damaged: it holds {exc}, not a number a result can hold"
    except ValueError as exc:
        return None, f"is not valid JSON (truncated or edited?): {exc}"
    except RecursionError:
        return None, "is nested too deeply to be a result file"
    try:
        return ResultDocument.from_dict(data), ""
    except NotAResult as exc:
        return None, str(exc)


class AbsurdNumber(ValueError):
    """A number no result holds (1e400, which JSON reads as infinity; 10**30 points); the
    message is the number as the file writes it, cut short."""


def _no_constants(name: str) -> float:
    raise AbsurdNumber(name)


def _bounded_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise AbsurdNumber(text[:20])
    return value


def _bounded_int(text: str) -> int:
    if len(text) > MAX_DIGITS:  # checked before int() reads it: 10**4000 is slow to read
        raise AbsurdNumber(text[:20] + ("…" if len(text) > 20 else ""))
    return int(text)


def nesting(value: Any) -> int:
    """How many lists and objects deep ``value`` goes (0 for a plain value), counted without
    recursion, so that no depth of nesting can exhaust the stack."""
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(
            item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_RESPONSE_DEPTH:
            return deepest  # enough to refuse it; the rest is not worth walking
        level.extend((child, depth + 1) for child in children)
    return deepest


def answer_dict(answer: AnswerRecord) -> dict:
    """An answer as a result file holds it. A recall answer leaves out the fields only a
    forecast has (its track, the scene that settles it), so a file written before forecasts
    is written back unchanged."""
    data = asdict(answer)
    if not answer.resolves_in:
        del data["track"], data["resolves_in"]
    return data


def decision_dict(decision: DecisionRecord) -> dict:
    """A decision as a result file holds it. The choice's id is left out when the choice has
    none, so a file written before choices had ids is written back unchanged."""
    data = asdict(decision)
    if not decision.choice_id:
        del data["choice_id"]
    return data
