"""`briefing handout`: the answer key holds every question with its answer, explanation and
source, every decision with what happened; the student version holds none of them."""

from __future__ import annotations

import shutil
from html import escape

import pytest

from game.classroom.handout import handout_html, handout_markdown
from game.cli import main
from game.content import compile_pack
from game.engine import right_answer

from ..conftest import MINI


def one_line(text: str) -> str:
    return " ".join(text.split())


def as_rendered(render):
    """A plain text as ``render`` writes it (HTML escapes it)."""
    return (lambda s: escape(one_line(s))) if render is handout_html else one_line


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_the_answer_key_has_every_question_answer_source_and_outcome(campaign, render):
    text = render(campaign)
    shown = as_rendered(render)
    for scene in campaign.scenes.values():
        assert shown(scene.title) in text
        for question in scene.questions:
            for part in (question.ask, right_answer(question), question.explanation,
                         question.source):
                assert shown(part) in text, (question.id, part)
        for prompt in scene.discuss:
            assert shown(prompt) in text
        for choice in scene.choices:
            assert shown(choice.text) in text
        if scene.what_happened:
            assert shown(scene.what_happened.text) in text
            assert shown(scene.what_happened.source) in text


def test_facilitator_notes_are_in_the_teachers_version_only(mini_pack):
    scene = mini_pack.scenes["mon-alarm"]
    assert scene.notes, "the fixture needs facilitator notes for this test"
    teacher = handout_markdown(mini_pack)
    student = handout_markdown(mini_pack, student=True)
    assert "Facilitator notes" in teacher and one_line(scene.notes) in teacher
    assert "Facilitator notes" not in student and one_line(scene.notes) not in student


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_the_student_version_gives_no_answers(mini_pack, render):
    sheet = render(mini_pack, student=True)
    # the sheet opens with the article's headline (here its first sentence) and closes with
    # the whole article: in between, no question points to its words
    first_day = "<h2>Monday</h2>" if render is handout_html else "\n## Monday\n"
    text = sheet[sheet.index(first_day):sheet.index("Reading sheet")]
    shown = as_rendered(render)
    for scene in mini_pack.scenes.values():
        for question in scene.questions:
            assert shown(question.ask) in text
            assert shown(question.explanation) not in text
            assert shown(question.source) not in text
        if scene.what_happened:
            assert shown(scene.what_happened.text) not in text
    for label in ("Answer:", "Why:", "What the article reports", "Other reporting", "✓",
                  "Assessment"):
        assert label not in text
    # a timeline's events are listed, but never in the true order
    order = mini_pack.questions()["q-order"].order
    positions = [text.index(event) for event in order]
    assert positions != sorted(positions)


def test_the_campaign_student_version_has_no_explanations_or_outcomes(campaign):
    text = handout_markdown(campaign, student=True)
    assert "**Answer:**" not in text and "**Why:**" not in text
    for scene in campaign.scenes.values():
        if scene.notes.strip():
            assert one_line(scene.notes) not in one_line(text)
        if scene.what_happened:
            assert one_line(scene.what_happened.text) not in text
        for question in scene.questions:
            assert one_line(question.explanation) not in text


def test_the_answer_key_gives_each_assessment_line_with_when_it_is_shown(campaign):
    text = handout_markdown(campaign)
    endings = text[text.index("## How the week can end"):]
    strong = endings[endings.index("Forwarded untouched"):endings.index("Sound, with dents")]
    # the first ending prints every list in full, each line with the choice that earns it
    assert ("- the two counts added into a total of 25 (Sat). *(shown if the player chose "
            "“Give one total the reader can use: six Americans plus the…” at Running down the "
            "numbers)*") in strong
    assert strong.count("*(shown if the player chose") == len(
        campaign.scenes["end-strong"].assessment.all_parts())
    # a later ending names the list it shares with an earlier one instead of printing it again
    sound = endings[endings.index("Sound, with dents"):endings.index("The memo nobody could use")]
    assert ("*You kept claims with their owners: the same list as at “Forwarded untouched”, "
            "above.*") in sound
    assert "the drone's origin as the US assessment, militia operators kept" not in sound
    assert "- the later count, 19, briefed as the casualty line" in sound  # in full only here
    assert "Assessment shown at the debrief" not in handout_markdown(campaign, student=True)


