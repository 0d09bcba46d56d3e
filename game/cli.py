"""The front door: `briefing play` and `briefing validate`. Only `play` imports Textual."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from . import __version__
from typing import TYPE_CHECKING
from .cli_classroom import add_classroom_commands
from .cli_common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    PackHasErrors,
    keep_until_exit,
    load_one_pack,
    resolve_pack_dirs,
    summary_line,
)
from .crashlog import write_crash_log
from .engine import MODE_NAMES, Mode
from .paths import data_dir

if TYPE_CHECKING:
    from .content import CompileResult
    from .session import Settings
    from .session.preview import Preset

def command_validate(args: argparse.Namespace) -> int:
    from .packs import compile_pack

    if args.explain is not None:
        return command_explain(args)
    folders = resolve_pack_dirs(args.paths)
    results = [(folder, compile_pack(folder)) for folder in folders]
    keep_until_exit()
    if args.format == "json":
        import json

        print(json.dumps(validate_json(results), indent=2, ensure_ascii=False))
    else:
        from .cli_validate import cue_lines, folded

        show = coloured_printer() if sys.stdout.isatty() else print
        for folder, result in results:
            for line in folded(result.diagnostics):
                if isinstance(line, str):  # the places of a folded check's other diagnostics
                    print(line)
                else:
                    show(line)
            print(summary_line(result, folder))
            for line in cue_lines(result):
                print(line)
        if any(r.diagnostics for _, r in results):
            print("More on a code, with an example fix: briefing validate --explain CODE")
    failed = any(not r.ok or (args.strict and r.diagnostics) for _, r in results)
    return EXIT_ERRORS if failed else EXIT_OK


def command_explain(args: argparse.Namespace) -> int:
    """`validate --explain [CODE]`: a code's meaning and an example fix, or every code's meaning."""
    from .content.codes import UnknownCode
    from .content.codes.render import explain

    if args.paths:
        raise CliError("--explain checks no pack: give it a code alone, e.g. --explain dead-end")
    try:
        print(explain(args.explain, as_json=args.format == "json"))
    except UnknownCode as exc:
        raise CliError(str(exc)) from None
    return EXIT_OK


def coloured_printer():
    """Print diagnostics in colour for a terminal (Rich honours NO_COLOR); plain when piped."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    colours = {"error": "bold red", "warning": "bold yellow"}

    def show(d) -> None:
        line = Text.assemble((f"{d.file}:{d.line}:{d.column}", "bold"), ": ",
                             (f"{d.severity}[{d.code}]", colours.get(d.severity, "")), ": ",
                             d.message)
        console.print(line)
        if d.hint:
            console.print(Text(f"    hint: {d.hint}", style="dim"))

    return show


def cue_dict(result: CompileResult) -> dict | None:
    from .content.cues import as_dict

    return as_dict(result.cue_figures()) if result.pack is not None else None


def validate_json(results: list[tuple[Path, CompileResult]]) -> dict:
    """One object: every diagnostic, summed stats, and each pack's own stats."""
    stats = {"scenes": 0, "days": 0, "decisions": 0, "questions": 0, "question_types": {},
             "endings": 0}
    for _, result in results:
        for key, value in result.stats().items():
            if key == "question_types":
                for kind, count in value.items():
                    stats[key][kind] = stats[key].get(kind, 0) + count
            else:
                stats[key] += value
    return {
        "diagnostics": [d.to_dict() for _, r in results for d in r.diagnostics],
        "stats": stats,
        "packs": [{"path": str(folder), "id": r.pack.id if r.pack else None, "ok": r.ok,
                   "stats": r.stats(), "cues": cue_dict(r)} for folder, r in results],
    }


