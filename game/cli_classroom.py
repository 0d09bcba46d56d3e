"""The classroom's commands: report, handout, export, serve and dashboard (the front door is
cli.py).

Kept apart so that cli.py stays about the players' and authors' commands; like cli.py, it
imports what each command needs only when that command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_common import EXIT_ERRORS, EXIT_OK, CliError, load_one_pack
from .engine import MODE_NAMES, Mode
from .paths import data_dir, pack_dirs

EXPORT_FORMATS = ("qti", "moodle-xml", "gift")  # game/classroom/export's FORMATS, named here
# so that building the parser imports none of it


def add_classroom_commands(commands) -> None:
    report = commands.add_parser("report", help="a class report from a folder of result files")
    report.add_argument("folder", nargs="?", metavar="DIR",
                        help="the results folder (default: the one play and serve use)")
    report.add_argument("--pack", metavar="PACK",
                        help="the pack played, for question texts and quotes, if not shipped")
    report.add_argument("--csv", metavar="FILE", help="also write one row per student, for a "
                        "gradebook")
    report.add_argument("--html", metavar="FILE", help="also write a printable report")
    report.add_argument("--roster", metavar="FILE", help="a CSV of your class (name, student "
                        "id, e-mail) to match result names to; needed by --canvas and --moodle")
    report.add_argument("--canvas", metavar="FILE", help="also write a Canvas gradebook "
                        "import file (Grades > Import)")
    report.add_argument("--moodle", metavar="FILE", help="also write a Moodle grade import "
                        "file (Grade administration > Import > CSV file)")
    report.add_argument("--grade-item", metavar="NAME", help="the assignment or grade item "
                        "the grade goes to (default: the pack's title; in Canvas, 'Name (123)' "
                        "is assignment 123)")
    report.add_argument("--include-simulated", action="store_true",
                        help="count simulated results (playtest --results) with real ones")
    report.set_defaults(handler=command_report)

    handout = commands.add_parser("handout", help="the answer key and discussion guide")
    handout.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id")
    handout.add_argument("--format", choices=("md", "html"),
                         help="Markdown or printable HTML (md, or html for an .html --output)")
    handout.add_argument("--student", action="store_true",
                         help="for reading along: no answers, notes or outcomes")
    handout.add_argument("--output", metavar="FILE", help="write to FILE instead of printing")
    handout.set_defaults(handler=command_handout)

    export = commands.add_parser("export", help="the recall questions for an LMS quiz bank")
    export.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS,
                        help="qti (a QTI 2.1 zip, for Canvas and others), moodle-xml or gift")
    export.add_argument("--output", metavar="FILE",
                        help="write to FILE instead of printing (qti needs one: it is a zip)")
    export.set_defaults(handler=command_export)

    serve = commands.add_parser("serve", help="serve the game to students' browsers")
    serve.add_argument("pack", nargs="?", metavar="PACK", help="a pack folder or shipped id "
                       "(default: every shipped pack)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default "
                       "127.0.0.1: this computer only; 0.0.0.0: the whole network, no password)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument("--class", dest="class_code", metavar="CODE",
                       help="the class code for every game (else each student types one)")
    serve.add_argument("--results", metavar="DIR",
                       help="where every game's result file goes (default: your user data folder)")
    serve.add_argument("--mode", choices=MODE_NAMES,
                       help="the mode every game is played in")
    serve.add_argument("--same-order", action="store_true",
                       help="the same option order for every student")
    serve.add_argument("--max-sessions", type=int, default=60, metavar="N",
                       help="games running at once, at most (60)")
    serve.set_defaults(handler=command_serve)

    dashboard = commands.add_parser("dashboard", help="watch a class's results as they arrive")
    dashboard.add_argument("folder", nargs="?", metavar="DIR",
                           help="the results folder (default: the one play and serve use)")
    dashboard.add_argument("--pack", metavar="PACK",
                           help="the pack, for scene titles and question texts, if not shipped")
    dashboard.add_argument("--every", type=float, default=3.0, metavar="SECONDS",
                           help="how often to read the folder again (3)")
    dashboard.add_argument("--projector", action="store_true",
                           help="a view to show the class: no names, how far the class has got, "
                                "and the split for the question it has just done")
    dashboard.add_argument("--quiet-after", type=float, default=10.0, metavar="MINUTES",
                           help="mark an unfinished game quiet after this long without a word "
                                "from it (10)")
    dashboard.set_defaults(handler=command_dashboard)


def command_report(args: argparse.Namespace) -> int:
    from .classroom.report import build_report
    from .classroom.results import read_results
    from .paths import results_root

    folder = Path(args.folder).expanduser() if args.folder else results_root()
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder of results")
    if (args.canvas or args.moodle) and not args.roster:
        raise CliError(f"--{'canvas' if args.canvas else 'moodle'} needs --roster FILE: the "
                       "gradebook finds each student by the roster's id or e-mail")
    roster = read_roster_file(args.roster) if args.roster else None  # its mistakes first
    found = read_results(folder)
    report = build_report(found, report_packs(found, args.pack), args.include_simulated)
    for path, why in report.skipped:
        print(f"briefing: warning: skipped {path}: {why}", file=sys.stderr)
    if report.empty:
        print(f"No results in {folder}. Results arrive there as students play with "
              f"--results {folder}; `briefing playtest --results {folder}` makes sample ones.")
        return EXIT_ERRORS
    from rich.console import Console

    from .classroom.report_text import print_report  # Rich is imported only to print

    print_report(report, Console(highlight=False))
    matching = roster_matching(report, roster) if roster else None
    if args.csv:
        from .classroom.report_csv import report_csv

        write_output(Path(args.csv), "\ufeff" + report_csv(report, matching))  # BOM: for Excel
    if args.canvas or args.moodle:
        write_gradebooks(report, matching, args)
    if args.html:
        from .classroom.report_html import report_html

        write_output(Path(args.html), report_html(report))
    return EXIT_OK


def read_roster_file(roster_file: str):
    from .classroom.roster import RosterError, read_roster

    try:
        return read_roster(Path(roster_file).expanduser())
    except RosterError as exc:
        raise CliError(str(exc)) from None


def roster_matching(report, roster):
    """The report's names matched to the roster, the matching told to the teacher."""
    from .classroom.roster import match_names, matching_lines

    names = [s.name for section in report.sections for s in section.students]
    matching = match_names(names, roster)
    print("\n".join(matching_lines(matching)))
    return matching


