"""What the projector view shows the class, from a results folder read as it is now: how far
the class has got (students per day), and for each question and decision the class's split,
with the one the class has got to picked out (the furthest that half the class has done). No
student's name is in any of it. TUI-free.

The split is of first tries only (what the class knew before any feedback, as the report counts
them), of each student's latest game (as the dashboard shows it). Which options are right is
in the data; the screen shows it only when the teacher asks (game/tui/dashboard/
projector_screen.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from ..content.kinds import guess_kind, kind_of
from ..content.models import Pack, Question, Scene
from ..engine import GameState, Story, right_answer
from .live import QUIET_AFTER, PackLookup, latest_per_student, quiet_for, status_of
from .report import shown
from .results import ReadResults, ResultDocument

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A typed answer is shown on the wall only when this many students typed it: one student's
# text (a joke, a classmate's name) never is.
TYPED_SHOWN_FROM = 2
TYPED_SHOWN = 4  # the most common wrong answers shown, at most
DECISION = ""  # a Step's question for the scene's decision


@dataclass(frozen=True)
class Step:
    """A question, or a scene's decision (``question`` is DECISION)."""

    scene: str
    question: str = DECISION


@dataclass(frozen=True)
class Bar:
    label: str  # "A", "B", … for an option; "" for a right / partly / wrong count
    text: str
    count: int
    right: bool  # shown only once the teacher reveals (a right / partly / wrong bar says it)
    tone: str = ""  # "right", "partly" or "wrong" for a grading bar: its colour


@dataclass(frozen=True)
class Split:
    step: Step
    where: str  # the day and the scene's title
    ask: str  # the question, or the decision's prompt
    kind: str  # "question", "decision" or "forecast"
    answered: int  # students whose first try (or decision) is counted here
    bars: tuple[Bar, ...]
    answer: str = ""  # the right answer written out, shown on reveal
    common_wrong: tuple[tuple[str, int], ...] = ()  # typed by TYPED_SHOWN_FROM or more

    @property
    def revealable(self) -> bool:
        """Whether there is anything to reveal: a forecast is settled later in the story."""
        return self.kind != "forecast" and (bool(self.answer) or any(b.right for b in self.bars))


@dataclass(frozen=True)
class DayCount:
    day: str
    reached: int  # students who have got to this day or beyond
    here: int  # students in it now


@dataclass(frozen=True)
class ProjectorView:
    title: str  # the pack's title
    students: int
    playing: int
    quiet: int
    finished: int
    days: tuple[DayCount, ...]
    splits: tuple[Split, ...]  # every question and decision answered so far, in story order
    current: int | None  # the index in ``splits`` of the step the class has got to

    @property
    def current_split(self) -> Split | None:
        return self.splits[self.current] if self.current is not None else None


def projector_view(found: ReadResults, packs: PackLookup, now: datetime | None = None,
                   quiet_after: timedelta = QUIET_AFTER) -> ProjectorView:
    """The class as the folder holds it at ``now``: the pack (and version) most students are
    playing; students on another are left out, as the report never merges two."""
    now = now or datetime.now(timezone.utc)
    latest = [result for result, _ in latest_per_student(found.results)]
    played = Counter(result.pack_key for result in latest)  # never two versions merged
    if not played:
        return ProjectorView("", 0, 0, 0, 0, (), (), None)
    pack_key = played.most_common(1)[0][0]
    games = [result for result in latest if result.pack_key == pack_key]
    pack_id = pack_key[0]
    statuses = [status_of(result, quiet_for(result, now, quiet_after)) for result in games]
    documents = [result.document for result in games]
    pack = packs(pack_id)
    order = story_order(pack, documents)
    done = {step for document in documents for step in done_steps(document, {})}
    # Where the class has got, among the games still going or done: a quiet one has left it.
    counted = [d for d, status in zip(documents, statuses) if status != "quiet"]
    current = class_step(pack, counted or documents, order)
    splits = tuple(split_of(pack, step, documents) for step in order
                   if step in done or step == current)  # the step got to, even unanswered
    return ProjectorView(
        title=shown(pack.manifest.title if pack else documents[0].pack.title, limit=60),
        students=len(games), playing=statuses.count("playing"), quiet=statuses.count("quiet"),
        finished=statuses.count("finished"), days=day_counts(pack, documents), splits=splits,
        current=next((i for i, split in enumerate(splits) if split.step == current), None))


