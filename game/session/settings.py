"""What a game is played with, as the command line gave it: one frozen object that the CLI
builds and both front ends (and the session behind them) read. Imports no Textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..classroom.identity import clean_name
from ..engine import Mode
from ..paths import results_root

if TYPE_CHECKING:
    from .preview import Preset


@dataclass(frozen=True)
class Settings:
    data_dir: Path  # the saves go in its saves/ folder
    results_dir: Path | None = None  # where result files go; None: results/ beside the saves
    seed: int | None = None  # a fixed option order (None: a new one, or the class's)
    mode: Mode = Mode.PRACTICE
    # Who plays, when the command line says (the title screen, or plain mode, asks otherwise).
    # Cleaned here once, then shown literally everywhere.
    class_code: str = ""
    name: str = ""
    same_order: bool = False  # with a class code: one option order for the whole class
    start_at: str | None = None  # an author's preview from this scene: saved apart, no result
    preset: Preset | None = None  # the preview's flags, totals and history (play --set ...)
    watch: bool = False  # reload the packs when their files change (full-screen game only)
    resume_codes: bool = False  # a named player's new game gets a code that Continue asks for
    blink: bool = True  # the cursor blinks (tests turn it off for stable snapshots)
    results: Path = field(init=False, repr=False, compare=False)  # results_dir, resolved

    def __post_init__(self) -> None:
        # Frozen, so set through object.__setattr__: each value is made what the game uses
        # once, here, whoever built the settings (the CLI, a test).
        mode = Mode.parse(self.mode)
        if mode is None:
            raise ValueError(f"there is no mode '{self.mode}'")
        set_field = object.__setattr__
        set_field(self, "data_dir", Path(self.data_dir))
        set_field(self, "mode", mode)
        set_field(self, "class_code", clean_name(self.class_code))
        set_field(self, "name", clean_name(self.name))
        set_field(self, "results", Path(self.results_dir) if self.results_dir is not None
                  else results_root(self.data_dir))

    @property
    def preview(self) -> bool:
        """An author's preview (``--from``): its own save slot, no result file, no code."""
        return bool(self.start_at)
