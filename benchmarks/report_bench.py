"""`briefing report` on 1,000 and 10,000 synthetic result files, against reading the same files
with json.load alone. Measures and prints; never asserts.

    .venv/bin/python benchmarks/report_bench.py [--sizes 1000 10000] [--runs 3]

Each measurement is a fresh process (the report as a teacher runs it, its output sent to a
file): the wall time and the process's peak RSS. The baseline is a process that reads and
json.loads every file of the same folder and does nothing else. The ratio is the report's time
over the baseline's, the median of the runs' ratios (each run times the two one after the
other); best-of is the time to compare between machines.
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

from benchmarks.result_files import write_results  # noqa: E402

TARGET_SECONDS = 10.0  # 10,000 files (issue 13)
JSON_ONLY = """
import json, sys
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.json")):
    with open(path, encoding="utf-8") as handle:
        json.load(handle)
"""


def timed(command: list[str]) -> float:
    """Wall seconds of one child process, its output thrown away."""
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run(command, stdout=sink, stderr=sink, check=True, cwd=ROOT)
    return time.perf_counter() - start


def peak_of(command: list[str]) -> float:
    """The peak RSS of ``command`` alone, in MB (measured in a child of its own)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return int(out.stdout) / 1024


def measure(folder: Path, runs: int) -> dict:
    report = [sys.executable, "-m", "game", "report", str(folder)]
    baseline = [sys.executable, "-c", JSON_ONLY, str(folder)]
    reports, bases, ratios = [], [], []
    for _ in range(runs):
        base = timed(baseline)
        wall = timed(report)
        bases.append(base)
        reports.append(wall)
        ratios.append(wall / base)
    return {"report": min(reports), "report median": statistics.median(reports),
            "json.load": min(bases), "ratio": statistics.median(ratios),
            "report peak MB": peak_of(report), "json.load peak MB": peak_of(baseline)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}")
    print("| files | report, best (median) | json.load alone, best | ratio (median) | "
          "peak RSS, report / json.load | target |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            folder = Path(temp) / str(size)
            print(f"writing {size} files …", file=sys.stderr)
            write_results(folder, size)
            print(f"timing {size} files …", file=sys.stderr)
            row = measure(folder, args.runs)
            target = f"≤ {TARGET_SECONDS:g} s" if size >= 10000 else ""
            met = "" if not target else (" met" if row["report"] <= TARGET_SECONDS
                                         else " NOT met")
            print(f"| {size:,} | {row['report']:.2f} s ({row['report median']:.2f} s) | "
                  f"{row['json.load']:.2f} s | {row['ratio']:.1f}× | "
                  f"{row['report peak MB']:.0f} MB / {row['json.load peak MB']:.0f} MB | "
                  f"{target}{met} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
