"""The TUI rows of benchmarks/run.py, each measured the same way for the game and a bare app.

    python benchmarks/tui_bench.py first-frame game|bare   # seconds from spawn to first frame
    python benchmarks/tui_bench.py play game|bare [--presses N]   # one JSON line, see below
    python benchmarks/tui_bench.py debrief new|old campaign|long [--scenes N]   # one JSON line

first-frame starts the program under a pseudo-terminal (80x24, as a player's terminal) and reads
what it writes until the frame's bottom line (the Footer's "Quit") has arrived; the clock starts
just before the process is spawned. The game is `python -m game play` with a fresh data folder,
so it shows its title screen; the bare app is bare_app.py's Header, a few lines and a Footer.

play runs in a process of its own, headless under Textual's Pilot, and prints
{"scene_ms": [...], "presses": N, "rss_kb": N}: for the game, the whole campaign played by
keyboard (first choice at every decision, every answer right) with, for each key press that
brings up a new scene, the time from sending the key until the last frame it caused (after
which nothing was painted and no message waited for QuickPilot.QUIET); for the bare app, N
presses of the key that replaces its Markdown body and OptionList, timed the same way.
scene_cpu_ms is this process's CPU time over the same presses. rss_kb is the process's own peak
resident set (ru_maxrss) when the run ends.

debrief runs in a process of its own, headless: a finished game (the campaign, or a long game
through a synthetic pack of N scenes) is on the title screen, then the debrief is built and
shown as the app shows it, by the current screen ("new") or by the one it replaced ("old",
benchmarks/legacy_debrief.py). It prints {"first_frame_ms", "settled_ms", "cpu_ms",
"rss_growth_kb", "end_ms", "end_cpu_ms", "end_rss_growth_kb", "lines", "scenes", "decisions",
"answers"}: from building
the debrief to the first frame that shows it, and to the last frame it caused; the CPU time
and the growth of the peak resident set over the same span; then End (to the last line of the
detail, all of it laid out; the run fails if the view is not at the end), its CPU time, the
peak's growth by then, and the lines of the whole debrief.
"""

from __future__ import annotations

import asyncio
import json
import os
import pty
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CAMPAIGN = "week-of-march-23"
SIZE = (80, 24)
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])")
FRAME_DONE = b"Quit"  # the Footer, on the bottom line: written last in a full-screen frame
TITLE_MENU = b"New game"  # the game's frame must be its whole title screen, menu and all


def first_frame_command(which: str, data_dir: str) -> list[str]:
    if which == "game":
        return [sys.executable, "-m", "game", "play", "--data-dir", data_dir]
    return [sys.executable, str(Path(__file__).with_name("bare_app.py"))]


def first_frame(which: str, env: dict | None = None, timeout: float = 20.0) -> float:
    """Seconds from just before spawning the program to its first full frame on a pty."""
    import fcntl
    import termios

    with tempfile.TemporaryDirectory() as data_dir:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        env = dict(os.environ if env is None else env, TERM="xterm-256color",
                   COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
        for name in ("NO_COLOR", "TEXTUAL_DRIVER", "TEXTUAL"):
            env.pop(name, None)
        start = time.perf_counter()
        process = subprocess.Popen(first_frame_command(which, data_dir), cwd=ROOT, env=env,
                                   stdin=slave, stdout=slave, stderr=slave,
                                   start_new_session=True, close_fds=True)
        os.close(slave)
        seen = b""
        try:
            while time.perf_counter() - start < timeout:
                ready, _, _ = select.select([master], [], [], 0.5)
                if not ready:
                    if process.poll() is not None:
                        break
                    continue
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program ended and closed the terminal
                    break
                seen += chunk
                if FRAME_DONE in ESCAPES.sub(b"", seen[-4096:]):
                    elapsed = time.perf_counter() - start
                    shown = ESCAPES.sub(b"", seen)
                    if which == "game" and TITLE_MENU not in shown:
                        raise RuntimeError(f"the game's first frame has no title menu "
                                           f"(got {shown[-300:]!r})")
                    return elapsed
            raise RuntimeError(f"no frame from the {which} app "
                               f"(got {ESCAPES.sub(b'', seen)[-200:]!r})")
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)  # our own child's session, nothing else
            process.wait()
            os.close(master)


