"""Codes for facts, recall questions and the quotes that tie them to the article."""

from __future__ import annotations

from ..severity import ERROR, WARNING
from . import Code

KEY = "questions"
TITLE = "Facts, questions and quotes"

CODES = (
    Code(
        "unattributed-claim", ERROR,
        "A fact is `claimed` or `disputed` but does not say who claims it.",
        "Add `claimed_by:` naming who makes the claim.",
        "The notebook shows a claim with its claimant, which is what players learn to look for.",
        before="      - id: moved-radio\n        text: 55 people were moved.\n"
               "        status: claimed\n",
        after="      - id: moved-radio\n        text: 55 people were moved.\n"
              "        status: claimed\n        claimed_by: local radio\n",
    ),
    Code(
        "unsourced-confirmation", ERROR,
        "A fact is `confirmed` but `confirmed_by:` does not name the primary source that "
        "confirms it.",
        "Name the source in `confirmed_by:`, or write `status: reported` when the article is "
        "your only source.",
        "A news article's own statement is what the article *reports*, not a confirmed fact: "
        "the notebook shows `CONFIRMED by ...` only for a fact that a primary source you name "
        "(a statement, a record, a transcript) bears out.",
        before="      - id: toll\n        text: Five US troops died.\n"
               "        status: confirmed\n",
        after="      - id: toll\n        text: Five US troops died.\n"
              "        status: reported\n",
    ),
    Code(
        "confirmed-without-source", WARNING,
        "A pack written before format 2 marks a fact `confirmed` without naming a source; it "
        "is read as `reported`, today's name for what the article states in its own voice.",
        "Write `status: reported`, or name the primary source in `confirmed_by:`; `briefing "
        "upgrade PACK` rewrites every such line and keeps your comments.",
        "Format 1 called every statement of the article `confirmed`, its default. Today the "
        "default is `reported`, and `confirmed` needs `confirmed_by:`. `briefing upgrade "
        "PACK --check` lists the lines it would change without writing them.",
        before="      - id: toll\n        status: confirmed   # as the article says\n",
        after="      - id: toll\n        status: reported   # as the article says\n",
    ),
    Code(
        "unused-attribution", WARNING,
        "A fact has `claimed_by:`, `disputed_by:` or `confirmed_by:`, but its status never "
        "shows it (e.g. `claimed_by:` on a `reported` fact).",
        "Use the status that shows it, or remove the line.",
        "`claimed` and `disputed` show `claimed_by`, `disputed` also `disputed_by`, and "
        "`confirmed` shows `confirmed_by`. A fact the article attributes to someone is "
        "`claimed`, not `reported`.",
        before="        status: reported\n        claimed_by: US intelligence\n",
        after="        status: claimed\n        claimed_by: US intelligence\n",
    ),
    Code(
        "quote-not-found", ERROR,
        "A `source:` is not, word for word, in the article; the hint shows the part that does "
        "match.",
        "Copy the words from the article file again; check spelling, capitals and punctuation "
        "after the part that matches.",
        "Curly or straight quotes, dashes, `…` or `...` and runs of spaces do not matter; "
        "everything else does, capitals too. Keep a quote to the few words that show the fact. "
        "Every `source:` is checked: a fact's, a question's, a `what_happened`'s and a glossary "
        "entry's.",
        before='        source: "flooding four villages"\n',
        after='        source: "flooding three villages"\n',
    ),
    Code(
        "source-from-other-reporting", ERROR,
        "A fact's, question's or what_happened's `source:` is words from the pack's "
        "`other_reporting`, not from the article.",
        "Cite the article's own words; keep other reporting in `other_reporting:`.",
        "Every fact the game teaches, and every scored answer, comes from the article. Other "
        "reporting is shown after the week beside the article's claim it bears on, so that "
        "players see where the article and other sources differ; it never answers a question.",
        before='        source: "one other contractor were wounded"\n',
        after='        source: "five US troops and an American contractor"\n',
    ),
    Code(
        "unknown-fact", ERROR,
        "An item of `other_reporting` has a `bears_on:` that names no fact of the pack.",
        "Use the `id` of a fact in a scene's `facts:`; the message suggests the closest.",
        before="    bears_on: hasakah-tol\n",
        after="    bears_on: hasakah-toll\n",
    ),
    Code(
        "blank-citation", ERROR,
        "An item of `other_reporting` has an empty `outlet`, `date` or `quote`.",
        "Copy it from the report you cite: all three are needed to find it again.",
        "A player or a teacher should be able to find the report and read the words for "
        "themselves: who published it, when, and its exact words. Its `title` helps too, "
        "but may be left out when you quote a page without its title at hand.",
        before='    outlet: The Hill\n    date: ""\n',
        after="    outlet: The Hill\n    date: 2023-03-23\n",
    ),
    Code(
        "bad-points", ERROR,
        "A question's `points` is 0 or less.",
        "Use a positive number, or leave `points` out (it is 1).",
        before="        points: 0\n",
        after="        points: 1\n",
    ),
    Code(
        "unused-field", WARNING,
        "A question has a key its type does not use, e.g. `options` on a numeric question.",
        "Remove it, or correct the `type`. The hint lists the keys this type uses.",
        before="        type: numeric\n        options: [2, 3, 4]\n        answer: 3\n",
        after="        type: numeric\n        answer: 3\n",
    ),
    Code(
        "no-answer", ERROR,
        "A question has no answer its type can use: none at all, a numeric answer that is not "
        "a number, a true-false answer in quotes, or a short-text answer that is not text.",
        "Write the answer as the type needs: a number without quotes, `true`/`false` without "
        "quotes, text in quotes if it looks like a number.",
        "A numeric `answer: \"3\"` is text, a true-false `answer: \"false\"` is text, and a "
        "short-text `answer: 2019` is a number: YAML goes by the quotes. A multiple-select "
        "question needs `answers:` (with an s), listing every right option.",
        before='        type: numeric\n        answer: "3"\n',
        after="        type: numeric\n        answer: 3\n",
    ),
    Code(
        "answer-not-an-option", ERROR,
        "A single-choice `answer`, or one of the multiple-select `answers`, is not exactly one of "
        "the `options`.",
        "Copy the option's text exactly (capitals and punctuation count).",
        "If the message says the answer was read as a number (*\"The answer '2019' is not one "
        "of the options. Did you mean '2019'?\"*), put it in quotes: `answer: \"2019\"`.",
        before="        options: [Monday, Tuesday, Sunday]\n        answer: monday\n",
        after="        options: [Monday, Tuesday, Sunday]\n        answer: Monday\n",
    ),
    Code(
        "yaml-boolean", ERROR,
        "An answer meant as a word (yes, no, on, off...) was read as true or false.",
        "Put it in quotes: `answer: \"no\"`.",
        "YAML reads yes, no, on, off, true and false without quotes as true or false, not as "
        "text.",
        before='        options: ["yes", "no"]\n        answer: no\n',
        after='        options: ["yes", "no"]\n        answer: "no"\n',
    ),
    Code(
        "too-few-options", ERROR,
        "A single-choice or multiple-select question has fewer than two options.",
        "Add options.",
        before="        options: [Monday]\n",
        after="        options: [Monday, Tuesday, Sunday]\n",
    ),
    Code(
        "duplicate-option", ERROR,
        "The same option (or timeline event) is listed twice.",
        "Make each different.",
        before="        options: [Monday, Tuesday, Monday]\n",
        after="        options: [Monday, Tuesday, Sunday]\n",
    ),
    Code(
        "too-few-items", ERROR,
        "A timeline has fewer than two events in `order`, or a match question fewer than three "
        "pairs (or one item on the right for all of them).",
        "List at least two events, earliest first; give a match question three to six pairs, "
        "and an `extra` item when they all share one match.",
        before="        order: [River rose]\n",
        after="        order: [River rose, Officials counted, Mayor spoke]\n",
    ),
    Code(
        "too-many-items", ERROR,
        "A match question has more than six pairs, or more than eight items on the right.",
        "Split it into two questions, or drop some `extra` items.",
        "Each item on the right gets a letter key, a to h, and a player can hold about six "
        "pairs in mind at once.",
        before="        extra: [Police, Coast guard, Radio, Union, Council, Army]\n",
        after="        extra: [Coast guard]\n",
    ),
    Code(
        "match-right-reused", ERROR,
        "Two pairs of a match question share the item on the right, and `reuse` is not set.",
        "Add `reuse: true` if that is meant, or give each pair its own match.",
        "Without `reuse`, the player is told to use each item on the right once, so a shared "
        "match could never be given.",
        before="        pairs:\n          - {left: 40 were moved, right: Officials}\n"
               "          - {left: 55 were moved, right: Officials}\n"
               "          - {left: We will rebuild, right: The mayor}\n",
        after="        reuse: true\n        pairs:\n          - {left: 40 were moved, right: "
              "Officials}\n          - {left: 55 were moved, right: Officials}\n"
              "          - {left: We will rebuild, right: The mayor}\n",
    ),
    Code(
        "near-miss-accepted", ERROR,
        "A short-text question lists the same answer in `near_misses` and as its `answer` or "
        "in `also_accept` (case, punctuation, spaces and articles aside).",
        "Remove it from `near_misses` if it is right, or from `answer` and `also_accept` if "
        "it is wrong.",
        "A near miss is a wrong answer that looks like the right one; a typed answer cannot "
        "be both.",
        before="        answer: the mayor\n        near_misses: [Mayor]\n",
        after="        answer: the mayor\n        near_misses: [the deputy mayor]\n",
    ),
    Code(
        "bad-tolerance", ERROR,
        "A numeric question's `tolerance` is below 0.",
        "Use 0 for an exact answer, or a positive margin.",
        "With `answer: 40` and `tolerance: 5`, any answer from 35 to 45 is right.",
        before="        answer: 40\n        tolerance: -5\n",
        after="        answer: 40\n        tolerance: 5\n",
    ),
    Code(
        "asks-again-unknown", ERROR,
        "A question's `asks_again` names no question of the pack.",
        "Use the `id` of the question whose fact it asks again; the message suggests the "
        "closest.",
        before="        asks_again: q-vilages\n",
        after="        asks_again: q-villages\n",
    ),
    Code(
        "asks-again-not-earlier", ERROR,
        "A question asks again a question that is not on an earlier day (it is on the same "
        "day or a later one).",
        "Move the question to a scene on a later day, or name a question from an earlier day.",
        "Spaced retrieval brings a missed fact back after a gap: the question that asks again "
        "must come on a later day than the one it names, in the order of `days:` in "
        "pack.yaml, so that every player who missed the original has answered it by then.",
        before="    day: Monday\n    questions:\n      - id: q-villages-again\n"
               "        asks_again: q-villages\n",
        after="    day: Tuesday\n    questions:\n      - id: q-villages-again\n"
              "        asks_again: q-villages\n",
    ),
    Code(
        "asks-again-chain", ERROR,
        "A question asks again a question that is itself asked again.",
        "Name the original question, the one every player who met the fact was asked.",
        "A fact comes back once: a player who misses the question asked again is not asked "
        "a third time.",
        before="        asks_again: q-villages-again\n",
        after="        asks_again: q-villages\n",
    ),
    Code(
        "asks-again-points", WARNING,
        "A question asked again is worth as many points as the question it names, or more.",
        "Give it a share of the original's points, e.g. half of them.",
        "The player has had one chance at this fact already; the second earns a share of "
        "the points, as a second try does in practice mode.",
        before="        asks_again: q-villages\n        points: 2\n",
        after="        asks_again: q-villages\n        points: 1\n",
    ),
    Code(
        "forecast-outcome", ERROR,
        "A forecast has no `outcome:`, or one that is not true or false.",
        "Write `outcome: true` if the story has it happen, `outcome: false` if not, without "
        "quotes.",
        "A forecast is scored against what the story settles, so the outcome must be one of "
        "the two. YAML reads `\"true\"` in quotes as text.",
        before='        type: forecast\n        outcome: "yes"\n',
        after="        type: forecast\n        outcome: true\n",
    ),
    Code(
        "forecast-resolves-in", ERROR,
        "A forecast's `resolves_in:` is missing, names no scene, or names the scene that asks "
        "it.",
        "Name the later scene whose arrival settles the forecast.",
        "When the player arrives at that scene, the forecast's resolution is shown and its "
        "points count. A player whose route never gets there has it settled at the end.",
        before="        resolves_in: tue-wrapp\n",
        after="        resolves_in: tue-wrap\n",
    ),
    Code(
        "forecast-resolves-earlier", WARNING,
        "No path on the story map leads from the forecast's scene to the scene in "
        "`resolves_in:`, so every player has it settled only at the end of the week.",
        "Name a scene that comes after the one asking the forecast.",
        before="        resolves_in: mon-alarm   # the scene before this one\n",
        after="        resolves_in: tue-wrap\n",
    ),
    Code(
        "forecast-track", ERROR,
        "A forecast's `track:` (judgement when left out) is not a graded decision track of "
        "the pack.",
        "Name a graded track from pack.yaml other than recall, or add a judgement track.",
        "A forecast is a judgement, not a recall answer: its points go on a decision track "
        "that counts toward the grade.",
        before="        track: escalation   # graded: false\n",
        after="        track: tradecraft\n",
    ),
)
