"""The debrief saved as a file: Markdown and HTML with the summary first, what the player typed
escaped in both, one self-contained printable HTML page; the name offered, the format from the
ending, and a sentence for every way a path can be wrong."""

from __future__ import annotations

import errno
import os
import re

from pathlib import Path

import pytest

import game.debrief_file as debrief_file
from game.debrief_file import Format, format_of, suggested_name, target, with_format, write
from game.debrief_html import debrief_html
from game.debrief_text import debrief_markdown
from game.engine import Story, build_debrief

from .test_story import choose_text

HOSTILE_NAME = "<script>alert(1)</script> **x**"
HOSTILE_ANSWER = "<img src=x onerror=alert(2)> [link](http://evil.example) *y*"


def hostile_game(pack) -> Story:
    """The hasty path, played by a hostile name that also types a hostile short answer."""
    story = Story(pack, seed=11, clock=lambda: "t", player=HOSTILE_NAME, class_code="7<b>B")
    story.answer(4)
    story.answer("Monday")
    choose_text(story, "Report 55 moved")
    story.answer(("Officials",))
    story.choose(0)
    story.answer(HOSTILE_ANSWER)
    story.answer(("Mayor spoke", "Officials counted", "River rose"))
    story.answer(True)
    story.choose(0)
    return story


@pytest.fixture
def debrief(mini_pack):
    return build_debrief(mini_pack, hostile_game(mini_pack).state)


