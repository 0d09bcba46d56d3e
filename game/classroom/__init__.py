"""Classroom play: who is playing, result files, and what a teacher makes of them.

TUI-free, like the engine: the TUI, the CLI and the reports all build on it.
"""
