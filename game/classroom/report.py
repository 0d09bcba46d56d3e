"""`briefing report`: what a class's result files add up to, as data. Pure: the terminal (Rich),
CSV and HTML renderers each turn a ClassReport into their format.

Three choices shape every number here:
- Results of different packs, pack versions or pack contents are never merged: each gets its
  own Section, because a question id may mean something else in another version.
- Each student counts once, with one attempt (see ``counted_attempt``); every attempt is listed.
- Simulated results (from ``briefing playtest --results``) are left out when real ones are
  present, unless asked for; a folder of only simulated results is reported, marked as such.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..content.kinds import Breakdown, guess_kind, kind_of
from ..content.models import Pack
from ..engine import Mode, right_answer
from ..score_words import Form, percent, points, share_of, track_words
from .calibration import Calibration, calibration
from .report_learning import Learning, learning
from .results import ReadResults, Result, ResultDocument

MOST_MISSED = 5  # questions listed under "most missed"
HISTOGRAM_BINS = 10  # under 10 %, 10-19 %, ... 90-100 %


@dataclass(frozen=True)
class Student:
    class_code: str
    name: str
    simulated: bool
    attempts: tuple[Result, ...]  # oldest first
    counted: Result  # the attempt that counts (one of ``attempts``)
    why_counted: str  # e.g. "latest completed", in words for the teacher

    @property
    def document(self) -> ResultDocument:
        """The counted attempt's result."""
        return self.counted.document

    @property
    def counted_number(self) -> int:
        """1-based place of the counted attempt among this student's attempts."""
        return self.attempts.index(self.counted) + 1

    def track_percent(self, track_id: str) -> float | None:
        track = self.document.track(track_id)
        return track.percent if track is not None else None

    def track_cell(self, track_id: str) -> str:
        """The track as the report's column shows it: a percent, or a gauge's level."""
        track = self.document.track(track_id)
        return "—" if track is None else track_words(track, Form.COLUMN)

    def track_value(self, track_id: str) -> float | None:
        """The track as a number for a gradebook: its percent, or a gauge's level."""
        track = self.document.track(track_id)
        if track is None:
            return None
        return track.earned if not track.graded else share_of(track.earned, track.available)

    def question_points(self, question_id: str) -> float | None:
        """Points the question scored in the counted attempt (a practice retry adds its own,
        as in the track totals); None when the student never reached it."""
        points = [a.points for a in self.document.answers if a.question == question_id]
        return round(sum(points), 2) if points else None


@dataclass(frozen=True)
class OptionCount:
    text: str
    picked: int
    right: bool


@dataclass
class QuestionStats:
    id: str
    scene: str
    ask: str  # the question's wording, or its id when the pack is not at hand
    type: str  # "" when the pack is not at hand
    points: float | None
    right_answer: str | None
    source: str | None  # the article's words that hold the answer
    answered: int = 0  # students whose counted attempt reached the question
    correct_first: int = 0  # ... and were right at the first try
    partial_first: int = 0
    hinted: int = 0
    options: list[OptionCount] = field(default_factory=list)  # choice questions: who picked what
    common_wrong: list[tuple[str, int]] = field(default_factory=list)  # typed answers, by count
    breakdown: Breakdown = Breakdown()  # the kind's own: its table's headings, its caption
    forecast: bool = False  # a likelihood, not right or wrong (see calibration.py)

    @property
    def percent_correct(self) -> float | None:
        return round(100 * self.correct_first / self.answered, 1) if self.answered else None


@dataclass(frozen=True)
class ChoiceCount:
    index: int  # in the scene's authored choices
    text: str
    count: int


@dataclass(frozen=True)
class DecisionStats:
    scene: str
    title: str
    reached: int  # decisions taken here by the students counted
    choices: tuple[ChoiceCount, ...]
    what_happened: str | None


