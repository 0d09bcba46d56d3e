"""Codes for pack.yaml (days, tracks, grades) and for ids across the whole pack."""

from __future__ import annotations

from ..severity import ERROR, WARNING
from . import Code

KEY = "pack"
TITLE = "pack.yaml"

CODES = (
    Code(
        "unknown-format", ERROR,
        "`format:` in `pack.yaml` is not a version of the scene format this briefing reads.",
        "Write `format: 2` (today's), or update briefing if the pack was written for a newer "
        "one.",
        "A pack says which version of the format it is written in, so that a pack written "
        "before a change keeps working: one without `format:` is format 1, and `briefing "
        "upgrade PACK` brings it up to date.",
        before="format: 7\n",
        after="format: 2\n",
    ),
    Code(
        "no-days", ERROR,
        "`days:` in `pack.yaml` is empty.",
        "List the days in order.",
        "Every scene names one of these days, and the game shows the day at the top.",
        before="days: []\n",
        after="days:\n  - Thursday 23 March\n  - Friday 24 March\n",
    ),
    Code(
        "duplicate-day", ERROR,
        "A day is listed twice under `days:`.",
        "List each day once, in order.",
        before="days: [Monday, Tuesday, Monday]\n",
        after="days: [Monday, Tuesday, Wednesday]\n",
    ),
    Code(
        "no-grades", ERROR,
        "`grades:` in `pack.yaml` is empty, so the debrief has no grade to give.",
        "Add grade bands, at least `- {min: 0, label: ...}`.",
        "A band's `min` is the percent of the points at which its label starts.",
        before="grades: []\n",
        after="grades:\n  - {min: 0, label: Keep practising}\n  - {min: 70, label: Well done}\n",
    ),
    Code(
        "no-floor-band", WARNING,
        "No band of a track or of `grades` starts at `min: 0`, so a low score gets no label "
        "(\"—\").",
        "Add a band with `min: 0`.",
        before="grades:\n  - {min: 50, label: B}\n  - {min: 80, label: A}\n",
        after="grades:\n  - {min: 0, label: C}\n  - {min: 50, label: B}\n  - {min: 80, label: A}\n",
    ),
    Code(
        "band-range", ERROR,
        "A band's `min` is below 0 or above 100.",
        "Use a percent from 0 to 100.",
        before="  - {min: 180, label: A}\n",
        after="  - {min: 80, label: A}\n",
    ),
    Code(
        "duplicate-id", ERROR,
        "Two tracks, scenes, facts or questions have the same id, or two choices of one scene "
        "do; the message says which, and where the first one is.",
        "Give each its own id. Ids must be unique across the whole pack, not just in one file; "
        "a choice's id, within its scene.",
        "Other scenes, results and the report find things by their ids, so each id names one "
        "thing only. A choice is named with its scene (`chose: [scene-id.choice-id]`), so two "
        "scenes may both have a choice called `careful`.",
        before="  - id: end-good\n    title: A sound note\n"
               "  - id: end-good\n    title: A shaky note\n",
        after="  - id: end-good\n    title: A sound note\n"
              "  - id: end-weak\n    title: A shaky note\n",
    ),
    Code(
        "no-scenes", ERROR,
        "No scene file has any scene.",
        "Add a scene file (any `*.yaml` beside `pack.yaml`) with a `scenes:` list and at least "
        "one scene.",
        before="scenes: []\n",
        after="scenes:\n  - id: mon-alarm\n    day: Monday\n    time: Morning\n"
              "    title: The river rises\n    body: The river has risen.\n"
              "    ending: true\n",
    ),
    Code(
        "unknown-skill", WARNING,
        "A question, decision or check item names a skill that `skills:` in `pack.yaml` does "
        "not list.",
        "Use a skill id as listed, or add the skill to `skills:`.",
        "Once `pack.yaml` lists skills, the class report groups mastery and gains by them, so "
        "a tag that is not listed (often a typo) would be a skill of its own with one item. A "
        "pack without a `skills:` list may tag freely: the report then names each skill by "
        "its id.",
        before="    skills: [sorcing]\n",
        after="    skills: [sourcing]\n",
    ),
    Code(
        "forecast-in-check", ERROR,
        "An item of the pre-check or the post-check is a forecast.",
        "Use another kind of question: a check item has a right answer when it is asked.",
        "Checks measure what a student knows before and after the week; a forecast is settled "
        "by the story later, so it has no right answer at the time of a check.",
        before="checks:\n  pre:\n    - {id: pre-1, type: forecast, ask: Will it rain?, "
               "source: rain, explanation: It did.}\n  post: same-reordered\n",
        after="checks:\n  pre:\n    - {id: pre-1, type: true-false, ask: It rained., "
              "answer: true, source: rain, explanation: It did.}\n  post: same-reordered\n",
    ),
    Code(
        "unknown-post-check", ERROR,
        "`post:` under `checks:` is a word other than `same-reordered`.",
        "Write `post: same-reordered`, or list the post-check's own items.",
        "`same-reordered` asks the pre-check's items again after the week, each player's items "
        "and options in another order; a list gives parallel items, paired with the pre "
        "items in order.",
        before="checks:\n  pre: []\n  post: same\n",
        after="checks:\n  pre: []\n  post: same-reordered\n",
    ),
    Code(
        "check-items-unpaired", ERROR,
        "The post-check lists another number of items than the pre-check.",
        "Give the post-check one item for each pre-check item, in the same order.",
        "Each post item is paired with the pre item in the same place, so that the report "
        "measures the gain on the same knowledge, skill by skill. An item left unpaired would "
        "measure nothing.",
        before="checks:\n  pre: [{id: a, type: true-false, ask: A., answer: true, source: a, "
               "explanation: A.}]\n  post: []\n",
        after="checks:\n  pre: [{id: a, type: true-false, ask: A., answer: true, source: a, "
              "explanation: A.}]\n  post: [{id: b, type: true-false, ask: B., answer: false, "
              "source: b, explanation: B.}]\n",
    ),
    Code(
        "empty-check", ERROR,
        "`checks:` has no pre-check items.",
        "List at least one item under `pre:`, or leave `checks:` out.",
        before="checks:\n  pre: []\n  post: same-reordered\n",
        after="checks:\n  pre: [{id: a, type: true-false, ask: A., answer: true, source: a, "
              "explanation: A.}]\n  post: same-reordered\n",
    ),
)
