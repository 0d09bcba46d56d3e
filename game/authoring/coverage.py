"""`briefing facts`: which sentences of the article a pack teaches, and which it leaves out.

The author's checklist for "every fact in the article is taught somewhere": a sentence counts as
taught when a fact, a question or a what-happened quotes enough of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..content.models import Pack
from ..content.quotes import normalise

ABBREVIATIONS = {"brig", "gen", "lt", "col", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st",
                 "jr", "sr", "vs", "etc", "no", "gov", "sen", "rep", "inc", "co", "corp"}
_END = re.compile(r"[.!?][\"'”’)]*\s+")


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    cited_by: list[str] = field(default_factory=list)

    @property
    def taught(self) -> bool:
        return bool(self.cited_by)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one normalised paragraph; 'Brig. Gen.' and 'U.S.' do not end one."""
    sentences, start = [], 0
    for match in _END.finditer(paragraph):
        before = paragraph[start:match.start()].rsplit(" ", 1)[-1].lower().strip("\"'(")
        if before in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", before):
            continue  # an abbreviation or an initial: U.S, S, Gen
        nxt = paragraph[match.end():match.end() + 1]
        if nxt and not (nxt.isupper() or nxt in "\"'“‘"):
            continue
        sentences.append(paragraph[start:match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def article_sentences(raw: str) -> tuple[str, list[Sentence]]:
    """The normalised article and its sentences with their positions in it."""
    text = normalise(raw)
    found, cursor = [], 0
    for paragraph in re.split(r"\n\s*\n|\n", raw):
        for sentence in split_sentences(normalise(paragraph)):
            start = text.find(sentence, cursor)
            if start < 0:
                continue
            found.append(Sentence(sentence, start, start + len(sentence)))
            cursor = start + len(sentence)
    return text, found


def quotes_of(pack: Pack) -> list[tuple[str, str]]:
    """(who cites it, quote) for every source quote in the pack."""
    cited = []
    for scene in pack.scenes.values():
        cited += [(f"fact {f.id}", f.source) for f in scene.facts]
        cited += [(f"question {q.id}", q.source) for q in scene.questions]
        if scene.what_happened:
            cited.append((f"scene {scene.id} (what happened)", scene.what_happened.source))
    return cited


def coverage(pack: Pack) -> list[Sentence]:
    text, sentences = article_sentences(pack.seed_text)
    for who, quote in quotes_of(pack):
        wanted = normalise(quote)
        start = text.find(wanted)
        while start >= 0:
            end = start + len(wanted)
            for sentence in sentences:
                overlap = min(end, sentence.end) - max(start, sentence.start)
                # enough of the sentence is quoted to say it is taught, not just brushed against
                if overlap >= min(20, (sentence.end - sentence.start) // 2) and who not in sentence.cited_by:
                    sentence.cited_by.append(who)
            start = text.find(wanted, start + 1)
    return sentences


def render(pack: Pack, sentences: list[Sentence], show_all: bool = False) -> str:
    taught = sum(1 for s in sentences if s.taught)
    percent = 100 * taught / len(sentences) if sentences else 100.0
    lines = [f"Source coverage of {pack.id} ({pack.manifest.source}): {taught} of "
             f"{len(sentences)} sentences taught ({percent:.0f}%)", ""]
    for number, sentence in enumerate(sentences, 1):
        if sentence.taught and not show_all:
            continue
        mark = "✓" if sentence.taught else "✗"
        lines.append(f"{mark} {number:>3}. {sentence.text}")
        if sentence.taught:
            lines.append(f"         cited by: {', '.join(sentence.cited_by)}")
    if taught == len(sentences):
        lines.append("Every sentence of the article is taught somewhere.")
    elif not show_all:
        lines.append("")
        lines.append("Above: the sentences no fact or question cites (--all lists every sentence).")
    return "\n".join(lines) + "\n"
