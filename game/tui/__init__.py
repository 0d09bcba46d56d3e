"""The Textual front end: renders the engine's state and posts the player's input as messages."""
