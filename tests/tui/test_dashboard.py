"""The teacher's dashboard, driven by Pilot: it shows who is playing and where, the class
averages and the hardest question, and updates when new results arrive."""

from __future__ import annotations

import json

from textual.widgets import DataTable, Static

from game.classroom.identity import new_attempt_id
from game.classroom.results import write_result
from game.engine import Story
from game.tui.dashboard.app import DashboardApp, make_dashboard


def game(pack, name: str, class_code: str = "7B") -> Story:
    story = Story(pack, seed=1, clock=lambda: "2026-03-23T09:00:00+00:00")
    state = story.state
    state.class_code, state.player, state.attempt_id = class_code, name, new_attempt_id()
    return story


def answer_first_scene(story: Story, villages: int, day: str) -> None:
    story.answer(villages)  # q-villages: 3 is right
    story.answer(day)  # q-day: Monday is right


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#students", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def averages(app) -> dict[str, str]:
    table = app.screen.query_one("#averages", DataTable)
    return {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1])
            for i in range(table.row_count)}


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def folder_read(pilot) -> None:
    """Wait for the reads of the results folder under way, then for the app to show what they
    found: the worker's end and the app's message queue say when, not a clock."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for_rows(pilot, count: int) -> None:
    await folder_read(pilot)
    shown = pilot.app.screen.query_one("#students", DataTable).row_count
    assert shown == count, f"the dashboard showed {shown} rows, not {count}: {rows(pilot.app)}"


async def test_dashboard_shows_the_class_and_updates_when_results_arrive(tmp_path, mini_pack):
    ana = game(mini_pack, "Ana")
    answer_first_scene(ana, 3, "Monday")  # both right
    write_result(tmp_path, mini_pack, ana.state)
    ben = game(mini_pack, "[bold]Ben[/]")
    answer_first_scene(ben, 7, "Monday")  # villages wrong
    ben.choose(next(i for i, c in enumerate(ben.choices) if c.text.startswith("Report 40")))
    write_result(tmp_path, mini_pack, ben.state)
    (tmp_path / "notes.json").write_text("{not json", encoding="utf-8")

    app = make_dashboard(tmp_path, packs=[mini_pack], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 2)
        table = rows(app)
        assert [row[:4] for row in table] == [  # by class, then name; markup shown as typed
            ["[bold]Ben[/]", "7B", "playing", mini_pack.scenes[ben.state.scene].title],
            ["Ana", "7B", "playing", "The river rises"],
        ]
        assert [row[4] for row in table] == ["2", "2"]
        assert averages(app)["Recall"] == "83.3%"  # Ana 3 of 3, Ben 2 of 3
        assert averages(app)["Tradecraft"] == "100%"  # only Ben has decided yet
        hardest = text_of(app, "#hardest")
        assert "How many villages flooded?" in hardest and "50% right" in hardest
        assert "1 file(s) skipped" in text_of(app, "#skipped")
        assert "notes.json" in text_of(app, "#skipped")
        assert "2 student(s): 2 playing, 0 finished" in text_of(app, "#summary")

        cara = game(mini_pack, "Cara", class_code="7C")
        answer_first_scene(cara, 9, "Tuesday")
        write_result(tmp_path, mini_pack, cara.state)
        await pilot.press("r")
        await wait_for_rows(pilot, 3)
        assert rows(app)[2][:3] == ["Cara", "7C", "playing"]
        assert averages(app)["Recall"] == "55.6%"  # (100 + 66.7 + 0) / 3
        assert "“How many villages flooded?”" in text_of(app, "#hardest")
        assert "33.3% right" in text_of(app, "#hardest")


async def test_dashboard_reads_the_folder_again_on_its_own(tmp_path, mini_pack, monkeypatch):
    """The app asks for a read every ``every`` seconds; the test fires that interval itself
    rather than waiting for the clock."""
    intervals = []
    monkeypatch.setattr(DashboardApp, "set_interval",
                        lambda app, every, callback, **options: intervals.append((every, callback)))
    app = make_dashboard(tmp_path / "not-yet", packs=[mini_pack], every=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await folder_read(pilot)
        assert "No results yet" in text_of(app, "#summary")
        assert not app.screen.query_one("#skipped", Static).display
        assert intervals == [(0.1, app.action_refresh)]
        story = game(mini_pack, "Dev")
        write_result(tmp_path / "not-yet", mini_pack, story.state)
        [(_, tick)] = intervals
        tick()
        await wait_for_rows(pilot, 1)  # no key pressed: the interval found it
        assert rows(app)[0][:4] == ["Dev", "7B", "playing", "The river rises"]


async def test_a_finished_game_and_a_scene_the_pack_does_not_know(tmp_path, mini_pack):
    from game.engine import play

    finished = play(mini_pack, pick=lambda story: 0)
    state = finished.state
    state.class_code, state.player, state.attempt_id = "7B", "Eve", new_attempt_id()
    write_result(tmp_path, mini_pack, state)
    app = make_dashboard(tmp_path, packs=[], every=60, pack_folders=[])  # no pack to look in
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 1)
        name, _, status, where, *_ = rows(app)[0]
        assert (name, status) == ("Eve", "finished")
        assert where == f"Debrief ({state.scene})"  # the scene id: the pack is not at hand
        assert "q-" in text_of(app, "#hardest")  # the question id, for the same reason
        await pilot.press("q")
    assert app.return_code == 0



async def test_names_edited_by_hand_are_shown_safely(tmp_path, mini_pack):
    path = write_result(tmp_path, mini_pack, game(mini_pack, "Zed").state)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["name"] = "\x1b[31mred\x07[bold]" + "é" * 10_000  # as if edited by hand
    path.write_text(json.dumps(document), encoding="utf-8")
    app = make_dashboard(tmp_path, packs=[mini_pack], every=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 1)
        shown = rows(app)[0][0]
        assert shown.startswith("[31mred[bold]éé") and shown.endswith("…")
        assert "\x1b" not in shown and "\x07" not in shown and len(shown) <= 24

def test_dashboard_command_refuses_a_file_for_a_folder(tmp_path, capsys):
    from game.cli import main

    file = tmp_path / "results.txt"
    file.write_text("", encoding="utf-8")
    assert main(["dashboard", str(file)]) == 2
    assert "is not a folder" in capsys.readouterr().err

