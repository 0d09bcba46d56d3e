"""The debrief's first screen: the scores, the ending, and what is most worth revisiting, laid
out to fit the terminal (80x24 at the least) without scrolling.

Long texts are cut to fit, most generous first: every item whole where there is room, else
fewer rows per item, then the choice made is left out, before fewer questions are shown. The
detail below the summary has every text whole. What the player typed is shown as text, never
as markup (Content, not Markdown)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from ...debrief_summary import ALL_RIGHT, Entry, Summary, more_questions
from ...prose import in_quotes

HEADING = "bold $accent"
QUOTE = "italic"
QUIET = "$text-muted"
MOST_QUESTIONS = 5  # "a few", on a screen with room for more


@dataclass(frozen=True)
class Room:
    """How much of each item the summary shows."""

    text_rows: int  # at most, for a title, a choice or an answer
    quote_rows: int  # at most, for the article's words
    choice_made: bool  # the decision's own choice, beside the better one
    gaps: bool  # a blank row between the parts


# The last leaves the decisions' quotes to the detail, so that two questions still show.
ROOMS = (Room(3, 3, True, True), Room(2, 2, True, True), Room(1, 2, True, True),
         Room(1, 1, True, True), Room(1, 1, False, True), Room(1, 1, False, False),
         Room(1, 0, False, False))


def wrapped(content: Content, width: int, limit: int | None = None,
            indent: str = "") -> list[Content]:
    """``content`` in rows of ``width`` at most, rows after the first indented, cut with "…"
    after ``limit`` rows."""
    rows = content.wrap(width) or [Content("")]
    if len(rows) > 1 and indent:
        rest = content[len(rows[0].plain):]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()):]
        rows = [rows[0]] + [Content(indent) + row
                            for row in rest.wrap(max(1, width - len(indent)))]
    if limit is not None and len(rows) > limit:
        rows = rows[:limit]
        rows[-1] = rows[-1].truncate(max(1, width - 1)) + Content("…")
    return rows


def entry_rows(entry: Entry, lead: str, width: int, room: Room, decision: bool) -> list[Content]:
    indent = " " * len(lead)
    rows = wrapped(Content.assemble((lead, "bold"), (entry.title, "bold")), width,
                   room.text_rows, indent)
    lines = entry.lines
    if decision and not room.choice_made:
        lines = lines[1:]
    if decision:
        for line in lines:
            rows += wrapped(Content.assemble(indent, (f"{line.label}: ", QUIET), line.text),
                            width, room.text_rows, indent)
    elif lines:  # a question's answers share a row, the right one first (it may be cut)
        parts: list = [indent]
        for n, line in enumerate(reversed(lines)):
            parts += [" · " if n else "", (f"{line.label}: ", QUIET), line.text]
        rows += wrapped(Content.assemble(*parts), width, room.text_rows, indent)
    quote_rows = room.quote_rows if decision else max(1, room.quote_rows)
    if entry.quote and quote_rows:  # a question keeps its quote: it is the article's answer
        rows += wrapped(Content.assemble(indent, (f"{in_quotes(entry.quote)}", QUOTE)), width,
                        quote_rows, indent)
    return rows


def head_rows(summary: Summary, who: str, width: int, forecasts: bool = True) -> list[Content]:
    rows: list[Content] = []
    if who:
        rows += wrapped(Content.styled(who, QUIET), width, 3)  # a name and a class, in full
    rows += wrapped(Content(" · ".join(summary.brief_scores)), width)
    rows += wrapped(Content.assemble((summary.brief_overall, "bold"), " · ", summary.ending),
                    width, 2)
    if forecasts and summary.brief_forecasts:
        rows += wrapped(Content(summary.brief_forecasts), width, 1)
    return rows


def layout(summary: Summary, head: list[Content], width: int, room: Room,
           questions: list[list[Content]]) -> list[Content]:
    """The summary's rows with ``room`` per item, and the questions' rows given."""
    rows = list(head)
    if summary.nothing_to_revisit:
        return rows + [Content("")] + wrapped(Content(ALL_RIGHT), width)
    rows += [Content("")] + wrapped(Content.styled(summary.decisions_heading, HEADING), width)
    for n, entry in enumerate(summary.decisions, 1):
        rows += entry_rows(entry, f"{n}. ", width, room, decision=True)
    if summary.decisions_note:
        rows += wrapped(Content.styled(summary.decisions_note, QUIET), width, 1)
    if room.gaps:
        rows.append(Content(""))
    rows += wrapped(Content.styled(summary.questions_heading, HEADING), width)
    for entry_rows_ in questions:
        rows += entry_rows_
    left = len(summary.questions) - len(questions)
    note = f"{more_questions(left)[:-1]}: press D." if left else summary.questions_note
    if note:  # the questions the screen had no room for are counted, never dropped unsaid
        rows += wrapped(Content.styled(note, QUIET), width, 1)
    return rows


def fit(summary: Summary, who: str, width: int, height: int) -> list[Content]:
    """The most generous layout that fits ``height`` rows and shows two questions (or all
    there are), with as many more as fit up to MOST_QUESTIONS; else the one that shows the
    most questions; at worst, one question (the screen then scrolls). The forecasts' row
    gives way to a second question (the detail lists each forecast)."""
    wanted = min(len(summary.questions), 2)
    rows, count = fit_with(summary, head_rows(summary, who, width), width, height)
    if count < wanted and summary.brief_forecasts:
        rows, count = fit_with(summary, head_rows(summary, who, width, forecasts=False),
                               width, height)
    return rows


def fit_with(summary: Summary, head: list[Content], width: int, height: int
             ) -> tuple[list[Content], int]:
    """fit() for one head: the rows, and how many questions they show."""
    wanted = min(len(summary.questions), 2)
    best: tuple[int, list[Content]] | None = None
    for room in ROOMS:
        questions = [entry_rows(e, f"{e.mark} ", width, room, decision=False)
                     for e in summary.questions[:MOST_QUESTIONS]]
        room_left = height - len(layout(summary, head, width, room, []))
        if room_left < 0:
            continue  # not even the decisions fit so
        count = 0
        while count < len(questions) and len(questions[count]) <= room_left:
            room_left -= len(questions[count])
            count += 1
        if count >= wanted:
            return layout(summary, head, width, room, questions[:count]), count
        if count and (best is None or count > best[0]):
            best = (count, layout(summary, head, width, room, questions[:count]))
    if best is not None:
        return best[1], best[0]
    last = ROOMS[-1]
    return layout(summary, head, width, last,
                  [entry_rows(e, f"{e.mark} ", width, last, decision=False)
                   for e in summary.questions[:1]]), min(1, len(summary.questions))


class DebriefSummary(Widget):
    """The summary, laid out again for the width it is given."""

    DEFAULT_CSS = "DebriefSummary { height: auto; }"

    def __init__(self, summary: Summary, who: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.summary = summary
        self.who = who
        self._laid_out: tuple[tuple[int, int], list[Content]] | None = None

    def rows(self, width: int) -> list[Content]:
        # Header and footer take a row each; the summary has the rest of the terminal.
        key = (width, max(1, self.app.size.height - 2))
        if self._laid_out is None or self._laid_out[0] != key:
            self._laid_out = (key, fit(self.summary, self.who, *key))
        return self._laid_out[1]

    @property
    def text(self) -> str:
        """What the summary shows, as plain text (for tests and for reading aloud)."""
        return "\n".join(row.plain for row in self.rows(self.size.width or 76))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows(width))

    def render(self) -> Content:
        return Content("\n").join(self.rows(self.size.width))
