"""`briefing new`: a minimal pack that validates clean, with comments that explain each field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .. import paths
from ..content.article import headline
from ..content.quotes import normalise
from ..content.schema import SCHEMA_DIR, SCHEMA_FILES, schema_file_name, schema_text

SAMPLE_ARTICLE = """\
Town Library Opens Late After Storm

The town library opened two hours late on Monday after a storm cut power overnight.
The head librarian said all books were safe. A local radio station claimed the roof had leaked.
"""

PACK_YAML = """\
# yaml-language-server: $schema={pack_schema}
# pack.yaml says what this pack is. Check your work, in this folder: briefing validate .
id: {pack_id}                 # what saves and results know the pack by (may differ from the folder)
title: {title}  # shown on the title screen
role: Analyst                 # who the player is
source: {source}              # the article, in this folder or in seeds/
start: first-scene            # the id of the first scene
version: "0.1"                # bump it when you change the pack
format: 2                     # the version of the scene format it is written in
intro: |
  # {heading}

  A short welcome in Markdown: who the player is and what happens.
days:                         # the days of your story, in order; scenes name one of them
  - Day one
tracks:                       # score tracks; choices add points to them through effects
  - id: tradecraft
    name: Tradecraft
    description: Sourcing and precision.
    bands:                    # labels by percent of the points on offer
      - {{min: 0, label: Keep practising}}
      - {{min: 75, label: Careful work}}
  - id: recall                # recall questions score here
    name: Recall
grades:                       # the overall grade, by percent across graded tracks
  - {{min: 0, label: C}}
  - {{min: 50, label: B}}
  - {{min: 80, label: A}}
glossary:                     # terms the notebook explains
  - term: Source
    meaning: Where a piece of information comes from.
"""

SCENES_YAML = """\
# yaml-language-server: $schema={scenes_schema}
# A scene file holds a list of scenes. Add as many files as you like beside pack.yaml.
scenes:
  - id: first-scene           # a short unique name
    day: Day one              # exactly as listed under days: in pack.yaml
    time: "09:00"             # any label; quote times
    title: The first report
    body: |                   # what the player reads, in Markdown
      The first report lands on your desk. Read it carefully.
    facts:                    # added to the player's notebook
      - id: first-fact
        text: {fact_text}
        status: reported      # the article says it; or claimed (add claimed_by:), disputed
                              # (claimed_by:, disputed_by:), confirmed (confirmed_by: a source)
        source: {quote}
    questions:                # asked after the body
      - id: q-first
        type: true-false      # also: single-choice, multiple-select, numeric, short-text, timeline
        ask: "True or false: the article says this: {short}"
        answer: true
        explanation: The article says so in these words.
        source: {quote}
    choices:                  # the decision; each choice says where it leads
      - text: Report it with its source
        id: sourced           # a name for the choice, so an assessment can speak of it
        next: last-scene
        effects: {{tradecraft: 2}}
        feedback: Good. Every claim carries its source.
      - text: Report it without a source
        id: unsourced
        next: last-scene
        effects: {{tradecraft: -1}}
        feedback: Your reader cannot check it.
    what_happened:            # shown in the debrief beside the decision
      text: The article gives its source.
      source: {quote}
    notes: Ask the class how they would check this.   # for the teacher
  - id: last-scene
    day: Day one
    time: Evening
    title: The end of the day
    body: Your report is filed.
    ending: true              # the week ends here
    assessment:               # shown at the debrief; each part only to the players it fits
      heading: Assessment
      opening: Your report is on file.
      parts:
        - text: You gave the claim its source, so your reader can check it.
          if: {{chose: [first-scene.sourced]}}
        - text: You reported the claim without its source.
          if: {{chose: [first-scene.unsourced]}}
"""


WALKTHROUGH_YAML = """\
# A golden walkthrough: a scripted playthrough with checks. Run it, in the pack's folder: briefing test .
name: The careful path
steps:
  - expect_scene: first-scene
  - answer: true                      # the true-false question
  - choose: Report it with its source # the start of a choice's text is enough
  - expect_ending: last-scene         # an ending with no questions ends the week at once
  - expect_score: {{tradecraft: 2, recall: 1}}
  - expect_assessment: You gave the claim its source     # the part this path has earned