def write_gradebooks(report, matching, args: argparse.Namespace) -> None:
    from .classroom.gradebook import GradebookError, build_gradebook, canvas_csv, moodle_csv

    try:
        book = build_gradebook(report, matching, args.grade_item)
        moodle = moodle_csv(book) if args.moodle else None
    except GradebookError as exc:
        raise CliError(str(exc)) from None
    for note in book.notes:
        print(note)
    if args.canvas:
        write_output(Path(args.canvas), canvas_csv(book))  # UTF-8 without a BOM, as imported
    if moodle is not None:
        text, left_out = moodle
        for why in left_out:
            print(f"Left out of the Moodle file: {why}")
        write_output(Path(args.moodle), text)


def report_packs(found, named: str | None) -> list:
    """The packs a report can quote: the one named, and the shipped packs the results are for
    (looked up among shipped folders only: a result file cannot point the report elsewhere)."""
    from .packs import compile_pack

    packs = [load_one_pack(named)] if named else []
    shipped = {folder.name: folder for folder in pack_dirs()}
    for pack_id in sorted({result.pack_key[0] for result in found.results}):
        if pack_id in shipped and not any(p.id == pack_id for p in packs):
            compiled = compile_pack(shipped[pack_id])
            if compiled.ok:
                packs.append(compiled.pack)
    return packs


def command_handout(args: argparse.Namespace) -> int:
    from .classroom.handout import RENDERERS

    pack = load_one_pack(args.pack)
    output = Path(args.output) if args.output else None
    kind = args.format or ("html" if output and output.suffix in (".html", ".htm") else "md")
    text = RENDERERS[kind](pack, student=args.student,
                           timing=None if args.student else careful_timing(pack))
    if output:
        write_output(output, text)
    else:
        print(text, end="")
    return EXIT_OK


