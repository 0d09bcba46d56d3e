"""What the export tests share: the packs they export and how they read an exported text back."""

from __future__ import annotations

import html
import re

import pytest

from game.packs import compile_pack
from game.content.models import Pack
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID, FIXTURES

HOSTILE = FIXTURES / "export-hostile"  # GIFT's marks, quotes, <, & and non-ASCII everywhere
EVERY_KIND = FIXTURES / "every-kind"  # a timeline of two events: too small for Moodle


def compiled(folder) -> Pack:
    result = compile_pack(folder)
    assert result.ok, result.errors
    return result.pack


@pytest.fixture(scope="module")
def campaign_pack() -> Pack:
    return compiled(packs_root() / CAMPAIGN_ID)


@pytest.fixture(scope="module")
def hostile_pack() -> Pack:
    return compiled(HOSTILE)


@pytest.fixture(scope="module")
def every_kind_pack() -> Pack:
    return compiled(EVERY_KIND)


def shown(markup: str | None) -> str:
    """What a reader sees of exported HTML: its tags taken off, its characters unescaped, its
    spaces as single spaces."""
    blocks_apart = re.sub(r"</?(p|li|ul|ol|blockquote|pre|h\d|br|hr)\b[^>]*>", " ", markup or "")
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", blocks_apart)).split())


def recall_questions(pack: Pack) -> list:
    """The pack's questions an LMS takes (every kind but forecast), in the pack's order."""
    return [q for s in pack.scenes.values() for q in s.questions if q.type != "forecast"]


def forecasts(pack: Pack) -> list[str]:
    return [q.id for s in pack.scenes.values() for q in s.questions if q.type == "forecast"]


# The hostile pack's explanation of q-choice, as a reader sees it once its Markdown is HTML.
HOSTILE_CHOICE_FEEDBACK = ("Bold and code {x} and a link: #1 = ~best. Not ]]> or -- or "
                           "<script>alert(1)</script>.")