def command_play(args: argparse.Namespace) -> int:
    if args.pack_named and args.pack and args.pack_named != args.pack:
        raise CliError(f"two packs named: '{args.pack_named}' and --pack {args.pack}; give one")
    args.pack = args.pack or args.pack_named
    preset = preview_preset(args)
    if args.class_code.strip() and args.seed is not None:
        raise CliError("--seed and --class cannot go together: the class code and the name "
                       "set the option order (add --same-order for one order for everyone)")
    if args.same_order and not args.class_code.strip():
        raise CliError("--same-order needs --class CODE")
    folders = resolve_pack_dirs([args.pack] if args.pack else [])
    in_browser = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")  # briefing serve
    interactive = in_browser or (sys.stdin.isatty() and sys.stdout.isatty())
    if interactive and not (args.plain or args.start_at or args.watch):
        # A player's game: the title screen shows at once and the packs compile behind it.
        return run_game(args, folders=folders, strict=bool(args.pack))
    # Plain mode, an author's preview or --watch, or no terminal: compile first.
    from .packs import compile_pack

    results = [compile_pack(folder) for folder in folders]
    playable = [r.pack for r in results if r.ok]
    broken = [(f, r) for f, r in zip(folders, results) if not r.ok]
    if not playable or (args.pack and broken):
        return report_broken(broken)
    if args.start_at:
        if len(playable) > 1:
            raise CliError("--from needs one pack: add --pack ID")
        if args.start_at not in playable[0].scenes:
            from .content.diagnostics import did_you_mean

            raise CliError(f"the pack has no scene '{args.start_at}'."
                           f"{did_you_mean(args.start_at, playable[0].scenes)}")
        from .session.preview import PreviewProblem

        try:
            preset.check(playable[0])
        except PreviewProblem as exc:
            raise CliError(str(exc)) from None
    if args.plain:
        return play_plain_mode(args, one_pack_an_id(playable))
    if not interactive:
        raise CliError("play needs an interactive terminal")
    return run_game(args, packs=playable, skipped=[f for f, _ in broken])


def preview_preset(args: argparse.Namespace) -> Preset:
    """What --set, --totals, --visited and --chose ask a preview to start from."""
    from .session.preview import Preset, track_points

    try:  # read here, not by argparse, so a mistake is one line and not the usage too
        totals = tuple(track_points(text) for text in args.totals)
    except ValueError as exc:
        raise CliError(f"--totals: {exc}") from None
    preset = Preset(flags=tuple(args.set_flags), totals=totals,
                    visited=tuple(args.visited), chose=tuple(args.chose))
    if preset and not args.start_at:
        raise CliError("--set, --totals, --visited and --chose shape a preview: add --from SCENE")
    return preset


def seed_number(text: str) -> int:
    """--seed: a whole number a result file can hold (the report skips absurd numbers)."""
    from .classroom.results import MAX_NUMBER

    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a whole number") from None
    if not 0 <= seed < MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"a seed is a whole number from 0 to {MAX_NUMBER - 1:,}")
    return seed


def one_pack_an_id(packs: list) -> list:
    """The first pack of each id (saves and results are filed by it), saying which were left
    out; the full-screen game's shelf does the same on its title screen."""
    from .content.cover import same_id_left_out

    kept: dict[str, Path] = {}
    for pack in packs:
        if pack.id in kept:
            print(f"briefing: {same_id_left_out(kept[pack.id], Path(pack.root), pack.id)}",
                  file=sys.stderr)
        else:
            kept[pack.id] = Path(pack.root)
    return [pack for pack in packs if kept[pack.id] == Path(pack.root)]


def play_settings(args: argparse.Namespace) -> Settings:
    """What `play` was asked for, as both front ends take it."""
    from .session import Settings

    return Settings(data_dir=Path(args.data_dir) if args.data_dir else data_dir(),
                    results_dir=Path(args.results) if args.results else None,
                    seed=args.seed, mode=Mode(args.mode), class_code=args.class_code,
                    name=args.name, same_order=args.same_order, start_at=args.start_at,
                    preset=(preview_preset(args) or None) if args.start_at else None,
                    watch=args.watch, resume_codes=args.resume_codes)


def run_game(args: argparse.Namespace, **packs) -> int:
    """The full-screen game, with ``packs`` as make_app takes them (compiled, or folders)."""
    from .tui.app import make_app  # Textual is imported only to play

    app = make_app(play_settings(args), **packs)
    app.run()
    if app.crash_report:
        print(f"briefing: something went wrong and the game stopped. "
              f"{progress_words(app.session.save_problem)} Details: {app.crash_report}",
              file=sys.stderr)
        return EXIT_ERRORS
    if app.shelf.unplayable:  # found by the worker that compiled the packs
        return report_broken(app.shelf.broken)
    return EXIT_OK