@dataclass(frozen=True)
class TrackSummary:
    id: str
    name: str
    graded: bool
    average_percent: float | None  # over finished attempts that had points on offer
    students: int
    average_level: float | None = None  # a gauge (not graded): its mean level, not a percent

    @property
    def average_text(self) -> str:
        if not self.graded:
            level = self.average_level
            return "—" if level is None else f"average level {points(level)}"
        return percent_text(self.average_percent)


@dataclass
class Section:
    """Every result of one pack id, version and content: numbers never cross sections."""

    pack_id: str
    version: str
    content_hash: str
    title: str
    pack: Pack | None
    pack_note: str  # "" when the pack played is at hand, else what is missing and why
    students: list[Student]
    tracks: list[TrackSummary]
    questions: list[QuestionStats]
    decisions: list[DecisionStats]
    histogram: list[tuple[str, int]]  # (bin label, finished students in it)
    average_percent: float | None
    calibration: Calibration | None = None  # the pack's forecasts, when it has any
    learning: Learning | None = None  # the pre/post check and skills, when results have them

    @property
    def finished(self) -> int:
        return sum(1 for s in self.students if s.document.completed)

    @property
    def simulated(self) -> int:
        return sum(1 for s in self.students if s.simulated)

    @property
    def mixed_simulated(self) -> bool:
        """Some results are simulated and some real: each simulated one is marked."""
        return 0 < self.simulated < len(self.students)

    @property
    def classes(self) -> list[str]:
        return sorted({s.class_code for s in self.students})

    @property
    def modes(self) -> list[str]:
        return sorted({s.document.mode for s in self.students})

    @property
    def several_attempts(self) -> bool:
        return any(len(s.attempts) > 1 for s in self.students)

    def grade_labels(self) -> list[str]:
        """The grades given, in the pack's order (best first) when the pack is at hand."""
        given = {s.document.grade for s in self.students if s.document.grade}
        if self.pack:
            bands = sorted(self.pack.manifest.grades, key=lambda b: -b.min)
            order = [b.label for b in bands]
            return [label for label in order if label in given] + sorted(given - set(order))
        return sorted(given)

    def most_missed(self, limit: int = MOST_MISSED) -> list[QuestionStats]:
        """Questions the fewest got right at the first try (only those someone missed)."""
        missed = [q for q in self.questions if q.answered and q.correct_first < q.answered
                  and not q.forecast]  # a forecast is not missed, only less well calibrated
        order = {q.id: n for n, q in enumerate(self.questions)}
        return sorted(missed, key=lambda q: (q.percent_correct, -q.answered, order[q.id]))[:limit]


@dataclass
class ClassReport:
    sections: list[Section]
    skipped: list[tuple[Path, str]]  # files that are not results, or are damaged, and why
    simulated_left_out: int = 0
    only_simulated: bool = False  # every result reported is simulated: a trial run

    @property
    def empty(self) -> bool:
        return not self.sections


def build_report(found: ReadResults, packs: Iterable[Pack] = (),
                 include_simulated: bool = False) -> ClassReport:
    """The report on every result read; ``packs`` supply wording and source quotes."""
    results = found.results
    real = [r for r in results if not r.document.simulated]
    left_out = 0
    if real and not include_simulated:
        left_out, results = len(results) - len(real), real
    by_pack: dict[tuple[str, str, str], list[Result]] = {}
    for result in results:
        by_pack.setdefault(result.pack_key, []).append(result)
    packs = list(packs)
    sections = [build_section(key, group, packs) for key, group in sorted(by_pack.items())]
    only_simulated = bool(results) and all(r.document.simulated for r in results)
    return ClassReport(sections, list(found.skipped), left_out, only_simulated)


def build_section(key: tuple[str, str, str], results: list[Result],
                  packs: Sequence[Pack]) -> Section:
    pack_id, version, content_hash = key
    pack, note = find_pack(pack_id, version, content_hash, packs)
    students = group_students(results)
    counted = [s.document for s in students]
    finished = [d for d in counted if d.completed]
    title = pack.manifest.title if pack else results[0].document.pack.title
    percents = [d.percent for d in finished if d.percent is not None]
    return Section(
        pack_id, version, content_hash, title, pack, note, students,
        track_summaries(pack, counted, finished), question_stats(pack, counted),
        decision_stats(pack, counted), histogram(percents),
        round(sum(percents) / len(percents), 1) if percents else None,
        calibration(pack, counted), learning(counted))


