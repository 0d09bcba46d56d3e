"""`briefing handout`: the teacher's answer key and discussion guide, or (``student``) a version
for reading along with no answers, as Markdown or as one printable HTML file.

The pack becomes a short list of blocks once; each format renders the same blocks, so the two
never disagree about what is in the handout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ..content.article import headline, paragraphs
from ..content.condition_words import condition_words, one_line, shorten
from ..content.facts import fact_label
from ..content.kinds import kind_of
from ..content.models import Assessment, OtherReport, Pack, Question, Scene
from ..engine import right_answer
from ..markdown_html import author_markdown_html
from ..prose import in_quotes
from ..score_words import effects_words
from .handout_blocks import (AuthorMarkdown, Block, Box, Heading, Items, Line, Quote, Reading,
                             WriteIn)
from .handout_routes import RouteMap, story_rank


@dataclass(frozen=True)
class Timing:
    """How long a careful player takes (worked out by the author tools' reading time, which the
    classroom does not import: the CLI hands it in)."""

    days: tuple[tuple[str, float], ...]  # (day, minutes), in the pack's order of days
    words: int
    interactions: int
    words_per_minute: int
    seconds_per_interaction: int

    @property
    def minutes(self) -> float:
        return sum(minutes for _, minutes in self.days)


def timing_blocks(timing: Timing) -> list[Block]:
    """The week's length for a careful player, day by day, and where to split it over two
    lessons (the game saves after every answer and decision)."""
    blocks: list[Block] = [
        Heading(2, "Timing"),
        Line(f"A careful player (every answer right, the best call each time) takes about "
             f"{timing.minutes:.0f} minutes to reach the debrief: {timing.words:,} words at "
             f"{timing.words_per_minute} a minute and {timing.interactions} answers, decisions "
             f"and Continues at {timing.seconds_per_interaction} seconds each. Allow about ten "
             f"minutes more for the debrief, and more for discussion."),
        Items(tuple((f"{day}:", f"about {minutes:.0f} min") for day, minutes in timing.days))]
    if len(timing.days) > 1:
        first, second = split_in_two(timing.days)
        blocks.append(Line(
            f"Over two lessons: in the first, {day_span(first)} (about "
            f"{sum(m for _, m in first):.0f} min); in the second, {day_span(second)} (about "
            f"{sum(m for _, m in second):.0f} min), then the debrief. The game saves after every "
            f"answer and decision: students press Ctrl+Q once the first lesson's last day is "
            f"done, and next time pick Continue on the title screen (in class play, with the "
            f"same class code and name, and in a browser the resume code the game showed)."))
    return blocks


def split_in_two(days: tuple[tuple[str, float], ...]):
    """The days cut where the two halves' minutes come closest to equal."""
    total = sum(m for _, m in days)
    cut = min(range(1, len(days)),
              key=lambda k: abs(sum(m for _, m in days[:k]) - total / 2))
    return days[:cut], days[cut:]


def day_span(days: tuple[tuple[str, float], ...]) -> str:
    return days[0][0] if len(days) == 1 else f"{days[0][0]} to {days[-1][0]}"


def handout_blocks(pack: Pack, student: bool = False, timing: Timing | None = None
                   ) -> list[Block]:
    manifest = pack.manifest
    # The endings give away how each decision turns out: the students' sheet leaves them out.
    scenes = [s for s in ordered_scenes(pack) if not (student and s.ending)]
    questions = sum(len(s.questions) for s in scenes)
    decisions = sum(1 for s in scenes if s.choices)
    kind = "reading-along handout" if student else "answer key and discussion guide"
    title = headline(pack.seed_text)
    blocks: list[Block] = [Heading(1, f"{manifest.title}: {kind}")]
    if student:
        blocks.append(WriteIn(("Name", "Class", "Date")))
    if title:
        blocks.append(Line(title, label="The article"))
    counts = f"{len(scenes)} scenes, {questions} questions, {decisions} decisions"
    blocks.append(Line(f"{counts}. Every fact comes from this one article." if student else
                       f"Pack {pack.id}, version {manifest.version}: {counts}. Every fact comes "
                       f"from this one article ({manifest.source}).", quiet=True))
    if student:
        blocks.append(Line("Read along and think about each question and decision before you "
                           "answer it in the game; write your answer in the space under it. "
                           "The article is at the end.", quiet=True))
    else:
        blocks.append(Line("For the teacher: each scene with its facilitator notes and "
                           "discussion prompts, every question with its answer, explanation and "
                           "the article's words, and each decision with its choices, how they "
                           "score, and what the article reports happened.", quiet=True))
    if manifest.intro.strip():
        blocks += [Heading(2, "Before you start"), AuthorMarkdown(manifest.intro)]
    if timing is not None and not student:
        blocks += timing_blocks(timing)
    numbering = iter(range(1, questions + 1))
    track_names = {t.id: t.name for t in manifest.tracks}
    lists_shown: dict = {}  # where an assessment's list is written -> the ending it was shown at
    routes = None if student else RouteMap(pack)  # the routes would give the endings away
    current_day = None
    for scene in scenes:
        if scene.ending and current_day != "endings":
            current_day = "endings"
            blocks += routes.map_blocks() if routes else []
            blocks.append(Heading(2, "How the week can end"))
        elif not scene.ending and scene.day != current_day:
            current_day = scene.day
            blocks.append(Heading(2, scene.day))
        before, after = routes.scene_blocks(scene) if routes else ([], [])
        blocks += scene_blocks(scene, numbering, student, track_names, pack, lists_shown,
                               before, after)
    if manifest.other_reporting and not student:  # shown after the week, as in the debrief
        blocks += other_reporting_blocks(pack, manifest.other_reporting)
    glossary = list(manifest.glossary) + [g for s in scenes for g in s.glossary]
    if glossary:
        blocks += [Heading(2, "Glossary"),
                   Items(tuple((g.term + ":", one_line(g.meaning)) for g in glossary))]
    if student and pack.seed_text.strip():
        blocks.append(Reading(tuple(paragraphs(pack.seed_text))))
    return blocks


