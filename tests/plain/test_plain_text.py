"""Plain mode's text: authored Markdown as clean lines, every line fitted to the terminal at
word boundaries, no doubled punctuation, and the pack's intro at the start of a new game."""

from __future__ import annotations

import io
import re

import pytest

from game.classroom.identity import class_seed
from game.engine import build_debrief
from game.plain.console import Console
from game.plain.game import PlainGame
from game.plain.text import fit, labelled_text, markdown_text
from game.session import Settings
from tests.plain.scripts import run_plain, script_for

MARKDOWN_CASES = [
    # (what the author wrote, the lines plain mode prints)
    ("The **river** rose *fast*", ["The river rose fast"]),
    ("__Strong__ and _italic_ and ***both***", ["Strong and italic and both"]),
    ("*Joint Chiefs of Staff\nSpokesman*, says the caption",
     ["Joint Chiefs of Staff Spokesman, says the caption"]),
    ("Type `hint` for a hint", ["Type hint for a hint"]),
    ("5 * 3 = 15, rated 4* by 2 * 2", ["5 * 3 = 15, rated 4* by 2 * 2"]),
    ("a lone * star, snake_case_name", ["a lone * star, snake_case_name"]),
    (r"\*not emphasis\* and \_ and \# and \[x\]", ["*not emphasis* and _ and # and [x]"]),
    ("[the article](https://example.org/a) says", ["the article (https://example.org/a) says"]),
    ("See <https://example.org>", ["See https://example.org"]),
    ("Write to <desk@example.org>", ["Write to desk@example.org"]),
    ("Tom &amp; Jerry &lt;3", ["Tom & Jerry <3"]),
    ("Old ~~news~~", ["Old news"]),
    ("Bold <b>tag</b> left out", ["Bold tag left out"]),
    ("One\ntwo.\n\n- a\n- b", ["One two.", "", "- a", "- b"]),
    ("* starred\n+ plussed", ["- starred", "", "- plussed"]),  # two lists: a marker changed
    ("- **kept claims**: *US\n  intelligence's*;\n- next", ["- kept claims: US intelligence's;",
                                                           "- next"]),
    ("1. first\n2. second\n\n7) seventh", ["1. first", "2. second", "", "7) seventh"]),
    ("- outer\n  - inner\n- back", ["- outer", "  - inner", "- back"]),
    ("- loose\n\n- items", ["- loose", "", "- items"]),
    ("- item\n\n  its second paragraph", ["- item", "", "  its second paragraph"]),
    ("# The *real* story\nText", ["The real story", "", "Text"]),
    ("Intro\n## Heading\nMore", ["Intro", "", "Heading", "", "More"]),
    ("Line one  \nline two", ["Line one", "line two"]),
    ("> Quoted **words**\n> go on", ["  Quoted words go on"]),
    ("```\nkeep  these   spaces\n```", ["    keep  these   spaces"]),
    ("Above\n\n---\n\nBelow", ["Above", "", "Below"]),
    ("| Count | Source |\n|---|---|\n| 19 | none |", ["Count | Source", "19 | none"]),
    ("![a map of Syria](map.png)", ["a map of Syria (map.png)"]),
    ("Many    spaces\tand a tab", ["Many spaces and a tab"]),
    ("", []),
]


@pytest.mark.parametrize("markdown, lines", MARKDOWN_CASES)
def test_markdown_becomes_clean_text(markdown, lines):
    assert markdown_text(markdown) == lines


def test_a_label_goes_before_the_text_or_above_a_list():
    assert labelled_text("Why", "It *was* right.\n\nSo.") == ["Why: It was right.", "", "So."]
    assert labelled_text("Why", "- one\n- two") == ["Why:", "- one", "- two"]
    assert labelled_text("Who?", "Ana") == ["Who? Ana"]
    assert labelled_text("Why", "") == []


