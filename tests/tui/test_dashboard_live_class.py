"""The projector view and the teacher's dashboard against a live class of 30 simulated students
(tests/classroom_sim.py: real games through the campaign, each writing its result file): the
projector shows the split for the question the class has just done and no name; the dashboard
shows all 30 at once at 100x30 (compact: two to a row), marks a quiet game and counts first
tries apart from retries."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from textual.widgets import DataTable

from game.tui.dashboard.app import make_dashboard
from game.tui.dashboard.screen import COMPACT_NAME_WIDTH, NAME_WIDTH

from ..classroom_sim import NAMES, simulate_class, step, write

# How many steps (answers and decisions) each of the 30 has played: 13 have got as far as the
# campaign's second question (the 15th and 16th furthest among them), so the class is there.
STEPS = [2] * 12 + [3] * 7 + [1] * 5 + [6] * 4 + [100] * 2
SECOND_QUESTION = "q-hasakah-sixth"


def screen_lines(app) -> list[str]:
    """Every line the screen draws, and first the titles the app and screen hold."""
    strips = app.screen._compositor.render_strips()
    return [app.title, app.sub_title, app.screen.title or "", app.screen.sub_title or "",
            *(strip.text for strip in strips)]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def on_screen(app, text: str) -> bool:
    """Whether ``text`` is on the screen, wrapped over lines or not."""
    return " ".join(text.split()) in " ".join(screen_text(app).split())


async def folder_read(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def first_tries(students, question_id: str) -> Counter:
    """The class's first answers to a question, tallied from the games themselves."""
    return Counter(answer.response for student in students
                   for answer in student.story.state.answers
                   if answer.question == question_id and answer.attempt == 1)


def shown_counts(app, options) -> dict[str, str]:
    """Each option's count and percent, as the bars under its line show them."""
    lines = screen_lines(app)
    found = {}
    for option in options:
        at = next(i for i, line in enumerate(lines) if f" {option}" in line and "█" not in line)
        below = " ".join(lines[at + 1:at + 4])
        match = re.search(r"█\s+(\d+)\s+(\d+%|—)", below)
        found[option] = f"{match[1]} {match[2]}" if match else "missing"
    return found


def expected_counts(tally: Counter, options) -> dict[str, str]:
    total = sum(tally.values())
    return {option: f"{tally[option]} {round(100 * tally[option] / total)}%"
            for option in options}


def assert_no_names(app) -> None:
    text = screen_text(app)
    for name in NAMES:
        for word in name.split():
            assert not re.search(rf"\b{re.escape(word)}\b", text), f"{word} is on the wall"


@pytest.fixture
def live_class(tmp_path, campaign):
    folder = tmp_path / "results"
    return folder, simulate_class(folder, campaign, STEPS)