def ordered_scenes(pack: Pack) -> list[Scene]:
    """Scenes day by day in the pack's order of days, endings last (in files order); within a
    day in story order, a branch's scenes together (files order for scenes no path reaches)."""
    day_rank = {day: n for n, day in enumerate(pack.manifest.days)}
    rank = story_rank(pack)
    scenes = list(pack.scenes.values())
    return sorted(scenes, key=lambda s: (s.ending, day_rank.get(s.day, len(day_rank)),
                                         0 if s.ending else rank.get(s.id, len(rank))))


def scene_blocks(scene: Scene, numbering, student: bool, track_names: dict[str, str],
                 pack: Pack, lists_shown: dict, before: list[Block] = (),
                 after: list[Block] = ()) -> list[Block]:
    """A scene's blocks, with the route map's ``before`` (is it on a branch?) and ``after``
    (where the week branches from it) for the teacher."""
    blocks: list[Block] = [Heading(3, f"{scene.time} · {scene.title}")]
    if not student:
        blocks.append(Line(f"Scene {scene.id}", quiet=True))
    blocks += before
    blocks.append(AuthorMarkdown(scene.body))
    if scene.facts:
        facts = []
        for fact in scene.facts:
            source = "" if student else f" Source: {in_quotes(one_line(fact.source))}"
            facts.append((one_line(fact.text), f"({fact_label(fact)}){source}"))
        blocks += [Line("", label="New in the notebook"), Items(tuple(facts))]
    if scene.notes.strip() and not student:  # often a Markdown list, so kept as Markdown
        blocks.append(Box("notes", (Line("", label="Facilitator notes"),
                                    AuthorMarkdown(scene.notes))))
    if scene.discuss:
        blocks += [Line("", label="Discuss"),
                   Items(tuple(("", one_line(d)) for d in scene.discuss))]
    for question in scene.questions:
        blocks.append(question_box(question, next(numbering), student, pack))
    if scene.choices:
        blocks.append(decision_box(scene, student, track_names))
    blocks += after
    if scene.ending and not student:
        lists_shown["ending"] = scene.title
        blocks += assessment_blocks(scene.assessment, pack, track_names, lists_shown)
    return blocks


def assessment_blocks(assessment: str | Assessment, pack: Pack, track_names: dict[str, str],
                      lists_shown: dict) -> list[Block]:
    """An ending's assessment for the teacher: every part, with when a player is shown it. A
    list that an earlier ending has too (the same lines, written once with a YAML anchor) is
    named, not printed again."""
    label = "Assessment shown at the debrief"
    if isinstance(assessment, str):
        return [Line(one_line(assessment), label=label)] if assessment.strip() else []
    blocks: list[Block] = [Line(one_line(assessment.heading), label=label)]
    if assessment.opening.strip():
        blocks.append(AuthorMarkdown(assessment.opening))
    for where, lead, parts in ((assessment.locs.get("parts"), "", assessment.parts),
                               *((s.locs[""], s.lead, s.parts) for s in assessment.sections)):
        if not parts:
            continue
        if where in lists_shown:
            plain_lead = one_line(re.sub(r"[*_`]", "", lead))  # a Line is not Markdown
            blocks.append(Line(f"{plain_lead} the same list as at {lists_shown[where]}.",
                               quiet=True))
            continue
        if where is not None:
            lists_shown[where] = f"“{lists_shown['ending']}”, above"
        if lead.strip():
            blocks.append(AuthorMarkdown(lead))
        blocks.append(AuthorMarkdown("\n".join(
            f"- {one_line(p.text)} *(shown if {condition_words(p.if_, pack.scenes, track_names)})*"
            if p.if_ else f"- {one_line(p.text)} *(always shown)*" for p in parts)))
    if assessment.closing.strip():
        blocks.append(AuthorMarkdown(assessment.closing))
    return blocks