def progress_words(save_problem: str | None) -> str:
    """What a crash left saved: only what the last save did (it may have failed)."""
    if save_problem is None:
        return "Any game saved before is kept as it was."
    if save_problem:
        return f"Your progress could not be saved ({save_problem})."
    return "Your progress up to the last answer is saved."


def report_broken(broken: list) -> int:
    """Each broken pack's errors and summary on stderr; the exit status for it."""
    for folder, result in broken:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        print(summary_line(result, folder), file=sys.stderr)
    print("briefing: the pack has errors; fix them and try again "
          "(`briefing validate` lists them).", file=sys.stderr)
    return EXIT_ERRORS


def play_plain_mode(args: argparse.Namespace, playable: list) -> int:
    """`play --plain`: print and input only (no Textual, no Rich), for screen readers and scripts."""
    if Mode(args.mode) is Mode.PRESENTER:
        raise CliError("presenter mode is for the projector; --plain plays practice or exam")
    if args.watch:
        raise CliError("--watch needs the full-screen game; leave out --plain")
    from .plain import play_plain

    return play_plain(playable, play_settings(args))


def command_schema(args: argparse.Namespace) -> int:
    from .content.schema import SCHEMA_FILES, schema_file_name, schema_text

    kinds = [args.kind] if args.kind else list(SCHEMA_FILES)
    if not args.write:
        kinds = [args.kind or "scenes"]  # printing: the scene file schema unless told otherwise
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in kinds:
            (folder / schema_file_name(kind)).write_text(schema_text(kind), encoding="utf-8")
            print(f"wrote {folder / schema_file_name(kind)}")
        return EXIT_OK
    print(schema_text(kinds[0]), end="")
    return EXIT_OK


def command_graph(args: argparse.Namespace) -> int:
    from .authoring.story_map import RENDERERS, to_text

    pack = load_one_pack(args.pack, allow_errors=True)
    keep_until_exit()
    if args.format == "text":
        print(to_text(pack, width=args.width or text_map_width()), end="")
    else:
        print(RENDERERS[args.format](pack), end="")
    return EXIT_OK


def text_map_width() -> int:
    """80 columns, or the terminal's width when the map goes to a wider terminal."""
    from .authoring.story_map import TEXT_WIDTH

    if sys.stdout.isatty():
        return max(TEXT_WIDTH, shutil.get_terminal_size((TEXT_WIDTH, 24)).columns)
    return TEXT_WIDTH


def map_width(text: str) -> int:
    """--width: a whole number of columns the text map can be drawn in."""
    from .authoring.story_map import MIN_TEXT_WIDTH

    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a whole number") from None
    if width < MIN_TEXT_WIDTH:
        raise argparse.ArgumentTypeError(f"the map needs at least {MIN_TEXT_WIDTH} columns")
    return width


def command_playtest(args: argparse.Namespace) -> int:
    from .authoring.exhaustive import exhaustive
    from .authoring.playtest import playtest
    from .authoring.playtest_text import render
    from .authoring.reading_time import careful_path, reading_time
    from .authoring.strategies import surface_figures

    # A scene no path reaches is what a playtest shows too: it plays, and says why.
    pack = load_one_pack(args.pack, playable_despite=frozenset({"unreachable-by-condition"}))
    keep_until_exit()
    simulated = simulated_class(args)
    if args.exhaustive:
        with progress_bar(100, "% of scenes", show=True) as advance:
            report = exhaustive(pack, args.max_states, advance)
    else:
        with progress_bar(args.runs, "runs", show=args.runs >= 500) as advance:
            try:
                report = playtest(pack, args.runs, args.seed, advance, jobs=args.jobs,
                                  simulated=simulated)
            except OSError as exc:
                raise CliError(f"cannot write results in {args.results}: "
                               f"{exc.strerror or exc}") from None
    # Strategies and a careful player that play into a dead end would only repeat what the
    # report already says.
    surface = None
    if not report.failures:
        surface = surface_figures(pack, seed=args.seed)
        report.careful_reading = reading_time(careful_path(pack, seed=args.seed))
    # Sample results for a teacher need no full coverage: a few runs rarely reach every scene.
    text, passed = render(pack, report, None if args.exhaustive else args.seed,
                          args.allow_unreached or simulated is not None, surface)
    print(text, end="")
    if simulated:
        print(f"Wrote {len(report.results_written)} simulated results (class "
              f"{simulated.class_code}) to {simulated.results_dir}; try "
              f"`briefing report {simulated.results_dir}`.")
    return EXIT_OK if passed else EXIT_ERRORS


