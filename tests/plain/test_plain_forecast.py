"""Forecasts in plain mode: the scale by number or by its words, the line that records it, and
the lines that settle it before the scene that does."""

from __future__ import annotations

from game.content import compile_pack
from tests.conftest import FIXTURES
from tests.plain.scripts import run_plain, script_for

PACK = FIXTURES / "forecast"


def field(scene, options) -> int:
    return next(i for i, o in enumerate(options) if "valley" in o.text)


def test_forecasts_by_number_and_by_words_settled_on_the_way(tmp_path):
    pack = compile_pack(PACK).pack
    lines, expected = script_for(pack, 4, pick=field)
    # the script's first forecast is typed as a number, the second in capitals
    assert lines[1:3] == ["1", "ALMOST CERTAIN"]
    done = run_plain(["--pack", str(PACK), "--seed", "4"], "\n".join(lines) + "\n", tmp_path)
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())  # lines broken at 80 columns, joined again
    assert "Now: answer 1 recall question and give 2 forecasts." in out
    assert ("Question 2 of 3, a forecast, up to 2 points. This forecast is settled later in "
            "the week.") in out
    assert "6. very likely (80–95%) 7. almost certain (95–99%)" in out
    assert "Your forecast, 1 to 7 or its words? " in out
    assert "Recorded: almost no chance (1–5%). This forecast is settled later in the week." in out
    assert "Recorded: almost certain (95–99%)." in out
    valley = out.index("The sky is clear over the valley.")
    settled = out.index("Forecasts settled:")
    assert settled < valley
    assert ("Your forecast: almost no chance (1–5%). It did not happen. Brier score 0.00; "
            "+1.99 Judgement.") in out[settled:valley]
    assert "No more rain fell on Tuesday." in out[settled:valley]
    assert out.count("Forecasts settled:") == 2
    assert expected.totals()["judgement"] == 2 + 1.99 + 3.99


def test_a_forecast_line_that_is_no_likelihood_is_asked_again(tmp_path):
    pack = compile_pack(PACK).pack
    lines, _ = script_for(pack, 4)
    lines[1:1] = ["probably", "8"]
    done = run_plain(["--pack", str(PACK), "--seed", "4"], "\n".join(lines) + "\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Your forecast, 1 to 7 or its words? ") >= 4
    assert "'probably' is not a number from 1 to 7." in done.stdout
    assert "'8' is not a number from 1 to 7." in done.stdout
