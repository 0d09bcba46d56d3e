"""Codes for reading the files: a pack's folder, the text of its files, and their YAML."""

from __future__ import annotations

from ..severity import ERROR
from . import Code

KEY = "files"
TITLE = "Reading the files"

CODES = (
    Code(
        "no-manifest", ERROR,
        "The folder has no `pack.yaml` (or `pack.yml`), so it is not a pack.",
        "Check the folder name; every pack needs a `pack.yaml` beside its scene files "
        "(`briefing new` makes one).",
        "`briefing validate` and `briefing play --pack` take a pack's folder: the one that "
        "holds `pack.yaml`, the scene files and usually the article. Giving the folder above it "
        "(`scenes/` instead of `scenes/my-week`) is the usual cause.",
    ),
    Code(
        "two-manifests", ERROR,
        "The pack folder holds both `pack.yaml` and `pack.yml`.",
        "Keep one: delete `pack.yml`, or merge what it says into `pack.yaml` first.",
        "A pack's manifest may be called `pack.yaml` or `pack.yml`. With both, only "
        "`pack.yaml` is read, and an edit made to the other would be lost without a word.",
    ),
    Code(
        "unreadable-file", ERROR,
        "A file cannot be opened: it is missing, a broken link, a folder, or you may not read it.",
        "Check that the file exists and that you may read it; remove stray links or folders "
        "named `*.yaml`.",
        "Every file ending in `.yaml` or `.yml` beside `pack.yaml` is read as a scene file, and "
        "the article named by `source:` is read too.",
    ),
    Code(
        "not-utf8", ERROR,
        "The file is not UTF-8 text (often saved by a word processor, or as \"ANSI\", "
        "\"Western\" or UTF-16).",
        "Open it in a plain-text editor and save it again as UTF-8.",
        "This applies to the article as well as to the YAML files. The line in the message is "
        "where the first character that is not UTF-8 sits. A word processor (Word, Pages) saves "
        "documents, not text: copy the text into a plain-text editor and save it from there.",
    ),
    Code(
        "missing-source", ERROR,
        "The article named by `source:` in `pack.yaml` is in neither the pack folder nor "
        "`seeds/`.",
        "Put the article's text file in the pack folder and give its exact file name.",
        "Capitals count in the file name, and so does the extension: `article.txt` is not "
        "`Article.TXT`.",
        before='source: Article.TXT      # the file is called article.txt\n',
        after="source: article.txt\n",
    ),
    Code(
        "source-outside-pack", ERROR,
        "`source:` names a file outside the pack folder and `seeds/` (an absolute path, a "
        "path with `..`, or a link to a file elsewhere).",
        "Copy the article into the pack folder and give its file name alone.",
        "The article is shown to players and checked against the quotes, so a pack may read "
        "only its own folder and the shipped `seeds/`: a pack from someone else must not show "
        "players a file from your computer. Links are followed before the check, so a link "
        "inside the pack folder to a file elsewhere is refused too.",
        before="source: ../../Documents/article.txt\n",
        after="source: article.txt\n",
    ),
    Code(
        "yaml-syntax", ERROR,
        "The file is not valid YAML, so none of it can be read.",
        "Look at the line shown and the one before it: indent with spaces, close every quote "
        "and bracket, and put text that contains `: ` in quotes.",
        "Common causes: a tab used to indent; a line indented more or less than the lines "
        "beside it; a quote or bracket opened and never closed; text containing `: ` (colon and "
        "space) that is not in quotes (\"mapping values are not allowed in this context\"); "
        "text starting with a character YAML keeps for itself, such as `\"`, `[`, `*` or `@`. "
        "The hint under the message names the likely cause (section 2 shows when to quote).\n\n"
        "While a file has a syntax error none of its scenes can be read, so links to them are "
        "not checked either: fix these first.",
        before="    title: Update: the first report\n",
        after='    title: "Update: the first report"\n',
    ),
    Code(
        "empty-file", ERROR,
        "A file of the pack holds no YAML: `pack.yaml` is empty or only comments, or a scene "
        "file is empty.",
        "Add its content, or delete the file.",
        "Every `.yaml` or `.yml` file beside `pack.yaml` is read as a scene file. A scene file "
        "that holds only comments is left alone, so a file kept for later scenes may hold a "
        "note of what goes there; an empty one is more likely saved by mistake.",
    ),
    Code(
        "several-documents", ERROR,
        "A file holds a `---` line, which starts a second YAML document.",
        "Remove the `---` line: one document per file.",
        "Some editors and templates put `---` at the top of a file or between parts. A pack "
        "reads one document per file; rather than drop the rest without a word, it stops here.",
        before="scenes:\n  - id: mon-alarm\n    title: The river rises\n---\n"
               "  - id: tue-radio\n    title: The radio calls\n",
        after="scenes:\n  - id: mon-alarm\n    title: The river rises\n"
              "  - id: tue-radio\n    title: The radio calls\n",
    ),
    Code(
        "file-too-large", ERROR,
        "The file is larger than 2 MB, far more than a scene file needs.",
        "Split the scenes over several files, and check that this is the file you meant to "
        "put in the pack folder.",
        "A 1,000-scene pack needs about 200 KB per file. The limit keeps a wrong file (a video, "
        "a database) from stalling the program (see \"Limits\" below).",
    ),
    Code(
        "line-too-long", ERROR,
        "One line is longer than 20,000 characters.",
        "Break long text over several lines with a block scalar (`body: |` and indented lines).",
        before="    body: The desk is quiet. The phone rings at nine. (and so on, for pages)\n",
        after="    body: |\n      The desk is quiet.\n      The phone rings at nine.\n",
    ),
    Code(
        "markdown-too-long", ERROR,
        "One scene shows more than 4,000 characters at once (its title, body, prompt, choices "
        "and notes together), or the intro is longer than that.",
        "Split the scene in two with `next:`; leave background to the article.",
        "The terminal lays out a scene's Markdown before it shows it: about 6,000 characters "
        "took a second on the 2-CPU machine it was measured on, and a few hundred thousand "
        "took half a minute, then seconds a key. 4,000 characters is about 650 words, several screens of "
        "reading; the longest scene of the shipped campaign has under 1,000. The file limit "
        "(2 MB) is still checked first.",
        before="  - id: mon-alarm\n    body: |\n      (pages of background)\n",
        after="  - id: mon-alarm\n    body: |\n      (the first part)\n    next: mon-alarm-2\n"
              "  - id: mon-alarm-2\n    body: |\n      (the rest)\n",
    ),
    Code(
        "too-deep", ERROR,
        "Lists and mappings nest too deeply: more than 50 brackets (`[`, `{`) inside each other, "
        "or indentation past 100 columns.",
        "Close every bracket you open; scene files need only a few levels.",
        "Most often a `[` or `{` that is never closed, so that everything after it counts as "
        "inside it. The limit keeps a broken or hostile file from crashing the program.",
    ),
    Code(
        "too-many-aliases", ERROR,
        "The file uses more than 100 anchors (`&name`) or 1,000 aliases (`*name`), or its "
        "aliases stand for more than 100,000 values once written out.",
        "Write the values out instead of repeating them with anchors and aliases.",
        "An anchor (`&name`) marks a value and an alias (`*name`) repeats it. A few of them "
        "can stand for billions of values (a \"billion laughs\" file), so there are limits; a "
        "pack seldom needs anchors at all.",
        before="      - text: Check the source\n        effects: &careful {tradecraft: 2}\n"
               "      - text: Ask the desk\n        effects: *careful\n",
        after="      - text: Check the source\n        effects: {tradecraft: 2}\n"
              "      - text: Ask the desk\n        effects: {tradecraft: 2}\n",
    ),
    Code(
        "control-character", ERROR,
        "The file holds a NUL byte or another control character that YAML does not allow in "
        "text.",
        "Delete the character, or save the file again as plain UTF-8 text.",
        "Often a file that is not text at all (a document renamed to `.yaml`), or text pasted "
        "from another program. Some editors show such a character as `^@` or as a box.",
    ),
    Code(
        "escaped-control-character", ERROR,
        "A text holds a control character written as a YAML escape in double quotes (`\\e`, "
        "`\\a`, `\\x1b`, `\\u009b`...).",
        "Remove the escape; for a line break use a block scalar (`|`) or `\\n`.",
        "YAML turns such escapes into the characters themselves, and a terminal obeys them: "
        "an escape can change the window's title, clear the screen or type into the player's "
        "prompt. Tab (`\\t`) and new line (`\\n`) are allowed; every other control "
        "character is refused wherever it is, and the game never shows one.",
        before='    title: "The river rises\\e]0;hello\\a"\n',
        after="    title: The river rises\n",
    ),
    Code(
        "unknown-tag", ERROR,
        "A value carries a YAML tag (a word starting with `!`, such as `!!python/object` or "
        "`!local`) that a pack does not use.",
        "Remove the tag; if the text really starts with `!`, put it in quotes.",
        "Tags are never run or constructed, so a file cannot make the program do anything. "
        "YAML's own tags (`!!str`, `!!int`...) are allowed.",
        before="    title: !Breaking news\n",
        after='    title: "!Breaking news"\n',
    ),
)
