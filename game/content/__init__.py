"""YAML scene packs compiled into immutable models plus diagnostics."""

from .diagnostics import Diagnostic
from .loader import CompileResult, compile_pack, pack_stats

__all__ = ["CompileResult", "Diagnostic", "compile_pack", "pack_stats"]
