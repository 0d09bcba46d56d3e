"""The campaign's primary-source check (issue 12, item 4): the Pentagon's statement of 23 March
2023, as NBC News, The Hill and AP reported it, is carried in the corrections layer with its
citation, and the scene where a player checks it quotes those words exactly."""

from __future__ import annotations

from game.engine import Phase, Story, right_response

REPORTERS = {"NBC News", "The Hill", "The Associated Press (as carried by the Shelton Herald)"}


def words(text: str) -> str:
    return " ".join(text.replace(">", " ").split())


def statement_reports(campaign):
    return {item.outlet: item for item in campaign.manifest.other_reporting
            if item.outlet in REPORTERS}


def test_three_outlets_report_the_statement_of_23_march_with_their_exact_words(campaign):
    items = statement_reports(campaign)
    assert set(items) == REPORTERS
    for item in items.values():
        assert item.date == "23 March 2023" and item.url.startswith("https://")
        # One contractor killed; five service members and a second contractor wounded.
        quote = item.quote.lower()
        assert "contractor was killed" in quote and "five u.s. service members" in quote
        assert "wounded" in quote
        assert {"hasakah-toll", "toll-vs-statement"} <= set(item.bears_on)


def test_the_scene_that_checks_the_statement_quotes_nbc_news_word_for_word(campaign):
    scene = campaign.scenes["fri-statement"]
    quoted = words(" ".join(line for line in scene.body.splitlines()
                            if line.lstrip().startswith(">")))
    assert quoted == words(statement_reports(campaign)["NBC News"].quote)
    fact = next(f for f in scene.facts if f.id == "toll-vs-statement")
    assert fact.status == "disputed" and "NBC News, The Hill and AP" in fact.disputed_by


def play_morning(campaign, choice_id: str) -> Story:
    story = Story(campaign, seed=2, clock=lambda: "")
    while story.scene.id != "fri-morning":
        if story.phase is Phase.AWAITING_ANSWER:
            story.answer(right_response(story.question.question, story.question.options))
        else:
            story.choose(0)
    ids = [story.scene.choices[c.authored_index].id for c in story.choices]
    story.choose(ids.index(choice_id))
    return story


def test_only_a_player_who_acts_on_the_statement_may_cite_it_on_monday(campaign):
    checked, hurried = play_morning(campaign, "pull-statement"), play_morning(campaign, "note-now")
    assert checked.scene.id == "fri-statement" and hurried.scene.id == "fri-strikes"
    assert "checked-statement" not in checked.state.flags + hurried.state.flags
    by_id = {checked.scene.choices[c.authored_index].id: n for n, c in enumerate(checked.choices)}
    for choice_id, acted in (("correct-sourced", True), ("swap-quietly", True),
                             ("keep-article", False)):
        branch = checked.fork()
        branch.choose(by_id[choice_id])
        assert ("checked-statement" in branch.state.flags) is acted, choice_id
    with_statement = next(c for c in campaign.scenes["mon-casualties"].choices
                          if c.id == "with-statement")
    assert with_statement.if_.flags == ("checked-statement",)
