"""The guide's editor setups (docs/authoring.md, "Editing with a language server"): Neovim's is
run as written, in Neovim headless, against a pack with a typo; the others are checked to be
well formed and to start `briefing lsp`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import MINI

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
SECTION = "### Editing with a language server"
NEOVIM_PATIENCE = 120  # seconds: a bound on a hung editor, not a timing assertion


def setup_block(editor: str, language: str) -> str:
    """The fenced ``language`` block under the editor's heading in the guide's section."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    part = section[section.index(f"#### {editor}"):]
    return re.search(rf"```{language}\n(.*?)```", part, re.DOTALL).group(1)


CHECK = """\
local out = {}
local buf = vim.api.nvim_get_current_buf()
vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out.diagnostics, {line = d.lnum, col = d.col, code = d.code, message = d.message})
end
vim.fn.search("next: tue-radio")
vim.api.nvim_win_set_cursor(0, {vim.fn.line("."), 16})  -- on tue-radio
local before = vim.fn.line(".")
vim.lsp.buf.definition()
vim.wait(60000, function() return vim.fn.line(".") ~= before end, 50)
out.definition = {line = vim.fn.line("."), text = vim.api.nvim_get_current_line()}
out.mapped = {gd = vim.fn.maparg("gd", "n") ~= "", K = vim.fn.maparg("K", "n") ~= ""}
local file = io.open(vim.env.RESULT, "w")
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd("qa!")
"""


@pytest.mark.parametrize("manifest", ["pack.yaml", "pack.yml"])
def test_the_neovim_setup_shows_diagnostics_and_goes_to_a_definition(tmp_path, manifest):
    pack = Path(shutil.copytree(MINI, tmp_path / "mini"))
    (pack / "pack.yaml").rename(pack / manifest)
    scenes = pack / "scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    scenes.write_text(text.replace("next: tue-wrap", "next: tue-wrapp", 1), encoding="utf-8")
    (tmp_path / "init.lua").write_text(setup_block("Neovim", "lua"), encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    result = tmp_path / "result.json"
    env = {**os.environ, "RESULT": str(result), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["nvim", "--headless", "-u", str(tmp_path / "init.lua"), str(scenes),
                          "-c", f"luafile {tmp_path / 'check.lua'}"],
                         cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=NEOVIM_PATIENCE)
    assert result.is_file(), run.stdout + run.stderr
    found = json.loads(result.read_text(encoding="utf-8"))
    typo_line = text.splitlines().index("        next: tue-wrap")
    assert {"line": typo_line, "col": 14, "code": "unknown-scene",
            "message": "No scene has the id 'tue-wrapp'. Did you mean 'tue-wrap'?\n"
                       "hint: Check the spelling, or add a scene with that id."} \
        in found["diagnostics"]
    assert found["definition"]["text"] == "  - id: tue-radio"
    assert found["definition"]["line"] == text.splitlines().index("  - id: tue-radio") + 1
    assert found["mapped"] == {"gd": True, "K": True}  # K is hover, not a man page, on 0.7


def test_the_vs_code_settings_start_briefing_lsp_for_yaml():
    settings = json.loads(setup_block("VS Code", "json"))
    assert settings == {"glspc.server.command": "briefing",
                        "glspc.server.commandArguments": ["lsp"],
                        "glspc.server.languageId": ["yaml"]}


def test_the_helix_languages_toml_starts_briefing_lsp_for_yaml():
    config = tomllib.loads(setup_block("Helix", "toml"))
    assert config["language-server"]["briefing"] == {"command": "briefing", "args": ["lsp"]}
    assert config["language"] == [{"name": "yaml", "language-servers": ["briefing"]}]


def test_the_emacs_setup_starts_briefing_lsp_for_yaml_modes():
    lisp = setup_block("Emacs", "elisp")
    assert '("briefing" "lsp")' in lisp and "(yaml-mode yaml-ts-mode)" in lisp
    assert lisp.count("(") == lisp.count(")")


@pytest.mark.parametrize("args", [["lsp", "--help"], ["--help"]])
def test_the_cli_names_the_language_server(args):
    shown = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                           text=True, check=True).stdout
    assert "language server" in shown
