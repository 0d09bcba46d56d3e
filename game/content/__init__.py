"""YAML scene packs compiled into immutable models plus diagnostics.

The names below load on first use, so importing one small module of this package, such as
``cover`` for the title screen, does not pay for the whole compiler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .loader import CompileResult, compile_pack, pack_stats

_EXPORTS = {".diagnostics": ["Diagnostic"],
            ".loader": ["CompileResult", "compile_pack", "pack_stats"]}
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
__getattr__ = lazy_exports(__name__, _EXPORTS)
