"""The debrief as plain data: scores, every answer reviewed, every decision against what the
article reports, and what other reporting said."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..content.graph import pack_replay
from ..content.models import Choice, Fact, OtherReport, Pack, Question, Scene
from .assessment import compose_assessment
from .errors import InvalidAnswer
from .forecasts import SettledForecast, settled_forecasts
from .grading import describe_response, grade, right_answer
from .modes import Mode
from .retrieval import missed_on
from .revisit import BetterCall, better_calls
from .scoring import Scorecard, scorecard, totals
from .state import AnswerRecord, DecisionRecord, GameState

# Said once in the debrief when some of the save's history names what the pack no longer has.
# The records stay in the save and their points in the totals: the scores are kept as numbers.
OLDER_VERSION_NOTE = ("Some of your earlier moves were made in an older version of this "
                      "briefing: what it no longer has is not shown, but the points you "
                      "earned still count.")
# Said once before the other reporting: what it is, and that it changes nothing in the score.

@dataclass(frozen=True)
class QuestionReview:
    scene_title: str
    ask: str
    your_answer: str
    right_answer: str
    points: float
    max_points: float
    correct: bool
    explanation: str
    source: str
    hinted: bool = False  # the hint was shown before an answer to it
    retry_answer: str = ""  # the second try (practice mode), if there was one
    retry_correct: bool = False
    missed_on: str = ""  # asked again: the day the player missed the question it asks again

    @property
    def lost(self) -> float:
        """The points this question could still have given."""
        return round(self.max_points - self.points, 2)


@dataclass(frozen=True)
class DecisionReview:
    when: str
    scene_title: str
    choice: str
    effects: dict[str, float]
    feedback: str
    what_happened: str
    source: str
    better: BetterCall | None = None  # the best call on offer, when it scored more


@dataclass(frozen=True)
class OtherReporting:
    """What other reporting said, beside the article's facts it bears on (their text, status
    and the article's words): shown once the week is over, whatever path led there."""

    report: OtherReport
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Debrief:
    title: str
    ended: bool
    ending_title: str
    ending_body: str
    assessment: str
    scorecard: Scorecard
    questions: tuple[QuestionReview, ...]
    decisions: tuple[DecisionReview, ...]
    notebook: tuple[Fact, ...]
    mode: Mode = Mode.PRACTICE
    class_code: str = ""
    player: str = ""
    older_version: bool = False  # some history names what the pack no longer has (not shown)
    # The texts of the assessment's parts that hold for this player, in the order shown (the
    # assessment above already has them in it); none for an assessment that is plain text.
    assessment_parts: tuple[str, ...] = ()
    other_reporting: tuple[OtherReporting, ...] = ()  # shown after the week, never scored
    # After the week: what there is to play again for, and the article to read in full.
    endings: int = 0
    routes: int | None = None  # None: the story map loops, so routes have no number
    article: str = ""  # the pack's source article as written: data, to be escaped
    # Each forecast the story has settled, beside its outcome; not among the questions above.
    forecasts: tuple[SettledForecast, ...] = ()