class QuickPilot:
    """Presses keys the way Pilot does (a Key event through the driver) but waits for the app
    by watching its paints instead of Pilot's idle detection, which sleeps in steps and forces a
    refresh of its own. Every compositor update reaches the driver through the app's _display
    (headless included: the update is rendered before the driver is asked), so wrapping it
    tells when the last frame was painted."""

    QUIET = 0.08  # seconds with no new frame and no message waiting: the app is done

    def __init__(self, app) -> None:
        self.app = app
        self.last_paint = 0.0
        self.keys = 0
        self.cpu_ms: list[float] = []
        display = app._display

        def timed_display(screen, renderable):
            display(screen, renderable)
            if renderable is not None:
                self.last_paint = time.perf_counter()

        app._display = timed_display

    async def settle(self, since: float) -> float:
        """Wait until the app has been quiet; the time of its last paint after ``since``."""
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            busy = self.app._message_queue.qsize() or self.app.screen._message_queue.qsize()
            if not busy and now - max(self.last_paint, since) >= self.QUIET:
                return self.last_paint if self.last_paint > since else now

    async def timed_press(self, key: str) -> float:
        """Milliseconds from sending the key to the last frame it caused."""
        from textual import events
        from textual.app import _character_to_key

        char = key if len(key) == 1 else None
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        event = events.Key(key, char)
        event.set_sender(self.app)
        start = time.perf_counter()
        cpu = time.process_time()
        self.app._driver.send_message(event)
        elapsed = (await self.settle(start) - start) * 1000
        self.keys += 1
        self.cpu_ms.append((time.process_time() - cpu) * 1000)
        return elapsed

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.timed_press(key)

    async def pause(self) -> None:
        await self.settle(time.perf_counter())


async def play_game(limit: int = 600) -> dict:
    from game.packs import compile_pack
    from game.paths import packs_root
    from game.session import Settings
    from game.tui.app import make_app
    from game.tui.screens.debrief import DebriefScreen
    from game.tui.screens.question import QuestionScreen
    from game.tui.screens.scene import SceneScreen
    from tests.tui.driver import answer_question

    pack = compile_pack(packs_root() / CAMPAIGN).pack
    scene_ms, scene_cpu_ms, presses, last_scene = [], [], 0, None
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(Settings(data_dir=Path(data_dir), seed=2, blink=False), [pack])
        async with app.run_test(size=SIZE) as pilot:
            quick = QuickPilot(app)
            await pilot.pause()
            await quick.press("enter")  # New game
            for _ in range(limit):
                screen = app.screen
                if isinstance(screen, DebriefScreen):
                    break
                if isinstance(screen, SceneScreen):
                    last_scene = screen.scene.id
                    if screen.deciding:  # the first choice: its number picks it, Enter takes it
                        await quick.press("1")
                        presses += 1
                    key = "enter"
                elif isinstance(screen, QuestionScreen) and not screen.answered:
                    await answer_question(quick, screen.presented)
                    presses += 1
                    continue
                else:
                    key = "enter"  # an answered question's feedback, or a decision's dialog
                elapsed = await quick.timed_press(key)
                presses += 1
                now = app.screen
                if isinstance(now, SceneScreen) and now.scene.id != last_scene:
                    scene_ms.append(elapsed)
                    scene_cpu_ms.append(quick.cpu_ms[-1])
            else:
                raise RuntimeError(f"no debrief after {limit} steps")
    return {"scene_ms": scene_ms, "scene_cpu_ms": scene_cpu_ms, "presses": presses}


async def play_bare(presses: int) -> dict:
    sys.path.insert(0, str(Path(__file__).parent))
    from bare_app import BareSceneApp

    app = BareSceneApp()
    scene_ms = []
    async with app.run_test(size=SIZE) as pilot:
        quick = QuickPilot(app)
        await pilot.pause()
        for _ in range(presses):
            scene_ms.append(await quick.timed_press("n"))
    return {"scene_ms": scene_ms, "scene_cpu_ms": quick.cpu_ms, "presses": presses}