def find_pack(pack_id: str, version: str, content_hash: str,
              packs: Sequence[Pack]) -> tuple[Pack | None, str]:
    """The pack these results were played on: the same content, else the same id (wording may
    then differ, and the report says so), else none."""
    same_id = [p for p in packs if p.id == pack_id]
    for pack in same_id:
        if pack.content_hash == content_hash:
            return pack, ""
    if same_id:
        pack = same_id[0]
        at_hand = (f"at hand: version {pack.manifest.version}" if pack.manifest.version != version
                   else "the same version number, but its files differ")
        return pack, (f"The pack '{pack_id}' has changed since these results were written "
                      f"(played: version {version}; {at_hand}). Questions and choices are "
                      "matched by id; their wording may differ.")
    return None, (f"The pack '{pack_id}' was not found, so questions and decisions are shown "
                  "by id, without their wording or source quotes. Name it with --pack.")


def attempt_order(result: Result) -> tuple:
    document = result.document
    return document.started_at, document.updated_at, document.attempt, str(result.path)


def counted_attempt(attempts: Sequence[Result]) -> tuple[Result, str]:
    """The attempt that counts: the latest completed exam (a class's graded game), else the
    latest completed attempt in any mode, else the latest attempt, unfinished."""
    completed = [a for a in attempts if a.document.completed]
    exams = [a for a in completed if a.document.mode == Mode.EXAM]
    if exams:
        return exams[-1], "latest completed exam"
    if completed:
        return completed[-1], "latest completed"
    return attempts[-1], "latest (not finished)"


def group_students(results: list[Result]) -> list[Student]:
    by_student: dict[tuple[str, str, bool], list[Result]] = {}
    for result in results:
        document = result.document
        by_student.setdefault((document.class_code, document.name, document.simulated),
                              []).append(result)
    students = []
    for (class_code, name, simulated), attempts in sorted(
            by_student.items(), key=lambda item: (item[0][0].casefold(), item[0][1].casefold(),
                                                  item[0])):
        attempts.sort(key=attempt_order)
        counted, why = counted_attempt(attempts)
        students.append(Student(class_code, name, simulated, tuple(attempts), counted, why))
    return students


def track_summaries(pack: Pack | None, counted: list[ResultDocument],
                    finished: list[ResultDocument]) -> list[TrackSummary]:
    if pack:
        tracks = [(t.id, t.name, t.graded) for t in pack.manifest.tracks]
    else:
        seen: dict[str, tuple[str, str, bool]] = {}
        for document in counted:
            for track in document.tracks:
                seen.setdefault(track.id, (track.id, track.name, track.graded))
        tracks = list(seen.values())
    summaries = []
    for track_id, name, graded in tracks:
        scores = [d.track(track_id) for d in finished]
        values = [t.exact_percent for t in scores
                  if t is not None and t.exact_percent is not None]
        levels = [t.earned for t in scores if t is not None]
        summaries.append(TrackSummary(track_id, name, graded,
                                      round(sum(values) / len(values), 1) if values else None,
                                      len(values),
                                      round(sum(levels) / len(levels), 1) if levels else None))
    return summaries


