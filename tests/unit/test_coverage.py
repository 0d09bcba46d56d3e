"""`briefing facts`: the article split into sentences, each marked taught or not."""

from __future__ import annotations

from game.authoring.coverage import (BYLINE, LINK, NAVIGATION, PAGE_FOOT, article_sentences,
                                     coverage, render, split_sentences)
from game.authoring.scaffold import scaffold
from game.content import compile_pack

# An article as copied from a web page, with the page's furniture around and inside it.
SEED_FROM_A_WEB_PAGE = """\
Storm Closes Bridge

By Jane Doe and Sam Roe

Updated 27 March 2023, 4 min read

The bridge closed on Monday after a storm damaged its deck. Officials said repairs would take a week.

Photo: Jane Doe/Town Paper

Advertisement

Read more: Flood warnings issued across the county

The mayor said the town would pay for the repairs. By Friday, traffic was moving again.

« Share
Previous
Council Approves New Budget
Next
Library Reopens After Repairs
"""


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = ("Pentagon Press Secretary Brig. Gen. Pat Ryder spoke. The U.S. Army agreed. "
            "Then Mr. Smith left.")
    assert split_sentences(text) == ["Pentagon Press Secretary Brig. Gen. Pat Ryder spoke.",
                                     "The U.S. Army agreed.", "Then Mr. Smith left."]


def test_mini_pack_coverage(mini_pack):
    sentences = coverage(mini_pack)
    assert [s.text for s in sentences] == [
        'The "river" rose on Monday, flooding three villages.',
        "Officials said 40 people were moved.",
        "A local radio station claimed 55 people were moved.",
        'The mayor said: "We will rebuild...fast."',
    ]
    assert all(s.taught for s in sentences)
    assert "fact villages" in sentences[0].cited_by and "question q-day" in sentences[0].cited_by
    assert "4 of 4 sentences taught (100%)" in render(mini_pack, sentences)


def test_page_furniture_is_set_aside_by_general_rules():
    _, sentences = article_sentences(SEED_FROM_A_WEB_PAGE)
    assert [(s.text, s.furniture) for s in sentences] == [
        ("Storm Closes Bridge", ""),  # the article's own headline: before its last sentence
        ("By Jane Doe and Sam Roe", BYLINE),
        ("Updated 27 March 2023, 4 min read", BYLINE),
        ("The bridge closed on Monday after a storm damaged its deck.", ""),
        ("Officials said repairs would take a week.", ""),
        ("Photo: Jane Doe/Town Paper", BYLINE),
        ("Advertisement", NAVIGATION),
        ("Read more: Flood warnings issued across the county", LINK),
        ("The mayor said the town would pay for the repairs.", ""),
        ("By Friday, traffic was moving again.", ""),  # a full sentence is never taken for a byline
        ("« Share", NAVIGATION),
        ("Previous", NAVIGATION),
        ("Council Approves New Budget", PAGE_FOOT),  # another story's headline
        ("Next", NAVIGATION),
        ("Library Reopens After Repairs", PAGE_FOOT),
    ]


def test_report_counts_the_article_only_and_lists_what_it_set_aside(tmp_path):
    seed = tmp_path / "bridge.txt"
    seed.write_text(SEED_FROM_A_WEB_PAGE, encoding="utf-8")
    scaffold(tmp_path / "bridge", seed)  # quotes the article's first sentence
    scenes = tmp_path / "bridge" / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    # The what-happened quotes the photo credit: a line the author quotes counts as the article.
    head, tail = text.split("    what_happened:", 1)
    tail = tail.replace("source: 'The bridge closed on Monday after a storm damaged its deck.'",
                        "source: 'Photo: Jane Doe/Town Paper'", 1)
    scenes.write_text(head + "    what_happened:" + tail, encoding="utf-8")
    result = compile_pack(tmp_path / "bridge")
    assert result.ok, [str(d) for d in result.diagnostics]
    sentences = coverage(result.pack)
    report = render(result.pack, sentences).splitlines()
    assert report[0] == ("Source coverage of bridge (bridge.txt): 2 of 6 sentences taught (33%); "
                         "9 set aside as page furniture (listed below)")
    untaught = [line for line in report if line.startswith("✗")]
    assert untaught == ["✗   1. Storm Closes Bridge",
                        "✗   5. Officials said repairs would take a week.",
                        "✗   9. The mayor said the town would pay for the repairs.",
                        "✗  10. By Friday, traffic was moving again."]
    heading = report.index("Set aside as page furniture, not counted (quote one in the pack to "
                           "count it):")
    assert report[heading + 1:] == [
        "-   2. By Jane Doe and Sam Roe  [a byline, date or credit]",
        "-   3. Updated 27 March 2023, 4 min read  [a byline, date or credit]",
        "-   7. Advertisement  [a navigation label]",
        "-   8. Read more: Flood warnings issued across the county  [a link to another page]",
        "-  11. « Share  [a navigation label]",
        "-  12. Previous  [a navigation label]",
        "-  13. Council Approves New Budget  [after the article's last sentence, and not a sentence]",
        "-  14. Next  [a navigation label]",
        "-  15. Library Reopens After Repairs  [after the article's last sentence, and not a sentence]",
    ]
    credit = sentences[5]
    assert credit.text == "Photo: Jane Doe/Town Paper" and credit.taught and not credit.furniture


def test_campaign_teaches_every_sentence_of_the_story(campaign):
    sentences = coverage(campaign)
    assert [s.text for s in sentences if not s.taught and not s.furniture] == []
    # The site's links at the foot of the page are set aside, not counted as untaught.
    assert [s.text for s in sentences if s.furniture] == [
        "Previous", "Previous", "Finland First: Sweden still seeks a path to NATO Membership",
        "Next", "Next", "Russia to Deploy Tactical Nuclear Weapons in Belarus"]
    assert "24 of 24 sentences taught (100%); 6 set aside" in render(campaign, sentences)
