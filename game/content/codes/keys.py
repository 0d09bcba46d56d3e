"""Codes for keys and values: what the format allows where, and of which kind."""

from __future__ import annotations

from ..severity import ERROR, WARNING
from . import Code

KEY = "keys"
TITLE = "Keys and values"

CODES = (
    Code(
        "unknown-key", ERROR,
        "A key the format does not have in this place, often a typo; the message suggests the "
        "closest key and the hint lists the keys allowed there.",
        "Fix the spelling, or move the key to where it belongs (check its indentation).",
        "A key indented under the wrong parent is unknown there too: `claimed_by` belongs to a "
        "fact, not to the scene around it. A misspelt key that is required also gives "
        "`missing-field`. A misspelt key the story map is read from (a scene's `choices`, "
        "`next` or `ending`, a choice's `next`, `if`, `effects` or `set`), or one with a value "
        "of the wrong type (`ending: ture`), is the one error: the dead end, the scenes out of "
        "reach and the flags no choice sets that follow from it are not reported as well.",
        before="  - id: mon-alarm\n    titel: The river rises\n",
        after="  - id: mon-alarm\n    title: The river rises\n",
    ),
    Code(
        "missing-field", ERROR,
        "A required key is missing, e.g. a scene with no `title`.",
        "Add the key the message names; the hint says what it holds.",
        "A scene, fact, question or choice without a required key cannot be built, so links to "
        "it are only checked once it is fixed. A misspelt key gives both this and "
        "`unknown-key`.",
        before="  - id: mon-alarm\n    day: Monday\n    time: Morning\n"
               "    body: The river has risen.\n",
        after="  - id: mon-alarm\n    day: Monday\n    time: Morning\n"
              "    title: The river rises\n    body: The river has risen.\n",
    ),
    Code(
        "missing-value", ERROR,
        "A key that needs a value has nothing after its colon.",
        "Write the value, or remove the line if the key is optional.",
        "A value written on the next line must be indented further than its key; otherwise "
        "the key is empty. An optional list or mapping with nothing after its colon "
        "(`facts:`, `set:`) is read as empty; a choice's `effects:` is not, since every "
        "choice says what it scores: write `effects: {}` for none.",
        before="    title:\n    body: The river has risen.\n",
        after="    title: The river rises\n    body: The river has risen.\n",
    ),
    Code(
        "wrong-type", ERROR,
        "A value is the wrong kind: text where a number is needed, one value where a list is "
        "needed, a list where a mapping is needed.",
        "Write it as the message says: numbers without quotes, lists with `- ` or `[...]`, "
        "mappings as `key: value` lines or `{...}`.",
        "For example `points: lots`, or `set: precise` instead of `set: [precise]`.",
        before="        points: two\n        set: careful\n",
        after="        points: 2\n        set: [careful]\n",
    ),
    Code(
        "unknown-value", ERROR,
        "A value that must be one of a few words is not, e.g. `type: truefalse` or "
        "`status: confirm`.",
        "Use one of the words the hint lists (the message suggests the closest).",
        "The words allowed are in the format reference (docs/scene-format.md): a question's "
        "`type`, a fact's `status`, a walkthrough's `answer_all`.",
        before="        type: truefalse\n",
        after="        type: true-false\n",
    ),
    Code(
        "bad-key", ERROR,
        "A key is not plain text: a list or a `{...}` mapping is used as a key.",
        "Keys are single words followed by a colon, e.g. `title:`.",
        "Usually a line that starts with `[` or `{` where a key was meant.",
        before="        [tradecraft, judgement]: 2\n",
        after="        effects: {tradecraft: 2, judgement: 2}\n",
    ),
    Code(
        "recursive-alias", ERROR,
        "A YAML alias (`*name`) is used inside the very value its anchor (`&name`) names, so "
        "the value never ends.",
        "Write the value out in full instead of using the alias.",
        "Most authors never use anchors and aliases; an alias inside its own anchor is always "
        "a mistake.",
        before="        if: {any: &loop [{any: *loop}]}\n",
        after="        if: {any: [{flags: [careful]}, {visited: [tue-radio]}]}\n",
    ),
    Code(
        "duplicate-key", ERROR,
        "The same key appears twice in one place; the message says where the first one is.",
        "Remove or rename one; keep the first, which is the one used.",
        "YAML itself would keep only the last of the two without a word; a pack keeps the "
        "first, and says so. A second `id:` is reported as `missing-dash` instead.",
        before="  - id: mon-alarm\n    title: The river rises\n    title: The river floods\n",
        after="  - id: mon-alarm\n    title: The river rises\n",
    ),
    Code(
        "missing-dash", ERROR,
        "An item of a list (a scene, a question, a choice…) has no `- ` before it, so it is "
        "read as part of the item above: a second `id:`, or a second of the item's first key "
        "(a choice's `text:`), shows where it starts.",
        "Write `- ` before its first key, lined up with the `- ` of the item above.",
        "The item above keeps its own values; the lost item's lines are left out, and what "
        "follows from the loss (links to the lost scene, scenes only it leads to) is not "
        "reported as well, so this is the one error to fix. Before this had its own code, it "
        "gave a `duplicate-key` for each of the lost item's keys, an `unknown-scene` for each "
        "link to it and an `unreachable` for each scene behind it.",
        before="  - id: mon-alarm\n    title: The river rises\n"
               "    id: tue-radio\n    title: The radio calls\n",
        after="  - id: mon-alarm\n    title: The river rises\n"
              "  - id: tue-radio\n    title: The radio calls\n",
    ),
    Code(
        "number-out-of-range", ERROR,
        "A number is `.nan`, `.inf`, `-.inf`, or larger than 1,000,000,000,000 either way.",
        "Write an ordinary number; count a very large quantity in a larger unit.",
        "Points, effects, thresholds in conditions, answers and tolerances are added up and "
        "saved in result files: a value that is not a number (`.nan`) makes a question "
        "unanswerable, an infinite one makes any answer right or a sum overflow, and neither "
        "can be saved. The bound is far above any real pack's figures; for a sum of money in "
        "the trillions, give `unit: trillion dollars` and a small answer.",
        before="        effects: {tradecraft: .inf}\n",
        after="        effects: {tradecraft: 2}\n",
    ),
    Code(
        "invisible-character", ERROR,
        "An option, an answer, an id or another text that is picked, typed or matched holds a "
        "character that shows nothing: a zero-width space, a direction mark or override, a "
        "soft hyphen, a byte-order mark.",
        "Delete the character: retype the text, or paste it as plain text.",
        "Such characters come with text pasted from web pages and word processors. Two options "
        "that look the same would differ (and only one would score), and a player typing the "
        "answer they see would not match it. The game ignores them in what a player types; "
        "the pack must not hold them where a player picks or types. (Written as an escape, "
        "`\\u200b`, it is refused too.)",
        before='        options: ["Monday\\u200b", Tuesday]\n',
        after="        options: [Monday, Tuesday]\n",
    ),
    Code(
        "invisible-character-in-prose", WARNING,
        "Text that is read (a title, a body, an explanation) holds a character that shows "
        "nothing, such as a zero-width space or a direction override.",
        "Delete it unless it is meant, such as a soft hyphen where a long word may break.",
        "The same characters as `invisible-character`; in prose they can be meant (a soft "
        "hyphen, a joiner inside an emoji), so this is a warning, but a direction override "
        "can make a sentence read backwards.",
        before='    body: "The river\\u00adrises."   # a soft hyphen: it shows nothing\n',
        after="    body: The river rises.\n",
    ),
)
