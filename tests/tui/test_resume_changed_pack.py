"""The app resumes a save whose earlier history names what an edited pack no longer has, and
plays it to the debrief, which says so once."""

from __future__ import annotations

from game.engine import OLDER_VERSION_NOTE
from game.saves import SaveStore
from game.session import Settings
from game.tui.app import make_app
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.notebook import NotebookDialog
from game.tui.screens.question import QuestionScreen
from game.tui.widgets.fact_list import FactList

from ..unit.test_resume_changed_pack import ALL_EDITS, changed_pack, saved_hasty_game
from .driver import play_to_debrief, whole_debrief
from .test_hardening import SIZE


async def test_a_save_from_before_the_pack_changed_plays_to_the_debrief(mini_pack, data_dir,
                                                                        tmp_path):
    saved = saved_hasty_game(mini_pack)
    SaveStore(data_dir).save(saved)
    pack = changed_pack(tmp_path, *ALL_EDITS)
    app = make_app(Settings(data_dir=data_dir, seed=3, blink=False), [pack])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Continue is highlighted
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.presented.question.id == "q-order"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NotebookDialog)
        assert [f.id for f in app.screen.query_one(FactList).facts] == ["villages"]
        await pilot.press("escape")
        await play_to_debrief(pilot)
        assert isinstance(app.screen, DebriefScreen)
        shown = await whole_debrief(pilot)
        assert shown.count(OLDER_VERSION_NOTE) == 1, shown
        assert "Report 55 moved" not in shown and "Who promised to rebuild?" in shown
        answers = [a.question for a in app.story.state.answers]
        assert answers[:4] == ["q-villages", "q-day", "q-who", "q-mayor"]
