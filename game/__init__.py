"""briefing: news stories as playable, scored briefing games in the terminal."""

__version__ = "0.1.0"
