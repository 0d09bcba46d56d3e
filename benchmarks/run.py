"""Speed benchmarks, measured in one run and reported as a table with ratios. Never asserts.

    .venv/bin/python benchmarks/run.py [--runs 5] [--scenes 1000]

Rows: loading a large synthetic pack against the raw YAML parse of the same files (each pair in a
fresh process, benchmarks/load_pair.py), the wall time
of `python -m game validate` on the shipped campaign (and whether it imported Textual), and
headless playthroughs per second; then the TUI against a bare Textual app (first frame, key → next
scene, peak memory over a whole game), and the debrief's first frame against the screen it
replaced. See benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's game/, whether or not it is installed

import yaml  # noqa: E402

from benchmarks.synthetic_pack import write_pack  # noqa: E402
from game.packs import compile_pack  # noqa: E402
from game.authoring.playtest import playtest  # noqa: E402
from game.paths import packs_root  # noqa: E402

CAMPAIGN = "week-of-march-23"
TARGET_LOAD_SECONDS = 1.0
TARGET_LOAD_RATIO = 1.3
TARGET_VALIDATE_SECONDS = 0.150
TARGET_GAMES_PER_SECOND = 2000
TARGET_FIRST_FRAME_RATIO = 1.15
TARGET_SCENE_KEY_RATIO = 1.5
TARGET_RSS_RATIO = 1.25
TARGET_DEBRIEF_SECONDS = 0.2  # "at once", however long the game: the first debrief frame
TARGET_DEBRIEF_GROWTH_MB = 10  # the peak's growth by that frame, after the long game
DEBRIEF_SCENES = 1000  # the synthetic pack the long game goes through (579 scenes of it)
BARE_PRESSES = 40  # the first bare run's key presses (the second makes as many as the game)
TUI_BENCH = ROOT / "benchmarks" / "tui_bench.py"
LOAD_PAIR = ROOT / "benchmarks" / "load_pair.py"


class Table:
    """Rows of measurement, result, target and status, printed as Markdown."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, name: str, result: str, target: str = "", met: bool | None = None) -> None:
        status = "" if met is None else ("met" if met else "MISSED")
        self.rows.append((name, result, target, status))
        print(f"  {name}: {result}", file=sys.stderr, flush=True)  # progress while it runs

    def render(self) -> str:
        header = ("measurement", "result", "target", "status")
        widths = [max(len(row[i]) for row in [header, *self.rows]) for i in range(4)]
        line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
        return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                          *map(line, self.rows)])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    libyaml = "with libyaml" if getattr(yaml, "__with_libyaml__", False) else "without libyaml"
    return (f"{platform.platform()} · {cpu} · {os.cpu_count()} CPUs · "
            f"{platform.python_implementation()} {platform.python_version()} · "
            f"PyYAML {yaml.__version__} {libyaml}")


