"""What a browser sends before its game sees it (game/classroom/serve_input.py): the in-band
resize report stripped however it is split, the input bucket, and the page's message shapes."""

from __future__ import annotations

import pytest

from game.classroom.serve_input import InBandResizeFilter, InputBucket, read_envelope
from game.classroom.serve_limits import MAX_COLUMNS, MAX_ROWS


def through(*messages: str) -> str:
    keys = InBandResizeFilter()
    return "".join(keys.feed(message) for message in messages)


@pytest.mark.parametrize("messages", [
    ["\x1b[48;5000;10000;0;0t"],
    ["\x1b[48;5000;", "10000;0;0t"],  # finding 4: two messages
    ["\x1b", "[48;5000;10000;0;0t"],
    ["\x1b[", "4", "8;5000;10000;0;0t"],
    ["ab\x1b", "[4", "8;5000;10000;0;0t"],
    ["\x1b[4\x1b[48;8;5000;10000;0;0t"],  # removing one introducer must not join another
])
def test_the_in_band_resize_report_never_reaches_the_game_whole(messages):
    assert "\x1b[48;" not in through(*messages)
    assert "\x1b[48" not in through(*messages).replace("\x1b[48;", "")


def test_ordinary_keys_pass_unchanged_and_in_order():
    keys = ["a", "\x1b", "\x1b[A", "\x1b[1;5C", "\r", "\x7f", "é漢", "\x1b[200~long paste\x1b[201~"]
    filtered = InBandResizeFilter()
    assert [filtered.feed(key) for key in keys] == keys
    burst = "".join(chr(ord("a") + i % 26) for i in range(200))
    assert InBandResizeFilter().feed(burst) == burst


def test_the_bucket_allows_bursts_and_refills_at_its_rate():
    now = [0.0]
    bucket = InputBucket(rate=100, capacity=1000, clock=lambda: now[0])
    assert bucket.take(1000) and not bucket.take(1)
    now[0] = 2.0
    assert bucket.take(200) and not bucket.take(1)


def test_only_the_pages_own_messages_are_read():
    assert read_envelope('["stdin", "abc"]').text == "abc"
    assert read_envelope('["resize", {"width": 99999, "height": 40}]').size == (MAX_COLUMNS, 40)
    assert read_envelope('["resize", {"width": 80, "height": 1e9}]').size == (80, MAX_ROWS)
    assert read_envelope('["ping", "1700000000"]').text == "1700000000"
    assert read_envelope('["focus"]').kind == "focus"
    for bad in ("not json", "{}", "[]", "[1]", '["stdin", 5]', '["stdin"]', '["resize", 3]',
                '["resize", {"width": true, "height": 3}]', '["resize", {"width": "a"}]',
                '["ping", {"x": 1}]', '["evil", 1]', "[" * 100_000):
        assert read_envelope(bad) is None, bad
