"""Golden walkthroughs: an author's scripted playthrough with expectations, kept in YAML beside the
pack (like Yarn Spinner's testplans), run by `briefing test` and by pytest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..content.compiler import NodeCompiler, parse_yaml
from ..content.diagnostics import ERROR, Diagnostic
from ..content.loader import display_path, read_text
from ..content.kinds import kind_of
from ..content.models import Loc, Pack, Scalar, doc
from ..engine import EngineError, Phase, build_debrief, right_response, Story, wrong_response
from ..content.quotes import fold_text

FOLDER = "walkthroughs"


@dataclass(frozen=True)
class Step:
    """One step: do one thing, or check one thing. Write exactly one key."""

    choose: str | None = field(default=None, metadata=doc(
        "Take the choice whose text starts with this."))
    continue_: bool = field(default=False, metadata=doc(
        "Go on from a scene with no decision.", yaml="continue"))
    answer: Scalar | tuple[str, ...] | Mapping[str, str] | None = field(
        default=None, metadata=doc(
            "Answer the current question: an option's text, a number, words, true/false, a "
            "list, or for a match question each item on the left with its match."))
    answer_all: str | None = field(default=None, metadata=doc(
        "Answer every question still waiting in this scene.", choices=("right", "wrong")))
    expect_scene: str | None = field(default=None, metadata=doc("The scene the player is in."))
    expect_text: str | None = field(default=None, metadata=doc(
        "Words in the current scene's title or body (case and punctuation ignored)."))
    expect_score: Mapping[str, float] = field(default_factory=dict, metadata=doc(
        "Points earned so far on these tracks."))
    expect_ending: str | None = field(default=None, metadata=doc(
        "The ending reached; the week must be over."))
    expect_grade: str | None = field(default=None, metadata=doc("The overall grade's label."))
    expect_assessment: str | None = field(default=None, metadata=doc(
        "Words in this player's assessment at the ending (case and punctuation ignored); the "
        "week must be over."))
    expect_not_in_assessment: str | None = field(default=None, metadata=doc(
        "Words that must not be in this player's assessment at the ending."))
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False,
                                    metadata={"internal": True})


@dataclass(frozen=True)
class Walkthrough:
    """A scripted playthrough of a pack."""

    name: str = field(metadata=doc("What this walkthrough shows."))
    steps: tuple[Step, ...] = field(metadata=doc("The steps, in order."))
    seed: int = field(default=1, metadata=doc("Fixes the order of options."))
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False,
                                    metadata={"internal": True})


def walkthrough_files(pack_dir: Path) -> list[Path]:
    return sorted((Path(pack_dir) / FOLDER).glob("*.yaml"))


def load(path: Path) -> tuple[Walkthrough | None, list[Diagnostic]]:
    text, problem = read_text(path)
    if problem:
        return None, [problem]
    node, found = parse_yaml(text, display_path(path))
    if node is None:
        return None, found
    compiler = NodeCompiler(display_path(path))
    walkthrough = compiler.compile(Walkthrough, node)
    found += compiler.diagnostics
    for step in walkthrough.steps if walkthrough else ():
        keys = [k for k in step.locs if k]
        if len(keys) != 1:
            where = step.locs[""]
            found.append(Diagnostic(where.file, where.line, where.column, ERROR, "step-keys",
                                    f"A step needs exactly one key; this one has {len(keys)}.",
                                    "Split it into one step per line."))
    return walkthrough, found


class StepFailed(Exception):
    pass


class Runner:
    def __init__(self, pack: Pack, walkthrough: Walkthrough):
        self.pack = pack
        self.story = Story(pack, seed=walkthrough.seed, clock=lambda: "")

    def run(self, step: Step) -> None:
        story = self.story
        if step.choose is not None:
            self.need(Phase.AWAITING_CHOICE, "choose")
            texts = [c.text for c in story.choices]
            wanted = fold_text(step.choose)
            # The whole text wins over a start: "Report it" must not also match "Report it later".
            matches = ([i for i, t in enumerate(texts) if fold_text(t) == wanted]
                       or [i for i, t in enumerate(texts) if fold_text(t).startswith(wanted)])
            if len(matches) != 1:
                offered = "; ".join(f'"{t}"' for t in texts)
                raise StepFailed(f"{'no' if not matches else 'more than one'} choice starts with "
                                 f'"{step.choose}" in \'{story.scene.id}\'. On offer: {offered}')
            story.choose(matches[0])
        elif step.continue_:
            self.need(Phase.AWAITING_CHOICE, "continue")
            if story.scene.choices:
                raise StepFailed(f"'{story.scene.id}' is a decision: use choose")
            story.choose(0)
        elif "answer" in step.locs:
            self.need(Phase.AWAITING_ANSWER, "answer")
            question = story.pending_question
            story.answer(kind_of(question).from_walkthrough(question, step.answer))
        elif step.answer_all is not None:
            policy = right_response if step.answer_all == "right" else wrong_response
            while story.phase is Phase.AWAITING_ANSWER:
                presented = story.question
                story.answer(policy(presented.question, presented.options))
        else:
            self.check(step)

    def need(self, phase: Phase, verb: str) -> None:
        if self.story.phase is not phase:
            waiting = len(self.story.questions) - self.story.state.question_index
            extra = f" ({waiting} question(s) still waiting)" if waiting > 0 else ""
            raise StepFailed(f"cannot {verb}: the story is {self.story.phase.value} in "
                             f"'{self.story.scene.id}'{extra}")

    def check(self, step: Step) -> None:
        story = self.story
        if step.expect_scene is not None and story.scene.id != step.expect_scene:
            raise StepFailed(f"expected scene '{step.expect_scene}', but the player is in "
                             f"'{story.scene.id}'")
        if step.expect_text is not None:
            shown = fold_text(f"{story.scene.title} {story.scene.body}")
            if fold_text(step.expect_text) not in shown:
                raise StepFailed(f"'{story.scene.id}' does not say \"{step.expect_text}\"")
        card = story.scorecard()
        for track, value in step.expect_score.items():
            earned = next((t.earned for t in card.tracks if t.id == track), None)
            if earned is None or abs(earned - value) > 1e-6:
                raise StepFailed(f"expected {track} {value:g}, but it is {earned}")
        if step.expect_ending is not None:
            if story.phase is not Phase.ENDED or story.scene.id != step.expect_ending:
                raise StepFailed(f"expected the ending '{step.expect_ending}', but the player is "
                                 f"in '{story.scene.id}' ({story.phase.value})")
        if step.expect_grade is not None and card.grade != step.expect_grade:
            raise StepFailed(f"expected the grade '{step.expect_grade}', but it is '{card.grade}'")
        for words, wanted in ((step.expect_assessment, True),
                              (step.expect_not_in_assessment, False)):
            if words is None:
                continue
            if story.phase is not Phase.ENDED:
                raise StepFailed(f"there is no assessment yet: the player is in "
                                 f"'{story.scene.id}' ({story.phase.value})")
            shown = fold_text(build_debrief(self.pack, story.state).assessment)
            if (fold_text(words) in shown) != wanted:
                raise StepFailed(f"the assessment at '{story.scene.id}' "
                                 f"{'does not say' if wanted else 'says'} \"{words}\"")


def run_walkthrough(pack: Pack, walkthrough: Walkthrough) -> list[Diagnostic]:
    """Play the steps in order; the first that fails is reported at its file:line."""
    runner = Runner(pack, walkthrough)
    for step in walkthrough.steps:
        try:
            runner.run(step)
        except (StepFailed, EngineError) as exc:
            where = step.locs[""]
            return [Diagnostic(where.file, where.line, where.column, ERROR, "walkthrough-failed",
                               str(exc), "Play the pack to this point, or update the step.")]
    return []


def run_all(pack: Pack, pack_dir: Path) -> list[tuple[Path, Any, list[Diagnostic]]]:
    """Every walkthrough of a pack: (file, walkthrough or None, problems)."""
    results = []
    for path in walkthrough_files(pack_dir):
        walkthrough, problems = load(path)
        if walkthrough is not None and not any(d.is_error for d in problems):
            problems = problems + run_walkthrough(pack, walkthrough)
        results.append((path, walkthrough, problems))
    return results
