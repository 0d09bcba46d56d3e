"""Honest fact labels and the corrections layer: what the article says in its own voice is
REPORTED, a claim names its claimant, CONFIRMED needs a named primary source; other reporting
is shown after the week beside the claim it bears on, and never a question's source."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from game.classroom.handout import handout_html, handout_markdown
from game.content.facts import FACT_STATUSES, fact_label
from game.content.models import Fact
from game.debrief_html import debrief_html
from game.debrief_text import debrief_markdown
from game.engine import Story, build_debrief, play
from game.packs import compile_pack
from game.plain.report import debrief_lines, notebook_lines

from ..conftest import MINI, mini_with_other_reporting

FACT = Fact(id="f", text="Five died.", source="five")


@pytest.mark.parametrize("fields, label", [
    ({}, "REPORTED"),
    ({"status": "claimed", "claimed_by": "US intelligence"}, "CLAIMED by US intelligence"),
    ({"status": "disputed", "claimed_by": "Iranian state TV",
      "disputed_by": "the US government"},
     "DISPUTED claim by Iranian state TV, contradicted by the US government"),
    ({"status": "disputed", "claimed_by": "local radio"}, "DISPUTED claim by local radio"),
    ({"status": "confirmed", "confirmed_by": "the Pentagon's statement of 23 March"},
     "CONFIRMED by the Pentagon's statement of 23 March"),
])
def test_each_status_reads_honestly(fields, label):
    assert fact_label(replace(FACT, **fields)) == label


def test_the_default_status_is_reported_and_confirmed_is_no_longer_it():
    assert FACT.status == "reported"
    assert set(FACT_STATUSES) == {"reported", "claimed", "disputed", "confirmed"}


def test_a_fact_left_without_a_status_is_reported_with_no_warning(mini_pack):
    result = compile_pack(MINI)
    assert result.diagnostics == []
    assert mini_pack.facts()["villages"].status == "reported"


def test_a_confirmed_fact_that_names_its_source_is_clean(tmp_path):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    scenes = pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace(
        "        text: Three villages flooded.\n",
        "        text: Three villages flooded.\n        status: confirmed\n"
        "        confirmed_by: the county's flood report of 2 March\n"))
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []
    assert fact_label(result.pack.facts()["villages"]) == \
        "CONFIRMED by the county's flood report of 2 March"


def test_the_campaign_confirms_nothing_it_cannot_source(campaign):
    facts = campaign.facts().values()
    assert all(f.confirmed_by for f in facts if f.status == "confirmed")
    assert {f.id for f in facts if f.status == "reported"} >= {
        "hasakah-strike", "hasakah-toll", "us-strikes", "alomar-attack", "alomar-cause"}
    assert fact_label(campaign.facts()["drone-origin"]) == "CLAIMED by US intelligence"
    assert all(f.disputed_by for f in facts if f.status == "disputed")


def ended_mini(pack) -> Story:
    return play(pack, pick=lambda story: 0)


@pytest.fixture
def reported_otherwise(tmp_path):
    """The mini pack with what other reporting said about its villages fact."""
    result = compile_pack(mini_with_other_reporting(tmp_path))
    assert result.ok and result.diagnostics == []
    return result.pack


def test_the_debrief_sets_other_reporting_beside_the_claim_once_the_week_is_over(reported_otherwise):
    story = ended_mini(reported_otherwise)
    [item] = build_debrief(reported_otherwise, story.state).other_reporting
    assert item.report.outlet == "River Gazette"
    assert [f.id for f in item.facts] == ["villages"]
    markdown = debrief_markdown(build_debrief(reported_otherwise, story.state))
    section = markdown[markdown.index("## Other reporting"):markdown.index("## Your answers")]
    assert "### River Gazette, 2 March" in section
    assert "**The article (REPORTED):** Three villages flooded." in section  # text, as written
    assert "> “flooding three villages”" in section
    assert "> “The flood reached four villages, the county said.”" in section
    assert "**What differs:** The county counts four villages; the article three." in section
    plain = "\n".join(debrief_lines(story))
    assert "Other reporting: 1." in plain
    assert "The article (REPORTED): Three villages flooded." in plain
    assert "River Gazette: “The flood reached four villages, the county said.”" in plain


def test_other_reporting_waits_for_the_end_of_the_week(reported_otherwise):
    story = Story(reported_otherwise, seed=1, clock=lambda: "")
    debrief = build_debrief(reported_otherwise, story.state)
    assert not debrief.ended and debrief.other_reporting == ()
    assert "Other reporting" not in debrief_markdown(debrief)


def test_the_teachers_handout_has_other_reporting_and_the_students_does_not(reported_otherwise):
    teacher = handout_markdown(reported_otherwise)
    section = teacher[teacher.index("## Other reporting"):teacher.index("## Glossary")]
    assert "**River Gazette, 2 March: “Flood reaches four villages”**" in section
    assert "**The article (REPORTED):** Three villages flooded." in section
    assert "> “The flood reached four villages, the county said.”" in section
    assert '<div class="other-reporting">' in handout_html(reported_otherwise)
    assert "River Gazette" not in handout_markdown(reported_otherwise, student=True)


@pytest.mark.parametrize("author, cited", [
    ("", None), ("    author: Ana Ruiz\n", "By Ana Ruiz.")])
def test_other_reporting_without_a_title_is_cited_cleanly_everywhere(tmp_path, author, cited):
    """A page quoted without its headline at hand: no empty quotes, no stray comma."""
    pack = mini_with_other_reporting(tmp_path)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace(
        "    title: Flood reaches four villages\n", author))
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []
    assert result.pack.manifest.other_reporting[0].title == ""
    story = ended_mini(result.pack)
    debrief = build_debrief(result.pack, story.state)
    markdown = debrief_markdown(debrief)
    html = debrief_html(debrief)
    plain = "\n".join(debrief_lines(story))
    teacher = handout_markdown(result.pack)
    for text in (markdown, html, plain, teacher, handout_html(result.pack)):
        assert "“”" not in text and "“, " not in text
    section = markdown[markdown.index("### River Gazette, 2 March"):]
    second = section.split("\n\n")[1]
    if cited:
        assert second == cited
        assert "<p>By Ana Ruiz.</p>" in html
        assert "River Gazette, 2 March: by Ana Ruiz." in plain
    else:
        assert second.startswith("**The article (REPORTED):**")  # no citation line at all
        assert "<h3>River Gazette, 2 March</h3><p><span" in html
        assert "River Gazette, 2 March." in plain
    assert "**River Gazette, 2 March**" in teacher


def test_the_notebook_in_plain_mode_labels_each_fact_and_explains_the_labels(mini_pack):
    story = ended_mini(mini_pack)
    lines = notebook_lines(story)
    assert "1. REPORTED: Three villages flooded." in lines
    assert "2. CLAIMED by local radio: 55 people were moved." in lines
    assert "  REPORTED: the article says so, naming no source." in lines


def test_a_missing_citation_field_is_reported_at_the_item(tmp_path):
    pack = mini_with_other_reporting(tmp_path)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace(
        '    quote: "The flood reached four villages, the county said."\n', ""))
    [found] = [d for d in compile_pack(pack).diagnostics if d.code == "missing-field"]
    assert found.message == "This other reporting item has no 'quote'."
    assert found.line == manifest.read_text().splitlines().index("  - outlet: River Gazette") + 1


def test_bears_on_takes_one_id_or_a_list(tmp_path):
    pack = mini_with_other_reporting(tmp_path)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("bears_on: villages",
                                                     "bears_on: [villages, moved-radio]"))
    result = compile_pack(pack)
    assert result.ok and result.diagnostics == []
    assert result.pack.manifest.other_reporting[0].fact_ids == ("villages", "moved-radio")


def test_a_question_citing_other_reporting_instead_of_the_article_is_an_error(tmp_path):
    pack = mini_with_other_reporting(tmp_path)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text().replace(
        'source: "flooding three villages"\n        explanation: Three.',
        'source: "The flood reached four villages"\n        explanation: Three.')
    scenes.write_text(text)
    result = compile_pack(pack)
    [found] = [d for d in result.diagnostics if d.code == "source-from-other-reporting"]
    assert not result.ok and found.severity == "error"
    assert "from other reporting (River Gazette, 2 March), not the article" in found.message
    assert found.line == text[: text.index("The flood reached four villages")].count("\n") + 1
    assert "quote-not-found" not in {d.code for d in result.diagnostics}  # said once, precisely
