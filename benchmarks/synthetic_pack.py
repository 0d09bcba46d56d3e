"""Write a valid synthetic scene pack of N scenes, for timing the loader on a large pack.

The pack compiles with no errors and no warnings: every scene is reachable from the start, every
edge goes forward (so there are no loops, and days never run backwards), every scene can reach an
ending, and every ``source:`` quote is a verbatim piece of the pack's own small article.

    .venv/bin/python benchmarks/synthetic_pack.py /tmp/synthetic [--scenes 1000] [--per-file 100]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ARTICLE_NAME = "article.txt"
DAYS = tuple(f"Day {n}" for n in range(1, 11))
TRACKS = ("tradecraft", "judgement", "escalation")
FLAGS = ("checked-source", "flagged-gap", "overstated", "asked-twice")
FACT_STATUSES = ("reported", "claimed", "disputed")
LETTERS = ("Alpha", "Bravo", "Charlie")  # not "Option 1": choices are shuffled, validate says
QUESTION_TYPES = ("single-choice", "multiple-select", "numeric", "short-text", "timeline",
                  "true-false")
SENTENCES = 36  # in the synthetic article
EARLY_ENDING_EVERY = 200  # besides the three final endings, one ending every this many scenes

PLACES = ("the north quay", "the grain terminal", "the ferry pier", "the customs shed",
          "the fuel depot", "the container yard", "the dry dock", "the fish market")
SPEAKERS = ("the harbour master", "a port spokesperson", "the coastguard", "a union official",
            "the shipping agency", "a local reporter")
THINGS = ("ships", "crates", "lorries", "tankers", "barges", "cranes")


def article_sentences() -> list[dict]:
    """The synthetic article, one dict per sentence, with the parts that questions ask about."""
    sentences = []
    for k in range(SENTENCES):
        day = DAYS[k * len(DAYS) // SENTENCES]
        speaker, place = SPEAKERS[k % len(SPEAKERS)], PLACES[k % len(PLACES)]
        number, thing = 3 + (k * 7) % 40, THINGS[k % len(THINGS)]
        # Curly apostrophes in the article and straight ones in the quotes exercise normalising.
        text = (f"On {day}, {speaker} said {number} {thing} "
                f"had reached {place} by noon, and the port\u2019s night shift logged entry {k}.")
        sentences.append({"day": day, "speaker": speaker, "place": place, "number": number,
                          "thing": thing, "text": text, "index": k})
    return sentences


def article_text(sentences: list[dict]) -> str:
    lines = ["Harbour Week: a synthetic report for benchmarks", ""]
    for start in range(0, len(sentences), 4):  # paragraphs of four sentences
        lines.append(" ".join(s["text"] for s in sentences[start:start + 4]))
        lines.append("")
    return "\n".join(lines)


def quote(s: dict) -> str:
    """A verbatim piece of the sentence (its straight-apostrophe spelling)."""
    return f"said {s['number']} {s['thing']} had reached {s['place']} by noon, and the port's night shift"


def q(text) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted scalars."""
    return json.dumps(text, ensure_ascii=False)


def early_endings(n: int) -> set[int]:
    return {k for k in range(EARLY_ENDING_EVERY - 1, n - 5, EARLY_ENDING_EVERY)}


def scene_id(i: int) -> str:
    return f"s{i:04d}"


