"""A class at once (issue 13): `briefing serve` on loopback, headless Chromium opening 1, 10
and 30 sessions together, with games started by each launcher in turn (a fresh process per game,
and games forked from a warm process). Never asserts; prints a Markdown table.

    .venv/bin/python benchmarks/class_start.py [--runs 2] [--sizes 1 10 30]

Per launcher and class size: the first-screen time of each page (from the start of its
navigation to the first time the title screen's "New game" reaches the page: median and max),
the CPU the games used by then, per game (utime + stime, /proc/<pid>/stat), and their PSS per
game (/proc/<pid>/smaps_rollup), each also as a ratio to one session alone. The warm process's
own start (paid once, before the class arrives) has rows of its own. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHERS = ("subprocess", "fork")
STEP_TIMEOUT = 180.0  # seconds for a whole class to see its first screens, on a slow day
TARGET_CLASS_RATIO = 3.0  # 30 at once: no more than 3x one session's first screen
TARGET_PSS_MB = 30.0
TICKS = os.sysconf("SC_CLK_TCK")
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")

# Records when "New game" first reaches the page (ms since its navigation started), from what
# the game sends the page's terminal. xterm.js draws on a canvas, so the DOM has no text.
FIRST_SCREEN_HOOK = r"""
(() => {
  const decoder = new TextDecoder();
  const escapes = /\x1b(\[[0-9;?<>=$]*[ -\/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])/g;
  let drawn = "";
  const Original = window.WebSocket;
  function Recording(...args) {
    const socket = new Original(...args);
    socket.addEventListener("message", (event) => {
      if (window.__firstScreen !== undefined || typeof event.data === "string") return;
      drawn += decoder.decode(new Uint8Array(event.data), {stream: true});
      if (drawn.replace(escapes, "").includes("New game")) window.__firstScreen = performance.now();
    });
    socket.addEventListener("open", () => { window.__socketOpen = performance.now(); });
    return socket;
  }
  Recording.prototype = Original.prototype;
  window.WebSocket = Recording;
})();
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Served:
    """`briefing serve` with one launcher, on a free loopback port, in its own process group."""

    def __init__(self, launcher: str, folder: Path) -> None:
        self.launcher, self.port = launcher, free_port()
        env = {**os.environ, "BRIEFING_SERVE_LAUNCHER": launcher,
               "BRIEFING_DATA_DIR": str(folder / "data")}
        self.log = (folder / f"serve-{launcher}.log").open("w")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "game", "serve", "--port", str(self.port), "--class",
             "BENCH", "--results", str(folder / "results"), "--max-sessions", "200"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True)
        deadline = time.monotonic() + STEP_TIMEOUT
        while not listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the {launcher} server did not start; see {self.log.name}")
            time.sleep(0.02)
        self.start_seconds = time.perf_counter() - started
        self.url = f"http://127.0.0.1:{self.port}/"

    def descendants(self) -> list[int]:
        return descendants(self.process.pid)

    def warm_process(self) -> int | None:
        for pid in self.descendants():
            if b"serve_zygote" in read_bytes(f"/proc/{pid}/cmdline"):
                return pid
        return None

    def games(self) -> list[int]:
        warm = self.warm_process()
        return [pid for pid in self.descendants() if pid != warm and is_running(pid)]

    def stop(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=10)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.close()


