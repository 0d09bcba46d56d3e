"""`briefing dashboard`: the teacher's live view of a results folder."""
