"""The core stays TUI-free: importing it in a fresh interpreter loads neither textual nor rich."""

import subprocess
import sys

import pytest

PURE_MODULES = ["game.engine", "game.content", "game.saves", "game.debrief_text", "game.cli"]
# The classroom's computations and file formats; only report_text (the terminal) imports Rich.
PURE_MODULES += ["game.classroom.report", "game.classroom.report_csv",
                 "game.classroom.report_html", "game.classroom.handout",
                 "game.authoring.playtest", "game.classroom.roster",
                 "game.classroom.gradebook"]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_module_imports_no_textual_or_rich(module):
    code = (
        f"import sys, {module}\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulled in: {out.stdout.strip()}"


def test_validate_command_runs_without_textual():
    code = (
        "import sys\n"
        "from game.cli import main\n"
        "main(['validate', 'tests/fixtures/mini', '--format', 'json'])\n"
        "print('LEAK', ' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'textual'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("LEAK")


def test_handout_and_csv_commands_run_without_rich(tmp_path):
    code = (
        "import sys\n"
        "from game.cli import main\n"
        f"main(['handout', 'tests/fixtures/mini', '--format', 'html', '--output', "
        f"{str(tmp_path / 'h.html')!r}])\n"
        "print('LEAK', ' '.join(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'rich'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("LEAK")


def test_the_title_screen_waits_for_no_parser_compiler_engine_or_markdown():
    """The first frame is the title screen: importing the app must not pull in what only a
    game needs (the worker imports that after the frame is painted; see game/tui/app.py)."""
    heavy = ["yaml", "markdown_it", "game.content.loader", "game.content.models",
             "game.engine.story", "game.classroom.results", "game.tui.screens.scene"]
    code = ("import sys, game.cli, game.tui.app\n"
            f"print(' '.join(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the first frame would wait for: {out.stdout.strip()}"


def test_play_and_validate_never_load_the_language_server():
    """pygls loads only for `briefing lsp` (game/cli.py imports game.lsp.server there)."""
    code = (
        "import sys, game.cli, game.tui.app, game.plain\n"
        "from game.cli import main\n"
        "main(['validate', 'tests/fixtures/mini', '--format', 'json'])\n"
        "print('LEAK', ' '.join(sorted(m for m in sys.modules\n"
        "                              if m.split('.')[0] in ('pygls', 'lsprotocol')\n"
        "                              or m.startswith('game.lsp'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("LEAK")