def question_yaml(qid: str, kind: str, s: dict, other: dict) -> list[str]:
    lines = [f"      - id: {qid}", f"        type: {kind}"]
    number, thing, place, day = s["number"], s["thing"], s["place"], s["day"]
    if kind == "single-choice":
        options = [f"{number} {thing}", f"{number + 1} {thing}", f"{number + 5} {thing}",
                   f"{number * 2 + 3} {thing}"]
        lines += [f"        ask: {q(f'How many {thing} had reached {place} on {day}?')}",
                  "        options:", *[f"          - {q(o)}" for o in options],
                  f"        answer: {q(options[0])}"]
    elif kind == "multiple-select":
        options = [place, other["place"], "the lighthouse", "the marina"]
        if other["place"] == place:
            options[1] = "the boatyard"
        lines += [f"        ask: {q('Which of these places does the article name? Tick all.')}",
                  "        options:", *[f"          - {q(o)}" for o in options],
                  "        answers:", f"          - {q(place)}"]
        if options[1] != "the boatyard":
            lines.append(f"          - {q(options[1])}")
    elif kind == "numeric":
        lines += [f"        ask: {q(f'How many {thing} had reached {place} by noon?')}",
                  f"        answer: {number}", f"        tolerance: {s['index'] % 2}",
                  f"        unit: {thing}"]
    elif kind == "short-text":
        lines += [f"        ask: {q(f'Who said {number} {thing} had reached {place}?')}",
                  f"        answer: {q(s['speaker'])}",
                  "        also_accept:", f"          - {q(s['speaker'].split(' ', 1)[1])}"]
    elif kind == "timeline":  # three of the article's log entries, in their true order
        entries = sorted({(s["index"] + step) % SENTENCES for step in (0, 9, 18)})
        lines += [f"        ask: {q('Put these log entries in order, earliest first.')}",
                  "        order:", *[f"          - {q(f'Entry {k}')}" for k in entries]]
    else:  # true-false
        lines += [f"        ask: {q(f'True or false: {number} {thing} had reached {place}.')}",
                  f"        answer: {'true' if s['index'] % 3 else 'false'}"]
    lines += [f"        source: {q(quote(s))}",
              "        explanation: >-",
              f"          The article says {number} {thing} had reached {place} by noon;",
              "          read the numbers and names exactly as they are written."]
    return lines


def choice_yaml(i: int, k: int, target: int, conditional: bool) -> list[str]:
    effects = ", ".join(f"{t}: {((i + k + j) % 5) - 2}" for j, t in enumerate(TRACKS))
    lines = [f"      - text: {q(f'Draft {LETTERS[k]} for scene {i}: write it up as briefed')}",
             f"        next: {scene_id(target)}",
             f"        effects: {{{effects}}}",
             f"        set: [{FLAGS[(i + k) % len(FLAGS)]}]",
             "        feedback: >-",
             "          A call that weighs the sourcing against what the reader needs;",
             "          the debrief explains how it compares with what happened."]
    if conditional:
        lines.append(f"        if: {{any: [{{flags: [{FLAGS[i % len(FLAGS)]}]}}, "
                     f"{{at_least: {{judgement: {i % 3}}}}}]}}")
    return lines


