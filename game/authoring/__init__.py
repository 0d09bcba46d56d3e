"""Tools for authors: scaffolding, the story map, playtesting, source coverage, walkthroughs."""