def descendants(root: int) -> list[int]:
    """Every process under ``root``, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = read_bytes(f"/proc/{entry}/stat")
            if stat:
                children.setdefault(int(stat.rsplit(b")", 1)[1].split()[1]), []).append(int(entry))
    found, waiting = [], [root]
    while waiting:
        for child in children.get(waiting.pop(), []):
            found.append(child)
            waiting.append(child)
    return found


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def is_running(pid: int) -> bool:
    stat = read_bytes(f"/proc/{pid}/stat")
    return bool(stat) and stat.rsplit(b")", 1)[1].split()[0] != b"Z"


def browser_cpu_seconds() -> float:
    """Chromium's CPU (and Playwright's): this process's descendants but the servers'."""
    servers = {pid for pid in descendants(os.getpid())
               if b"serve" in read_bytes(f"/proc/{pid}/cmdline")}
    inside = {child for pid in servers for child in descendants(pid)}
    return sum(cpu_seconds(pid) for pid in descendants(os.getpid())
               if pid not in servers and pid not in inside)


def cpu_seconds(pid: int) -> float:
    fields = read_bytes(f"/proc/{pid}/stat").rsplit(b")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS if len(fields) > 12 else 0.0


def pss_mb(pid: int) -> float:
    for line in read_bytes(f"/proc/{pid}/smaps_rollup").decode().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def open_class(browser, served: Served, size: int) -> dict:
    """``size`` pages opened together; what their first screens cost."""
    context = await browser.new_context(viewport={"width": 1200, "height": 800})
    await context.add_init_script(FIRST_SCREEN_HOOK)
    pages = [await context.new_page() for _ in range(size)]
    server_cpu, browser_cpu = cpu_seconds(served.process.pid), browser_cpu_seconds()
    try:
        await asyncio.gather(*(page.goto(served.url) for page in pages))
        await asyncio.gather(*(page.wait_for_function("window.__firstScreen !== undefined",
                                                      timeout=STEP_TIMEOUT * 1000)
                               for page in pages))
        games = served.games()  # measured at once, while every game sits on its title screen
        cpu = sum(cpu_seconds(pid) for pid in games)
        pss = sum(pss_mb(pid) for pid in games)
        warm = served.warm_process()
        warm_pss = pss_mb(warm) if warm else 0.0
        server_cpu = cpu_seconds(served.process.pid) - server_cpu
        browser_cpu = browser_cpu_seconds() - browser_cpu
        times = [await page.evaluate("window.__firstScreen") / 1000 for page in pages]
        opened = [await page.evaluate("window.__socketOpen") / 1000 for page in pages]
    finally:
        await context.close()
    await until_no_games(served)
    return {"times": times, "opened": opened, "server_cpu": server_cpu,
            "browser_cpu": browser_cpu, "games": len(games), "cpu": cpu / max(1, len(games)),
            "pss": pss / max(1, len(games)), "with_warm": (pss + warm_pss) / max(1, len(games))}


async def open_sockets(served: Served, size: int) -> dict:
    """``size`` websockets opened together by aiohttp, no browser: a class whose browsers all
    run on machines of their own. Each one's time from its opening to "New game"."""
    import aiohttp

    async def one(session: aiohttp.ClientSession) -> tuple[float, aiohttp.ClientWebSocketResponse]:
        started = time.perf_counter()
        socket = await session.ws_connect(f"{served.url}ws?width=132&height=40")
        drawn = b""
        while b"New game" not in ESCAPES.sub(b"", drawn):
            message = await socket.receive(timeout=STEP_TIMEOUT)
            if message.type != aiohttp.WSMsgType.BINARY:
                raise RuntimeError(f"the game sent {message.type!r} before its first screen")
            drawn += message.data
        return time.perf_counter() - started, socket

    async with aiohttp.ClientSession() as session:
        opened = await asyncio.gather(*(one(session) for _ in range(size)))
        games = served.games()
        cost = {"times": [t for t, _ in opened], "games": len(games),
                "cpu": sum(cpu_seconds(pid) for pid in games) / max(1, len(games)),
                "pss": sum(pss_mb(pid) for pid in games) / max(1, len(games))}
        await asyncio.gather(*(socket.close() for _, socket in opened))
    await until_no_games(served)
    return cost


async def until_no_games(served: Served) -> None:
    deadline = time.monotonic() + 60
    while served.games() and time.monotonic() < deadline:  # every game ends before the next
        await asyncio.sleep(0.1)


