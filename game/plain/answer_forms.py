"""How plain mode asks each question kind: the lines shown, the prompt, and the parser that
turns a typed line into a response. One table, keyed by the kinds' names."""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple

from ..content.kinds.forecast import BY_WORDS, term_for
from ..content.kinds.match import LETTERS
from ..engine import PresentedQuestion
from . import console as parse
from .console import Choices, Unusable, numbered, numbered_choices, said_choices


class AnswerForm(NamedTuple):
    lines: list[str]  # said before the prompt (the options, and what to do with them)
    prompt: str
    read: Callable[[str], Any]  # a typed line -> a response; raises Unusable to ask again
    choices: Choices | None = None  # the picks, for a front end that shows them as controls


def single_choice(p: PresentedQuestion) -> AnswerForm:
    options, count = p.options, len(p.options)
    return AnswerForm(numbered(options), f"Your answer, 1 to {count}? ",
                      lambda line: options[parse.one_number(line, count)],
                      numbered_choices(options))


def multiple_select(p: PresentedQuestion) -> AnswerForm:
    options, count = p.options, len(p.options)
    return AnswerForm(["Pick every option that applies.", *numbered(options)],
                      "Your answers, numbers separated by spaces? ",
                      lambda line: [options[i] for i in parse.some_numbers(line, count)],
                      numbered_choices(options, several=True))


def timeline(p: PresentedQuestion) -> AnswerForm:
    options, count = p.options, len(p.options)
    return AnswerForm(["Put these events in order, earliest first.", *numbered(options)],
                      "The order, every number, earliest first? ",
                      lambda line: [options[i] for i in parse.an_order(line, count)])


def true_false(p: PresentedQuestion) -> AnswerForm:
    return AnswerForm([], "True or false, t or f? ", parse.true_or_false,
                      said_choices(("True", "False"), ("t", "f")))


def numeric(p: PresentedQuestion) -> AnswerForm:
    unit = f" ({p.question.unit})" if p.question.unit else ""
    return AnswerForm([], f"Your answer, a number{unit}? ", parse.a_number)


def short_text(p: PresentedQuestion) -> AnswerForm:
    return AnswerForm([], "Your answer, in a few words? ", parse.some_text)


_PAIR = re.compile(r"(\d+)\s*([a-z])")


def read_pairs(line: str, count: int, letters: str, reuse: bool) -> list[tuple[int, int]]:
    """Matches typed as '1b 2a 3c' (0-based item and target indexes): every item once, each
    letter once unless ``reuse``."""
    text = line.strip().casefold()
    example = " ".join(f"{n}{letters[(n - 1) % len(letters)]}" for n in range(1, count + 1))
    found = _PAIR.findall(text)
    if not found or _PAIR.sub("", text).strip(" ,;") != "":
        raise Unusable(f"Type a number and a letter for each item, e.g. {example}.")
    picked = []
    for number, letter in found:
        if not 1 <= int(number) <= count:
            raise Unusable(f"{number} is not an item: the items are 1 to {count}.")
        if letter not in letters:
            raise Unusable(f"'{letter}' is not on the right: the letters are a to {letters[-1]}.")
        picked.append((int(number) - 1, letters.index(letter)))
    items = [item for item, _ in picked]
    if sorted(items) != list(range(count)):
        raise Unusable(f"Match each item from 1 to {count} once, e.g. {example}.")
    if not reuse and len({target for _, target in picked}) < len(picked):
        raise Unusable("Use each letter once.")
    return picked


def match(p: PresentedQuestion) -> AnswerForm:
    items, targets, reuse = p.options, p.targets, p.question.reuse
    letters = LETTERS[:len(targets)]
    each = "a letter may be used more than once" if reuse else "each letter once"
    lines = [f"Match each item to one on the right: a number and a letter for each item, "
             f"{each}.", *numbered(items), "", *numbered(targets, letters)]
    return AnswerForm(lines, "Your matches, e.g. 1b 2a? ",
                      lambda line: {items[i]: targets[t]
                                    for i, t in read_pairs(line, len(items), letters, reuse)})


def forecast(p: PresentedQuestion) -> AnswerForm:
    terms, count = p.options, len(p.options)

    def read(line: str) -> str:
        term = term_for(line)  # the words themselves ("likely"), else the number
        return term.words if term else terms[parse.one_number(line, count)]

    labels = tuple(BY_WORDS[words].label for words in terms)
    return AnswerForm(["How likely is it? Pick one likelihood.", *numbered(labels)],
                      f"Your forecast, 1 to {count} or its words? ", read,
                      numbered_choices(labels))


class PlainKind(NamedTuple):
    ask: Callable[[PresentedQuestion], AnswerForm]
    help: str  # how to answer, for plain mode's help


ANSWER_FORMS: dict[str, PlainKind] = {
    "single-choice": PlainKind(single_choice, "One choice: one number, e.g. 2."),
    "multiple-select": PlainKind(multiple_select,
                                 "Several right answers: all their numbers, e.g. 1 3 or 1,3."),
    "numeric": PlainKind(numeric, "Numbers: digits, e.g. 12."),
    "short-text": PlainKind(short_text, "Short text: a few words."),
    "timeline": PlainKind(timeline, "Timeline: every number, first event first, e.g. 3 1 2."),
    "true-false": PlainKind(true_false,
                            "True or false: t or f (also true, false, yes, no, 1 or 2)."),
    "match": PlainKind(match, "Match: a number and a letter for each item, e.g. 1b 2a 3c."),
    "forecast": PlainKind(forecast, "Forecast: a number from 1 to 7, or the words, e.g. likely."),
}


def answer_form(presented: PresentedQuestion) -> AnswerForm:
    return ANSWER_FORMS[presented.question.type].ask(presented)