def careful_timing(pack):
    """The careful path's reading time, day by day, for the teacher's handout; None when the
    pack cannot be played through, or its careful path goes round a loop for ever (its
    playtest says why)."""
    from .authoring.reading_time import (SECONDS_PER_INTERACTION, WORDS_PER_MINUTE,
                                         careful_path, reading_by_day)
    from .classroom.handout import Timing
    from .engine import EngineError

    try:
        days = reading_by_day(careful_path(pack))
    except (EngineError, RuntimeError):  # play() raises RuntimeError when no ending comes
        return None
    return Timing(tuple((day, time.minutes) for day, time in days),
                  sum(t.words for _, t in days), sum(t.interactions for _, t in days),
                  WORDS_PER_MINUTE, SECONDS_PER_INTERACTION)


def command_export(args: argparse.Namespace) -> int:
    from .classroom.export import export

    pack = load_one_pack(args.pack)
    exported = export(pack, args.format)
    if isinstance(exported.content, bytes) and not args.output:
        raise CliError(f"{args.format} makes a zip file: name it with --output FILE.zip")
    for line in (*exported.bank.not_exported(),
                 *(f"Not exported as {args.format}: {one}" for one in exported.left_out)):
        print(f"briefing: {line}", file=sys.stderr)
    if args.output:
        write_output(Path(args.output), exported.content)
    else:
        print(exported.content, end="")
    print(f"briefing: {exported.written} of {exported.questions} questions exported as "
          f"{args.format}", file=sys.stderr)
    return EXIT_OK


def write_output(path: Path, text: str | bytes) -> None:
    """A report, handout or export, for colleagues too: the permissions of the file it replaces,
    else what the umask gives (usually 0644). Saves and result files stay the owner's alone."""
    from .atomic import atomic_write, atomic_write_bytes
    from .debrief_file import file_mode

    target = path.expanduser()
    try:
        if isinstance(text, bytes):
            atomic_write_bytes(target, text, mode=file_mode(target))
        else:
            atomic_write(target, text, mode=file_mode(target))
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"wrote {path}")


def command_serve(args: argparse.Namespace) -> int:
    from .classroom.serve import ServeOptions, serve  # textual-serve is imported only to serve
    from .plain.web import accessible_pages
    from .paths import results_root

    if args.same_order and not (args.class_code or "").strip():
        raise CliError("--same-order needs --class CODE")
    pack = load_one_pack(args.pack) if args.pack else None  # errors now, not in class
    results = Path(args.results).expanduser() if args.results else results_root()
    saves = data_dir() / "served"  # apart from the teacher's own saves
    for folder, use in ((results, "results"), (saves, "saves")):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"cannot use {folder} for {use}: {exc.strerror or exc}") from None
    options = ServeOptions(results=results.resolve(), saves=saves.resolve(),
                           host=args.host, port=args.port,
                           class_code=args.class_code,
                           mode=Mode(args.mode) if args.mode else None,
                           same_order=args.same_order, max_sessions=args.max_sessions,
                           pack=Path(pack.root).resolve() if pack else None)
    try:
        serve(options, extra=accessible_pages(options, [pack] if pack else shipped_packs()))
    except OSError as exc:
        raise CliError(f"cannot serve on {args.host} port {args.port}: "
                       f"{exc.strerror or exc}") from None
    return EXIT_OK


def shipped_packs() -> list:
    """Every shipped pack that compiles, the first of each id (as `play` takes them), for the
    accessible version of `briefing serve` with no pack named."""
    from .packs import compile_pack

    packs: dict[str, object] = {}
    for folder in pack_dirs():
        result = compile_pack(folder)
        if result.ok and result.pack.id not in packs:
            packs[result.pack.id] = result.pack
    return list(packs.values())


MINUTES_IN_A_WEEK = 7 * 24 * 60


def command_dashboard(args: argparse.Namespace) -> int:
    from .paths import results_root

    folder = Path(args.folder).expanduser() if args.folder else results_root()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is not a folder")
    if not 0 < args.quiet_after <= MINUTES_IN_A_WEEK:  # also refuses nan and inf
        raise CliError("--quiet-after must be a number of minutes above 0 and at most "
                       f"{MINUTES_IN_A_WEEK} (a week), not {args.quiet_after:g}")
    packs = [load_one_pack(args.pack)] if args.pack else []
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise CliError("dashboard needs an interactive terminal")
    from datetime import timedelta

    from .tui.dashboard.app import make_dashboard  # Textual is imported only to show it

    make_dashboard(folder, packs=packs, every=args.every, projector=args.projector,
                   quiet_after=timedelta(minutes=args.quiet_after)).run()
    return EXIT_OK
