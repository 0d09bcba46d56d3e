"""One pair of the load benchmark in a fresh process: the raw parse, then compile_pack.

    .venv/bin/python benchmarks/load_pair.py FOLDER      # prints {"raw_parse": s, "load": s}

The raw parse runs first, before this process has compiled anything, so nothing a compile
leaves behind (a cache, a larger heap for the garbage collector to walk) can slow the baseline
down and flatter the ratio; benchmarks/run.py runs one of these per pair.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's game/, whether or not it is installed

import yaml  # noqa: E402

from game.content import compile_pack  # noqa: E402  (imported, not yet run)


def timed(action) -> float:
    gc.collect()  # the same start for both sides: no garbage of the other side's run
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def raw_parse(files: list[Path]) -> None:
    """What PyYAML alone costs for the same files, line numbers kept (nodes, no objects)."""
    for path in files:
        list(yaml.compose_all(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader))


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    files = sorted(folder.glob("*.yaml"))
    parse = timed(lambda: raw_parse(files))
    load = timed(lambda: compile_pack(folder))
    print(json.dumps({"raw_parse": parse, "load": load}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
