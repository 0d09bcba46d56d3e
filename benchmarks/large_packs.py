"""Large packs (issue 14): validate, graph and playtest at 100, 1,000 and 10,000 scenes, each as
a whole command in a fresh process, against the raw libyaml parse of the same files (also a
fresh process); ink's own compiler (inkjs) on a story of the same shape beside them; and two
playtest workers against one, with the other core idle and busy.

    .venv/bin/python benchmarks/run.py --only large [--runs 3]
    .venv/bin/python benchmarks/large_packs.py [--runs 3] [--sizes 100 1000 10000]

CPU is user + system of the finished process (os.wait4), peak is its largest resident set;
each figure is the median of ``runs``. The ink rows need node and inkjs: set INK_NODE_MODULES
to a node_modules folder that has it (`npm install inkjs` in /tmp/ink makes /tmp/ink/node_modules).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_ink import story_ink  # noqa: E402
from benchmarks.synthetic_pack import write_pack  # noqa: E402

SIZES = (100, 1000, 10000)
LINEAR_SLACK = 1.5  # "within 1.5x of linear": 10x the scenes may cost up to 15x
RAW_PARSE = ("import sys, pathlib, yaml\n"
             "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
             "    yaml.load(path.read_bytes(), Loader=yaml.CLoader)\n")
COMMANDS = {  # row name: the command's arguments after `python -m game`, PACK for the folder
    "raw libyaml parse (yaml.load, CLoader, every file)": None,
    "`briefing validate`": ["validate", "PACK"],
    "`briefing graph` (text, the default)": ["graph", "PACK"],
    "`briefing graph --format mermaid`": ["graph", "PACK", "--format", "mermaid"],
    "`briefing playtest --runs 20 --jobs 1`": ["playtest", "PACK", "--runs", "20", "--jobs", "1"],
}
JOBS_RUNS = 8000  # playtest runs of the campaign for --jobs 1 against --jobs 2: the report
# and its strategies take about a second whatever the runs, in one process
CAMPAIGN = "week-of-march-23"


def run_process(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> dict:
    """One whole process: its CPU (user + system), peak RSS and wall time."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # playtest exits 1 on an unreached scene: still timed
        raise RuntimeError(f"{' '.join(command[:4])} failed: {stderr.strip()[-300:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "wall": wall}


def median_of(command: list[str], runs: int, **options) -> dict:
    samples = [run_process(command, **options) for _ in range(runs)]
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def game_command(arguments: list[str] | None, folder: Path) -> list[str]:
    if arguments is None:
        return [sys.executable, "-c", RAW_PARSE, str(folder)]
    return [sys.executable, "-m", "game", *[str(folder) if a == "PACK" else a for a in arguments]]


def measure_packs(sizes, runs: int, tmp: Path) -> dict:
    """{row name: {scenes: figures}}."""
    figures: dict[str, dict[int, dict]] = {name: {} for name in COMMANDS}
    for scenes in sizes:
        folder = write_pack(tmp / f"synthetic-{scenes}", scenes=scenes)
        run_process(game_command(COMMANDS["`briefing validate`"], folder))  # warm caches
        for name, arguments in COMMANDS.items():
            figures[name][scenes] = median_of(game_command(arguments, folder), runs)
            print(f"  {name}, {scenes:,} scenes: {figures[name][scenes]['cpu']:.2f} s",
                  file=sys.stderr, flush=True)
    return figures


def measure_ink(sizes, runs: int, tmp: Path) -> dict[int, dict] | str:
    modules = os.environ.get("INK_NODE_MODULES", "")
    if not modules or not (Path(modules) / "inkjs").is_dir():
        return "not measured: set INK_NODE_MODULES to a node_modules folder with inkjs"
    env = {**os.environ, "NODE_PATH": modules}
    found = {}
    for scenes in sizes:
        story = tmp / f"synthetic-{scenes}.ink"
        story.write_text(story_ink(scenes), encoding="utf-8")
        command = ["node", str(ROOT / "benchmarks" / "compile_ink.js"), str(story)]
        found[scenes] = median_of(command, runs, env=env)
        print(f"  inkjs, {scenes:,} knots: {found[scenes]['cpu']:.2f} s", file=sys.stderr,
              flush=True)
    return found


def measure_jobs(runs: int) -> dict[str, dict]:
    """Wall time of the campaign's playtest with one worker and with two, alternating, with the
    other core idle and then busy with `yes > /dev/null` pinned to it; and the load average
    before each (other people's processes share this machine)."""
    from game.paths import packs_root

    pack = packs_root() / CAMPAIGN
    found: dict[str, dict[int, list[float]]] = {"idle": {1: [], 2: []}, "busy": {1: [], 2: []}}
    loads = {}
    for load in ("idle", "busy"):
        loads[load] = os.getloadavg()[0]
        hog = None
        if load == "busy":
            hog = subprocess.Popen(["yes"], stdout=subprocess.DEVNULL)
            if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
                os.sched_setaffinity(hog.pid, {max(os.sched_getaffinity(0))})
        try:
            for _ in range(runs):
                for jobs in (1, 2):
                    command = [sys.executable, "-m", "game", "playtest", str(pack), "--runs",
                               str(JOBS_RUNS), "--jobs", str(jobs)]
                    found[load][jobs].append(run_process(command)["wall"])
        finally:
            if hog is not None:
                hog.kill()
                hog.wait()
    return {load: {**{jobs: statistics.median(times) for jobs, times in by_jobs.items()},
                   "load average": loads[load]}
            for load, by_jobs in found.items()}


def rows(figures: dict, ink, jobs: dict | None, sizes) -> list[tuple[str, str, str, bool | None]]:
    """(measurement, result, target, met) rows for benchmarks/run.py's table."""
    raw = figures["raw libyaml parse (yaml.load, CLoader, every file)"]
    found = []
    for name, by_size in figures.items():
        cells = []
        for scenes in sizes:
            f = by_size[scenes]
            times_raw = "" if by_size is raw else f" ({f['cpu'] / raw[scenes]['cpu']:.1f}× raw)"
            cells.append(f"{scenes:,}: {f['cpu']:.2f} s, {f['peak_mb']:.0f} MB{times_raw}")
        found.append((name, "; ".join(cells), "", None))
        if 1000 in by_size and 10000 in by_size:
            growth = by_size[10000]["cpu"] / by_size[1000]["cpu"]
            target = 10 * LINEAR_SLACK
            found.append((f"  {name}, 10,000 ÷ 1,000 scenes", f"{growth:.1f}×",
                          f"≤ {target:g}×", None if by_size is raw else growth <= target))
    if isinstance(ink, str):
        found.append(("inkjs compiling a story of the same shape", ink, "", None))
    else:
        cells = [f"{n:,}: {f['cpu']:.2f} s, {f['peak_mb']:.0f} MB "
                 f"({f['cpu'] / figures['`briefing validate`'][n]['cpu']:.1f}× validate)"
                 for n, f in ink.items()]
        found.append(("inkjs compiling a story of the same shape (for reference)",
                      "; ".join(cells), "", None))
    for load, by_jobs in (jobs or {}).items():
        found.append((f"playtest of the campaign, {JOBS_RUNS:,} runs, other core {load}: "
                      "--jobs 2 ÷ --jobs 1 (wall)",
                      f"{by_jobs[2] / by_jobs[1]:.2f}× ({by_jobs[2]:.2f} s / {by_jobs[1]:.2f} s; "
                      f"load average {by_jobs['load average']:.1f} before)", "", None))
    return found


def measure(runs: int, sizes=SIZES, with_jobs: bool = True):
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure_packs(sizes, runs, Path(tmp))
        ink = measure_ink([n for n in sizes if n >= 1000], runs, Path(tmp))
    jobs = measure_jobs(runs) if with_jobs else None
    return rows(figures, ink, jobs, sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--no-jobs", action="store_true", help="leave out --jobs 1 against 2")
    args = parser.parse_args(argv)
    for name, result, target, met in measure(args.runs, args.sizes, not args.no_jobs):
        status = "" if met is None else ("met" if met else "MISSED")
        print(f"| {name} | {result} | {target} | {status} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
