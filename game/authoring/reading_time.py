"""Reading time: how long a careful player takes over a played path (issue 12: the words read at
WORDS_PER_MINUTE, plus SECONDS_PER_INTERACTION for every answer, decision and Continue)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterator

from ..content.kinds import kind_of
from ..content.models import Pack
from ..engine import GameState, Story, build_debrief, play, right_response

WORDS_PER_MINUTE = 200
SECONDS_PER_INTERACTION = 15


@dataclass(frozen=True)
class ReadingTime:
    words: int
    interactions: int

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.interactions * SECONDS_PER_INTERACTION / 60


def word_count(text: str) -> int:
    """Words as a reader meets them: Markdown marks, dashes and bullets are not words."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def reading_time(story: Story) -> ReadingTime:
    """What the player of ``story`` read and did: each scene's title, body and facts; each
    question answered (its ask, the options, events or pairs, and the explanation after it);
    each decision (the prompt, every choice offered, and the chosen one's feedback); the
    ending's assessment as composed for this player (not the debrief)."""
    by_scene = reading_by_scene(story)
    return ReadingTime(sum(t.words for t in by_scene.values()),
                       sum(t.interactions for t in by_scene.values()))


def reading_by_day(story: Story) -> list[tuple[str, ReadingTime]]:
    """The same, day by day in the pack's order of days (the endings count on their day)."""
    days: dict[str, list[int]] = {day: [0, 0] for day in story.pack.manifest.days}
    for scene_id, time in reading_by_scene(story).items():
        day = days.setdefault(story.pack.scenes[scene_id].day, [0, 0])
        day[0] += time.words
        day[1] += time.interactions
    return [(day, ReadingTime(w, i)) for day, (w, i) in days.items() if w or i]


def reading_by_scene(story: Story) -> dict[str, ReadingTime]:
    """Words read and interactions made at each scene visited, in the order visited."""
    pack, state = story.pack, story.state
    words: dict[str, int] = {}
    moves: dict[str, int] = {}
    for step, scene_id in enumerate(state.visited):
        scene = pack.scenes[scene_id]
        words[scene_id] = words.get(scene_id, 0) + word_count(scene.title) + word_count(
            scene.body) + sum(word_count(fact.text) for fact in scene.facts)
        # Every move from one scene to the next is a decision or a Continue.
        moves[scene_id] = moves.get(scene_id, 0) + (step < len(state.visited) - 1)
    questions = pack.questions()
    for record in state.answers:
        question = questions.get(record.question)
        moves[record.scene] = moves.get(record.scene, 0) + 1
        if record.attempt == 1 and question is not None:  # a second try reads nothing new
            words[record.scene] = words.get(record.scene, 0) + word_count(question.ask) + \
                word_count(question.explanation) + sum(
                    word_count(text) for _, _, text in kind_of(question).texts(question))
    for record, offered in zip(state.decisions, offered_choices(pack, state)):
        scene = pack.scenes[record.scene]
        words[record.scene] += word_count(scene.prompt) + sum(word_count(t) for t in offered)
        words[record.scene] += word_count(scene.choices[record.choice].feedback)
    if state.ended:
        words[state.scene] += word_count(build_debrief(pack, state).assessment)
    return {scene_id: ReadingTime(words[scene_id], moves.get(scene_id, 0)) for scene_id in words}


def offered_choices(pack: Pack, state: GameState) -> Iterator[tuple[str, ...]]:
    """The choice texts on offer at each decision, as the engine offered them: a story resumed
    from the state as it stood then (conditions may read flags, scores and choices made)."""
    answers = decisions = 0
    flags: list[str] = []
    for step, scene_id in enumerate(state.visited):
        scene = pack.scenes[scene_id]
        while answers < len(state.answers) and state.answers[answers].scene == scene_id:
            answers += 1
        if not (scene.choices and decisions < len(state.decisions)
                and state.decisions[decisions].scene == scene_id):
            continue  # a Continue: no decision was offered here
        then = dataclasses.replace(
            state, scene=scene_id, question_index=0, ended=False,
            visited=state.visited[:step + 1], flags=list(flags),
            decisions=state.decisions[:decisions], answers=state.answers[:answers],
            notebook=list(state.notebook), hints=list(state.hints))
        # Past the questions this player was asked (one asked again only after a miss may not be).
        then.question_index = len(Story.questions_asked(pack, then))
        yield tuple(option.text for option in Story(pack, then).choices)
        made = state.decisions[decisions]
        flags += [f for f in scene.choices[made.choice].set if f not in flags]
        decisions += 1


def careful_path(pack: Pack, seed: int = 1) -> Story:
    """The path of right answers and, at each decision, the choice worth most on the graded
    tracks (the first offered of those tied)."""
    graded = {t.id for t in pack.manifest.tracks if t.graded}

    def best(story: Story) -> int:
        choices = story.scene.choices
        worth = [sum(v for t, v in choices[o.authored_index].effects.items() if t in graded)
                 if not o.is_continue else 0 for o in story.choices]
        return worth.index(max(worth))

    return play(pack, best, right_response, seed=seed)
