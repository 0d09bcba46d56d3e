"""How long a scene with a big Markdown body takes to show in the TUI: where "under a second"
falls, which sets the limit on one scene's Markdown (game/content/limits.py, MAX_SCENE_MARKDOWN).

    python benchmarks/scene_markdown.py [--sizes 1 10 50 100 200] [--runs 3]

For each size (KB of body), the mini pack's first scene gets a body of that size (paragraphs,
bold words, lists, as scenes are written), compiled as it is (the limit is what is measured, so
it is not applied here), and played headless under Pilot at 80x24: New game, then the key that
brings up the scene. It prints one JSON line a size: the median milliseconds from the key to the
first frame of the scene and to the last frame it caused (the whole body laid out), as
QuickPilot in tui_bench.py measures them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tui_bench import QuickPilot  # noqa: E402

PARAGRAPH = ("The desk is quiet until the phone rings. Sam reads you the first report: a drone "
             "strike near **Hasakah**, a contractor killed, five troops wounded. The figures "
             "come from a *single* official, and the wire has not confirmed them yet.\n\n"
             "- Who counted the wounded?\n- Who only *claimed* a figure?\n\n")


def body_of(kb: int) -> str:
    text = PARAGRAPH * (kb * 1024 // len(PARAGRAPH) + 1)
    return text[:kb * 1024]


def pack_with_body(folder: Path, kb: int) -> Path:
    pack = folder / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", pack)
    scenes = pack / "scenes.yaml"
    indented = "".join(f"      {line}\n" if line else "\n" for line in body_of(kb).split("\n"))
    scenes.write_text(scenes.read_text().replace("      The river has **risen**.\n", indented, 1))
    return pack


class FirstPaint(QuickPilot):
    """QuickPilot that also keeps the first paint after each key."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.first_paint = 0.0
        display = app._display

        def timed(screen, renderable):
            display(screen, renderable)
            if renderable is not None and not self.first_paint:
                self.first_paint = time.perf_counter()

        app._display = timed


async def one_run(kb: int) -> tuple[float, float]:
    from game.content import compile_pack
    from game.session import Settings
    from game.tui.app import make_app
    from game.tui.screens.scene import SceneScreen

    with tempfile.TemporaryDirectory() as tmp:
        pack = compile_pack(pack_with_body(Path(tmp), kb)).pack
        app = make_app(Settings(data_dir=Path(tmp) / "data", seed=1, blink=False), [pack])
        async with app.run_test(size=(80, 24)) as pilot:
            quick = FirstPaint(app)
            await pilot.pause()
            for _ in range(5):  # New game, then past the intro (if any) to the scene
                quick.first_paint = 0.0
                start = time.perf_counter()
                last = await quick.timed_press("enter")
                if isinstance(app.screen, SceneScreen):
                    return (quick.first_paint - start) * 1000, last
            raise RuntimeError("the scene never came")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50, 100, 200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for kb in args.sizes:
        runs = [asyncio.run(one_run(kb)) for _ in range(args.runs)]
        print(json.dumps({"body_kb": kb,
                          "first_frame_ms": round(statistics.median(r[0] for r in runs)),
                          "last_frame_ms": round(statistics.median(r[1] for r in runs))}),
              flush=True)


if __name__ == "__main__":
    main()