async def measure(runs: int, sizes: list[int]) -> tuple[dict, dict, dict]:
    from playwright.async_api import async_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict = {(launcher, size): [] for launcher in LAUNCHERS for size in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        servers = {}
        for launcher in LAUNCHERS:
            (Path(tmp) / launcher).mkdir()
            servers[launcher] = Served(launcher, Path(tmp) / launcher)
        try:
            warm = servers["fork"].warm_process()
            starts = {launcher: served.start_seconds for launcher, served in servers.items()}
            starts["warm cpu"] = cpu_seconds(warm) if warm else float("nan")
            starts["warm pss"] = pss_mb(warm) if warm else float("nan")
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
                for run in range(runs):
                    for size in sizes:
                        order = LAUNCHERS if (run + size) % 2 == 0 else LAUNCHERS[::-1]
                        for launcher in order:  # alternating, so neither always goes first
                            print(f"  run {run + 1}: {size} at once, {launcher}", file=sys.stderr,
                                  flush=True)
                            results[launcher, size].append(
                                await open_class(browser, servers[launcher], size))
                await browser.close()
            sockets: dict = {(launcher, size): [] for launcher in LAUNCHERS for size in sizes}
            for run in range(runs):
                for size in sizes:
                    order = LAUNCHERS if (run + size) % 2 == 0 else LAUNCHERS[::-1]
                    for launcher in order:
                        print(f"  run {run + 1}: {size} websockets at once, {launcher}",
                              file=sys.stderr, flush=True)
                        sockets[launcher, size].append(await open_sockets(servers[launcher], size))
        finally:
            for served in servers.values():
                served.stop()
    return results, starts, sockets


def sockets_table(sockets: dict, sizes: list[int]) -> str:
    rows = ["| launcher | websockets at once | first screen, median / max | ratio to one alone "
            "(median / max) | CPU per game | PSS per game |", "|" + "---|" * 6]
    for launcher in LAUNCHERS:
        alone = statistics.median(t for r in sockets[launcher, sizes[0]] for t in r["times"])
        for size in sizes:
            runs = sockets[launcher, size]
            times = [t for r in runs for t in r["times"]]
            rows.append(f"| {launcher} | {size} | {statistics.median(times):.2f} s / "
                        f"{max(times):.2f} s | {statistics.median(times) / alone:.2f}x / "
                        f"{max(times) / alone:.2f}x | "
                        f"{statistics.median(r['cpu'] for r in runs) * 1000:.0f} ms | "
                        f"{statistics.median(r['pss'] for r in runs):.1f} MB |")
    return "\n".join(rows)


def table(results: dict, starts: dict, sizes: list[int]) -> str:
    rows = ["| launcher | sessions at once | first screen, median | max | ratio to one alone "
            "(median / max) | CPU per game by then | ratio | PSS per game | ratio | PSS per game "
            "with the warm process |", "|" + "---|" * 10]
    for launcher in LAUNCHERS:
        alone = results[launcher, sizes[0]]
        alone_time = statistics.median(t for r in alone for t in r["times"])
        alone_cpu = statistics.median(r["cpu"] for r in alone)
        alone_pss = statistics.median(r["pss"] for r in alone)
        for size in sizes:
            runs = results[launcher, size]
            times = [t for r in runs for t in r["times"]]
            cpu = statistics.median(r["cpu"] for r in runs)
            pss = statistics.median(r["pss"] for r in runs)
            with_warm = statistics.median(r["with_warm"] for r in runs)
            counted = min(r["games"] for r in runs)
            note = "" if counted == size else f" ({counted} games seen)"
            warm_column = f"{with_warm:.1f} MB" if launcher == "fork" else "(none)"
            rows.append(
                f"| {launcher} | {size}{note} | {statistics.median(times):.2f} s | "
                f"{max(times):.2f} s | {statistics.median(times) / alone_time:.2f}x / "
                f"{max(times) / alone_time:.2f}x | {cpu * 1000:.0f} ms | {cpu / alone_cpu:.2f}x | "
                f"{pss:.1f} MB | {pss / alone_pss:.2f}x | {warm_column} |")
    lines = ["\n".join(rows), "", "Where the time goes (medians):", "",
             "| launcher | sessions at once | page to websocket open | websocket open to first "
             "screen, median / max | ratio to one alone (median / max) | server CPU per session "
             "| browser CPU per session |", "|" + "---|" * 7]
    for launcher in LAUNCHERS:
        alone = statistics.median(served_part(results[launcher, sizes[0]]))
        for size in sizes:
            runs = results[launcher, size]
            opened = statistics.median(t for r in runs for t in r["opened"])
            after = served_part(runs)
            server = statistics.median(r["server_cpu"] for r in runs) / size
            browser = statistics.median(r["browser_cpu"] for r in runs) / size
            lines.append(f"| {launcher} | {size} | {opened:.2f} s | "
                         f"{statistics.median(after):.2f} s / {max(after):.2f} s | "
                         f"{statistics.median(after) / alone:.2f}x / {max(after) / alone:.2f}x | "
                         f"{server * 1000:.0f} ms | {browser * 1000:.0f} ms |")
    lines.append("")
    for size in sizes:
        plain = [t for r in results["subprocess", size] for t in r["times"]]
        forked = [t for r in results["fork", size] for t in r["times"]]
        lines.append(f"- {size} at once, fork / subprocess: first screen median "
                     f"{statistics.median(forked) / statistics.median(plain):.2f}x, max "
                     f"{max(forked) / max(plain):.2f}x")
    biggest = sizes[-1]
    fork_alone = statistics.median(t for r in results["fork", sizes[0]] for t in r["times"])
    fork_class = max(t for r in results["fork", biggest] for t in r["times"])
    lines.append(f"- target, fork: {biggest} at once, the last first screen within "
                 f"{TARGET_CLASS_RATIO:g}x one alone: {fork_class / fork_alone:.2f}x, "
                 f"{'met' if fork_class / fork_alone <= TARGET_CLASS_RATIO else 'MISSED'}")
    served_alone = statistics.median(served_part(results["fork", sizes[0]]))
    served_class = max(served_part(results["fork", biggest]))
    lines.append(f"- the same, from the websocket's opening (what the server and its games "
                 f"take, without the one shared browser's page loads): "
                 f"{served_class / served_alone:.2f}x, "
                 f"{'met' if served_class / served_alone <= TARGET_CLASS_RATIO else 'MISSED'}")
    fork_pss = statistics.median(r["pss"] for r in results["fork", biggest])
    lines.append(f"- target, fork: PSS under {TARGET_PSS_MB:g} MB a game: {fork_pss:.1f} MB, "
                 f"{'met' if fork_pss < TARGET_PSS_MB else 'MISSED'}")
    lines.append(f"- server start to listening: subprocess {starts['subprocess']:.2f} s, fork "
                 f"{starts['fork']:.2f} s (its warm process: {starts['warm cpu']:.2f} s CPU, "
                 f"{starts['warm pss']:.1f} MB PSS, once, before the class arrives)")
    return "\n".join(lines)


def served_part(runs: list[dict]) -> list[float]:
    """Each page's time from its websocket opening to its first screen."""
    return [t - o for r in runs for t, o in zip(r["times"], r["opened"])]


def summary_rows(results: dict, sizes: list[int]) -> list[tuple[str, str, str, bool | None]]:
    """The figures benchmarks/run.py's table shows: (measurement, result, target, met)."""
    rows = []
    for launcher in LAUNCHERS:
        alone = statistics.median(t for r in results[launcher, sizes[0]] for t in r["times"])
        for size in sizes:
            runs = results[launcher, size]
            times = [t for r in runs for t in r["times"]]
            pss = statistics.median(r["pss"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            big = launcher == "fork" and size == sizes[-1] and size > sizes[0]
            rows.append((f"class at once, {launcher}, {size} sessions: first screen median / max",
                         f"{statistics.median(times):.2f} s / {max(times):.2f} s "
                         f"({max(times) / alone:.2f}x one alone)",
                         f"max ≤ {TARGET_CLASS_RATIO:g}x" if big else "",
                         max(times) / alone <= TARGET_CLASS_RATIO if big else None))
            rows.append((f"class at once, {launcher}, {size} sessions: CPU / PSS per game",
                         f"{cpu * 1000:.0f} ms / {pss:.1f} MB",
                         f"PSS < {TARGET_PSS_MB:g} MB" if big else "",
                         pss < TARGET_PSS_MB if big else None))
    return rows


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="times each class size is opened")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30],
                        help="sessions opened at once; the first is the one to compare with")
    args = parser.parse_args(argv)
    started, load_before = time.perf_counter(), load_average()
    print(f"Machine: {os.cpu_count()} CPUs, load average {load_before} before", flush=True)
    results, starts, sockets = asyncio.run(measure(args.runs, args.sizes))
    print(table(results, starts, args.sizes))
    print("\nWithout a browser: websockets opened by aiohttp in this process, as if every "
          "student's browser ran on a machine of its own:\n")
    print(sockets_table(sockets, args.sizes))
    print(f"\nLoad average after: {load_average()}. Took {time.perf_counter() - started:.0f} s "
          f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
