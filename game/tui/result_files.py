"""The result file a named player's game writes for the teacher, from the app's autosave."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..engine import Story

Notify = Callable[..., None]  # App.notify


class ResultFiles:
    """Writes the attempt's result file (partial until the game ends). A failure is told in
    words, once until it works again, and never stops the game or its save."""

    def __init__(self, folder: Path | None, notify: Notify) -> None:
        self.folder = folder  # None: no result files (previews)
        self.notify = notify
        self.problem = ""  # why the last write failed

    def wanted(self, story: Story, preview: bool) -> bool:
        """A named player's game writes a result file; a presenter's (the class's answers, not
        one student's) and an author's preview do not."""
        state = story.state
        return (bool(state.player) and state.mode != "presenter" and not preview
                and self.folder is not None)

    def write(self, story: Story, preview: bool) -> Path | None:
        if not self.wanted(story, preview):
            return None
        from ..classroom.results import try_write_result

        path, reason = try_write_result(self.folder, story.pack, story.state)
        if path is None:
            if not self.problem:
                self.notify(f"Could not write your result file for the teacher ({reason}). "
                            "Your game itself is saved; tell your teacher.",
                            title="Result not saved", severity="error", timeout=12,
                            markup=False)
            self.problem = reason
            return None
        self.problem = ""
        return path

    def write_final(self, story: Story, preview: bool) -> None:
        """At the debrief: the completed result, written once more, and where it went."""
        if not self.wanted(story, preview):
            return
        path = self.write(story, preview)
        if path is not None:
            self.notify(f"Your result is saved in {path}.", title="Result saved", timeout=10,
                        markup=False)
        else:
            self.notify(f"Your result file could not be written ({self.problem}). "
                        "Tell your teacher before you close the game.",
                        title="Result not saved", severity="error", timeout=30, markup=False)