def question_stats(pack: Pack | None, counted: list[ResultDocument]) -> list[QuestionStats]:
    stats: dict[str, QuestionStats] = {}
    if pack:
        for scene in pack.scenes.values():
            for q in scene.questions:
                stats[q.id] = QuestionStats(q.id, scene.id, q.ask, q.type, q.points,
                                            right_answer(q), q.source)
    responses: dict[str, list[tuple[Any, bool]]] = {}  # first-try (response, correct)
    for document in counted:
        seen: set[str] = set()
        for record in document.answers:
            question_id = record.question
            if question_id in seen or record.attempt != 1:
                continue  # first tries only: what the class knew, before any feedback
            seen.add(question_id)
            entry = stats.get(question_id)
            if entry is None:
                entry = stats[question_id] = QuestionStats(
                    question_id, record.scene, question_id, "", None, None, None)
            entry.answered += 1
            entry.forecast = entry.forecast or bool(record.resolves_in)
            entry.correct_first += record.correct
            entry.partial_first += not record.correct and record.points > 0
            entry.hinted += record.hinted
            responses.setdefault(question_id, []).append((record.response, record.correct))
    questions = pack.questions() if pack else {}
    for question_id, entry in stats.items():
        question = questions.get(question_id)
        given = responses.get(question_id, [])
        kind = kind_of(question) if question else guess_kind([r for r, _ in given])
        entry.breakdown = kind.breakdown(question, given, shown)
        entry.options = [OptionCount(row.text, row.count, row.right)
                         for row in entry.breakdown.rows]
        entry.common_wrong = list(entry.breakdown.common_wrong)
    return list(stats.values())


def decision_stats(pack: Pack | None, counted: list[ResultDocument]) -> list[DecisionStats]:
    taken: dict[str, Counter] = {}
    texts: dict[tuple[str, int], str] = {}
    for document in counted:
        for record in document.decisions:
            taken.setdefault(record.scene, Counter())[record.choice] += 1
            texts.setdefault((record.scene, record.choice), record.text)
    scenes = [s for s in pack.scenes.values() if s.choices] if pack else []
    order = [s.id for s in scenes] + [s for s in taken if not pack or s not in pack.scenes]
    decisions = []
    for scene_id in order:
        counts = taken.get(scene_id, Counter())
        scene = pack.scenes.get(scene_id) if pack else None
        if scene is not None:
            choices = [ChoiceCount(i, c.text, counts.get(i, 0)) for i, c in enumerate(scene.choices)]
            choices += [ChoiceCount(i, texts[scene_id, i], n) for i, n in sorted(counts.items())
                        if i >= len(scene.choices)]
            title = scene.title
            happened = scene.what_happened.text if scene.what_happened else None
        else:
            choices = [ChoiceCount(i, texts[scene_id, i], n) for i, n in sorted(counts.items())]
            title, happened = scene_id, None
        decisions.append(DecisionStats(scene_id, title, sum(counts.values()), tuple(choices),
                                       happened))
    return decisions


def histogram(percents: list[float]) -> list[tuple[str, int]]:
    """Finished students per tenth of the overall percent; 100 % goes in the top bin."""
    counts = [0] * HISTOGRAM_BINS
    width = 100 // HISTOGRAM_BINS
    for value in percents:
        counts[min(HISTOGRAM_BINS - 1, max(0, int(value // width)))] += 1
    # the lowest bin also holds totals below zero, and says so
    labels = [f"under {width}%" if low == 0 else f"{low}–{low + width - 1}%"
              if low + width < 100 else f"{low}–100%" for low in range(0, 100, width)]
    return list(zip(labels, counts))


def shown(text: str, limit: int | None = None) -> str:
    """Text from a result file made safe to show as it is: control characters (a hand-edited
    file may hold escape sequences) become visible escapes, and a very long text is cut.
    Markup is left alone here; each renderer escapes it for its own format."""
    # isprintable() is false for every control (category C) character: most texts have none,
    # and skip the character-by-character pass (a big folder shows a million of them)
    out = text if text.isprintable() else "".join(
        ch if unicodedata.category(ch)[0] != "C" or ch == " "
        else ch.encode("unicode_escape").decode("ascii") for ch in text)
    if limit is not None and len(out) > limit:
        out = out[:limit - 1] + "…"
    return out


def short_grade(label: str) -> str:
    """'B: Good analysis' as 'B' for a narrow table (the grade legend has the whole label)."""
    head, colon, _ = str(label).partition(":")
    return head.strip() if colon and 0 < len(head.strip()) <= 4 else str(label)


def percent_text(value: float | None) -> str:
    return percent(value)
