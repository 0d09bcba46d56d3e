"""`play --from SCENE --set FLAG --totals TRACK=N --visited SCENE --chose SCENE.CHOICE`: a
preview as if after that history, in plain mode as a player's terminal runs it; and each name
the pack does not have told in one line with a close match."""

from __future__ import annotations

import pytest

from game.session.preview import Preset
from tests.plain.scripts import run_plain, script_for

from ..conftest import CAMPAIGN_ID, MINI

# The mini pack's tue-wrap goes to end-good only with the flag `careful` and 2 tradecraft.
CAREFUL = Preset(flags=("careful",), totals=(("tradecraft", 2),))


def preview(mini_pack, data_dir, preset: Preset, options: list[str]):
    lines, story = script_for(mini_pack, 5, mode="exam", start="tue-wrap", preset=preset)
    args = [str(MINI), "--from", "tue-wrap", "--seed", "5", "--mode", "exam", *options]
    run = run_plain(args, "".join(f"{line}\n" for line in lines), data_dir)
    assert run.returncode == 0, run.stderr
    return run.stdout, story


def test_a_preview_with_the_flag_and_the_total_takes_the_guarded_route(mini_pack, data_dir):
    out, story = preview(mini_pack, data_dir, CAREFUL,
                         ["--set", "careful", "--totals", "tradecraft=2"])
    assert story.state.scene == "end-good"
    assert "A sound note" in out and "A shaky note" not in out
    assert "Your note holds up." in out


def test_the_same_preview_without_them_takes_the_other_route(mini_pack, data_dir):
    out, story = preview(mini_pack, data_dir, Preset(), [])
    assert story.state.scene == "end-weak"
    assert "A shaky note" in out and "A sound note" not in out


def test_the_flag_alone_is_not_enough(mini_pack, data_dir):
    out, _ = preview(mini_pack, data_dir, Preset(flags=("careful",)), ["--set", "careful"])
    assert "A shaky note" in out


@pytest.mark.parametrize("options, message", [
    (["--set", "carefull"],
     "briefing: --set carefull: no choice in the pack sets the flag 'carefull'. "
     "Did you mean 'careful'?"),
    (["--totals", "tradcraft=2"],
     "briefing: --totals tradcraft: the pack has no track 'tradcraft' (its tracks: tradecraft, "
     "escalation, recall). Did you mean 'tradecraft'?"),
    (["--visited", "tue-radi"],
     "briefing: --visited tue-radi: the pack has no scene 'tue-radi'. Did you mean 'tue-radio'?"),
    (["--chose", "thu-flash.six-troop"],
     "briefing: --chose thu-flash.six-troop: the pack has no choice 'thu-flash.six-troop' (a "
     "scene id, a dot, the choice's id). Did you mean 'thu-flash.six-troops'?"),
])
def test_a_name_the_pack_does_not_have_is_one_line_with_a_close_match(data_dir, options,
                                                                       message):
    pack, scene = (CAMPAIGN_ID, "thu-origin") if "--chose" in options else (str(MINI), "tue-wrap")
    run = run_plain([pack, "--from", scene, *options], "", data_dir)
    assert run.returncode == 2
    assert run.stderr == message + "\n"
    assert run.stdout == ""


def test_a_preset_needs_a_preview_and_totals_need_a_number(data_dir):
    run = run_plain([str(MINI), "--set", "careful"], "", data_dir)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr == ("briefing: --set, --totals, --visited and --chose shape a preview: "
                          "add --from SCENE\n")
    run = run_plain([str(MINI), "--from", "tue-wrap", "--totals", "tradecraft"], "", data_dir)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr == ("briefing: --totals: 'tradecraft' is not TRACK=N (a track's id, '=', "
                          "a number of points, e.g. tradecraft=12)\n")  # one line, no usage


def test_a_source_that_holds_its_own_quote_marks_is_shown_in_one_pair(mini_pack, data_dir):
    lines, _story = script_for(mini_pack, 5, start="tue-wrap")  # practice: feedback has it
    run = run_plain([str(MINI), "--from", "tue-wrap", "--seed", "5"],
                    "".join(f"{line}\n" for line in lines), data_dir)
    assert run.returncode == 0, run.stderr
    assert "Source: ‘The mayor said: “We will rebuild…fast.”’" in run.stdout
    assert "““" not in run.stdout and "””" not in run.stdout