def test_markdown_has_the_summary_first_and_escapes_what_the_player_typed(debrief):
    text = debrief_markdown(debrief)
    order = ["# Debrief: The Flood", "## Summary", "### Decisions most worth revisiting",
             "### Questions most worth revisiting", "## A shaky note", "## Scores",
             "## Your decisions", "## Your answers", "## Your notebook"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    assert "Played by **\\<script\\>alert(1)\\</script\\> \\*\\*x\\*\\***" in text
    assert "class 7\\<b\\>B" in text
    assert "<script>" not in text and "**x**" not in text  # never raw
    typed = "\\<img src=x onerror=alert(2)\\> \\[link\\](http://evil.example) \\*y\\*"
    assert f"**Your answer:** {typed} — 0 of 1" in text  # the detail
    assert f"Your answer: {typed}" in text  # the summary (the mayor's question was missed)
    assert "A better call: Report 40 moved, and note the radio's 55" in text
    assert "**A better call on offer:** Report 40 moved, and note the radio's 55 " \
           "(Tradecraft +2) — Both figures, each with its source." in text
    assert "> “Officials said 40 people were moved.”" in text
    assert "1. **REPORTED** Three villages flooded." in text
    assert "**CLAIMED by local radio** 55 people were moved." in text


def test_the_markdown_renders_the_hostile_text_as_text(debrief):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(debrief_markdown(debrief))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **x**" in html  # shown exactly as typed


def test_html_is_one_printable_page_with_everything_escaped(debrief):
    page = debrief_html(debrief)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page and "@media print" in page
    # nothing fetched, nothing run: no scripts, links out, images or external styles
    assert not re.search(r"<(script|img|link|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"<[^>]*\b(src|href|on\w+)=", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "Played by <b>&lt;script&gt;alert(1)&lt;/script&gt; **x**</b>, class 7&lt;b&gt;B" \
        in page
    assert "&lt;img src=x onerror=alert(2)&gt; [link](http://evil.example) *y*" in page
    assert page.index('<section class="summary">') < page.index("<h2>Your decisions</h2>")
    assert "<b>The river rises — 3 points below the best call</b>" in page
    assert "<blockquote>“Officials said 40 people were moved.”</blockquote>" in page
    # the author's Markdown is rendered, safely: the scene's **risen** is not in a debrief,
    # but an explanation's emphasis would be; a question's text is escaped, not rendered
    assert "<h3><span class=\"mark\">✗</span> 1. How many villages flooded?</h3>" in page


def test_the_authors_markdown_becomes_html_and_raw_html_in_it_stays_text(mini_pack):
    story = hostile_game(mini_pack)
    debrief = build_debrief(mini_pack, story.state)
    from dataclasses import replace

    sneaky = replace(debrief, assessment="Check **your** sources. <script>x()</script>")
    page = debrief_html(sneaky)
    assert "<p>Check <strong>your</strong> sources. &lt;script&gt;x()&lt;/script&gt;</p>" in page


def test_the_name_offered_and_the_format_from_the_ending(debrief, mini_pack):
    assert suggested_name(debrief, "mini") == "debrief-mini-script-alert-1-script-x.md"
    anonymous = build_debrief(mini_pack, Story(mini_pack, seed=1).state)
    assert suggested_name(anonymous, "week-of-march-23", Format.HTML) == \
        "debrief-week-of-march-23.html"
    assert format_of("a.md") is Format.MARKDOWN and format_of("A.HTML") is Format.HTML
    assert format_of("a.htm") is Format.HTML and format_of("notes.txt") is None
    assert with_format("debrief.md", Format.HTML) == "debrief.html"
    assert with_format("notes", Format.HTML) == "notes.html"
    assert with_format("notes.txt", Format.MARKDOWN) == "notes.txt.md"


def test_a_target_in_the_current_folder_or_a_path(tmp_path):
    found = target("mine.html", Format.MARKDOWN, tmp_path)
    assert (found.path, found.fmt, found.problem) == (tmp_path / "mine.html", Format.HTML, "")
    found = target("  notes  ", Format.HTML, tmp_path)  # no known ending: the choice's
    assert (found.path, found.fmt) == (tmp_path / "notes.html", Format.HTML)
    (tmp_path / "sub").mkdir()
    assert target(str(tmp_path / "sub" / "x.md"), here=tmp_path / "elsewhere").path == \
        tmp_path / "sub" / "x.md"
    assert not found.exists
    (tmp_path / "notes.html").write_text("old", encoding="utf-8")
    assert target("notes.html", here=tmp_path).exists


@pytest.mark.parametrize("typed, problem", [
    ("", "Type a file name, for example debrief.md or debrief.html."),
    ("   ", "Type a file name, for example debrief.md or debrief.html."),
    ("no-such-folder/x.md", "There is no folder {tmp}/no-such-folder. Check the name, or "
                            "create the folder first."),
    ("sub", "{tmp}/sub.md"),  # a folder's name alone gets the ending: a file beside it
    ("sub/", "{tmp}/sub is a folder: add a file name, such as debrief.md."),
    ("plain-file/x.md", "{tmp}/plain-file is a file, not a folder."),
    ("bad\x00name.md", "A file name cannot hold that character."),
])
def test_a_bad_name_gets_a_sentence_that_says_what_to_do(tmp_path, typed, problem):
    (tmp_path / "sub").mkdir()
    (tmp_path / "plain-file").write_text("", encoding="utf-8")
    found = target(typed, Format.MARKDOWN, tmp_path)
    expected = problem.format(tmp=tmp_path)
    if found.problem:
        assert found.problem == expected and found.path is None
    else:
        assert str(found.path) == expected


def test_write_is_atomic_and_leaves_no_temp_file(debrief, tmp_path):
    path = tmp_path / "debrief.md"
    path.write_text("the old file", encoding="utf-8")
    assert write(debrief, path, Format.MARKDOWN) == ""
    assert path.read_text(encoding="utf-8") == debrief_markdown(debrief)
    assert write(debrief, tmp_path / "debrief.html", Format.HTML) == ""
    assert (tmp_path / "debrief.html").read_text(encoding="utf-8") == debrief_html(debrief)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["debrief.html", "debrief.md"]
    # a document, not a save: the replaced file's permissions, a new one's from the umask
    path.chmod(0o640)
    assert write(debrief, path, Format.MARKDOWN) == "" and path.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "debrief.html").stat().st_mode & 0o777 == 0o666 & ~debrief_file.umask()


@pytest.mark.parametrize("code, words", [
    (errno.EACCES, "You cannot write in {folder}: it is read-only for you. Choose another "
                   "folder (your home folder, for example)."),
    (errno.EPERM, "You cannot write in {folder}: it is read-only for you."),
    (errno.EROFS, "{folder} is on a read-only disk. Choose another folder."),
    (errno.ENOSPC, "The disk holding {folder} is full."),
    (errno.ENAMETOOLONG, "That file name is too long. Choose a shorter one."),
    (errno.EIO, "Could not save to {folder}/debrief.md: Input/output error."),
])
def test_a_folder_that_cannot_be_written_is_said_in_words(debrief, tmp_path, monkeypatch,
                                                            code, words):
    def refuse(path, text, mode=None):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(debrief_file, "atomic_write", refuse)
    problem = write(debrief, tmp_path / "debrief.md", Format.MARKDOWN)
    assert problem.startswith(words.format(folder=tmp_path))
    assert not (tmp_path / "debrief.md").exists()


def test_a_real_unwritable_place_is_a_sentence_not_a_traceback(debrief, tmp_path):
    """Writing where a file stands in for the folder fails in the operating system itself."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    problem = write(debrief, tmp_path / "file" / "debrief.md", Format.MARKDOWN)
    assert problem and "Traceback" not in problem
    assert re.match(r"^(There is no folder|.* cannot be written|.*not a folder)", problem)


def test_a_download_is_named_by_the_file_name_alone():
    """In a browser the name is the download's: no folder of the serving computer is named."""
    from game.debrief_file import download_target

    found = download_target("../../home/teacher/notes", Format.HTML)
    assert (found.path, found.fmt, found.problem) == (Path("notes.html"), Format.HTML, "")
    assert download_target("C:\\Users\\x\\debrief.md").path == Path("debrief.md")
    for typed in ("", "  ", "..", "/"):
        assert download_target(typed).problem.startswith("Type a file name")
