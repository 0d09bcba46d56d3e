"""The learning section's numbers in words, the same in the terminal, HTML and CSV."""

from __future__ import annotations

from .learning_gain import ClassGain
from .report_learning import MASTERY_THRESHOLD, Learning, StudentLearning

DASH = "—"


def pct(value: float | None) -> str:
    return DASH if value is None else f"{value:.0f}%"


def signed(value: float | None, unit: str = "") -> str:
    return DASH if value is None else f"{value:+.0f}{unit}"


def ratio(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def student_cells(student: StudentLearning) -> list[str]:
    """Pre, post, gain, normalised gain, as the report's columns show them."""
    g = student.normalised
    g_text = ratio(g) if g is not None else ("n/a (pre 100%)" if student.paired else DASH)
    return [pct(student.pre), pct(student.post), signed(student.gain, " pts"), g_text]


def effect_words(gain: ClassGain) -> str:
    """d_z with its interval, or why there is none."""
    if gain.n < 2:
        return f"effect size needs 2 or more students with both checks (here {gain.n})"
    if gain.d_z is None:
        return "no effect size: every student's gain is the same (no spread)"
    return f"d_z = {gain.d_z:.2f} (95% CI {gain.d_low:.2f} to {gain.d_high:.2f})"


def class_lines(lesson: Learning) -> list[str]:
    """The class's overall numbers, one line each."""
    gain = lesson.overall
    if not gain.n:
        return ["No student has done both checks yet, so there is no gain to report."]
    lines = [f"{gain.n} student(s) with both checks: mean pre {pct(gain.mean_pre)}, mean post "
             f"{pct(gain.mean_post)}, mean gain {signed(gain.mean_gain, ' points')}.",
             f"Normalised gain: mean of the students' g = {ratio(gain.mean_g)} (over "
             f"{gain.g_students}); class-average g = {ratio(gain.class_g)}."]
    if gain.ceiling:
        lines.append(f"{gain.ceiling} student(s) scored 100% before the week: their g is "
                     "undefined and left out of the mean of g (not of the other numbers).")
    lines.append(f"Effect size: {effect_words(gain)}.")
    return lines


FOOTNOTE = (
    "How these are worked out: gain = post % - pre %. Normalised gain g = (post - pre) / "
    "(100 - pre) (Hake), undefined when pre is 100%. \"Mean of the students' g\" averages "
    "each student's g; \"class-average g\" is (mean post - mean pre) / (100 - mean pre). The "
    "effect size is Cohen's d_z for paired scores: the mean gain divided by the standard "
    "deviation of the gains (n - 1), shown only for 2 or more students with both checks; its "
    "95% confidence interval is exact, from the noncentral t distribution with n - 1 degrees "
    "of freedom. A check counts once all its items are answered; it never counts toward the "
    f"game's score. Mastery: the share of a skill's points earned over the whole game and the "
    f"post-check (questions, decisions and check items tagged with it); mastered at "
    f"{MASTERY_THRESHOLD:.0f}% or more.")


def mastery_cell(student: StudentLearning, skill: str) -> str:
    share = student.mastery.get(skill)
    if share is None:
        return DASH
    return f"{share:.0f}%" + (" ✓" if share >= MASTERY_THRESHOLD else "")
