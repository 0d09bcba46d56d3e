"""Text from a pack (or a file) made safe to write to a terminal: no control characters.

The compiler refuses them (written as YAML escapes such as "\\e" or "\\x1b", they pass the
pre-scan of the raw file), and this is the second line: both front ends pass authored text
through it where it meets the terminal, so that text the compiler never saw (a pack's cover,
read before compiling; a result file) cannot set the terminal's title, clear the screen or type
into the player's prompt either. Imports nothing, so the title screen's first frame pays nothing.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and C1 controls (U+0080-U+009F: U+009B is a one-byte
# CSI, U+009D a one-byte OSC on terminals that take 8-bit controls).
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character but tab and newline taken out."""
    return TERMINAL_CONTROL.sub("", text)