"""


# Where a pack made outside the checkout keeps its own copy of the schemas. The loader reads only
# the *.yaml files directly in the pack folder, so these JSON files are never taken for scenes.
PACK_SCHEMA_FOLDER = "schema"


class ScaffoldError(Exception):
    """Why a pack could not be created, in words."""


def article_text(article: Path) -> str:
    """The article's text, without a byte order mark (it would start the title); refused when
    it is not UTF-8, which the pack's checks would refuse later, after quoting it garbled."""
    if not article.is_file():
        raise ScaffoldError(f"the article {article} does not exist")
    save_it = (f"the article {article} is not UTF-8 text; save it as UTF-8 and run "
               "`briefing new` again")
    try:
        text = article.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScaffoldError(save_it) from None
    except OSError as exc:
        raise ScaffoldError(f"the article {article} cannot be read: "
                            f"{exc.strerror or exc}") from None
    if "\x00" in text:  # UTF-16 without a byte order mark decodes, a NUL between each letter
        raise ScaffoldError(save_it)
    return text


def first_sentence(article: str) -> str:
    """The first sentence of the article's body: skips the headline, keeps "U.S." whole."""
    paragraphs = [normalise(p) for p in re.split(r"\n\s*\n", article) if p.strip()]
    for paragraph in paragraphs:
        if len(paragraph.split()) < 12:
            continue  # a headline or a caption line
        for sentence in re.split(r"(?<=[a-z0-9][.!?])\s+", paragraph):
            if len(sentence.split()) >= 6 and sentence.rstrip()[-1] in ".!?\"'":
                return sentence.strip()
    return normalise(article)[:120]


def yaml_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def checkout_has_schemas() -> bool:
    """Whether briefing runs from a checkout with docs/schema; an installed wheel has no docs/."""
    folder = paths.CHECKOUT_DIR / SCHEMA_DIR
    return all((folder / schema_file_name(kind)).is_file() for kind in SCHEMA_FILES)


def schema_in_checkout(folder: Path) -> str | None:
    """The relative path from a pack inside the checkout to its docs/schema, as shipped packs
    have it; None when the pack is elsewhere, since a path out of the pack folder would break as
    soon as the folder is moved, zipped or shared."""
    if not checkout_has_schemas():
        return None
    try:
        inside = folder.resolve().relative_to(paths.CHECKOUT_DIR.resolve())
    except ValueError:
        return None
    return Path(*[".."] * len(inside.parts), SCHEMA_DIR).as_posix()


def write_schemas(folder: Path) -> list[Path]:
    """The schemas `briefing schema --write` writes, into ``folder``; returns the files."""
    folder.mkdir()
    written = []
    for kind in SCHEMA_FILES:
        path = folder / schema_file_name(kind)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def scaffold(folder: Path, article: Path | None = None) -> list[Path]:
    """Create ``folder`` with pack.yaml, scenes.yaml, the article, a walkthrough and, outside the
    checkout, the schemas its modelines name; returns the files written."""
    pack_id = folder.name
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", pack_id):
        raise ScaffoldError(f"'{pack_id}' is not a good pack id: use lower-case letters, digits "
                            "and hyphens, e.g. my-week")
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"{folder} already exists and is not empty; nothing was changed")
    text = article_text(article) if article is not None else SAMPLE_ARTICLE  # before any file
    folder.mkdir(parents=True, exist_ok=True)
    if article is not None:
        source_name = article.name
        shutil.copyfile(article, folder / source_name)  # byte for byte: the loader reads a BOM
    else:
        source_name = "article.txt"
        (folder / source_name).write_text(text, encoding="utf-8")
    quote = first_sentence(text)
    short = quote if len(quote) <= 60 else quote[:57].rsplit(" ", 1)[0] + "…"
    schema_dir = schema_in_checkout(folder)
    own_schemas = []
    if schema_dir is None:  # outside the checkout, or no checkout: the pack carries its own
        schema_dir = PACK_SCHEMA_FOLDER
        own_schemas = write_schemas(folder / PACK_SCHEMA_FOLDER)
    title = headline(text) or pack_id.replace("-", " ").capitalize()
    values = dict(pack_id=pack_id, title=yaml_quote(title), heading=title, source=source_name,
                  pack_schema=f"{schema_dir}/{schema_file_name('pack')}",
                  scenes_schema=f"{schema_dir}/{schema_file_name('scenes')}",
                  quote=yaml_quote(quote), fact_text=yaml_quote(quote),
                  short=short.replace('"', "'"))
    (folder / "walkthroughs").mkdir()
    written = [folder / "pack.yaml", folder / "scenes.yaml", folder / source_name,
               folder / "walkthroughs" / "careful.yaml"]
    written[0].write_text(PACK_YAML.format(**values), encoding="utf-8")
    written[1].write_text(SCENES_YAML.format(**values), encoding="utf-8")
    written[3].write_text(WALKTHROUGH_YAML.format(**values), encoding="utf-8")
    return written + own_schemas