@pytest.mark.parametrize("line, width, lines", [
    ("short", 20, ["short"]),
    ("one two three four five six", 10, ["one two", "three four", "five six"]),
    ("- an item that is long", 12, ["- an item", "  that is", "  long"]),
    ("12. an item that is long", 12, ["12. an item", "    that is", "    long"]),
    ("b. a match target text", 12, ["b. a match", "   target", "   text"]),
    ("   Source: “the words of it”", 18, ["   Source: “the", "   words of it”"]),
    ("Iran-backed belligerents", 14, ["Iran-backed", "belligerents"]),
    ("https://example.org/a/very/long/address", 16,
     ["https://example.org/a/very/long/address"]),  # longer than the line: kept whole
    ("see https://example.org/a/very/long/address now", 16,
     ["see", "https://example.org/a/very/long/address", "now"]),
])
def test_lines_are_fitted_at_word_boundaries(line, width, lines):
    assert fit(line, width) == lines


def test_the_console_fits_every_line_and_the_echo_to_its_width():
    out = io.StringIO()
    console = Console(io.StringIO("the former US embassy in Tehran, Iran\n"), out, echo=True,
                      width=30)
    console.say("A paragraph of words that is longer than thirty columns.", "1. An option "
                "that wraps under its words")
    console.read("Your answer, in a few words? ")
    assert out.getvalue().splitlines() == [
        "A paragraph of words that is",
        "longer than thirty columns.",
        "1. An option that wraps under",
        "   its words",
        "Your answer, in a few words? ",  # the echo did not fit beside the prompt
        "the former US embassy in",
        "Tehran, Iran",
    ]


# -- a whole game, at the widths a player has -----------------------------------------------

def play(pack, data_dir, lines: list[str], width: int, **settings) -> str:
    out = io.StringIO()
    console = Console(io.StringIO("".join(f"{line}\n" for line in lines)), out, echo=True,
                      width=width)
    PlainGame(console, [pack], Settings(data_dir=data_dir, **settings)).run()
    return out.getvalue()


