"""Codes for scenes and the story map: where each scene leads, and what scores on which track."""

from __future__ import annotations

from ..severity import ERROR, WARNING
from . import Code

KEY = "story"
TITLE = "Scenes and the story map"

MAP_IGNORES_CONDITIONS = ("This check reads the map whatever the `if:` conditions say, so it "
                          "judges every way a scene can lead; a scene that only the conditions "
                          "shut off is `unreachable-by-condition`.")

CODES = (
    Code(
        "unknown-scene", ERROR,
        "A `start`, `next`, `to`, `visited`, `not_visited`, `chose` or `not_chose` names a "
        "scene id that no scene has.",
        "Fix the spelling (the message suggests the closest id), or add the scene.",
        "Often a typo, or a scene renamed in one place and not in the other. When a `next` "
        "or `to` names no scene, the scenes that only it would reach (going by the closest "
        "id) are listed in its message, not reported one by one as `unreachable`.",
        before="    next: tue-wrapp\n",
        after="    next: tue-wrap\n",
    ),
    Code(
        "unknown-day", ERROR,
        "A scene's `day` is not spelt exactly as one of the `days:` in `pack.yaml`.",
        "Copy the day from `days:` in `pack.yaml`.",
        "Capitals, spaces and the date all count: `Thursday 23 Mar` is not `Thursday 23 March`.",
        before="    day: Thursday 23 Mar\n",
        after="    day: Thursday 23 March\n",
    ),
    Code(
        "dead-end", ERROR,
        "A scene has no choices, no `next` and is not an ending; or a choice has no `next` and "
        "neither has its scene.",
        "Add a `next:` (to the choice or to the scene), or `ending: true`.",
        "The player would reach it and have nowhere to go.",
        before="  - id: tue-wrap\n    title: Wrap up\n    body: Time to write.\n",
        after="  - id: tue-wrap\n    title: Wrap up\n    body: Time to write.\n"
              "    next: end-good\n",
    ),
    Code(
        "no-fallback-route", ERROR,
        "Every route in a `next:` list has an `if`, so a player who meets none of them is stuck.",
        "End the list with a route that has no `if` (`- to: some-scene`).",
        "Routes are tried in order and the first whose condition holds is taken. The last one, "
        "without `if`, takes everyone else: even when the conditions seem to cover every case, "
        "the check cannot know it.",
        before="    next:\n      - to: end-good\n        if: {flags: [careful]}\n"
               "      - to: end-weak\n        if: {not_flags: [careful]}\n",
        after="    next:\n      - to: end-good\n        if: {flags: [careful]}\n"
              "      - to: end-weak\n",
    ),
    Code(
        "all-choices-conditional", ERROR,
        "Every choice of a scene has an `if` and the scene has no `next`, so a player who meets "
        "none of the conditions is stuck.",
        "Leave at least one choice without `if`, or give the scene a `next` to fall back on.",
        "A choice whose condition does not hold is not offered; with none offered and no "
        "`next`, the game cannot go on.",
        before="    choices:\n      - text: Call the mayor back\n        next: tue-wrap\n"
               "        if: {flags: [careful]}\n      - text: Print the radio's figure\n"
               "        next: tue-wrap\n        if: {not_flags: [careful]}\n",
        after="    choices:\n      - text: Call the mayor back\n        next: tue-wrap\n"
              "        if: {flags: [careful]}\n      - text: Print the radio's figure\n"
              "        next: tue-wrap\n",
    ),
    Code(
        "no-ending", ERROR,
        "No scene of the pack has `ending: true`, so the week can never end.",
        "Add `ending: true` (and an `assessment:`) to the scenes that end the week; the hint "
        "names the scenes that stop without it.",
        "Reported once, at `start:` in `pack.yaml`, instead of a `dead-end` for each scene that "
        "stops and an `endless-loop` for each scene that leads to them.",
        before="  - id: end-good\n    title: A sound note\n    assessment: Careful work.\n",
        after="  - id: end-good\n    title: A sound note\n    ending: true\n"
              "    assessment: Careful work.\n",
    ),
    Code(
        "endless-loop", ERROR,
        "From this scene no path ever reaches an ending: the player goes round for ever.",
        "Give one scene in the loop a way on to a scene that ends the week.",
        "Loops are allowed (going back to the desk to check again), as long as some choice or "
        "route leads out of them. " + MAP_IGNORES_CONDITIONS,
        before="  - id: tue-radio\n    next: tue-wrap\n  - id: tue-wrap\n    next: tue-radio\n",
        after="  - id: tue-radio\n    next: tue-wrap\n  - id: tue-wrap\n    next: end-good\n",
    ),
    Code(
        "unreachable", WARNING,
        "No path from the start scene leads to this scene.",
        "Point a choice, a `next` or a route at it, or remove it.",
        "Nobody can play it, so it is probably left over or misnamed somewhere. "
        + MAP_IGNORES_CONDITIONS,
        before="    choices:\n      - text: Report 40 moved\n        next: tue-wrap\n"
               "      - text: Report 55 moved\n        next: tue-wrap     # tue-radio is never "
               "reached\n",
        after="    choices:\n      - text: Report 40 moved\n        next: tue-wrap\n"
              "      - text: Report 55 moved\n        next: tue-radio\n",
    ),
    Code(
        "ending-goes-on", WARNING,
        "An ending also has choices or a `next`, which are never used.",
        "Remove them, or remove `ending: true`.",
        "The week ends as soon as a player reaches an ending.",
        before="  - id: end-good\n    ending: true\n    next: tue-wrap\n",
        after="  - id: end-good\n    ending: true\n",
    ),
    Code(
        "day-backwards", WARNING,
        "A scene leads to a scene on an earlier day.",
        "Check the scenes' `day:` and the order of `days:` in `pack.yaml`.",
        "The story should not go back in time; a scene with the wrong day, or days listed out "
        "of order, is the usual cause.",
        before="  - id: tue-wrap\n    day: Tuesday\n    next: mon-alarm     # a Monday scene\n",
        after="  - id: tue-wrap\n    day: Tuesday\n    next: end-good\n",
    ),
    Code(
        "no-effects", ERROR,
        "A choice has no `effects:`, so picking it scores nothing; or no choice of a decision "
        "has any, so the decision scores nothing.",
        "Give the choice its points, e.g. `effects: {tradecraft: 2}`; write `effects: {}` "
        "for a choice that scores nothing on purpose.",
        "Every choice says what it scores. Leaving `effects` out is usually an oversight (the "
        "points were meant to be added later), so it is an error; `effects: {}` says that the "
        "choice scores nothing on purpose, and passes. `effects:` with nothing after the colon "
        "is a `missing-value`. A decision where no choice has `effects` is reported once, at "
        "its first choice.",
        before="      - text: Report 55 moved\n        next: tue-radio\n",
        after="      - text: Report 55 moved\n        next: tue-radio\n"
              "        effects: {tradecraft: -1}\n",
    ),
    Code(
        "unknown-track", ERROR,
        "An `effects`, `at_least` or `below` names a track that `pack.yaml` does not define.",
        "Use a track id from `tracks:` in `pack.yaml` (the message suggests the closest).",
        before="        effects: {tradecraf: 2}\n",
        after="        effects: {tradecraft: 2}\n",
    ),
    Code(
        "recall-effect", ERROR,
        "A choice's `effects` gives points to `recall`; only questions score recall.",
        "Put the points on another track.",
        "The recall track counts the points of the recall questions a player answers.",
        before="        effects: {recall: 2}\n",
        after="        effects: {tradecraft: 2}\n",
    ),
    Code(
        "unknown-flag", ERROR,
        "An `if:` tests a flag (`flags` or `not_flags`) that no choice ever `set`s.",
        "Spell the flag the same in `set:` and in `if:`.",
        "Usually a typo in one of the two places, or a `set:` removed from a choice.",
        before="        set: [careful]\n      # and in a later scene:\n"
               "        if: {flags: [carefull]}\n",
        after="        set: [careful]\n      # and in a later scene:\n"
              "        if: {flags: [careful]}\n",
    ),
    Code(
        "unknown-choice", ERROR,
        "A `chose` or `not_chose` names a choice that its scene does not have, or is not "
        "written `scene-id.choice-id`.",
        "Write the scene's id, a dot and the choice's `id:` (the message suggests the closest); "
        "give the choice an `id:` if it has none.",
        "A condition names a choice by its scene and its own `id:`, never by its text or its "
        "place in the list (the game shuffles choices, and an author may reword them).",
        before="  - id: mon-alarm\n    choices:\n      - text: Report 40 moved, and note the "
               "radio's 55\n        next: tue-wrap\n  - id: end-good\n    assessment:\n"
               "      parts:\n        - text: You gave both figures, each with its source.\n"
               "          if: {chose: [mon-alarm.both-figures]}\n",
        after="  - id: mon-alarm\n    choices:\n      - text: Report 40 moved, and note the "
              "radio's 55\n        id: both-figures\n        next: tue-wrap\n  - id: end-good\n"
              "    assessment:\n      parts:\n        - text: You gave both figures, each with "
              "its source.\n          if: {chose: [mon-alarm.both-figures]}\n",
    ),
    Code(
        "bad-choice-id", ERROR,
        "A choice's `id` is empty or has a character other than letters, digits, `-` and `_`.",
        "Use a short name such as `both-figures`: letters, digits, `-` and `_`, no dots or "
        "spaces.",
        "A condition writes a choice as `scene-id.choice-id`, so a dot or a space in the id "
        "would make it ambiguous.",
        before="        id: both figures.\n",
        after="        id: both-figures\n",
    ),
    Code(
        "assessment-part-never-shown", WARNING,
        "A part of an ending's assessment has an `if` that no path to that ending can make true, "
        "so no player ever sees it.",
        "Check the part's condition against the ways into the ending, or move the part to an "
        "ending where it can hold (the message names them).",
        "validate follows every way through the story, with the flags set, the choices made "
        "and the scenes seen that conditions look at, to find whether some player can reach "
        "the ending with the part's condition true. It takes every condition on a score "
        "(`at_least`, `below`) as possibly true and possibly false, so a part that could only "
        "fail on scores is not reported. It runs once the pack has no errors, and gives up "
        "(reporting nothing) on a story with more than 20,000 distinct points to be at.",
        before="  - id: tue-wrap\n    next:\n      - to: end-good\n        if: {flags: [careful]}\n"
               "      - to: end-weak\n  - id: end-weak\n    ending: true\n    assessment:\n"
               "      parts:     # end-weak is reached only without the flag careful\n"
               "        - text: You noted the radio's figure beside the officials'.\n"
               "          if: {flags: [careful]}\n",
        after="  - id: tue-wrap\n    next:\n      - to: end-good\n        if: {flags: [careful]}\n"
              "      - to: end-weak\n  - id: end-weak\n    ending: true\n    assessment:\n"
              "      parts:\n        - text: You reported the radio's figure as a fact.\n"
              "          if: {not_flags: [careful]}\n",
    ),
    Code(
        "unreachable-by-condition", ERROR,
        "A scene or an ending that the story map leads to, but that no player can reach once "
        "the `if:` conditions on the way are followed.",
        "Loosen the condition the message names (at its file:line), or change what the ways "
        "there set and score, as the hint says.",
        "validate follows every way through the story as the game would: choices offered only "
        "when their `if` holds, routes tried in order, with the flags set, the scenes seen, the "
        "choices made and the totals of the tracks some condition reads. Totals are kept as a "
        "range per track (the least and the most any path can have at that point): a decision "
        "adds its points, a question anything from its worst answer to all its points. A range "
        "can hide a gap (0 or 2, never 1), so validate may miss an impossible condition, but "
        "what it reports is never reached. The message names the part of the condition that "
        "holds on no path (`at_least: {tradecraft: 40}` where the most is 31), or says that "
        "the parts never hold together. An ending reached only through such a scene is reported "
        "too, at the same condition.",
        before="      - to: end-strong\n        if: {at_least: {tradecraft: 40}}   # the most is "
               "31\n      - to: end-weak\n",
        after="      - to: end-strong\n        if: {at_least: {tradecraft: 25}}\n"
              "      - to: end-weak\n",
    ),
    Code(
        "choice-never-offered", WARNING,
        "A choice has an `if` that holds on no path to its scene, so it is never offered.",
        "Loosen the condition the message names, or take the `if` off the choice.",
        "Found by the same walk as `unreachable-by-condition`. A choice that is the only way to "
        "a scene is reported there instead, as an error.",
        fold_after=10,
        before="      - text: Call the ministry\n        if: {flags: [has-number]}   # never set\n",
        after="      - text: Call the ministry\n        if: {flags: [careful]}\n",
    ),
    Code(
        "route-never-taken", WARNING,
        "A route has an `if` that holds on no path to its scene, or a route before it always "
        "holds first, so no player takes it.",
        "Loosen the condition the message names, or put the route before the one that always "
        "holds.",
        "Found by the same walk as `unreachable-by-condition`. Routes are tried in order and "
        "the first that holds is taken, so a route after one that holds on every path is "
        "never tried. A route that is the only way to a scene is reported there instead.",
        fold_after=10,
        before="    next:\n      - to: end-weak\n        if: {not_flags: [mystery]}   # never set"
               "\n      - to: end-good\n        if: {flags: [careful]}\n      - to: end-weak\n",
        after="    next:\n      - to: end-good\n        if: {flags: [careful]}\n"
              "      - to: end-weak\n",
    ),
    Code(
        "conditions-undecided", WARNING,
        "The story has too many distinct points to be at for validate to decide which scenes, "
        "choices and routes the `if:` conditions leave unreachable.",
        "Nothing to fix if the story is meant to be that big; `briefing playtest --exhaustive` "
        "follows every path.",
        "The walk stops after 20,000 points, or 8 a scene in a bigger pack (a point is a scene "
        "with one set of the flags, scenes seen and choices made that conditions further on "
        "read). Then nothing is reported as never reached, rather than a guess.",
    ),
)
