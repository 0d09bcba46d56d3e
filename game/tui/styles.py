"""Where the game's stylesheets are. app.tcss (the App's CSS_PATH) has what the title screen
needs, so the first frame parses nothing more; the game's screens and dialogs name GAME_CSS,
which Textual reads when the first of them shows."""

from pathlib import Path

GAME_CSS = str(Path(__file__).with_name("game.tcss"))
