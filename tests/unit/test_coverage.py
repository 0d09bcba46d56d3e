"""`briefing facts`: the article split into sentences, each marked taught or not."""

from __future__ import annotations

from game.authoring.coverage import coverage, render, split_sentences


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


def test_campaign_teaches_every_sentence_of_the_story(campaign):
    sentences = coverage(campaign)
    untaught = [s.text for s in sentences if not s.taught]
    # Only the site's links to other articles at the foot of the page are left out.
    assert untaught == ["Previous", "Previous",
                        "Finland First: Sweden still seeks a path to NATO Membership",
                        "Next", "Next", "Russia to Deploy Tactical Nuclear Weapons in Belarus"]
