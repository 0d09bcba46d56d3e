"""The code table in words: `briefing validate --explain`, and the guide's tables of codes."""

from __future__ import annotations

import json
import re
import textwrap

from ..suggest import did_you_mean
from . import CODES, SECTIONS, Code, Section, UnknownCode

WIDTH = 79
LIST_COMMAND = "briefing validate --explain"
# What a person may paste: the code alone, or as validate prints it ("error[unknown-scene]").
_PASTED = re.compile(r"^(?:error|warning)?\[([^\]]*)\]:?$")


def find(asked: str) -> Code:
    """The entry a person asked for, whatever the case or the brackets round it."""
    name = asked.strip().strip("`").lower()
    pasted = _PASTED.match(name)
    name = pasted.group(1).strip() if pasted else name
    if name in CODES:
        return CODES[name]
    raise UnknownCode(f"'{asked.strip()}' is not a diagnostic code.{did_you_mean(name, CODES)} "
                      f"`{LIST_COMMAND}` lists them all.")


def explain(asked: str, as_json: bool = False) -> str:
    """One code in full; every code with its meaning when ``asked`` is empty."""
    if not asked.strip():
        if as_json:
            return json.dumps([entry_dict(c) for c in CODES.values()], indent=2,
                              ensure_ascii=False)
        return code_list()
    code = find(asked)
    return json.dumps(entry_dict(code), indent=2, ensure_ascii=False) if as_json \
        else explanation(code)


def entry_dict(code: Code) -> dict:
    return {"code": code.name, "severity": code.severity, "meaning": code.meaning,
            "fix": code.fix, "details": code.details, "before": code.before,
            "after": code.after}


def explanation(code: Code) -> str:
    """As a terminal shows it: the code as validate prints it, then why and how to fix it."""
    out = [f"{code.severity}[{code.name}]: {code.meaning}", ""]
    for paragraph in code.details.split("\n\n") if code.details else ():
        out += [wrapped(paragraph), ""]
    out.append(wrapped(f"How to fix it: {code.fix}"))
    if code.before or code.after:
        out += ["", "For example, instead of:", "", indented(code.before), "write:", "",
                indented(code.after)]
    return "\n".join(out).rstrip()


def wrapped(paragraph: str) -> str:
    # Not at hyphens: a code or a value such as `true-false` stays whole, to find and to copy.
    return textwrap.fill(paragraph, WIDTH, break_on_hyphens=False, break_long_words=False)


def indented(snippet: str) -> str:
    """A snippet moved to four spaces in, whatever depth of the file it was cut from."""
    return textwrap.indent(textwrap.dedent(snippet), "    ", lambda line: True)


def code_list() -> str:
    """Every code, a line each, by the guide's sections: what `--explain` alone prints."""
    width = max(len(name) for name in CODES)
    out = [f"Every diagnostic code, with its meaning (`{LIST_COMMAND} CODE` explains one, "
           "with an example fix):"]
    for section in SECTIONS:
        out += ["", section.title.replace("`", "")]
        out += [f"  {c.name:<{width}}  {c.severity:<7}  {c.meaning}" for c in section.codes]
    return "\n".join(out)


def table_begin(section: Section) -> str:
    return f"<!-- codes:{section.key}:begin (generated from game/content/codes/) -->"


TABLE_END = "<!-- codes:end -->"


def markdown_table(section: Section) -> str:
    """A section's codes as docs/authoring.md embeds them between its markers."""
    rows = [table_begin(section), "", "| code | E/W | what it means | how to fix it |",
            "|---|---|---|---|"]
    for code in section.codes:
        meaning = f"{code.meaning} {code.details}".strip().replace("\n\n", " ")
        rows.append(f"| `{code.name}` | {code.severity[0].upper()} | {cell(meaning)} "
                    f"| {cell(code.fix)} |")
    return "\n".join([*rows, "", TABLE_END])


def cell(text: str) -> str:
    """Text for a Markdown table cell: a bare | would end the cell."""
    return text.replace("|", "\\|")
