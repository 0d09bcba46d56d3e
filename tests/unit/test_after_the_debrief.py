"""After the week: how many endings and routes there are to play again for, and the article
in full at the end of the debrief's detail (escaped: it is data)."""

from __future__ import annotations

from dataclasses import replace

from game.content.graph import Replay, pack_replay, replay_count
from game.debrief_html import debrief_html
from game.debrief_text import debrief_markdown
from game.engine import Story, build_debrief, play
from game.plain.report import article_lines, debrief_lines

LINE = "This week has 2 endings and 4 routes through it: play again to find the others."


def test_routes_are_counted_on_the_map_from_the_start_to_each_ending(mini_pack):
    # mon-alarm → tue-wrap or → tue-radio → tue-wrap; then end-good or end-weak
    assert pack_replay(mini_pack) == Replay(endings=2, routes=4)
    assert pack_replay(mini_pack) is pack_replay(mini_pack)  # worked out once per pack


def test_a_map_with_a_loop_has_routes_without_a_number(mini_pack):
    scenes = dict(mini_pack.scenes)
    scenes["tue-radio"] = replace(scenes["tue-radio"], next="mon-alarm")
    assert replay_count(scenes, "mon-alarm") == Replay(endings=2, routes=None)


def test_the_campaign_count(campaign):
    replay = pack_replay(campaign)
    assert replay.endings == sum(1 for s in campaign.scenes.values() if s.ending)
    assert replay.routes is not None and replay.routes >= replay.endings


def ended(pack):
    return build_debrief(pack, play(pack, pick=lambda story: 0).state)


def test_the_line_and_the_article_come_only_after_the_week(mini_pack):
    debrief = ended(mini_pack)
    markdown = debrief_markdown(debrief)
    summary = markdown[:markdown.index("## ", markdown.index("## Summary") + 3)]
    assert f"*{LINE}*" in summary
    assert markdown.count(LINE) == 1  # in the summary, said once
    article = markdown[markdown.index("## The article"):]
    assert markdown.index("## Your notebook") < markdown.index("## The article")
    assert "The “river” rose on Monday, flooding three villages. Officials said 40 people " \
           "were moved. A local radio station claimed 55" in article
    started = build_debrief(mini_pack, Story(mini_pack, seed=1, clock=lambda: "").state)
    assert LINE not in debrief_markdown(started) and "The article" not in debrief_markdown(started)


def test_the_article_is_escaped_as_data_in_every_format(mini_pack):
    debrief = replace(ended(mini_pack), article="A <b>bold</b> *claim*.\n\n# Not a heading")
    markdown = debrief_markdown(debrief)
    assert markdown.endswith("## The article\n\nA \\<b\\>bold\\</b\\> \\*claim\\*.\n\n"
                             "\\# Not a heading\n")
    html = debrief_html(debrief)
    assert "<h2>The article</h2>\n<p>A &lt;b&gt;bold&lt;/b&gt; *claim*.</p>\n<p># Not a heading</p>" \
        in html
    assert "<p><i>" + LINE + "</i></p>" in html


def test_plain_mode_says_the_line_and_keeps_the_article_for_when_it_is_asked(mini_pack):
    story = play(mini_pack, pick=lambda story: 0)
    lines = debrief_lines(story)
    assert lines.count(LINE) == 1  # in the summary, said once
    assert "The article." not in lines
    article = article_lines(mini_pack.seed_text)
    assert article[:3] == ["", "The article.", ""]
    assert article[-1] == "End of the article."
