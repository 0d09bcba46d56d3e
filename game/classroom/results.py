"""Result files: one JSON document per attempt, for the teacher's report and dashboard.

Written from the game state at each autosave (``completed: false``) and at the debrief, always
atomically, always to this attempt's own file: ``<results>/<class>/<name>-<hash>-<attempt>.json``.
Read back defensively: a file that is not a result, or is damaged, is skipped with a warning
that names it, never fatal.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..content.models import Pack
from ..engine.scoring import scorecard
from ..engine.state import MODES, GameState
from .identity import result_file_name

FORMAT = "briefing-result"
SCHEMA_VERSION = 1
MAX_RESULT_BYTES = 5_000_000  # a real result is a few KB; anything this big is not one


def result_document(pack: Pack, state: GameState, *, simulated: bool = False,
                    now: str | None = None) -> dict[str, Any]:
    """What a result file holds, built from the state alone (so a partial one is as true as a
    finished one)."""
    card = scorecard(pack, state)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "simulated": simulated,
        "pack": {"id": pack.id, "version": pack.manifest.version, "title": pack.manifest.title,
                 "content_hash": pack.content_hash},
        "class": state.class_code,
        "name": state.player,
        "mode": state.mode,
        "seed": state.seed,
        "same_order": state.same_order,
        "attempt": state.attempt_id,
        "started_at": state.started_at,
        "updated_at": now or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "completed": state.ended,
        "scene": state.scene,
        "ending": state.scene if state.ended else None,
        "decisions": [{"scene": d.scene, "choice": d.choice, "text": d.text,
                       "effects": d.effects, "available": d.available, "at": d.at}
                      for d in state.decisions],
        "answers": [{"scene": a.scene, "question": a.question, "response": a.response,
                     "points": a.points, "max_points": a.max_points, "correct": a.correct,
                     "attempt": a.attempt, "hinted": a.hinted, "at": a.at}
                    for a in state.answers],
        "tracks": {t.id: {"name": t.name, "earned": t.earned, "available": t.available,
                          "percent": t.percent, "graded": t.graded, "band": t.band}
                   for t in card.tracks},
        "percent": card.percent,
        "grade": card.grade,
    }


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
    """A result file as read back: the document, where it came from."""

    path: Path
    data: dict[str, Any]

    @property
    def pack_key(self) -> tuple[str, str, str]:
        """Results are only ever merged with others of the same pack, version and content."""
        pack = self.data["pack"]
        return pack["id"], pack["version"], pack["content_hash"]

    @property
    def student(self) -> tuple[str, str]:
        return self.data["class"], self.data["name"]


@dataclass
class ReadResults:
    results: list[Result] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, why, in words)


def read_results(results_dir: Path) -> ReadResults:
    """Every result file under ``results_dir`` (any depth), in path order; anything else that
    ends in .json is skipped with the reason. Hidden temp files of a write in progress are
    ignored."""
    found = ReadResults()
    root = Path(results_dir)
    for path in sorted(root.rglob("*.json")):
        if path.name.startswith(".") or not path.is_file():
            continue
        data, problem = read_one(path)
        if problem:
            found.skipped.append((path, problem))
        else:
            found.results.append(Result(path, data))
    return found


def read_one(path: Path) -> tuple[dict | None, str]:
    try:
        if path.stat().st_size > MAX_RESULT_BYTES:
            return None, "too large to be a result file"
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"cannot be read ({exc.__class__.__name__})"
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except ValueError as exc:
        return None, f"is not valid JSON (truncated or edited?): {exc}"
    problem = shape_problem(data)
    return (None, problem) if problem else (data, "")


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number a result can hold")


def shape_problem(data: Any) -> str:
    """Why ``data`` is not a result this version can report on, or ''."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return "is not a briefing result file"
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return "has no schema version"
    if version > SCHEMA_VERSION:
        return f"was written by a newer briefing (result schema {version})"
    pack = data.get("pack")
    if not (isinstance(pack, dict) and all(isinstance(pack.get(k), str)
                                           for k in ("id", "version", "content_hash"))):
        return "does not say which pack it is for"
    texts = ("class", "name", "mode", "attempt", "scene")
    if not all(isinstance(data.get(k), str) for k in texts) or data["mode"] not in MODES:
        return "has a missing or damaged class, name, mode or attempt"
    if not isinstance(data.get("completed"), bool) or not isinstance(data.get("simulated"), bool):
        return "has a damaged 'completed' or 'simulated' field"
    for record in data.get("answers", None) or []:
        if not (isinstance(record, dict) and isinstance(record.get("question"), str)
                and _number(record.get("points")) and _number(record.get("max_points"))
                and isinstance(record.get("correct"), bool)):
            return "has a damaged answer"
    for record in data.get("decisions", None) or []:
        if not (isinstance(record, dict) and isinstance(record.get("scene"), str)
                and isinstance(record.get("choice"), int) and isinstance(record.get("text"), str)
                and isinstance(record.get("effects"), dict)
                and all(_number(v) for v in record["effects"].values())):
            return "has a damaged decision"
    if not isinstance(data.get("answers"), list) or not isinstance(data.get("decisions"), list):
        return "has no answers or decisions list"
    tracks = data.get("tracks")
    if not isinstance(tracks, dict) or not all(
            isinstance(t, dict) and _number(t.get("earned")) and _number(t.get("available"))
            for t in tracks.values()):
        return "has damaged track totals"
    return ""


def _number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))
