"""GIFT, Moodle's plain-text question format (docs.moodle.org, "GIFT format").

One question a line, blank lines between, so nothing authored may hold a line break: a break is
written as the escape \\n. Texts are HTML (``[html]``) where Moodle reads them with the
question's format (the question, the choices, the items to match, the feedback) and plain where
it reads them as plain text (typed answers, the answers to match). GIFT's own marks
``~ = # { } :`` and the backslash are escaped wherever they appear.
"""

from __future__ import annotations

import html

from ...content.kinds.lms import Choices, Matching, Numerical, ShortAnswer, TrueOrFalse
from .bank import Bank, BankItem, LeftOut, number
from .moodle_rules import category_path, matching_too_small, percent

SPECIAL = "~=#{}:"


def escaped(text: str) -> str:
    """``text`` with GIFT's marks escaped and its line breaks as \\n."""
    text = text.replace("\\", "\\\\")
    for mark in SPECIAL:
        text = text.replace(mark, "\\" + mark)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def html_text(text: str) -> str:
    """Plain text as the HTML of a choice: escaped, and a leading '[' (which GIFT would read as
    the start of a format, [html]) as a character reference."""
    shown = html.escape(text.strip(), quote=False)
    return escaped("&#91;" + shown[1:] if shown.startswith("[") else shown)


def plain_text(text: str) -> str:
    return escaped(" ".join(text.split()))


def answers(item: BankItem) -> str | LeftOut:
    answer = item.answer
    if isinstance(answer, TrueOrFalse):
        return "TRUE" if answer.answer else "FALSE"
    if isinstance(answer, Numerical):
        return f"#{number(answer.answer)}:{number(answer.tolerance)}"
    if isinstance(answer, ShortAnswer):
        # '*' is Moodle's wildcard in a typed answer; an authored one means itself.
        return " ".join(f"={plain_text(text).replace('*', chr(92) + '*')}"
                        for text in answer.accepted)
    if isinstance(answer, Choices):
        if not answer.multiple:
            return " ".join(f"{'=' if o.fraction == 1 else '~'}{html_text(o.text)}"
                            for o in answer.options)
        return " ".join(f"~%{percent(o.fraction)}%{html_text(o.text)}" for o in answer.options)
    if isinstance(answer, Matching):
        if why := matching_too_small(answer):
            return LeftOut(item.id, why)
        if any("->" in left for left, _ in answer.pairs):
            return LeftOut(item.id, "an item to match holds '->', which GIFT cannot escape")
        pairs = [f"={html_text(left)} -> {plain_text(right)}" for left, right in answer.pairs]
        return " ".join(pairs + [f"= -> {plain_text(extra)}" for extra in answer.extra])
    raise TypeError(f"no GIFT for {answer!r}")


def write_gift(bank: Bank) -> tuple[str, tuple[LeftOut, ...]]:
    """The bank as a GIFT file, and the questions GIFT could not take."""
    lines: list[str] = []
    left_out: list[LeftOut] = []
    category = None
    for item in bank.items:
        body = answers(item)
        if isinstance(body, LeftOut):
            left_out.append(body)
            continue
        if item.category != category:
            category = item.category
            lines += ["", f"$CATEGORY: {category_path(bank.title, category)}"]
        feedback = escaped(bank.feedback_html(item))
        lines += ["", f"// [id:{item.id}] points: {number(item.points)}",
                  f"::{escaped(item.id)}::[html]{escaped(item.prompt_html)}"
                  f"{{{body} ####[html]{feedback}}}"]
    notes = (f"{bank.title} ({bank.pack_id}): recall questions exported by briefing",
             *bank.not_exported(), *(f"Not exported as GIFT: {one}" for one in left_out))
    header = [f"// {' '.join(note.split())}" for note in notes]
    return "\n".join(header + lines) + "\n", tuple(left_out)
