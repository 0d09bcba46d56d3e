"""The playtest report as plain text: the same seed prints the same report, byte for byte."""

from __future__ import annotations

from collections import Counter

from ..content.models import Pack
from .playtest import PlaytestReport

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Counter, buckets: int = 8) -> str:
    """A histogram from min to max of ``values`` ({score: how many})."""
    low, high = min(values), max(values)
    if high == low:
        return BARS[-1]
    counts = [0] * buckets
    for value, weight in values.items():
        counts[min(buckets - 1, int((value - low) / (high - low) * buckets))] += weight
    top = max(counts)
    return "".join(BARS[round(c / top * (len(BARS) - 1))] if c else " " for c in counts)


def weighted_mean(values: Counter) -> float:
    # Summed in score order, so the mean does not depend on the order runs were merged in.
    return sum(value * n for value, n in sorted(values.items())) / sum(values.values())


def number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def render(pack: Pack, report: PlaytestReport, seed: int | None, allow_unreached: bool) -> tuple[str, bool]:
    """The report's text, and whether it passed."""
    lines = []
    mode = ("every path, answers right" + (" (one by one: the story map loops)"
                                           if report.cyclic else "")
            if report.exhaustive else
            f"{report.runs} random runs, seed {seed} (half explore, a quarter play carefully, "
            "a quarter carelessly)")
    lines.append(f"Playtest of {pack.id}: {mode}")
    unit = "paths" if report.exhaustive else "runs"
    lines.append(f"Completed: {report.completed:,} of {report.runs:,} {unit}")
    if report.bound_reached:
        lines.append("Bound reached: the pack has more than --max-states to explore; results "
                     "cover those explored.")
    if report.failures:
        lines.append(f"Crashes, dead ends and loops: {len(report.failures)}")
        for failure in report.failures[:20]:
            lines.append(f"  {failure.kind} in '{failure.scene}': {failure.detail}")
            path = " → ".join(f'"{p}"' for p in failure.path) or "(no choices)"
            lines.append(f"    reproduce by choosing: {path}")
        if len(report.failures) > 20:
            lines.append(f"  … and {len(report.failures) - 20} more")
    else:
        lines.append("Crashes, dead ends and loops: none")
    unreached = report.unreached(pack)
    not_played = report.not_played(pack)
    total_choices = sum(len(s.choices) for s in pack.scenes.values())
    total_questions = len(pack.questions()) - len(not_played)
    lines.append(
        f"Coverage: scenes {len(pack.scenes) - len(unreached['scenes'])}/{len(pack.scenes)}, "
        f"choices {total_choices - len(unreached['choices'])}/{total_choices}, "
        f"questions {total_questions - len(unreached['questions'])}/{total_questions}")
    for kind, items in unreached.items():
        for item in items:
            lines.append(f"  never reached: {kind[:-1]} {item}")
    for question_id, original in sorted(not_played.items()):
        lines.append(f"  not played: question {question_id}, asked again only to a player who "
                     f"missed {original} (run without --exhaustive to play it)")
    lines.append("Scores by ending (min / mean / max, then a histogram from min to max):")
    names = {t.id: t.name for t in pack.manifest.tracks}
    table = report.by_ending()
    for ending, by_track in table.items():
        runs = sum(next(iter(by_track.values()), Counter()).values())
        lines.append(f"  {ending} ({runs:,} {unit[:-1] if runs == 1 else unit})")
        ordered = [t.id for t in pack.manifest.tracks if t.id in by_track]
        for track in ordered + sorted(set(by_track) - set(ordered)):
            values = by_track[track]
            lines.append(f"    {names.get(track, track):<18} {number(min(values)):>6} / "
                         f"{number(weighted_mean(values)):>6} / {number(max(values)):>6}  "
                         f"{sparkline(values)}")
    ending_ids = sorted(s.id for s in pack.scenes.values() if s.ending)
    if report.exhaustive:
        for ending in ending_ids:
            verdict = "reachable" if ending in table else "NOT reachable (on the paths explored)"
            lines.append(f"  ending {ending}: {verdict}")
    problems = []
    if report.failures:
        problems.append("crashes or dead ends")
    if any(unreached.values()) and not allow_unreached:
        problems.append("unreached content (--allow-unreached accepts it)")
    lines.append("Result: " + ("PASS" if not problems else "FAIL: " + "; ".join(problems)))
    return "\n".join(lines) + "\n", not problems