def question_box(question: Question, number: int, student: bool, pack: Pack) -> Box:
    kind = kind_of(question)
    points = f"{question.points:g} point" + ("" if question.points == 1 else "s")
    blocks: list[Block] = [Line(f"{number}. {one_line(question.ask)}", strong=True,
                                detail=f"{kind.label}, {points}")]
    if question.asks_again:
        blocks.append(Line(asked_again_words(question.asks_again, pack, student), quiet=True))
    items = kind.handout_items(question, student)
    if items:
        blocks.append(Items(tuple((mark, one_line(text)) for mark, text in items)))
    note = kind.handout_note(question, student)
    if note:
        blocks.append(Line(note, quiet=True))
    if not student:
        blocks.append(Line(one_line(right_answer(question)), label="Answer"))
        if question.hint.strip():
            blocks.append(Line(one_line(question.hint), label="Hint (practice mode)", quiet=True))
        blocks += [Line(one_line(question.explanation), label="Why"),
                   Quote(one_line(question.source))]
    else:
        blocks.append(WriteIn(("Your answer",), lines=2))
    return Box("question", tuple(blocks))


def asked_again_words(original_id: str, pack: Pack, student: bool) -> str:
    """Who is asked a question that asks again (spaced retrieval), for the key or the sheet."""
    if student:
        return "Asked only if you missed this fact earlier in the week."
    original = pack.questions().get(original_id)
    about = f" ({in_quotes(shorten(one_line(original.ask)))})" if original else ""
    return f"Asked again only to players who missed {original_id}{about} on the first try."


def decision_box(scene: Scene, student: bool, track_names: dict[str, str]) -> Box:
    blocks: list[Block] = [Line("", label="Decision")]
    if student:
        blocks.append(Items(tuple(("", one_line(c.text)) for c in scene.choices), ordered=True))
        blocks.append(WriteIn(("Your choice and why",), lines=1))
        return Box("decision", tuple(blocks))
    choices = []
    for choice in scene.choices:
        effects = effects_words({track: value for track, value in choice.effects.items()
                                 if value}, track_names) or "no points"
        feedback = f" {one_line(choice.feedback)}" if choice.feedback.strip() else ""
        condition = " (offered only in some games)" if choice.if_ is not None else ""
        choices.append((one_line(choice.text), f" [{effects}]{condition}{feedback}"))
    blocks.append(Items(tuple(choices), ordered=True))
    if scene.what_happened:
        blocks += [Line(one_line(scene.what_happened.text), label="What the article reports"),
                   Quote(one_line(scene.what_happened.source))]
    return Box("decision", tuple(blocks))


def other_reporting_blocks(pack: Pack, items: tuple[OtherReport, ...]) -> list[Block]:
    """Each item of other reporting beside the article's claims it bears on."""
    facts = pack.facts()
    blocks: list[Block] = [
        Heading(2, "Other reporting"),
        Line("What other sources reported on some of the article's claims. Players see it in "
             "the debrief after the week, beside the claim; it is never scored and never the "
             "source of a question.", quiet=True)]
    for item in items:
        byline = f"by {one_line(item.author)}" if item.author else ""
        title = f": {in_quotes(one_line(item.title))}" if item.title.strip() else ""
        inner: list[Block] = [Line(f"{one_line(item.outlet)}, {one_line(item.date)}{title}",
                                   strong=True, detail=byline)]
        if item.url:
            inner.append(Line(one_line(item.url), quiet=True))
        for fact_id in item.fact_ids:
            fact = facts.get(fact_id)
            if fact is not None:
                inner += [Line(one_line(fact.text), label=f"The article ({fact_label(fact)})"),
                          Quote(one_line(fact.source))]
        inner += [Line("", label=one_line(item.outlet)), Quote(one_line(item.quote))]
        if item.note.strip():
            inner.append(Line(one_line(item.note), label="What differs"))
        blocks.append(Box("other-reporting", tuple(inner)))
    return blocks


READING_HEADING = "Reading sheet: the article"


# -- Markdown ---------------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def demote_headings(markdown: str, by: int) -> str:
    """An author's '# Title' inside a scene becomes a lower heading than the handout's own."""
    return _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + by), markdown)


# Room to write on: a line of underscores alone is a rule in rendered Markdown, a line in text.
MARKDOWN_RULE = "_" * 40