def words(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def campaign_script(campaign):
    lines, story = script_for(campaign, 3, wrong={"q-hasakah-troops"})
    return lines, story


@pytest.fixture(scope="module")
def unwrapped(campaign, campaign_script, tmp_path_factory):
    out = play(campaign, tmp_path_factory.mktemp("wide"), campaign_script[0], width=10_000,
               seed=3)
    # the script played the whole week, pre- and post-check answered right, and ended at the
    # offer to save the debrief
    assert out.rstrip().endswith(
        "End of the debrief.\n\nYour check: 4 of 4 before the week, 4 of 4 after it. It did not "
        "count toward your score.\n\nSave this debrief to a file? [y/N]")
    return out


@pytest.mark.parametrize("width", [60, 80])
def test_a_whole_campaign_fits_the_terminal_and_splits_no_word(campaign, campaign_script,
                                                               unwrapped, tmp_path, width):
    out = play(campaign, tmp_path, campaign_script[0], width=width, seed=3)
    assert max(len(line) for line in out.splitlines()) <= width
    # The same words in the same order as with no wrapping at all: none was cut in two.
    assert words(out) == words(unwrapped)
    assert "*" not in out and "__" not in out and "`" not in out


@pytest.mark.parametrize("width", [60, 80])
def test_a_scene_with_emphasis_and_an_ending_with_a_list_read_as_text(campaign,
                                                                      campaign_script,
                                                                      tmp_path, width):
    out = play(campaign, tmp_path, campaign_script[0], width=width, seed=3)
    lines = out.splitlines()
    # fri-ryder's body: emphasis over a line break ("*Joint Chiefs of Staff ... Ryder*")
    ryder = campaign.scenes["fri-ryder"]
    assert "*" in ryder.body
    body = markdown_text(ryder.body)
    assert any("reads Pentagon Press Secretary Brig. Gen. Pat Ryder Holds;" in line
               for line in body)
    assert any("the caption, Joint Chiefs of Staff Spokesman U.S. Air Force" in line
               for line in body)
    for paragraph in body:
        assert "\n".join(fit(paragraph, width)) in out
    # the ending's assessment, as this player's parts make it up: its list items as "- "
    # lines, continued under their words
    assessment = build_debrief(campaign, campaign_script[1].state).assessment
    items = [line for line in markdown_text(assessment) if line.startswith("- ")]
    assert items and "**" in assessment
    for item in items:
        fitted = fit(item, width)
        assert len(fitted) > 1 or len(item) <= width
        assert all(line.startswith("  ") and not line.startswith("   ") for line in fitted[1:])
        start = lines.index(fitted[0])
        assert lines[start:start + len(fitted)] == fitted


def test_no_punctuation_is_doubled_in_a_whole_campaign(unwrapped):
    assert "What can Iran do?" in unwrapped and "Whose drone?" in unwrapped
    doubled = re.findall(r".{0,30}(?:[?!:]\.|[.?!]:|[?!]\?|(?<!\.)\.\.(?!\.)).{0,10}", unwrapped)
    assert doubled == []


def test_a_piped_game_wraps_to_80_columns_or_to_columns(campaign, campaign_script, tmp_path):
    stdin = "\n".join(campaign_script[0]) + "\n"
    piped = run_plain(["--pack", "week-of-march-23", "--seed", "3"], stdin, tmp_path / "a")
    assert piped.returncode == 0, piped.stderr
    assert max(len(line) for line in piped.stdout.splitlines()) == 80
    narrow = run_plain(["--pack", "week-of-march-23", "--seed", "3"], stdin, tmp_path / "b",
                       columns=60)
    assert max(len(line) for line in narrow.stdout.splitlines()) == 60
    assert words(narrow.stdout) == words(piped.stdout)


# -- the intro ----------------------------------------------------------------------------------

INTRO_WORDS = "What is real and what is framing."
BEGIN = "Press Enter to begin on Thursday 23 March. Ready? "


def test_a_new_game_shows_the_intro_and_a_resumed_one_does_not(campaign, tmp_path):
    first = play(campaign, tmp_path, ["h", "", "q"], width=80, seed=3)
    before_scene = first.split("Flash traffic from Hasakah.")[0]
    assert INTRO_WORDS in before_scene and BEGIN in before_scene
    assert "Your notebook labels each fact by who stands behind it:" in before_scene
    # the intro opens with its own heading, so the title is not given twice
    assert before_scene.count("Hit for Hit") == 1
    assert "Help." in before_scene  # its prompt takes the commands every prompt takes
    again = play(campaign, tmp_path, ["", "q"], width=80, seed=3)
    assert "Continuing: " in again
    assert INTRO_WORDS not in again and "Press Enter to begin" not in again


def test_a_preview_from_a_scene_and_a_pack_without_intro_skip_it(campaign, mini_pack, tmp_path):
    preview = play(campaign, tmp_path / "preview", ["q"], width=80, seed=3,
                   start_at="thu-origin")
    assert INTRO_WORDS not in preview and "Whose drone?" in preview
    mini = play(mini_pack, tmp_path / "mini", ["q"], width=80, seed=3)
    assert "Press Enter to begin" not in mini and "The river rises." in mini


def test_what_a_player_types_is_never_read_as_markdown(mini_pack, tmp_path):
    name = "**Ana** Lee"
    lines, _ = script_for(mini_pack, class_seed("7B", name, False), wrong={"q-mayor"})
    typed = "*nobody* at __all__ [x](http://y)"
    lines = [typed if line == "nobody at all" else line for line in lines]
    out = play(mini_pack, tmp_path, lines, width=200, class_code="7B", name=name)
    assert f"You answered: {typed}" in out
    assert f"Your answer: {typed}" in out  # the debrief
    assert "Played by **Ana** Lee, class 7B, practice mode." in out