def build_debrief(pack: Pack, state: GameState) -> Debrief:
    questions: list[QuestionReview] = []
    shown_question = None  # the question of the last review, which a second try joins
    unshown = 0
    for record in state.answers:
        if record.resolves_in:
            continue  # a forecast: in the debrief's forecasts once settled
        scene, q = answered_question(pack, record)
        if q is None or (record.attempt > 1 and shown_question is not q):
            unshown += 1
            shown_question = None
            continue
        if record.attempt > 1:
            # a second try belongs with the first: one review, the points of both
            first = questions[-1]
            questions[-1] = replace(
                first, points=round(first.points + record.points, 2),
                hinted=first.hinted or record.hinted,
                retry_answer=describe_response(q, record.response),
                retry_correct=record.correct)
            continue
        questions.append(QuestionReview(
            scene.title, q.ask, describe_response(q, record.response), right_answer(q),
            record.points, record.max_points, record.correct, q.explanation, q.source,
            hinted=record.hinted, missed_on=missed_on(pack, q, state.answers)))
        shown_question = q
    decisions = []
    for record, better in zip(state.decisions, better_calls(pack, state)):
        scene, choice = chosen(pack, record)
        if choice is None:
            unshown += 1
            continue
        outcome = scene.what_happened
        decisions.append(DecisionReview(
            f"{scene.day}, {scene.time}", scene.title, choice.text, dict(record.effects),
            choice.feedback, outcome.text if outcome else "", outcome.source if outcome else "",
            better))
    facts = pack.facts()
    lost_history = (any(f not in facts for f in state.notebook)
                   or any(s not in pack.scenes for s in state.visited))
    last = pack.scenes.get(state.scene)
    assessment, parts = (compose_assessment(last.assessment, state, totals(state))
                         if last and last.ending else ("", ()))
    replay = pack_replay(pack) if state.ended else None  # after the week
    return Debrief(
        title=pack.manifest.title,
        ended=state.ended,
        ending_title=last.title if last and last.ending else "",
        ending_body=last.body if last and last.ending else "",
        assessment=assessment,
        scorecard=scorecard(pack, state),
        questions=tuple(questions),
        decisions=tuple(decisions),
        notebook=tuple(facts[f] for f in state.notebook if f in facts),
        mode=state.mode,
        class_code=state.class_code,
        player=state.player,
        older_version=bool(unshown) or lost_history,
        assessment_parts=parts,
        other_reporting=other_reporting(pack) if state.ended else (),  # after the week
        endings=replay.endings if replay else 0,
        routes=replay.routes if replay else None,
        article=pack.seed_text if state.ended else "",
        forecasts=settled_forecasts(pack, state),
    )


def other_reporting(pack: Pack) -> tuple[OtherReporting, ...]:
    """The pack's other reporting, each item beside the article's facts it bears on."""
    facts = pack.facts()
    return tuple(OtherReporting(report, tuple(facts[f] for f in report.fact_ids if f in facts))
                 for report in pack.manifest.other_reporting)


def answered_question(pack: Pack, record: AnswerRecord) -> tuple[Scene | None, Question | None]:
    """The scene and question an answer was given to, or None where the pack has changed so
    that the saved answer no longer fits: the scene or question is gone, or it takes another
    kind of answer now (another type, options that no longer include the one picked)."""
    scene = pack.scenes.get(record.scene)
    q = next((q for q in scene.questions if q.id == record.question), None) if scene else None
    if q is None or record.response is None:
        return scene, q
    try:
        grade(q, record.response)
    except InvalidAnswer:
        return scene, None
    return scene, q


def chosen(pack: Pack, record: DecisionRecord) -> tuple[Scene | None, Choice | None]:
    """The scene and choice of a decision: by the choice's id when both have one, else by the
    text the player saw (an edit may have reordered the choices, so an authored index alone
    could name another). None when that choice is no longer on offer there."""
    scene = pack.scenes.get(record.scene)
    if scene is None:
        return None, None
    choices = scene.choices
    if record.choice_id:
        by_id = next((c for c in choices if c.id == record.choice_id), None)
        if by_id is not None:
            return scene, by_id
    if 0 <= record.choice < len(choices) and choices[record.choice].text == record.text:
        return scene, choices[record.choice]
    return scene, next((c for c in choices if c.text == record.text), None)


def with_choice_id(pack: Pack, record: DecisionRecord) -> DecisionRecord:
    """A decision saved before its choice had an id, with the id the pack now gives it."""
    _scene, choice = chosen(pack, record)
    return replace(record, choice_id=choice.id) if choice is not None and choice.id else record


def played_by(debrief: "Debrief", name: Callable[[str], str] = str,
              class_code: Callable[[str], str] = str) -> str:
    """Who played and how, as one sentence ("Played by Ana, class 7B, exam mode."), or "" for
    a game on one's own in practice mode. ``name`` and ``class_code`` dress what was typed for
    where it is shown (escaped as Markdown in the TUI, kept to one line in plain mode)."""
    bits = []
    if debrief.player:
        bits.append(f"Played by {name(debrief.player)}")
    if debrief.class_code:
        bits.append(f"class {class_code(debrief.class_code)}")
    if bits or debrief.mode is not Mode.PRACTICE:
        bits.append(f"{debrief.mode} mode")
    text = ", ".join(bits)
    return f"{text[0].upper()}{text[1:]}." if text else ""