def timed(action) -> float:
    gc.collect()  # start each run from the same heap, so one run's garbage does not bill the next
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_load(table: Table, scenes: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_pack(Path(tmp) / "synthetic", scenes=scenes)
        files = sorted(folder.glob("*.yaml"))
        first = compile_pack(folder)
        errors = len(first.errors)
        size = sum(p.stat().st_size for p in files) / 1e6
        table.add(f"synthetic pack: {scenes:,} scenes, {len(files)} files, {size:.1f} MB",
                  f"{errors} errors, {len(first.diagnostics) - errors} warnings",
                  "0 and 0", not first.diagnostics)
        load_pair(folder)  # warm the disk cache and the .pyc files
        load, parse = [], []
        for _ in range(runs):  # pairs back to back, so drift in the machine's speed hits both
            pair = load_pair(folder)
            parse.append(pair["raw_parse"])
            load.append(pair["load"])
    best_load, best_parse = min(load), min(parse)
    table.add(f"load+validate (compile_pack), best of {runs}", f"{best_load:.3f} s",
              f"≤ {TARGET_LOAD_SECONDS:g} s", best_load <= TARGET_LOAD_SECONDS)
    table.add(f"raw parse (compose_all, CSafeLoader), best of {runs}", f"{best_parse:.3f} s")
    ratio = paired_ratio(load, parse)
    table.add("ratio load+validate / raw parse (median of the paired runs' ratios)",
              f"{ratio:.2f}×", f"≤ {TARGET_LOAD_RATIO:g}×", ratio <= TARGET_LOAD_RATIO)


def load_pair(folder: Path) -> dict[str, float]:
    """One raw parse and one compile_pack of ``folder``, in a fresh process, the raw parse
    first: the baseline is never measured in a process a compile has run in."""
    done = subprocess.run([sys.executable, str(LOAD_PAIR), str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"load_pair failed: "
                           f"{(done.stderr.strip().splitlines() or ['no output'])[-1]}")
    return json.loads(done.stdout)


def paired_ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median of each pair's ratio: each pair ran back to back, so a moment when the
    shared machine was slow or fast hits both sides of a pair alike (the two best-ofs can come
    from different moments, and one lucky run moved their ratio by a fifth)."""
    return statistics.median(n / d for n, d in zip(numerators, denominators))


def wall_time(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True)
    return time.perf_counter() - start


def best_wall_time(command: list[str], runs: int, env: dict | None = None) -> float:
    wall_time(command, env)  # warm the disk cache and the .pyc files
    return min(wall_time(command, env) for _ in range(runs))


def bytecode_envs(pycache: str) -> dict[str, dict]:
    """Environments with and without cached bytecode for game/, whatever this shell says.

    Python normally writes .pyc files on the first run, so a player's later runs read them; with
    PYTHONDONTWRITEBYTECODE=1 (and no __pycache__ in the checkout) game/ is compiled from source
    on every run. The cache goes in a temporary PYTHONPYCACHEPREFIX, so that nothing is written
    beside the sources.
    """
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    return {"cached bytecode": {**base, "PYTHONPYCACHEPREFIX": pycache},
            "PYTHONDONTWRITEBYTECODE=1": {**base, "PYTHONDONTWRITEBYTECODE": "1"}}


def imported_packages(command: list[str]) -> tuple[set[str], int]:
    """The top-level packages a command imports (read from -X importtime), and its exit status."""
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], cwd=ROOT,
                          capture_output=True, text=True)
    packages = set()
    for line in done.stderr.splitlines():  # "import time: self | cumulative | name"
        if line.startswith("import time:") and line.count("|") == 2:
            packages.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return packages, done.returncode


def bench_validate(table: Table, runs: int) -> None:
    command = [sys.executable, "-m", "game", "validate", CAMPAIGN]
    with tempfile.TemporaryDirectory() as pycache:
        envs = bytecode_envs(pycache)
        # Alternate the two settings, so that drift in the machine's speed hits both alike.
        times: dict[str, list[float]] = {name: [] for name in envs}
        for env in envs.values():
            wall_time(command, env)  # warm the disk cache, and write the .pyc files
        for _ in range(runs):
            for name, env in envs.items():
                times[name].append(wall_time(command, env))
        for name, found in times.items():
            best = min(found)
            table.add(f"`python -m game validate {CAMPAIGN}`, {name}, best of {runs}",
                      f"{best * 1000:.0f} ms (median {statistics.median(found) * 1000:.0f} ms)",
                      f"≤ {TARGET_VALIDATE_SECONDS * 1000:.0f} ms", best <= TARGET_VALIDATE_SECONDS)
        cached = envs["cached bytecode"]
        startup = best_wall_time([sys.executable, "-c", "pass"], runs, cached)
        table.add("  for scale: `python -c pass`", f"{startup * 1000:.0f} ms")
        imports = best_wall_time([sys.executable, "-c", "import game.cli"], runs, cached)
        table.add("  for scale: `python -c 'import game.cli'`", f"{imports * 1000:.0f} ms")
    campaign = packs_root() / CAMPAIGN
    in_process = min(timed(lambda: compile_pack(campaign)) for _ in range(runs))
    table.add("  for scale: compile_pack of the campaign, in process", f"{in_process * 1000:.0f} ms")
    packages, code = imported_packages(command)
    heavy = [name for name in ("textual", "rich") if name in packages]
    table.add("validate imports textual / rich", " / ".join(
        "yes" if name in heavy else "no" for name in ("textual", "rich"))
        + ("" if code == 0 else f" (exit status {code})"), "no textual", "textual" not in packages)


def bench_play(table: Table, runs: int, games: int = 2000) -> None:
    """`briefing playtest`'s own engine on the campaign: what an author waits for. Once in one
    process, and once as the command runs it, one process per CPU."""
    pack = compile_pack(packs_root() / CAMPAIGN).pack
    playtest(pack, 100, seed=0, jobs=1)  # warm up
    cpus = os.cpu_count() or 1
    for jobs, label in ((1, "1 process"), (None, f"{cpus} processes, as the command runs")):
        rates = []
        for run in range(runs):
            gc.collect()
            start = time.perf_counter()
            report = playtest(pack, games, seed=run, jobs=jobs)
            rates.append(games / (time.perf_counter() - start))
            assert report.completed == games, "the benchmark's playthroughs failed"
        best = max(rates)
        table.add(f"`playtest` of {CAMPAIGN}, {label}, best of {runs} × {games:,} games",
                  f"{best:,.0f} games/s (median {statistics.median(rates):,.0f})",
                  f"≥ {TARGET_GAMES_PER_SECOND:,} games/s" if jobs is None else "",
                  best >= TARGET_GAMES_PER_SECOND if jobs is None else None)


def tui_bench(*args: str, timeout: float = 300) -> str:
    """One run of benchmarks/tui_bench.py in a process of its own; its stdout."""
    done = subprocess.run([sys.executable, str(TUI_BENCH), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"tui_bench {' '.join(args)} failed: "
                           f"{(done.stderr.strip().splitlines() or ['no output'])[-1]}")
    return done.stdout.strip().splitlines()[-1]


def bench_first_frame(table: Table, runs: int) -> None:
    """Spawn to first full frame on a pseudo-terminal: the game's title screen and a bare app,
    alternating."""
    times: dict[str, list[float]] = {"bare": [], "game": []}
    for which in times:
        tui_bench("first-frame", which)  # warm the disk cache and the .pyc files
    for _ in range(runs * 2):  # half a second each: twice the pairs for the same noise
        for which, found in times.items():
            found.append(float(tui_bench("first-frame", which)))
    labels = {"bare": "bare Textual app (Header, 3 lines, Footer; benchmarks/bare_app.py)",
              "game": "`python -m game play`, title screen"}
    for which, found in times.items():
        table.add(f"first frame at 80x24, {labels[which]}, best of {len(found)}",
                  f"{min(found) * 1000:.0f} ms (median {statistics.median(found) * 1000:.0f} ms)")
    ratio = paired_ratio(times["game"], times["bare"])
    table.add("ratio first frame game / bare (median of the paired runs' ratios)",
              f"{ratio:.2f}×", f"≤ {TARGET_FIRST_FRAME_RATIO:g}×",
              ratio <= TARGET_FIRST_FRAME_RATIO)


def bench_whole_game(table: Table) -> None:
    """A whole campaign by keyboard, headless, between two runs of the bare app: key → next
    scene painted, and each process's peak RSS."""
    bare = [json.loads(tui_bench("play", "bare", "--presses", str(BARE_PRESSES)))]
    game = json.loads(tui_bench("play", "game"))
    # The second bare run presses its key as often as the game made moves, for the memory rows.
    bare.append(json.loads(tui_bench("play", "bare", "--presses", str(game["presses"]))))
    bare_ms = [ms for run in bare for ms in run["scene_ms"]]
    bare_cpu = [ms for run in bare for ms in run["scene_cpu_ms"]]
    game_ms, game_cpu = game["scene_ms"], game["scene_cpu_ms"]
    table.add(f"key → next scene painted, bare app (Markdown + OptionList), median of "
              f"{len(bare_ms)}", f"{statistics.median(bare_ms):.0f} ms "
              f"(best {min(bare_ms):.0f} ms, CPU {statistics.median(bare_cpu):.0f} ms)")
    table.add(f"key → next scene painted, the game's campaign, median of {len(game_ms)}",
              f"{statistics.median(game_ms):.0f} ms "
              f"(best {min(game_ms):.0f} ms, CPU {statistics.median(game_cpu):.0f} ms)")
    ratio = statistics.median(game_ms) / statistics.median(bare_ms)
    table.add("ratio key → next scene game / bare (medians)", f"{ratio:.2f}×",
              f"≤ {TARGET_SCENE_KEY_RATIO:g}×", ratio <= TARGET_SCENE_KEY_RATIO)
    bare_rss = bare[-1]["rss_kb"] / 1024
    game_rss = game["rss_kb"] / 1024
    table.add(f"peak RSS, bare app, {game['presses']} scene updates", f"{bare_rss:.0f} MB")
    table.add(f"peak RSS, the game, whole campaign ({game['presses']} moves)", f"{game_rss:.0f} MB")
    ratio = game_rss / bare_rss
    table.add("ratio peak RSS game / bare", f"{ratio:.2f}×", f"≤ {TARGET_RSS_RATIO:g}×",
              ratio <= TARGET_RSS_RATIO)


def bench_debrief(table: Table, runs: int) -> None:
    """The debrief after a finished game, the current screen ("new") against the one it
    replaced ("old", benchmarks/legacy_debrief.py), each run in a process of its own, the two
    alternating: the campaign, and a long game through the synthetic pack."""
    for game, pairs in (("campaign", runs), ("long", max(2, runs // 2))):
        found: dict[str, list[dict]] = {"old": [], "new": []}
        for _ in range(pairs):
            for which, runs_of in found.items():
                runs_of.append(json.loads(tui_bench("debrief", which, game, "--scenes",
                                                    str(DEBRIEF_SCENES), timeout=600)))
        first = found["new"][0]
        what = (f"the campaign ({first['scenes']} scenes" if game == "campaign" else
                f"a {first['scenes']}-scene game ({DEBRIEF_SCENES:,}-scene synthetic pack")
        what += f", {first['decisions']} decisions, {first['answers']} answers)"
        for which, label in (("old", "old screen (one Rich Markdown)"),
                             ("new", "new screen (summary, detail in parts)")):
            ms = [r["first_frame_ms"] for r in found[which]]
            cpu = statistics.median(r["cpu_ms"] for r in found[which])
            growth = statistics.median(r["rss_growth_kb"] for r in found[which]) / 1024
            table.add(f"debrief first frame after {what}, {label}, best of {len(ms)}",
                      f"{min(ms):.0f} ms (median {statistics.median(ms):.0f} ms, CPU "
                      f"{cpu:.0f} ms, peak +{growth:.0f} MB)",
                      f"≤ {TARGET_DEBRIEF_SECONDS * 1000:.0f} ms" if which == "new" else "",
                      min(ms) <= TARGET_DEBRIEF_SECONDS * 1000 if which == "new" else None)
        ratio = paired_ratio([r["first_frame_ms"] for r in found["new"]],
                             [r["first_frame_ms"] for r in found["old"]])
        table.add(f"  ratio debrief first frame new / old, {game} (median of the pairs)",
                  f"{ratio:.2f}×")
        new_growth = statistics.median(r["rss_growth_kb"] for r in found["new"]) / 1024
        old_growth = statistics.median(r["rss_growth_kb"] for r in found["old"]) / 1024
        if game == "long":
            table.add(f"  peak RSS growth by the first frame, new / old, {game}",
                      f"{new_growth:.1f} MB / {old_growth:.1f} MB",
                      f"≤ {TARGET_DEBRIEF_GROWTH_MB} MB", new_growth <= TARGET_DEBRIEF_GROWTH_MB)
        for which in ("old", "new"):
            end = statistics.median(r["end_ms"] for r in found[which])
            cpu = statistics.median(r["end_cpu_ms"] for r in found[which])
            growth = statistics.median(r["end_rss_growth_kb"] for r in found[which]) / 1024
            table.add(f"  End, {which} screen, {game}: the last line, all "
                      f"{found[which][0]['lines']:,} lines laid out (median)",
                      f"{end:.0f} ms (CPU {cpu:.0f} ms, peak +{growth:.0f} MB)")


def bench_class(table: Table, runs: int) -> None:
    """benchmarks/class_start.py: a class opening the served game at once, in headless
    Chromium, with each launcher."""
    import asyncio

    from benchmarks import class_start

    sizes = [1, 10, 30]
    results, _, _ = asyncio.run(class_start.measure(max(1, runs // 3), sizes))
    for name, result, target, met in class_start.summary_rows(results, sizes):
        table.add(name, result, target, met)


def bench_large(table: Table, runs: int) -> None:
    """benchmarks/large_packs.py: validate, graph and playtest at 100, 1,000 and 10,000 scenes
    against the raw parse, inkjs beside them, and --jobs 2 against 1."""
    from benchmarks import large_packs

    for name, result, target, met in large_packs.measure(max(1, runs // 2)):
        table.add(name, result, target, met)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (best is kept)")
    parser.add_argument("--scenes", type=int, default=1000, help="scenes in the synthetic pack")
    parser.add_argument("--only", action="append", metavar="BENCH",
                        help="run only this benchmark (load, validate, play, first frame, "
                             "whole game, debrief, class, large); may be repeated")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}")
    started = time.perf_counter()
    table = Table()
    benches = {"load": lambda: bench_load(table, args.scenes, args.runs),
               "validate": lambda: bench_validate(table, args.runs + 2),
               "play": lambda: bench_play(table, args.runs),
               "first frame": lambda: bench_first_frame(table, args.runs),
               "whole game": lambda: bench_whole_game(table),
               "debrief": lambda: bench_debrief(table, args.runs),
               "class": lambda: bench_class(table, args.runs),
               "large": lambda: bench_large(table, args.runs)}
    for name, bench in benches.items():
        if args.only and name not in args.only:
            continue
        try:
            bench()
        except Exception as exc:  # a broken benchmark is a row in the table, not a traceback
            table.add(f"{name} benchmark failed", f"{type(exc).__name__}: {exc}")
    print()
    print(table.render())
    print(f"\nTook {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
