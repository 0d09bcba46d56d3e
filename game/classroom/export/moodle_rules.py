"""What Moodle's question bank takes, shared by the Moodle XML and GIFT writers (GIFT files are
imported into the same question types): its grade percentages and its matching question's
least size."""

from __future__ import annotations

from ...content.kinds.lms import Matching

# The grades Moodle offers for an answer (question_bank::fraction_options_full), in percent as
# its own exports write them; the negative ones are the same values below 0.
PERCENTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
            "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
            "0")

# Moodle's matching question needs at least two items and three answers to choose from.
LEAST_ITEMS, LEAST_ANSWERS = 2, 3


def category_path(title: str, day: str) -> str:
    """Where a day's questions go in the course's question bank: a category named after the
    pack, with one for each day in it. A '/' inside a name is written twice."""
    return "/".join(("$course$", "top", title.replace("/", "//"), day.replace("/", "//")))


def percent(fraction: float) -> str:
    """The grade Moodle offers nearest ``fraction`` (a share of the points, -1 to 1)."""
    nearest = min(PERCENTS, key=lambda p: abs(float(p) - abs(fraction) * 100))
    return f"-{nearest}" if fraction < 0 and nearest != "0" else nearest


def matching_too_small(answer: Matching) -> str:
    """Why Moodle cannot take this matching question, or ''."""
    answers = {right for _, right in answer.pairs} | set(answer.extra)
    if len(answer.pairs) < LEAST_ITEMS or len(answers) < LEAST_ANSWERS:
        return (f"Moodle's matching question needs at least {LEAST_ITEMS} items and "
                f"{LEAST_ANSWERS} answers to choose from; this one has {len(answer.pairs)} and "
                f"{len(answers)}")
    return ""