def handout_markdown(pack: Pack, student: bool = False, timing: Timing | None = None) -> str:
    return "\n\n".join(markdown_block(b) for b in handout_blocks(pack, student, timing)) + "\n"


def markdown_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {one_line(block.text)}"
    if isinstance(block, AuthorMarkdown):
        return demote_headings(block.text.strip(), 3)
    if isinstance(block, Line):
        label = f"**{block.label}:** " if block.label else ""
        text = block.text
        if text and (block.quiet or block.strong):
            text = f"**{text}**" if block.strong else f"*{text}*"
        detail = f" *({block.detail})*" if block.detail else ""
        return (label + text + detail).rstrip()
    if isinstance(block, Quote):
        return f"> {in_quotes(block.text)}"
    if isinstance(block, Items):
        marks = [f"{n}." for n in range(1, len(block.items) + 1)] if block.ordered else None
        return "\n".join(f"{marks[n] if marks else '-'} "
                         + (f"**{lead.strip()}** " if lead.strip() else "") + rest.strip()
                         for n, (lead, rest) in enumerate(block.items))
    if isinstance(block, Box):
        return "\n\n".join(markdown_block(b) for b in block.blocks)
    if isinstance(block, WriteIn):
        rules = [f"**{field}:** {MARKDOWN_RULE}" for field in block.fields]
        return "\n\n".join(rules + [MARKDOWN_RULE] * block.lines)
    if isinstance(block, Reading):
        return "\n\n".join([f"## {READING_HEADING}", *block.paragraphs])
    raise TypeError(f"unknown handout block {block!r}")


# -- HTML -------------------------------------------------------------------------------------

STYLE = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; } h2 { font-size: 1.35rem; border-bottom: 2px solid #333; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; } h4, h5, h6 { font-size: 1rem; }
.quiet { color: #555; font-size: .9rem; }
.question, .decision, .notes, .other-reporting, .branch { border: 1px solid #bbb;
  border-radius: .3rem; padding: .3rem .8rem; margin: .7rem 0; }
.branch { border-left: 4px solid #2a6f97; -webkit-print-color-adjust: exact;
          print-color-adjust: exact; }
.notes { background: #f4f4f4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #999;
             font-style: italic; }
ul, ol { margin: .3rem 0; }
.write-in { margin: .4rem 0 .6rem; }
.write-in .fields { display: flex; gap: 1.2rem; }
.write-in .field { display: flex; flex: 1; align-items: flex-end; gap: .4rem; }
.write-in .field:first-child { flex: 2; }
.write-in .rule { flex: 1; border-bottom: 1px solid #777; height: 1.8rem; }
.reading-sheet p { text-align: justify; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  .reading-sheet { break-before: page; }
  .write-in { break-inside: avoid; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  .question, .decision, .notes, .other-reporting, .branch, blockquote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""


def html_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(one_line(block.text))}</h{block.level}>"
    if isinstance(block, AuthorMarkdown):
        return author_markdown_html(block.text)
    if isinstance(block, Line):
        label = f"<b>{escape(block.label)}:</b> " if block.label else ""
        css = ' class="quiet"' if block.quiet else ""
        text = f"<b>{escape(block.text)}</b>" if block.strong else escape(block.text)
        detail = f' <span class="quiet">({escape(block.detail)})</span>' if block.detail else ""
        return f"<p{css}>{label}{text}{detail}</p>"
    if isinstance(block, Quote):
        return f"<blockquote>{escape(in_quotes(block.text))}</blockquote>"
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{f'<b>{escape(lead.strip())}</b> ' if lead.strip() else ''}"
                        f"{escape(rest.strip())}</li>" for lead, rest in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Box):
        inner = "\n".join(html_block(b) for b in block.blocks)
        return f'<div class="{escape(block.kind)}">\n{inner}\n</div>'
    if isinstance(block, WriteIn):
        fields = "".join(f'<span class="field"><b>{escape(field)}:</b><span class="rule">'
                         f'</span></span>' for field in block.fields)
        rules = '<div class="rule"></div>' * block.lines
        return f'<div class="write-in"><div class="fields">{fields}</div>{rules}</div>'
    if isinstance(block, Reading):
        text = "\n".join(f"<p>{escape(p)}</p>" for p in block.paragraphs)
        return (f'<section class="reading-sheet">\n<h2>{READING_HEADING}</h2>\n{text}\n'
                f'</section>')
    raise TypeError(f"unknown handout block {block!r}")


def handout_html(pack: Pack, student: bool = False, timing: Timing | None = None) -> str:
    blocks = handout_blocks(pack, student, timing)
    title = blocks[0].text if isinstance(blocks[0], Heading) else pack.manifest.title
    body = "\n".join(html_block(b) for b in blocks)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")


RENDERERS = {"md": handout_markdown, "html": handout_html}