def story_order(pack: Pack | None, documents: list[ResultDocument]) -> list[Step]:
    """Every question and decision in story order: the scenes as the pack lists them, each
    scene's questions, then its decision. Without the pack, in the order first answered."""
    if pack is not None:
        return [step for scene in pack.scenes.values() for step in scene_steps(scene)]
    timed = sorted(((record.at, Step(record.scene, getattr(record, "question", DECISION)))
                    for document in documents
                    for record in (*document.answers, *document.decisions)),
                   key=lambda timed_step: timed_step[0])
    return list(dict.fromkeys(step for _, step in timed))


def scene_steps(scene: Scene) -> list[Step]:
    return [*(Step(scene.id, q.id) for q in scene.questions),
            *([Step(scene.id)] if scene.choices else [])]


def done_steps(document: ResultDocument, place: dict[Step, int]) -> list[Step]:
    """The questions (first tries) and decisions of a game, in the order they were done: by
    their times, and within one second (times are to the second) in story order."""
    steps = [(answer.at, Step(answer.scene, answer.question))
             for answer in document.answers if answer.attempt == 1]
    steps += [(decision.at, Step(decision.scene)) for decision in document.decisions]
    return [step for _, step in sorted(steps, key=lambda timed: (
        timed[0], place.get(timed[1], len(place))))]


def step_on(pack: Pack | None, document: ResultDocument) -> Step | None:
    """The question or decision a game is waiting on (None once finished, or in a scene with
    neither, or when the pack is not at hand)."""
    scene = pack.scenes.get(document.scene) if pack is not None else None
    if scene is None or document.completed:
        return None
    state = GameState(pack_id=pack.id, pack_version=pack.manifest.version, seed=0,
                      scene=scene.id, answers=list(document.answers))
    done = {a.question for a in document.answers if a.scene == scene.id and a.attempt == 1}
    for question in Story.questions_asked(pack, state):  # a question asked again, or not
        if question.id not in done:
            return Step(scene.id, question.id)
    return Step(scene.id) if scene.choices else None


