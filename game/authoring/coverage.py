"""`briefing facts`: which sentences of the article a pack teaches, and which it leaves out.

The author's checklist for "every fact in the article is taught somewhere": a sentence counts as
taught when a fact, a question or a what-happened quotes enough of it. An article copied from a
web page keeps some of the page around it (navigation links, other stories' headlines, bylines);
those pieces are set aside by general rules, listed apart, and left out of the percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..content.models import Pack
from ..content.quotes import normalise

ABBREVIATIONS = {"brig", "gen", "lt", "col", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st",
                 "jr", "sr", "vs", "etc", "no", "gov", "sen", "rep", "inc", "co", "corp"}
_END = re.compile(r"[.!?][\"'”’)]*\s+")
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")

# Page furniture. Each rule says what such a line looks like on any news site, not which lines
# one article has, and gives the reason the report shows beside what it set aside.
NAVIGATION = "a navigation label"
LINK = "a link to another page"
BYLINE = "a byline, date or credit"
PAGE_FOOT = "after the article's last sentence, and not a sentence"

# Whole lines that are the text of a site's links and buttons, compared without case or arrows.
NAVIGATION_LABELS = {
    "previous", "next", "previous article", "next article", "previous post", "next post",
    "previous story", "next story", "older", "newer", "older posts", "newer posts", "read more",
    "continue reading", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "tweet", "print", "email", "comments", "leave a comment", "related",
    "related articles", "related posts", "related stories", "more stories", "you may also like",
    "recommended", "trending", "most read", "most popular", "advertisement", "sponsored",
    "subscribe", "sign up", "log in", "menu", "home", "search", "back to top", "skip to content",
    "tags", "follow us", "see also",
}
_LINK_PREFIX = re.compile(r"(read more|read also|also read|related|see also|more|recommended"
                          r"|tags|topics|filed under)\s*:", re.IGNORECASE)
# Only the name after "By" must have a capital, so "by the river" is not a byline.
_BYLINE = re.compile(
    r"(?i:(?:written |posted |words |photos? )?by)\s+[A-Z]"  # By Jane Doe
    r"|(?i:(?:published|updated|last updated|posted)\b.*\d)"  # Updated 27 March 2023
    r"|(?i:\d+\s*min(?:ute)?s?\s+read)"  # 4 min read
    r"|(?i:(?:photo|photograph|image|picture|illustration|graphic|video)s?(?: credit)?\s*:)"
    r"|(?i:credits?\s*:)")  # Photo: AP Photo/Vahid Salemi, Credit: Reuters


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    cited_by: list[str] = field(default_factory=list)
    furniture: str = ""  # why it was set aside as part of the web page, not the article; or ""

    @property
    def taught(self) -> bool:
        return bool(self.cited_by)


def is_full_sentence(text: str) -> bool:
    return bool(_ENDS_A_SENTENCE.search(text))


def furniture_reason(text: str, whole_line: bool) -> str:
    """Why this piece of the page is furniture rather than the article's own words, or ""."""
    label = " ".join(re.sub(r"[^\w\s']", " ", text).lower().split())
    if whole_line and label in NAVIGATION_LABELS:
        return NAVIGATION
    if is_full_sentence(text):
        return ""  # a full sentence may be a claim, whatever it starts with: keep it
    if _LINK_PREFIX.match(text):
        return LINK
    if _BYLINE.match(text):
        return BYLINE
    return ""


def set_aside_page_foot(sentences: list[Sentence]) -> None:
    """What follows the article's last full sentence is the page's foot: links, other stories'
    headlines, tags. An article with no full sentence at all has no foot to find."""
    full = [index for index, s in enumerate(sentences) if is_full_sentence(s.text)]
    if not full:
        return
    for sentence in sentences[full[-1] + 1:]:
        sentence.furniture = sentence.furniture or PAGE_FOOT


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
    """The normalised article and its sentences with their positions in it, page furniture
    marked."""
    text = normalise(raw)
    found, cursor = [], 0
    for paragraph in re.split(r"\n\s*\n|\n", raw):
        pieces = split_sentences(normalise(paragraph))
        for sentence in pieces:
            start = text.find(sentence, cursor)
            if start < 0:
                continue
            found.append(Sentence(sentence, start, start + len(sentence),
                                  furniture=furniture_reason(sentence, len(pieces) == 1)))
            cursor = start + len(sentence)
    set_aside_page_foot(found)
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
    for sentence in sentences:
        if sentence.taught:
            sentence.furniture = ""  # the author quotes it, so it is the article's to them
    return sentences


def render(pack: Pack, sentences: list[Sentence], show_all: bool = False) -> str:
    article = [s for s in sentences if not s.furniture]
    furniture = len(sentences) - len(article)
    taught = sum(1 for s in article if s.taught)
    percent = 100 * taught / len(article) if article else 100.0
    set_aside = f"; {furniture} set aside as page furniture (listed below)" if furniture else ""
    lines = [f"Source coverage of {pack.id} ({pack.manifest.source}): {taught} of "
             f"{len(article)} sentences taught ({percent:.0f}%){set_aside}", ""]
    for number, sentence in enumerate(sentences, 1):
        if sentence.furniture or (sentence.taught and not show_all):
            continue
        mark = "✓" if sentence.taught else "✗"
        lines.append(f"{mark} {number:>3}. {sentence.text}")
        if sentence.taught:
            lines.append(f"         cited by: {', '.join(sentence.cited_by)}")
    if taught == len(article):
        lines.append("Every sentence of the article is taught somewhere.")
    elif not show_all:
        lines.append("")
        lines.append("Above: the sentences no fact or question cites (--all lists every sentence).")
    if furniture:
        lines += ["", "Set aside as page furniture, not counted (quote one in the pack to count it):"]
        lines += [f"- {number:>3}. {s.text}  [{s.furniture}]"
                  for number, s in enumerate(sentences, 1) if s.furniture]
    return "\n".join(lines) + "\n"