async def test_the_projector_shows_the_split_for_the_current_question_and_no_names(
        live_class, campaign):
    folder, students = live_class
    question = campaign.questions()[SECOND_QUESTION]
    app = make_dashboard(folder, packs=[campaign], every=60, projector=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await folder_read(pilot)
        text = screen_text(app)
        assert on_screen(app, question.ask)
        tally = first_tries(students, SECOND_QUESTION)
        assert shown_counts(app, question.options) == expected_counts(tally, question.options)
        assert f"{sum(tally.values())} of 30 answered" in text
        assert "✓" not in text and question.answer not in text.split("answered")[-1]
        assert "30 students: 28 playing, 2 finished" in text
        assert_no_names(app)

        # The class moves on: the seven who had done the first decision answer the next
        # question, and eight more take the decision: now 21 of 30 have done it (the middle
        # of the class is there); the bars follow without a key pressed.
        for student in students[12:19] + students[:8]:
            step(student)
            write(folder, campaign, student)
        app.action_refresh()  # what the app's timer does every few seconds
        await folder_read(pilot)
        text = screen_text(app)
        decision = campaign.scenes["thu-flash"]
        assert on_screen(app, decision.prompt)
        tally = Counter(d.text for s in students for d in s.story.state.decisions
                        if d.scene == "thu-flash")
        assert f"{sum(tally.values())} of 30 decided" in text
        assert_no_names(app)

        await pilot.press("left")  # back to the question, chosen by the teacher
        assert on_screen(app, question.ask) and "f: back to the class" in screen_text(app)
        await pilot.press("r")  # reveal: the right option is ticked, the answer written out
        lines = screen_lines(app)
        assert any("✓" in line and question.answer in line for line in lines)
        assert f"Answer: {question.answer}" in screen_text(app)
        assert sum("✓" in line for line in lines) == 1
        await pilot.press("f")
        assert on_screen(app, decision.prompt)
        assert_no_names(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_every_option_of_the_split_is_on_an_80x24_screen(live_class, campaign):
    folder, students = live_class
    question = campaign.questions()[SECOND_QUESTION]
    app = make_dashboard(folder, packs=[campaign], every=60, projector=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await folder_read(pilot)
        tally = first_tries(students, SECOND_QUESTION)
        assert shown_counts(app, question.options) == expected_counts(tally, question.options)
        assert on_screen(app, question.ask)
        assert_no_names(app)


def cut_to(name: str, width: int) -> str:
    """A name as a table shows it: cut with an ellipsis when longer than its column."""
    return name if len(name) <= width else name[:width - 1] + "…"


def half_with(app, name: str) -> str:
    """The half of a compact row that holds this (cut) name, as drawn on the screen."""
    lines = [line for line in screen_lines(app) if name in line and "│" in line]
    assert len(lines) == 1, f"{name} is on {len(lines)} lines"
    return next(half for half in lines[0].split("│") if name in half)


@pytest.fixture
def live_class_one_quiet(live_class):
    """The live class, where the sixth student's tab closed 20 minutes ago."""
    folder, students = live_class
    quiet = students[5]
    then = datetime.now(timezone.utc) - timedelta(minutes=20)
    document = json.loads(quiet.path.read_text(encoding="utf-8"))
    document["updated_at"] = then.isoformat(timespec="seconds")
    quiet.path.write_text(json.dumps(document), encoding="utf-8")
    os.utime(quiet.path, (then.timestamp(), then.timestamp()))
    return folder, students, quiet


async def resize(pilot, width: int, height: int) -> None:
    """The terminal resized, and the screen laid out again for its new size."""
    await pilot.resize_terminal(width, height)
    await pilot.pause()


def answered_and_retried(student) -> tuple[int, int]:
    answers = student.story.state.answers
    first = sum(1 for a in answers if a.attempt == 1)
    return first, len(answers) - first


async def test_the_dashboard_shows_all_30_at_once_at_100x30_marks_the_quiet_and_retries(
        live_class_one_quiet, campaign):
    folder, students, quiet = live_class_one_quiet
    app = make_dashboard(folder, packs=[campaign], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await folder_read(pilot)
        text = screen_text(app)
        assert f"30 student(s): 27 playing, 1 quiet ({quiet.name}), 2 finished" in text
        # Compact: every student is on the screen at once, two to a row, no key pressed.
        assert all(cut_to(name, COMPACT_NAME_WIDTH) in text for name in NAMES)
        assert app.screen.has_class("compact")
        assert not app.screen.query_one("#students", DataTable).display
        assert half_with(app, cut_to(quiet.name, COMPACT_NAME_WIDTH)).split()[2:4] == [
            "quiet", "20m"]
        for student in students[:5]:
            assert "playing" in half_with(app, cut_to(student.name, COMPACT_NAME_WIDTH))
        retried = [s for s in students if answered_and_retried(s)[1]]
        assert retried, "the simulated class took no retry"
        for student in students:
            first, retries = answered_and_retried(student)
            shown = f" {first}+{retries} " if retries else f" {first} "
            assert shown in half_with(app, cut_to(student.name, COMPACT_NAME_WIDTH))
        # The averages and the hardest question, a line each.
        assert re.search(r"Averages: Tradecraft −?\d+(\.\d)?% · ", text)
        averages = next(line for line in screen_lines(app) if "Averages: " in line)
        assert all(f" {track} " in averages for track in ("Judgement", "Recall"))
        assert "· Escalation risk level " in averages  # the gauge, last: cut first if need be
        assert "Hardest so far: " in text and "right at the first try" in text
        assert "c Compact/full" in text

        await pilot.press("c")  # the full table, by hand: it scrolls to reach them all
        assert not app.screen.has_class("compact")
        assert "Retries" in screen_text(app) and "Class average per track" in screen_text(app)
        seen: set[str] = set()
        for _ in range(30):  # down the table, one row at a time, as a teacher would
            text = screen_text(app)
            assert f"1 quiet ({quiet.name})" in text  # the summary stays in sight
            seen |= {name for name in NAMES if cut_to(name, NAME_WIDTH) in text}
            await pilot.press("down")
        assert seen == set(NAMES)
        await pilot.press("c")
        assert app.screen.has_class("compact")
        assert all(cut_to(name, COMPACT_NAME_WIDTH) in screen_text(app) for name in NAMES)
        await resize(pilot, 100, 50)  # back to what fits, so chosen by size again
        assert not app.screen.has_class("compact")


async def test_the_full_table_when_the_class_fits_and_c_still_compacts(
        live_class_one_quiet, campaign):
    folder, students, quiet = live_class_one_quiet
    app = make_dashboard(folder, packs=[campaign], every=60)
    async with app.run_test(size=(100, 50)) as pilot:
        await folder_read(pilot)
        text = screen_text(app)
        assert not app.screen.has_class("compact")
        assert all(cut_to(name, NAME_WIDTH) in text for name in NAMES)
        assert "Class average per track" in text and "Retries" in text
        table = app.screen.query_one("#students", DataTable)
        rows = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)]
                for i in range(table.row_count)}
        assert rows[cut_to(quiet.name, NAME_WIDTH)][2].startswith("quiet 20m")
        for student in students:
            first, retries = answered_and_retried(student)
            assert rows[cut_to(student.name, NAME_WIDTH)][4:6] == [
                str(first), str(retries) if retries else ""]
        await resize(pilot, 100, 30)  # the window made smaller: it compacts
        assert app.screen.has_class("compact")
        await resize(pilot, 100, 50)
        assert not app.screen.has_class("compact")
        await pilot.press("c")
        assert app.screen.has_class("compact") and "Averages: " in screen_text(app)
        await resize(pilot, 100, 30)  # chosen by hand: a resize keeps it
        assert app.screen.has_class("compact")


async def test_a_short_class_keeps_the_full_table_at_100x30(tmp_path, campaign):
    folder = tmp_path / "results"
    students = simulate_class(folder, campaign, [2] * 5)
    app = make_dashboard(folder, packs=[campaign], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await folder_read(pilot)
        assert not app.screen.has_class("compact")
        assert "Class average per track" in screen_text(app)
        await pilot.press("c")  # compact by hand: an odd class leaves the last half empty
        assert app.screen.has_class("compact")
        names = [cut_to(student.name, COMPACT_NAME_WIDTH) for student in students]
        assert all(name in half_with(app, name) for name in names[:2] + names[3:])
        last = [line for line in screen_lines(app) if names[2] in line]
        assert len(last) == 1 and "│" not in last[0] and " playing " in last[0]


def test_the_projector_at_100x30(snap_compare, live_class, campaign):
    folder, _ = live_class

    async def read(pilot) -> None:
        await folder_read(pilot)

    app = make_dashboard(folder, packs=[campaign], every=60, projector=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=read)


async def test_the_projector_before_any_result(tmp_path):
    app = make_dashboard(tmp_path / "not-yet", every=60, projector=True, pack_folders=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await folder_read(pilot)
        assert "No results yet: this fills in as students start." in screen_text(app)
        assert str(tmp_path) not in screen_text(app)  # the folder's path stays off the wall