def class_step(pack: Pack | None, documents: list[ResultDocument],
               order: list[Step]) -> Step | None:
    """The step the class has got to: the furthest that at least half of ``documents`` have
    done (the middle student's last), so its bars hold most of the class's answers; before
    half have done any, the one the middle student is on. Students only move on, so it never
    goes back while the same students play."""
    place = {step: i for i, step in enumerate(order)}
    progress = []  # (how far in story order, the step done last or waited on)
    for document in documents:
        done = done_steps(document, place)
        if done:
            progress.append((place.get(done[-1], -1), done[-1]))
        else:
            progress.append((-1, step_on(pack, document)))
    if not progress:
        return None
    progress.sort(key=lambda far: far[0], reverse=True)
    return progress[(len(progress) + 1) // 2 - 1][1]


def day_counts(pack: Pack | None, documents: list[ResultDocument]) -> tuple[DayCount, ...]:
    """Per day of the pack, how many have reached it and how many are in it now; a last
    "Debrief" for those who have finished."""
    if pack is None:
        return ()
    days = list(pack.manifest.days)
    day_of = {scene.id: days.index(scene.day) if scene.day in days else 0
              for scene in pack.scenes.values()}
    furthest = [len(days) if d.completed else day_of.get(d.scene, 0) for d in documents]
    counts = [DayCount(day, sum(1 for f in furthest if f >= i), furthest.count(i))
              for i, day in enumerate(days)]
    finished = furthest.count(len(days))
    return (*counts, DayCount("Debrief", finished, finished))


def split_of(pack: Pack | None, step: Step, documents: list[ResultDocument]) -> Split:
    scene = pack.scenes.get(step.scene) if pack is not None else None
    where = f"{scene.day} · {scene.title}" if scene is not None else step.scene
    if step.question == DECISION:
        graded = graded_tracks(pack) if pack is not None else frozenset()
        return decision_split(scene, graded, step, where, documents)
    question = pack.questions().get(step.question) if pack is not None else None
    given = [(answer.response, answer.correct, answer.points) for document in documents
             for answer in document.answers
             if answer.question == step.question and answer.attempt == 1]
    return question_split(question, step, where, given)


def question_split(question: Question | None, step: Step, where: str,
                   given: list[tuple[Any, bool, float]]) -> Split:
    """Bars per option where the question has options to pick (the kind's own breakdown, as the
    class report shows it); right / partly / wrong counts where answers are typed or put in
    order, or where the kind's rows are the right answer itself (pairs to match)."""
    pairs = [(response, correct) for response, correct, _ in given]
    kind = kind_of(question) if question is not None else guess_kind([r for r, _ in pairs])
    breakdown = kind.breakdown(question, pairs, shown)
    ask = question.ask if question is not None else step.question
    kind_name = "forecast" if kind.settled_later else "question"
    answer = right_answer(question) if question is not None and not kind.settled_later else ""
    common = tuple((text, n) for text, n in breakdown.common_wrong
                   if n >= TYPED_SHOWN_FROM)[:TYPED_SHOWN]
    rows = breakdown.rows
    if kind.shuffled:  # each game orders them its own way; the author's often puts the answer
        rows = tuple(sorted(rows, key=lambda row: row.text.casefold()))  # first: A-Z instead
    if rows and not all(row.right for row in rows):
        bars = tuple(Bar(letter, row.text, row.count, row.right)
                     for letter, row in zip(LETTERS, rows))
    else:
        right = sum(1 for _, correct, _ in given if correct)
        partly = sum(1 for _, correct, points in given if not correct and points > 0)
        bars = (Bar("", "Right", right, True, "right"),
                *((Bar("", "Partly right", partly, False, "partly"),) if partly else ()),
                Bar("", "Wrong", len(given) - right - partly, False, "wrong"))
    return Split(step, where, ask, kind_name, len(given), bars, answer, common)


def decision_split(scene: Scene | None, graded: frozenset[str], step: Step, where: str,
                   documents: list[ResultDocument]) -> Split:
    """Each choice with how many took it; the right ones, on reveal, are those worth the most
    on the graded tracks (the strongest call)."""
    taken: Counter[int] = Counter()
    texts: dict[int, str] = {}
    for document in documents:
        for decision in document.decisions:
            if decision.scene == step.scene:
                taken[decision.choice] += 1
                texts.setdefault(decision.choice, decision.text)
    choices = list(scene.choices) if scene is not None else []
    worth = [sum(v for track, v in c.effects.items() if track in graded) for c in choices]
    strongest = max(worth) if len(set(worth)) > 1 else None  # all alike: none is the call
    counted = [(shown(c.text), taken.get(i, 0), worth[i] == strongest)
               for i, c in enumerate(choices)]
    counted += [(shown(texts[i]), n, False) for i, n in sorted(taken.items())
                if i >= len(choices)]  # a choice no longer in the pack is still counted
    # A to Z, as for options: each game offers the choices in its own order.
    bars = [Bar(letter, text, count, right) for letter, (text, count, right) in
            zip(LETTERS, sorted(counted, key=lambda choice: choice[0].casefold()))]
    ask = (scene.prompt or "What did you decide?") if scene is not None else "Decision"
    return Split(step, where, ask, "decision", sum(taken.values()), tuple(bars))


def graded_tracks(pack: Pack) -> frozenset[str]:
    """The tracks a choice's strength is judged by: not a gauge such as escalation risk."""
    return frozenset(track.id for track in pack.manifest.tracks if track.graded)