def finished_game(game: str, scenes: int):
    """A pack and a finished game on it: the campaign (first choice at every decision, every
    third question answered wrong), or as long a game as a synthetic pack of ``scenes`` scenes
    allows (the first choice that does not end the week, the same answers)."""
    from game.engine import play, right_response, wrong_response
    from game.packs import compile_pack
    from game.paths import packs_root

    answered = [0]

    def answer(question, options):
        answered[0] += 1
        return (wrong_response if answered[0] % 3 == 0 else right_response)(question, options)

    if game == "campaign":
        pack = compile_pack(packs_root() / CAMPAIGN).pack
        return pack, play(pack, lambda story: 0, answer, seed=2)
    sys.path.insert(0, str(Path(__file__).parent))
    from synthetic_pack import write_pack

    folder = write_pack(Path(tempfile.mkdtemp()) / "synthetic", scenes=scenes)
    pack = compile_pack(folder).pack

    def keep_going(story) -> int:
        scene = story.scene
        for n, option in enumerate(story.choices):
            if option.is_continue or not pack.scenes[scene.choices[option.authored_index].next].ending:
                return n
        return 0

    return pack, play(pack, keep_going, answer, seed=2, max_steps=100_000)


async def show_debrief(which: str, game: str, scenes: int) -> dict:
    import gc

    from game.engine import build_debrief
    from game.session import Settings
    from game.tui.app import make_app

    if which == "old":
        sys.path.insert(0, str(Path(__file__).parent))
        from legacy_debrief import LegacyDebriefScreen as Debrief
    else:
        from game.tui.screens.debrief import DebriefScreen as Debrief
    pack, story = finished_game(game, scenes)
    state = story.state
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(Settings(data_dir=Path(data_dir), seed=2, blink=False), [pack])
        async with app.run_test(size=SIZE) as pilot:
            quick = QuickPilot(app)
            await pilot.pause()
            await quick.pause()
            shown: list = []  # the debrief screen, once it exists
            first_paint: list[float] = []
            display = app._display

            def spy(screen, renderable):
                display(screen, renderable)
                if renderable is not None and shown and not first_paint \
                        and app.screen is shown[0]:
                    first_paint.append(time.perf_counter())

            app._display = spy
            gc.collect()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            cpu = time.process_time()
            start = time.perf_counter()
            shown.append(Debrief(build_debrief(pack, state), pack.id))
            app.push_screen(shown[0])
            settled = await quick.settle(start)
            result = {
                "first_frame_ms": (first_paint[0] - start) * 1000,
                "settled_ms": (settled - start) * 1000,
                "cpu_ms": (time.process_time() - cpu) * 1000,
                "rss_growth_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss,
            }
            # End may await the layout of the rest with no frame painted meanwhile, which
            # QuickPilot would take for quiet: wait for the view to reach the end of it all.
            area = app.screen.query_one("#debrief")
            laid_out = lambda: getattr(shown[0], "laid_out", 0) == len(getattr(shown[0], "parts", ()))
            cpu, start = time.process_time(), time.perf_counter()
            await pilot.press("end")
            waited = time.perf_counter()
            while not (laid_out() and area.max_scroll_y and area.scroll_y >= area.max_scroll_y):
                if time.perf_counter() - waited > 120:
                    raise RuntimeError(f"End did not reach the end ({area.scroll_y} of "
                                       f"{area.max_scroll_y} lines)")
                await asyncio.sleep(0.005)
            result["end_ms"] = (await quick.settle(start) - start) * 1000
            result["end_cpu_ms"] = (time.process_time() - cpu) * 1000
            result["end_rss_growth_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
            result["lines"] = area.virtual_size.height
    return {**result, "scenes": len(state.visited), "decisions": len(state.decisions),
            "answers": len(state.answers)}


def main(argv: list[str]) -> int:
    what, which = argv[0], argv[1]
    if what == "first-frame":
        print(f"{first_frame(which):.6f}")
        return 0
    if what == "debrief":
        scenes = int(argv[argv.index("--scenes") + 1]) if "--scenes" in argv else 1000
        print(json.dumps(asyncio.run(show_debrief(which, argv[2], scenes))))
        return 0
    presses = int(argv[argv.index("--presses") + 1]) if "--presses" in argv else 150
    result = asyncio.run(play_game() if which == "game" else play_bare(presses))
    result["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
