"""Codes for answer cues: what gives the best option away without reading the scene, and
feedback that names an option by a place the shuffle changes."""

from __future__ import annotations

from ..cues import (
    ABOVE_CHANCE,
    HEDGE_RATIO,
    MIN_EXTRA_CHARACTERS,
    MIN_HEDGED,
    MIN_ITEMS,
    MOST,
    MUCH_LONGER,
    TRUE_FALSE_MOST,
)
from ..severity import WARNING
from . import Code

KEY = "cues"
TITLE = "Answer cues and option positions"

BEST = ("The best choice of a decision is the one with the most points on the graded tracks "
        "(a tie counts every tied choice as best); the best option of a single-choice question "
        "is its answer. Lengths are in characters, runs of spaces counted as one.")
WHY = ("Item writers keep the right answer from standing out by its look: a player who learns "
       "the pattern (the longest option, or \"false\") stops reading and still gets the "
       "points, and the score no longer says how carefully they read. This is a warning (an "
       "error with `--strict`); validate prints these figures for every pack under its summary "
       "line.")

CODES = (
    Code(
        "cue-longest", WARNING,
        "The best option is the longest in most decisions (or the answer in most single-choice "
        "questions) of the pack.",
        "Give some wrong options the same care and detail as the best, or say the best in "
        "fewer words, until length no longer picks it out.",
        f"It is reported when a pack has at least {MIN_ITEMS} decisions (or single-choice "
        f"questions, counted apart) and the best is the longest in at least {MOST:.0%} of "
        f"them, a share at least {ABOVE_CHANCE * 100:.0f} points above what picking at random "
        "would give (a third with three options, a half with two). The message gives the "
        "figures, the median lengths and the items where the best is longest by the most, at "
        f"file:line.\n\n{BEST}\n\n{WHY}",
        before="      - text: Report 40 moved as the officials' count, and note that the local "
               "radio claimed 55\n        effects: {tradecraft: 2}\n"
               "      - text: Report 55 moved\n        effects: {tradecraft: -1}\n",
        after="      - text: Report 40 moved, and note the radio's 55\n"
              "        effects: {tradecraft: 2}\n"
              "      - text: Report 55 moved, the figure the radio gave\n"
              "        effects: {tradecraft: -1}\n",
    ),
    Code(
        "cue-shortest", WARNING,
        "The best option is the shortest in most decisions (or the answer in most single-choice "
        "questions) of the pack.",
        "Let some best options be as long as the others, or give some wrong options fewer "
        "words.",
        f"The same figures and thresholds as `cue-longest` ({MIN_ITEMS} items, {MOST:.0%}, "
        f"{ABOVE_CHANCE * 100:.0f} points above chance), the other way round: a writer who "
        "pads the wrong options teaches players to pick the plain one.\n\n" + BEST,
        before="        options: [Monday, On the Tuesday after the flood, Late on Sunday night]\n"
               "        answer: Monday\n",
        after="        options: [On Monday morning, On the Tuesday after, Late on Sunday]\n"
              "        answer: On Monday morning\n",
    ),
    Code(
        "cue-much-longer", WARNING,
        "In one decision or single-choice question, the best option is much longer than every "
        "other.",
        "Cut it to what the player must weigh, or give another option as much detail.",
        f"It is reported when the best option is more than {MUCH_LONGER:g} times as long as the "
        f"longest other one and at least {MIN_EXTRA_CHARACTERS} characters longer: short "
        "options are read whole, so a few words more tell nothing. It is reported at the best "
        "choice's `text` or the question's `answer`; validate's text output shows the first "
        f"few in full and lists the places of the rest (`--format json` gives each).\n\n"
        "One option of three lines among one-liners is picked without reading: the writer's "
        f"care went into the best one, and it shows.\n\n{BEST}",
        before="      - text: Attribute it to US intelligence, keep the origin, the operator and "
               "the backing apart, and say none of it is confirmed\n"
               "      - text: Call it an Iranian attack\n",
        after="      - text: Attribute it to US intelligence, as not yet confirmed\n"
              "      - text: Call it an Iranian attack, as the first reports do\n",
        fold_after=3,
    ),
    Code(
        "cue-true-false", WARNING,
        "Most true-false answers of the pack are the same: mostly false, or mostly true.",
        f"Turn some statements round so that the article bears them out, until neither answer "
        f"is more than {TRUE_FALSE_MOST:.0%}.",
        f"It is reported when a pack has at least {MIN_ITEMS} true-false questions and more "
        f"than {TRUE_FALSE_MOST:.0%} of them have the same answer: a player who answers false "
        "(or true) every time scores that much without reading. The message lists the "
        "questions with the rarer answer. A true-false question is the one kind whose "
        "options never move (True comes first), so this is also the check on a fixed "
        f"position.\n\n{WHY}",
        before="        ask: \"True or false: the radio's figure was confirmed.\"\n"
               "        answer: false\n",
        after="        ask: \"True or false: the figure of 55 came from the local radio.\"\n"
              "        answer: true\n",
    ),
    Code(
        "cue-hedging", WARNING,
        "Hedging words (may, likely, appears, according to...) are mostly in the best "
        "options.",
        "Let some wrong options hedge too (on the wrong thing), or state some best options "
        "plainly where the evidence allows.",
        "The words counted: may, might, could, likely, probably, possibly, perhaps, "
        "apparently, allegedly, reportedly, appear(s), seem(s), suggest(s), according to, if "
        "so, unconfirmed, not (independently) confirmed or verified. An item counts for the "
        "cue when its best option has one and no other option does, against the cue when a "
        "wrong option has one and the best does not; when both do, it counts for neither. It "
        f"is reported when at least {MIN_ITEMS} decisions and single-choice questions have a "
        f"best option, at least {MIN_HEDGED} count for the cue, and at least {HEDGE_RATIO} "
        "times as many as count against it.\n\nIn a game that teaches careful attribution, "
        "the careful option will often hedge: that is the lesson, and it is also a cue. Make "
        "some wrong options careful in the wrong way (hedging a solid fact, or attributing "
        "a claim to the wrong source).",
        before="      - text: The strike may have come from Syrian militias\n"
               "        effects: {tradecraft: 2}\n"
               "      - text: Iran launched the strike\n"
               "        effects: {tradecraft: -1}\n",
        after="      - text: The strike may have come from Syrian militias\n"
              "        effects: {tradecraft: 2}\n"
              "      - text: Iran probably launched the strike itself\n"
              "        effects: {tradecraft: -1}\n",
    ),
    Code(
        "position-words", WARNING,
        "Feedback, a hint, an explanation or an option names an option by its place (\"the "
        "first two\", \"option 3\", \"(b)\", \"all of the above\"), but the game shuffles "
        "them.",
        "Name the option by a few of its own words, in quotes: \"No Iranian nationals had "
        "been killed\" rather than \"the first one\".",
        "Every player sees the options of a single-choice, multiple-select, timeline or match "
        "question, and the choices of a decision, in an order of their own, so words about a "
        "place point most players at the wrong option. Checked: the question, its options, "
        "hint and explanation, and a decision's prompt and each choice's text and feedback. Only phrases about "
        "options count: \"the first report\" or \"the last week\" is about the story, and in a "
        "timeline \"first\" and \"last\" speak of time; words inside quotation marks are "
        "someone else's and are not checked.",
        before="        explanation: >-\n          Only the first two. The threat to respond "
               "comes from unnamed sources.\n",
        after="        explanation: >-\n          Only \"No Iranian nationals had been killed\" "
              "and \"Iran denied involvement\".\n          The threat to respond comes from "
              "unnamed sources.\n",
    ),
)
