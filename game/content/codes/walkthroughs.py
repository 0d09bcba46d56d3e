"""Codes of golden walkthroughs (`briefing test`), beside the ones their YAML can give."""

from __future__ import annotations

from ..severity import ERROR
from . import Code

KEY = "walkthroughs"
TITLE = "Walkthroughs (`briefing test`)"

CODES = (
    Code(
        "step-keys", ERROR,
        "A walkthrough step has more or fewer than one key (\"this one has 2\").",
        "Put each action or check on its own `- ` line.",
        "\"Has 0\" usually means that the step's only key was misspelt, which is reported as "
        "`unknown-key` too.",
        before="steps:\n  - {answer: 3, expect_scene: mon-alarm}\n",
        after="steps:\n  - expect_scene: mon-alarm\n  - answer: 3\n",
    ),
    Code(
        "walkthrough-failed", ERROR,
        "A step could not be done, or a check did not hold; the message says which, and why.",
        "Play the pack to that point (`briefing play`) and compare; fix the pack if it is "
        "wrong, or the step if the pack changed on purpose.",
        "For example `cannot choose: the story is awaiting answer in 'first-scene' (1 "
        "question(s) still waiting)`; `more than one choice starts with \"Report it with\"` "
        "(it lists the choices on offer); `'first-scene' is a decision: use choose`; `expected "
        "tradecraft 3, but it is 2.0`; `answer true or false` (the answer was the wrong kind). "
        "Only the first failing step of a walkthrough is reported.",
        before="steps:\n  - answer_all: right\n  - choose: Report 40\n"
               "  - expect_scene: tue-radio\n",
        after="steps:\n  - answer_all: right\n  - choose: Report 40\n"
              "  - expect_scene: tue-wrap\n",
    ),
)
