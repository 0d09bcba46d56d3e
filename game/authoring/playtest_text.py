"""The playtest report as plain text: the same seed prints the same report, byte for byte."""

from __future__ import annotations

from collections import Counter

from ..content.cues import MIN_ITEMS
from ..content.models import RECALL_TRACK, Pack
from ..content.reach_findings import Finding, condition_findings
from .playtest import PlaytestReport
from .reading_time import SECONDS_PER_INTERACTION, WORDS_PER_MINUTE
from .strategies import MARGIN, STRATEGIES, SurfaceFigures

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


def never_reached_reasons(pack: Pack) -> dict[tuple[str, str], Finding]:
    """What validate finds no path can reach, by the playtest's way of naming it: ("scenes",
    scene id) and ("choices", "scene-id #n: text")."""
    reasons: dict[tuple[str, str], Finding] = {}
    for finding in condition_findings(pack.scenes, pack.manifest.start):
        if finding.scene is not None:
            reasons[("scenes", finding.scene)] = finding
        elif finding.choice is not None:
            scene_id, index = finding.choice
            text = pack.scenes[scene_id].choices[index].text
            reasons[("choices", f"{scene_id} #{index + 1}: {text}")] = finding
    return reasons


def render(pack: Pack, report: PlaytestReport, seed: int | None, allow_unreached: bool,
           surface: SurfaceFigures | None = None) -> tuple[str, bool]:
    """The report's text, and whether it passed. ``surface``: the surface strategies' figures,
    shown for the author to judge (they do not decide the result)."""
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
    reasons = never_reached_reasons(pack)
    for kind, items in unreached.items():
        for item in items:
            lines.append(f"  never reached: {kind[:-1]} {item}")
            why = reasons.get((kind, item))
            if why is not None:
                lines.append(f"    why: {why.where.file}:{why.where.line}: {why.message}")
    for question_id, original in sorted(not_played.items()):
        lines.append(f"  not played: question {question_id}, asked again only to a player who "
                     f"missed {original} (run without --exhaustive to play it)")
    lines += route_lines(pack, report)
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
    if report.careful_reading is not None:
        lines += reading_lines(report)
    if surface is not None:
        lines += surface_lines(pack, surface)
    problems = []
    if report.failures:
        problems.append("crashes or dead ends")
    if any(unreached.values()) and not allow_unreached:
        problems.append("unreached content (--allow-unreached accepts it)")
    lines.append("Result: " + ("PASS" if not problems else "FAIL: " + "; ".join(problems)))
    return "\n".join(lines) + "\n", not problems


def surface_lines(pack: Pack, surface: SurfaceFigures) -> list[str]:
    """Each surface strategy's percent per graded track beside the random players' median;
    a figure more than MARGIN points above that median is marked."""
    names = {t.id: t.name for t in pack.manifest.tracks}
    lines = [f"Surface strategies: percent per graded track, each over {surface.games} games,",
             f"  beside random players' median over {surface.random_players} "
             f"(! = more than {MARGIN:g} points above it):"]
    head = "".join(f"{names.get(t, t):>14}" for t in surface.tracks)
    lines.append(f"  {'':<16}{head}")

    def row(label: str, figures, checked=()) -> str:
        cells = []
        for track in surface.tracks:
            percent = figures.get(track)
            median = surface.random_median.get(track)
            over = (track in checked and percent is not None and median is not None
                    and percent > median + MARGIN)
            cells.append(("—" if percent is None else f"{percent:.1f}%") + ("!" if over else " "))
        return f"  {label:<16}" + "".join(f"{cell:>14}" for cell in cells).rstrip()

    lines.append(row("random (median)", surface.random_median))
    for strategy in STRATEGIES:
        lines.append(row(strategy.name, surface.strategies[strategy.name],
                         surface.checked_tracks(strategy)))
    excesses = surface.excesses()
    if excesses:
        lines.append(f"  {len(excesses)} above the line: the options' look gives points away "
                     "(see validate's cue warnings).")
    else:
        lines.append("  none above the line.")
    decisions = sum(1 for scene in pack.scenes.values() if scene.choices)
    if decisions < MIN_ITEMS:
        lines.append(f"  (with {decisions} decision{'' if decisions == 1 else 's'} these figures "
                     f"are mostly chance: the cue checks wait for {MIN_ITEMS})")
    if RECALL_TRACK in surface.tracks:
        lines.append("  (recall is checked for the true/false strategies only)")
    return lines


def route_lines(pack: Pack, report: PlaytestReport) -> list[str]:
    """How many distinct routes (sequences of scenes) the runs took, to each ending; none for
    the exhaustive count, which merges paths instead of following them."""
    if report.exhaustive:
        return []
    routes = {ending: len(report.routes.get(ending, ()))
              for ending in sorted(s.id for s in pack.scenes.values() if s.ending)}
    reached = sum(1 for n in routes.values() if n)
    total = sum(routes.values())
    lines = [f"Routes: {total:,} distinct way{'' if total == 1 else 's'} through, {reached} of "
             f"{len(routes)} endings reached"]
    for ending, n in routes.items():
        lines.append(f"  {ending}: " + (f"{n:,} route{'' if n == 1 else 's'}" if n
                                        else "not reached"))
    return lines


def reading_lines(report: PlaytestReport) -> list[str]:
    careful = report.careful_reading
    line = (f"Reading time ({WORDS_PER_MINUTE} words a minute + {SECONDS_PER_INTERACTION} s per "
            f"interaction): careful path about {careful.minutes:.0f} min")
    span = report.reading_range()
    if span:
        line += f" (shortest {span[0]:.0f}, longest {span[1]:.0f} over the routes seen)"
    return [line, f"  careful path: {careful.words:,} words, {careful.interactions} interactions"]