def scene_yaml(i: int, n: int, sentences: list[dict], endings: set[int]) -> list[str]:
    s = sentences[(i * 7) % len(sentences)]
    other = sentences[(i * 11 + 5) % len(sentences)]
    number, thing, place = s["number"], s["thing"], s["place"]
    last_path = n - 4  # routes to the three final endings
    lines = [f"  - id: {scene_id(i)}", f"    day: {DAYS[i * len(DAYS) // n]}",
             f'    time: "{8 + i % 12:02d}:{(i * 17) % 60:02d}"',
             f"    title: {q(f'Report {i} from {place}')}",
             "    body: |",
             f"      Scene {i}. A message arrives about **{place}**. It says that",
             f"      {number} {thing} were counted there, according to {s['speaker']}.",
             "",
             "      Read it against your notebook before you decide what to write."]
    status = FACT_STATUSES[i % 3]
    lines += ["    facts:", f"      - id: fact-{i}",
              f"        text: {q(f'{number} {thing} reached {place} by noon.')}",
              f"        status: {status}"]
    if status != "reported":
        lines.append(f"        claimed_by: {q(s['speaker'])}")
    lines.append(f"        source: {q(quote(s))}")
    if i in endings or i > last_path:
        lines += ["    ending: true",
                  f"    assessment: {q(f'The week ends at scene {i}: your file goes to the principals.')}"]
        return lines
    lines.append("    questions:")
    for j in range(1 + i % 2):
        kind = QUESTION_TYPES[(i + i // 2 + j) % len(QUESTION_TYPES)]  # types in turn
        lines += question_yaml(f"q-{i}-{j}", kind, s if j == 0 else other, other if j == 0 else s)

    def ahead(step: int) -> int:
        return min(i + step, last_path)

    if i == last_path:
        lines += ["    next:",
                  f"      - to: {scene_id(n - 3)}",
                  # A short pack cannot earn 40 (validate: the ending would be unreachable).
                  f"        if: {{at_least: {{tradecraft: {min(40, n // 4)}}}}}",
                  f"      - to: {scene_id(n - 2)}", f"        if: {{flags: [{FLAGS[0]}], "
                  f"not_flags: [{FLAGS[2]}]}}",
                  f"      - to: {scene_id(n - 1)}"]
        return lines
    if i + 1 in endings:  # a decision that may end the week early, or carry on past the ending
        targets = [i + 1, i + 2]
    elif i % 4 in (0, 1):
        targets = [ahead(1), ahead(2), ahead(3)][: 2 + (i % 4 == 0)]
    else:
        targets = []
    if targets:
        lines.append("    choices:")
        for k, target in enumerate(targets):
            lines += choice_yaml(i, k, target, conditional=(k == 2))
        lines += ["    what_happened:",
                  f"      text: {q(f'The reporting on {place} held up.')}",
                  f"      source: {q(quote(other))}"]
    elif i % 4 == 2:
        lines += ["    next:",
                  # Every way here sets flags[1], so a route on it alone would always hold
                  # (and validate would warn that the one after it is never taken).
                  f"      - to: {scene_id(ahead(2))}",
                  f"        if: {{flags: [{FLAGS[1]}], visited: [{scene_id(i - 1)}]}}",
                  f"      - to: {scene_id(ahead(3))}",
                  f"        if: {{at_least: {{tradecraft: -5}}, not_visited: [{scene_id(i - 1)}]}}",
                  f"      - to: {scene_id(ahead(1))}"]
    else:
        lines.append(f"    next: {scene_id(ahead(1))}")
    lines += ["    notes: |", "      Ask the class which words in the message are the source's own."]
    return lines


def pack_yaml(pack_id: str) -> str:
    bands = ["      - {min: 80, label: Strong}", "      - {min: 50, label: Fair}",
             "      - {min: 0, label: Keep practising}"]
    lines = [f"id: {pack_id}", "format: 2", "title: \"Harbour Week (synthetic)\"",
             "role: Port analyst",
             f"source: {ARTICLE_NAME}", f"start: {scene_id(0)}", 'version: "1"', "intro: |",
             "  # Harbour Week", "", "  A synthetic pack for timing the loader.", "days:",
             *[f"  - {day}" for day in DAYS], "tracks:"]
    for track in TRACKS:
        lines += [f"  - id: {track}", f"    name: {track.title()}",
                  f"    description: {q(f'Points for {track}.')}",
                  f"    graded: {'false' if track == 'escalation' else 'true'}", "    bands:", *bands]
    lines += ["  - id: recall", "    name: Recall", "grades:",
              *[b.replace("      ", "  ", 1) for b in bands], "glossary:"]
    for term in ("Quay", "Manifest", "Berth"):
        lines += [f"  - term: {term}", f"    meaning: {q(f'{term}: a harbour word.')}"]
    return "\n".join(lines) + "\n"


def write_pack(folder: Path, scenes: int = 1000, per_file: int = 100) -> Path:
    """Write the pack into ``folder`` (its name becomes the pack id) and return the folder."""
    if scenes < 8:
        raise ValueError("a synthetic pack needs at least 8 scenes")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    sentences = article_sentences()
    (folder / ARTICLE_NAME).write_text(article_text(sentences), encoding="utf-8")
    (folder / "pack.yaml").write_text(pack_yaml(folder.name), encoding="utf-8")
    endings = early_endings(scenes)
    for part, first in enumerate(range(0, scenes, per_file)):
        lines = ["scenes:"]
        for i in range(first, min(first + per_file, scenes)):
            lines += scene_yaml(i, scenes, sentences, endings)
        (folder / f"scenes-{part:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scenes", type=int, default=1000)
    parser.add_argument("--per-file", type=int, default=100)
    args = parser.parse_args(argv)
    folder = write_pack(args.folder, args.scenes, args.per_file)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from game.content import compile_pack

    result = compile_pack(folder)
    for diagnostic in result.diagnostics:
        print(diagnostic)
    errors = len(result.errors)
    print(f"{folder}: {errors} error(s), {len(result.diagnostics) - errors} warning(s); "
          f"{result.stats()}")
    return 1 if result.diagnostics else 0


if __name__ == "__main__":
    sys.exit(main())
