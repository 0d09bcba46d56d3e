"""Packs as this installation finds them. The compiler (game.content) compiles whatever folder
it is given and knows nothing of where the game is installed; this is where it is told that a
pack's article may also be among the shipped ones (seeds/, see game/paths.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .paths import seeds_root

if TYPE_CHECKING:
    from .content import CompileResult


def compile_pack(pack_dir: Path) -> CompileResult:
    """``game.content.compile_pack`` with the shipped seed articles beside the pack's own folder:
    what every command and screen compiles a pack with."""
    from .content import compile_pack as compile_with  # late: the title screen waits for no parser

    return compile_with(pack_dir, seeds_dirs=[seeds_root()])