def test_html_escapes_everything_and_stands_alone(tmp_path):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace(
        "The river has **risen**.",
        "The river has **risen**. <script>alert(1)</script> [x](javascript:alert(2)) "
        "![pic](http://example.com/p.png)").replace(
        "ask: How many villages flooded?", "ask: How many <b>villages</b> flooded?"))
    pack = compile_pack(pack_dir).pack
    page = handout_html(pack)
    assert "<strong>risen</strong>" in page  # the author's Markdown is rendered...
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # ...but raw HTML is only shown
    assert "<script" not in page and 'href="javascript' not in page and "<img" not in page
    assert "How many &lt;b&gt;villages&lt;/b&gt; flooded?" in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page


def test_author_headings_sit_below_the_handouts_own(mini_pack):
    text = handout_markdown(mini_pack)
    assert text.startswith("# The Flood: answer key and discussion guide\n")
    assert "\n## Monday\n" in text and "\n### 07:40 · The river rises\n" in text


def test_handout_command_prints_md_or_writes_html(tmp_path, capsys):
    assert main(["handout", str(MINI)]) == 0
    assert capsys.readouterr().out.startswith("# The Flood: answer key")
    out = tmp_path / "key.html"
    assert main(["handout", str(MINI), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["handout", str(MINI), "--student", "--format", "md"]) == 0
    assert "reading-along handout" in capsys.readouterr().out


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_a_question_asked_again_says_to_whom(render):
    pack = compile_pack(MINI.parent / "retrieval").pack
    key, sheet = render(pack), render(pack, student=True)
    said = as_rendered(render)
    assert said("Asked again only to players who missed q-villages (“How many villages "
                "flooded?”) on the first try.") in key
    assert said("Asked again only to players who missed q-radio") in key
    assert key.count("Asked again only to players") == 2
    assert sheet.count("Asked only if you missed this fact earlier in the week.") == 2
    assert "q-villages" not in sheet


def test_the_teachers_handout_gives_the_careful_paths_time_day_by_day_and_a_two_lesson_split(
        capsys):
    from game.authoring.reading_time import careful_path, reading_by_day, reading_time

    story = careful_path(compile_pack(MINI).pack)
    days = reading_by_day(story)
    total = reading_time(story)
    # Day by day adds up to the whole path: nothing counted twice or left out.
    assert [d for d, _ in days] == ["Monday", "Tuesday"]
    assert sum(t.words for _, t in days) == total.words
    assert sum(t.interactions for _, t in days) == total.interactions

    assert main(["handout", str(MINI)]) == 0
    text = capsys.readouterr().out
    timing = text[text.index("## Timing"):text.index("## Monday")]
    assert (f"takes about {total.minutes:.0f} minutes to reach the debrief: {total.words:,} "
            f"words at 200 a minute and {total.interactions} answers") in timing
    for day, time in days:
        assert f"- **{day}:** about {time.minutes:.0f} min" in timing
    assert ("Over two lessons: in the first, Monday (about "
            f"{days[0][1].minutes:.0f} min); in the second, Tuesday (about "
            f"{days[1][1].minutes:.0f} min), then the debrief") in timing

    assert main(["handout", str(MINI), "--student"]) == 0
    assert "## Timing" not in capsys.readouterr().out  # the plan is the teacher's


def test_the_two_lessons_split_where_their_halves_come_closest():
    from game.classroom.handout import split_in_two

    days = (("Thu", 6.0), ("Fri", 10.0), ("Sat", 8.0), ("Sun", 2.0), ("Mon", 5.0))
    first, second = split_in_two(days)
    assert [d for d, _ in first] == ["Thu", "Fri"] and [d for d, _ in second] == [
        "Sat", "Sun", "Mon"]
    assert split_in_two((("A", 1.0), ("B", 9.0), ("C", 1.0)))[0] == (("A", 1.0),)


def test_a_pack_whose_careful_path_never_ends_gets_its_handout_without_timing(tmp_path, capsys):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    scenes = pack_dir / "scenes.yaml"
    # The careful choice now goes back to the first scene: the careful player goes round for ever.
    scenes.write_text(scenes.read_text().replace(
        "        next: tue-wrap\n        effects: {tradecraft: 2}",
        "        next: mon-alarm\n        effects: {tradecraft: 2}", 1))
    assert main(["handout", str(pack_dir)]) == 0
    text = capsys.readouterr().out
    assert "## Monday" in text and "## Timing" not in text


def test_a_handout_is_readable_by_colleagues_as_the_umask_allows(tmp_path):
    from game import debrief_file

    out = tmp_path / "key.html"
    assert main(["handout", str(MINI), "--output", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o666 & ~debrief_file.umask()  # 0644 under umask 022
    out.chmod(0o640)  # a file it replaces keeps the permissions it had
    assert main(["handout", str(MINI), "--output", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o640


# -- the student's sheet: a name line, space to write, no endings; the article as a reading sheet

def paragraphs_of(article: str) -> list[str]:
    return [one_line(p) for p in article.split("\n\n") if p.strip()]


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_the_student_sheet_has_a_name_line_and_space_under_each_question_and_decision(
        mini_pack, render):
    sheet = render(mini_pack, student=True)
    questions = sum(len(s.questions) for s in mini_pack.scenes.values() if not s.ending)
    decisions = sum(1 for s in mini_pack.scenes.values() if s.choices and not s.ending)
    assert questions and decisions, "the fixture needs questions and decisions"
    top = sheet[:sheet.index("Monday")]
    for field in ("Name", "Class", "Date"):
        assert f"{field}:" in top
    assert sheet.count("Your answer:") == questions
    assert sheet.count("Your choice and why:") == decisions
    if render is handout_markdown:  # lines to write on, in the text itself
        assert "**Your answer:** ________" in sheet
    else:
        assert sheet.count('class="write-in"') == questions + decisions + 1
        assert ".write-in .rule" in sheet  # ruled lines, drawn by the page's own style
    # each answer space comes after its question, before the next one
    first, second = [q.ask for s in mini_pack.scenes.values() for q in s.questions][:2]
    between = sheet[sheet.index(as_rendered(render)(first)):
                    sheet.index(as_rendered(render)(second))]
    assert "Your answer:" in between
    key = render(mini_pack)
    assert "Your answer:" not in key and "Your choice and why" not in key and "Name:" not in key


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_the_student_sheet_leaves_out_every_ending(campaign, render):
    sheet = render(campaign, student=True)
    key = render(campaign)
    shown = as_rendered(render)
    endings = [s for s in campaign.scenes.values() if s.ending]
    assert len(endings) == 5
    for ending in endings:
        assert shown(ending.title) in key
        assert shown(ending.title) not in sheet
    assert "How the week can end" not in sheet


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_both_versions_start_with_the_headline_and_the_key_names_the_file(campaign, render):
    from game.authoring.scaffold import headline

    title = headline(campaign.seed_text)
    assert title.startswith("\"We Are Not Going To Stop\": US and Iran")
    shown = as_rendered(render)
    key, sheet = render(campaign), render(campaign, student=True)
    for text in (key, sheet):
        body = text[text.index("<body>"):] if render is handout_html else text
        assert shown(title) in body[:body.index("Thursday")]
    assert campaign.manifest.source in key[:key.index("Thursday")]
    assert campaign.manifest.source not in sheet


@pytest.mark.parametrize("render", [handout_markdown, handout_html])
def test_the_student_sheet_ends_with_the_whole_article_paragraph_by_paragraph(
        campaign, render):
    sheet = render(campaign, student=True)
    shown = as_rendered(render)
    reading = sheet[sheet.index("Reading sheet"):]
    paragraphs = paragraphs_of(campaign.seed_text)
    assert len(paragraphs) > 5
    positions = [reading.index(shown(p)) for p in paragraphs]
    assert positions == sorted(positions)
    if render is handout_html:
        for p in paragraphs:
            assert f"<p>{shown(p)}</p>" in reading  # one paragraph each, escaped
        assert '<section class="reading-sheet">' in sheet
        assert ".reading-sheet { break-before: page; }" in sheet
    else:
        for p in paragraphs:
            assert f"\n\n{p}\n\n" in reading + "\n"
    assert "Reading sheet" not in render(campaign)  # the teacher has the file


def test_the_reading_sheet_escapes_the_article(tmp_path):
    pack_dir = tmp_path / "mini"
    shutil.copytree(MINI, pack_dir)
    seed = pack_dir / "seed.txt"
    seed.write_text(seed.read_text() + "\nA <script>alert(1)</script> & more.\n")
    page = handout_html(compile_pack(pack_dir).pack, student=True)
    reading = page[page.index("Reading sheet"):]
    assert "A &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in reading
    assert "<script" not in page
