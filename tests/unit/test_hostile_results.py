"""Result folders made to hurt (issue 13, finding 12): a file nested a thousand levels deep,
one far too big, absurd numbers. Each such file is skipped with one line naming it and why;
the report goes on with the others and never shows "inf%"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from game.classroom.live import PackShelf, class_view
from game.classroom.report import build_report
from game.classroom.report_text import print_report
from game.classroom.results import MAX_RESULT_BYTES, read_results
from game.cli import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "results" / "v1-finished-practice.json"


def good_document(name: str = "Ana") -> dict:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data.update(name=name, attempt=f"attempt-{name}")
    return data


def write(folder: Path, file_name: str, text: str) -> Path:
    path = folder / "7b" / file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rendered(folder: Path) -> str:
    out = io.StringIO()
    print_report(build_report(read_results(folder)), Console(file=out, width=120,
                                                             color_system=None))
    return out.getvalue()


def edited(change) -> str:
    data = good_document("Edited")
    change(data)
    return json.dumps(data)


ABSURD = {
    "huge-earned.json": edited(lambda d: d["tracks"]["tradecraft"].update(earned=1e308)),
    "tiny-available.json": edited(lambda d: d["tracks"]["recall"].update(available=1e-300)),
    "overflowing-percent.json": edited(lambda d: d.update(percent=1e999)).replace(
        "Infinity", "1e400"),
    "overflowing-points.json": edited(lambda d: d["answers"][0].update(points=0.5)).replace(
        '"points": 0.5', '"points": 1e400', 1),
    "huge-whole-number.json": edited(lambda d: d["answers"][0].update(points=10**30)),
}


def test_absurd_numbers_skip_the_file_and_never_show_as_infinite(tmp_path):
    write(tmp_path, "ana.json", json.dumps(good_document()))
    for file_name, text in ABSURD.items():
        write(tmp_path, file_name, text)
    found = read_results(tmp_path)
    assert [r.document.name for r in found.results] == ["Ana"]
    reasons = {path.name: why for path, why in found.skipped}
    assert set(reasons) == set(ABSURD)
    for why in reasons.values():
        assert "number" in why and "\n" not in why
    text = rendered(tmp_path)
    assert "Ana" in text and "inf" not in text.lower()
    view = class_view(found, PackShelf(folders=[]))
    assert all(a.percent is None or abs(a.percent) < 1e6 for a in view.averages)


NESTED = {
    "brackets.json": "[" * 1000 + "]" * 1000,
    "objects.json": '{"a": ' * 100_000 + "1" + "}" * 100_000,
    "deep-response.json": edited(lambda d: d["answers"][0].update(
        response=json.loads("[" * 200 + "]" * 200))),
}


def test_a_deeply_nested_file_is_skipped_by_name_and_the_folder_is_still_reported(
        tmp_path, capsys):
    write(tmp_path, "ana.json", json.dumps(good_document()))
    for file_name, text in NESTED.items():
        write(tmp_path, file_name, text)
    assert main(["report", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "Ana" in out
    lines = err.splitlines()
    assert len(lines) == len(NESTED)  # one line a file, and nothing else (no traceback)
    for file_name in NESTED:
        line = next(line for line in lines if file_name in line)
        assert line.startswith("briefing: warning: skipped ") and "nested too deeply" in line


def test_a_file_too_big_to_be_a_result_is_refused_unread(tmp_path, monkeypatch):
    padded = json.dumps(good_document("Padded")) + " " * 2_000_000  # valid JSON, but 2 MB
    write(tmp_path, "padded.json", padded)
    write(tmp_path, "ana.json", json.dumps(good_document()))
    read_sizes = []
    real_open = Path.open

    def measured_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        real_read = handle.read

        def read(size=-1):
            read_sizes.append((self.name, size))
            return real_read(size)

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", measured_open)
    found = read_results(tmp_path)
    assert [r.document.name for r in found.results] == ["Ana"]
    assert [(p.name, why) for p, why in found.skipped] == [
        ("padded.json", "is too large to be a result file (over 1 MB)")]
    assert all(0 <= size <= MAX_RESULT_BYTES + 1 for _, size in read_sizes)


def test_the_size_limit_leaves_room_for_a_long_real_game():
    answer = good_document()["answers"][0]
    assert len(json.dumps(answer, indent=1)) * 1000 < MAX_RESULT_BYTES  # 1,000 answers fit


def test_the_folder_reader_reads_again_only_what_changed(tmp_path, monkeypatch):
    from game.classroom import results

    ana = write(tmp_path, "ana.json", json.dumps(good_document()))
    write(tmp_path, "ben.json", json.dumps(good_document("Ben")))
    reader = results.FolderReader(tmp_path)
    assert [r.document.name for r in reader.read().results] == ["Ana", "Ben"]
    read = []
    real_read_one = results.read_one
    monkeypatch.setattr(results, "read_one", lambda path: read.append(path.name)
                        or real_read_one(path))
    ana.write_text(json.dumps(good_document("Ana Lee")), encoding="utf-8")
    assert [r.document.name for r in reader.read().results] == ["Ana Lee", "Ben"]
    assert read == ["ana.json"]
    assert reader.read(stop=lambda: True) is None  # closing: stops before the next file


def test_every_seed_play_accepts_is_one_a_result_file_can_hold(tmp_path, capsys):
    """The bound on numbers in result files must not skip an honest file: `play --seed` takes
    only seeds under it, and a file with the largest one is reported."""
    from game.classroom.results import MAX_NUMBER

    write(tmp_path, "ana.json", json.dumps(dict(good_document(), seed=MAX_NUMBER - 1)))
    results = read_results(tmp_path)
    assert [r.document.seed for r in results.results] == [MAX_NUMBER - 1]
    assert not results.skipped
    with pytest.raises(SystemExit) as stopped:  # argparse's usage error
        main(["play", "--plain", "--seed", str(MAX_NUMBER), "--data-dir", str(tmp_path / "data")])
    assert stopped.value.code == 2
    assert "a seed is a whole number from 0 to" in capsys.readouterr().err