def simulated_class(args: argparse.Namespace):
    """Where `playtest --results` writes a simulated result per run, or None."""
    if not args.results:
        return None
    if args.exhaustive:
        raise CliError("--results writes one result per random run; leave out --exhaustive")
    from .authoring.playtest import SimulatedClass
    from .classroom.identity import clean_name

    return SimulatedClass(Path(args.results).expanduser(), clean_name(args.class_code or "")
                          or "SIM", name_width=max(3, len(str(args.runs))))


class progress_bar:
    """A Rich progress bar on stderr for long runs in a terminal; nothing otherwise."""

    def __init__(self, total: int, unit: str, show: bool):
        self.total, self.unit, self.show, self.progress = total, unit, show, None

    def __enter__(self):
        if not self.show or not sys.stderr.isatty():
            return lambda done: None
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.progress.start()
        task = self.progress.add_task(f"Playing ({self.unit})", total=self.total)
        return lambda done: self.progress.update(task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()


def command_facts(args: argparse.Namespace) -> int:
    from .authoring.coverage import coverage, render

    pack = load_one_pack(args.pack)
    print(render(pack, coverage(pack), show_all=args.all), end="")
    return EXIT_OK


def command_test(args: argparse.Namespace) -> int:
    from .content.loader import display_path

    from .authoring.walkthrough import FOLDER, run_all

    folders = resolve_pack_dirs([args.pack] if args.pack else [])
    failed = found_any = False
    for folder in folders:
        pack = load_one_pack(str(folder))
        for path, walkthrough, problems in run_all(pack, folder):
            found_any = True
            name = walkthrough.name if walkthrough else path.name
            verdict = "FAIL" if any(d.is_error for d in problems) else "PASS"
            failed = failed or verdict == "FAIL"
            print(f"{verdict}  {display_path(path)}: {name}")
            for diagnostic in problems:
                print(f"  {diagnostic}")
    if not found_any:
        print(f"No walkthroughs found: add YAML files to {FOLDER}/ inside the pack folder "
              "(see docs/authoring.md).")
        return EXIT_ERRORS
    return EXIT_ERRORS if failed else EXIT_OK


def command_upgrade(args: argparse.Namespace) -> int:
    """`upgrade PACK [--check]`: rewrite what the format renamed, in place; exit 1 with --check
    when something is out of date, or when the pack has errors."""
    from .authoring.upgrade import (UpgradeError, blocking_errors, check_rewritten,
                                    plan_upgrade, write)
    from .content.loader import display_path
    from .packs import compile_pack

    folder = resolve_pack_dirs([args.pack])[0]
    result = compile_pack(folder)
    if result.pack is None or blocking_errors(result):
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        raise PackHasErrors(summary_line(result, folder))
    try:
        plan = plan_upgrade(result)
        if not plan.changes:
            print(f"{display_path(folder)}: already in today's format; nothing to change.")
            return EXIT_OK
        for change in plan.changes:
            print(change)
        count = f"{len(plan.changes)} change{'s' if len(plan.changes) != 1 else ''}"
        if args.check:
            print(f"{display_path(folder)}: {count} to make; run `briefing upgrade "
                  f"{args.pack}` to make them (comments and layout are kept).")
            return EXIT_ERRORS
        check_rewritten(folder, plan)
        write(plan)
    except UpgradeError as exc:
        print(f"briefing: {exc}.", file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:
        print(f"briefing: cannot rewrite the pack: {exc.strerror or exc} ({exc.filename}). "
              "Nothing was changed in that file.", file=sys.stderr)
        return EXIT_ERRORS
    print(f"{display_path(folder)}: upgraded, {count} in {len(plan.texts)} "
          f"file{'s' if len(plan.texts) != 1 else ''}.", *plan.reviews, sep="\n")
    return EXIT_OK


def command_new(args: argparse.Namespace) -> int:
    from .authoring.scaffold import ScaffoldError, scaffold

    folder = Path(args.pack)
    if len(folder.parts) == 1 and Path("scenes").is_dir():
        folder = Path("scenes") / folder  # in a checkout, packs live in scenes/
    try:
        written = scaffold(folder, Path(args.source) if args.source else None)
    except ScaffoldError as exc:
        raise CliError(str(exc)) from None
    for path in written:
        print(f"created {path}")
    print(f"Next: edit the files, then run `briefing validate {folder}` and "
          f"`briefing play --pack {folder}`.")
    return EXIT_OK


def command_lsp(args: argparse.Namespace) -> int:
    from .lsp.server import run  # pygls loads only here: no other command pays for it

    return run()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Play a news story as a scored briefing game, and check scene packs.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play a pack in the terminal (the default)")
    play.add_argument("--pack", help="a shipped pack's id or a pack folder")
    play.add_argument("--seed", type=seed_number,
                      help="fix the option order, to replay a game exactly (0 to 10^15)")
    play.add_argument("--data-dir", help="where saves go (default: your user data folder)")
    play.add_argument("pack_named", nargs="?", metavar="PACK",
                      help="a shipped pack's id or a pack folder (the same as --pack)")
    play.add_argument("--from", dest="start_at", metavar="SCENE_ID",
                      help="preview from this scene (saved apart from your real game)")
    play.add_argument("--set", dest="set_flags", action="append", default=[], metavar="FLAG",
                      help="with --from: start with this flag set (again for more)")
    play.add_argument("--totals", action="append", default=[],
                      metavar="TRACK=N", help="with --from: start with N points on this track")
    play.add_argument("--visited", action="append", default=[], metavar="SCENE_ID",
                      help="with --from: start as if this scene had been seen")
    play.add_argument("--chose", action="append", default=[], metavar="SCENE.CHOICE",
                      help="with --from: start as if this choice had been made (no points)")
    play.add_argument("--watch", action="store_true",
                      help="reload the pack when its YAML files change (for authors)")
    play.add_argument("--class", dest="class_code", metavar="CODE", default="",
                      help="the class code: results go under it, options are shuffled per "
                           "student (the title screen asks when not given)")
    play.add_argument("--name", default="", help="the student's name (the title screen asks "
                                                 "when not given)")
    play.add_argument("--mode", choices=MODE_NAMES, default=Mode.PRACTICE.value,
                      help="practice: feedback at once, a retry, hints (the default); exam: "
                           "feedback only in the debrief; presenter: for the projector")
    play.add_argument("--same-order", action="store_true",
                      help="with --class: the same option order for the whole class")
    play.add_argument("--results", metavar="DIR",
                      help="where result files go (default: results in your user data folder)")
    play.add_argument("--resume-codes", action="store_true",
                      help="a named player's new game gets a code, shown once, that Continue "
                           "asks for (briefing serve always adds it)")
    play.add_argument("--plain", action="store_true",
                      help="plain lines instead of the full-screen game: numbered prompts, "
                           "answers read line by line (screen readers, dumb terminals, scripts)")
    play.set_defaults(handler=command_play)

    validate = commands.add_parser("validate", help="check packs and report every problem")
    validate.add_argument("paths", nargs="*", metavar="PACK",
                          help="pack folders, files or shipped pack ids (default: all shipped)")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="warnings count as errors too")
    validate.add_argument("--explain", nargs="?", const="", metavar="CODE",
                          help="what a diagnostic code means, with an example fix (every code "
                               "when none is given)")
    validate.set_defaults(handler=command_validate)

    graph = commands.add_parser("graph", help="draw the story map")
    graph.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped pack id")
    graph.add_argument("--format", choices=("mermaid", "dot", "text"), default="text")
    graph.add_argument("--width", type=map_width, metavar="COLUMNS",
                       help="the text map's width (default: 80, or a wider terminal's width)")
    graph.set_defaults(handler=command_graph)

    play_test = commands.add_parser("playtest", help="play a pack automatically, many times")
    play_test.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id")
    play_test.add_argument("--runs", type=int, default=300, help="random playthroughs (300)")
    play_test.add_argument("--seed", type=int, default=1, help="the same seed, the same report")
    play_test.add_argument("--jobs", type=int, default=None, metavar="N",
                           help="processes to play in (one per CPU it may use); the report is the same")
    play_test.add_argument("--exhaustive", action="store_true",
                           help="every path instead, answers right: exact scores per ending")
    play_test.add_argument("--max-states", type=int, default=200_000, metavar="N",
                           help="give up after N merged points of the story (or N paths, "
                                "if the story map loops)")
    play_test.add_argument("--allow-unreached", action="store_true",
                           help="do not fail on scenes, choices or questions never reached")
    play_test.add_argument("--results", metavar="DIR",
                           help="also write one simulated result per run into DIR, to try "
                                "`briefing report` before class (unreached content is then "
                                "not a failure)")
    play_test.add_argument("--class", dest="class_code", metavar="CODE",
                           help="the class code of the simulated results (SIM)")
    play_test.set_defaults(handler=command_playtest)

    facts = commands.add_parser("facts", help="which sentences of the article the pack teaches")
    facts.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id")
    facts.add_argument("--all", action="store_true", help="list taught sentences too")
    facts.set_defaults(handler=command_facts)

    test = commands.add_parser("test", help="run the pack's walkthroughs (walkthroughs/*.yaml)")
    test.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id")
    test.set_defaults(handler=command_test)

    new = commands.add_parser("new", help="create a new pack that validates clean")
    new.add_argument("pack", metavar="PACK", help="the new pack's folder (a bare name goes in scenes/)")
    new.add_argument("--source", metavar="ARTICLE",
                     help="the article (a text file) to copy in; a sample is used without it")
    new.set_defaults(handler=command_new)

    upgrade = commands.add_parser(
        "upgrade", help="rewrite a pack in today's format, keeping its comments and layout")
    upgrade.add_argument("pack", metavar="PACK", help="a pack folder or shipped pack id")
    upgrade.add_argument("--check", action="store_true",
                         help="list what would change, write nothing; exit 1 if anything would")
    upgrade.set_defaults(handler=command_upgrade)

    schema = commands.add_parser("schema", help="print the JSON Schema of pack.yaml or scene files")
    schema.add_argument("--kind", choices=("pack", "scenes"),
                        help="pack for pack.yaml, scenes for scene files (the default)")
    schema.add_argument("--write", metavar="DIR",
                        help="write both schemas into DIR (the repo keeps them in docs/schema)")
    schema.set_defaults(handler=command_schema)

    lsp_help = ("a language server for editors, on stdin and stdout (docs/authoring.md: "
                "Editing with a language server)")
    lsp = commands.add_parser("lsp", help=lsp_help, description=lsp_help)
    lsp.add_argument("--stdio", action="store_true",
                     help="accepted for editors that pass it: stdio is the only transport")
    lsp.set_defaults(handler=command_lsp)

    add_classroom_commands(commands)
    return parser


def open_closed_streams() -> None:
    """A standard stream closed before the game started (`<&-`, `>&-`) is None in Python: it
    reads as an empty input and writes to nowhere instead, so a game ends as at the end of a
    script, or plays on unseen, never with a crash."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `briefing` alone, or with play's options, plays
    args = parser.parse_args(argv)
    open_closed_streams()
    try:
        status = args.handler(args)
        sys.stdout.flush()  # inside the guard, so a closed pipe is handled here
        return status
    except CliError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PackHasErrors as exc:
        print(f"{exc}\nbriefing: the pack has errors; fix them first (`briefing validate` "
              "lists them).", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefing validate | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:  # the last guard: no traceback reaches a player, teacher or author
        import traceback

        given = getattr(args, "data_dir", None)  # the logs go with the saves
        log = write_crash_log(Path(given) if given else data_dir(), traceback.format_exc())
        where = f" Details were written to {log}." if log else ""
        print(f"briefing: internal error.{where}", file=sys.stderr)
        return EXIT_ERRORS
