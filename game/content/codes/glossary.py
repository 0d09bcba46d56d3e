"""Codes for the glossary: terms defined twice, and terms a player can meet before their entry."""

from __future__ import annotations

from ..severity import WARNING
from . import Code

KEY = "glossary"
TITLE = "Glossary"

CODES = (
    Code(
        "term-used-before-defined", WARNING,
        "A scene (or the pack's `intro`) uses a term that only scene glossaries define, and a "
        "player can get there without passing through any of those scenes; the message shows "
        "one such path.",
        "Move the entry to `glossary` in `pack.yaml`, or to a scene that every path to this one "
        "passes first (section 4.8).",
        "A scene's own glossary joins the notebook when the player reaches that scene, so a "
        "term defined in a side scene is missing for the players who never went there. The "
        "term is matched as a whole word or phrase, whatever its capitals. The check ignores "
        "`if:` conditions, like the other story map checks.",
        before="  - id: tue-radio          # a side scene: not every player comes here\n"
               "    glossary:\n      - {term: NGO, meaning: Non-governmental organisation}\n",
        after="# in pack.yaml\nglossary:\n"
              "  - {term: NGO, meaning: Non-governmental organisation}\n",
    ),
    Code(
        "duplicate-term", WARNING,
        "Two glossary entries, in `pack.yaml` or in scenes, define the same term (capitals and "
        "extra spaces do not count); the notebook shows only the first.",
        "Keep one entry, and delete or rename the other.",
        "The message says where the first entry is.",
        before="glossary:\n  - {term: NGO, meaning: Non-governmental organisation}\n"
               "  - {term: ngo, meaning: A charity}\n",
        after="glossary:\n  - {term: NGO, meaning: Non-governmental organisation}\n",
    ),
)
