"""The ``kiosk`` command: validate, schema, run, and the tools built on them.

Sub-commands import what they need when they run: Qt only for a window, so
``kiosk validate`` works on a machine without display libraries, and PyYAML
with the validator only for a check, so ``kiosk run`` can start from its
cache of the checked exhibit without loading either.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.config import Config, load_config, write_pin_hash
from kiosk.core.diagnostics import Diagnostic, ExhibitError, Severity, summary
from kiosk.core.paths import default_config_path, state_dir

if TYPE_CHECKING:
    from kiosk.core.model import Exhibit

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


BUNDLED_NAME = "bolivia-1952.yaml"


def bundled_places() -> list[Path]:
    """Where the bundled exhibit may be: beside the package (a clone, an editable
    install), or where an install put its data files (<prefix>/share/museum-kiosk)."""
    import sys
    import sysconfig

    places = [Path(__file__).resolve().parent.parent / "exhibits" / BUNDLED_NAME]
    for prefix in dict.fromkeys((sys.prefix, sysconfig.get_paths()["data"], sys.base_prefix)):
        places.append(Path(prefix) / "share" / "museum-kiosk" / "exhibits" / BUNDLED_NAME)
    return places


def bundled_exhibit() -> Path:
    """The exhibit shipped with the kiosk: the first place that has it (else the first
    place, whose error will say where else we looked)."""
    places = bundled_places()
    return next((place for place in places if place.is_file()), places[0])


def _cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.core.loader import check_exhibit

    diagnostics: list[Diagnostic] = []
    for path in args.paths:
        result = check_exhibit(Path(path), Path(args.media) if args.media else None)
        found = list(result.diagnostics)
        if args.against and result.exhibit is not None:
            found.extend(_shared_with_source(result.exhibit, Path(path), Path(args.against)))
        diagnostics.extend(found)
        if args.format == "text":
            for diagnostic in found:
                print(diagnostic.full())
    if args.format == "json":
        import json

        errors = sum(1 for d in diagnostics if d.is_error)
        counts = {"files": len(args.paths), "errors": errors, "warnings": len(diagnostics) - errors}
        print(
            json.dumps(
                {"summary": counts, "diagnostics": [d.as_json() for d in diagnostics]}, ensure_ascii=False, indent=2
            )
        )
    else:
        print(summary(diagnostics, len(args.paths)))
    return EXIT_INVALID if any(d.is_error for d in diagnostics) else EXIT_OK


def _shared_with_source(exhibit: Exhibit, path: Path, source: Path) -> list[Diagnostic]:
    """Runs of eight words the exhibit shares with a source text: copying to rewrite."""
    from kiosk.core.overlap import overlap_diagnostics

    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return [Diagnostic(str(source), 1, 1, Severity.ERROR, f"cannot read the source text: {exc.strerror}")]
    return overlap_diagnostics(exhibit, text, path.read_text(encoding="utf-8-sig", errors="replace"))


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from kiosk.core.exhibit_format import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_diagram(args: argparse.Namespace) -> int:
    from kiosk.core.navigation import mermaid

    if not args.write:
        print(mermaid(), end="")
        return EXIT_OK
    path = Path(args.write)
    text = path.read_text(encoding="utf-8")
    begin, end = "<!-- BEGIN GENERATED DIAGRAM -->\n", "<!-- END GENERATED DIAGRAM -->"
    if begin not in text or end not in text:
        print(f"{path}: no generated-diagram markers to write between", file=sys.stderr)
        return EXIT_INVALID
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(f"{head}{begin}```mermaid\n{mermaid()}```\n{end}{tail}", encoding="utf-8")
    return EXIT_OK


def _load_config(args: argparse.Namespace) -> Config | None:
    """The configuration, or None after printing its errors."""
    path = Path(args.config) if getattr(args, "config", None) else default_config_path()
    try:
        return load_config(path, required=bool(getattr(args, "config", None)))
    except ExhibitError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        return None


def _cmd_run(args: argparse.Namespace) -> int:
    from kiosk.ui.runtime.startup import run_app  # Qt only when a window is wanted

    config = _load_config(args)
    if config is None:
        return EXIT_INVALID
    if args.control:
        import dataclasses

        config = dataclasses.replace(config, control_listen=args.control)
    exhibit = Path(args.exhibit) if args.exhibit else (config.exhibit or bundled_exhibit())
    if not args.exhibit and not config.exhibit and not exhibit.is_file():
        looked = "\n  ".join(str(place) for place in bundled_places())
        print(
            f"kiosk: the bundled exhibit is not installed; looked in:\n  {looked}\n"
            "name an exhibit file (kiosk run EXHIBIT) or reinstall the kiosk",
            file=sys.stderr,
        )
        return EXIT_INVALID
    return run_app(
        exhibit,
        kiosk_mode=args.kiosk,
        language=args.lang,
        media_root=Path(args.media) if args.media else None,
        size=args.size,
        config=config,
        screen=args.screen,
        show_cursor=args.show_cursor or None,
    )


def _cmd_preview(args: argparse.Namespace) -> int:
    from kiosk.ui.runtime.startup import run_preview

    return run_preview(Path(args.exhibit), Path(args.media) if args.media else None, args.size)


def _cmd_new(args: argparse.Namespace) -> int:
    from kiosk.scaffold import ScaffoldError, new_exhibit

    try:
        path = new_exhibit(args.name, Path(args.exhibits), Path(args.media), args.title)
    except ScaffoldError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"created {path} and {Path(args.media) / args.name}/placeholder.svg")
    print(f"next: kiosk preview {path}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from kiosk.importers.timelinejs import ImportError_, import_timelinejs

    out = Path(args.out)
    try:
        report = import_timelinejs(
            Path(args.file), out, Path(args.media) if args.media else None, args.lang, args.force
        )
    except ImportError_ as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return EXIT_INVALID
    from kiosk.core.loader import check_exhibit

    print(f"wrote {out}: {report.stops} stops; copied {len(report.copied)} picture(s)")
    for item in report.todo:
        print(f"  to do: {item}")
    result = check_exhibit(out, Path(args.media) if args.media else None)
    for diagnostic in result.diagnostics:
        print(diagnostic)
    print(summary(list(result.diagnostics), 1))
    return EXIT_OK if result.exhibit is not None else EXIT_INVALID


def _cmd_proof(args: argparse.Namespace) -> int:
    import os

    from kiosk.core.loader import check_exhibit

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the proof never needs a screen
    from kiosk.service import tune_allocator

    tune_allocator()  # a page's pictures come and go: keep the heap from growing with them
    result = check_exhibit(Path(args.exhibit), Path(args.media) if args.media else None)
    if result.exhibit is None:
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        return EXIT_INVALID
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.curator.proof import Renderer, findings, write_pdf, write_pngs
    from kiosk.ui.style.fonts import register_fonts

    exhibit = result.exhibit
    stops = _stop_range(args.stops, len(exhibit.stops))
    if stops is None:
        print(
            f"kiosk: --stops {args.stops} is not a range like 3:7 within 1:{len(result.exhibit.stops)}", file=sys.stderr
        )
        return EXIT_USAGE
    app = QApplication.instance() or QApplication(sys.argv[:1])
    renderer = Renderer(result.exhibit, args.size or (1920, 1080), register_fonts())
    found: list[str] = []

    def all_findings(blank: list[str]) -> list[str]:
        found[:] = findings(exhibit, result.diagnostics, renderer.clipping(stops))
        found.extend(f"blank page: {label}" for label in blank)
        return found

    try:
        if args.png:
            blank: list[str] = []
            written = write_pngs(renderer.pages(stops), Path(args.png), blank)
            (Path(args.png) / "findings.txt").write_text("\n".join(all_findings(blank)) + "\n", encoding="utf-8")
            print(f"wrote {len(written)} PNG files and findings.txt to {args.png}")
        else:
            title = result.exhibit.title[result.exhibit.default_language]
            count, screens = write_pdf(renderer.pages(stops), all_findings, Path(args.out), title)
            print(f"wrote {args.out}: {count} pages ({screens} screens, then findings)")
    finally:
        renderer.close()
        app.processEvents()
    for line in found:
        print(f"  {line}")
    return EXIT_OK


def _stop_range(text: str | None, count: int) -> range | None:
    """'3:7' (1-based, inclusive, as a curator counts) as 0-based indexes; all stops when not given."""
    if not text:
        return range(count)
    first, _, last = text.partition(":")
    try:
        start, end = int(first or 1), int(last or count)
    except ValueError:
        return None
    return range(start - 1, end) if 1 <= start <= end <= count else None


def _cmd_publish(args: argparse.Namespace) -> int:
    from kiosk.core.content_sync import SyncError, publish

    try:
        commit = publish(Path(args.exhibit), args.to, Path(args.media) if args.media else None, args.message)
    except SyncError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"published {args.exhibit} to {args.to} as {commit[:12]}")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    from kiosk.core.content_sync import ContentStore, SyncError, sync
    from kiosk.core.paths import data_dir

    store = ContentStore(Path(args.content) if args.content else data_dir() / "content")
    source = args.source or store.state().get("source")
    if not source:
        print("kiosk: name the content repository with --from URL (the first sync needs it)", file=sys.stderr)
        return EXIT_USAGE
    try:
        commit = sync(store, source, args.to)
    except SyncError as error:
        print(
            f"kiosk: {error}\nthe content on show is unchanged ({store.current_commit() or 'none yet'})",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(f"showing {commit[:12]} from {source}: {store.current}/exhibits/")
    return EXIT_OK


def _cmd_fleet(args: argparse.Namespace) -> int:
    from kiosk.core.fleet import status_report
    from kiosk.core.paths import cache_dir

    try:
        report, unreachable = status_report(Path(args.hosts), cache_dir() / "fleet-last-seen.json")
    except (OSError, ValueError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(report)
    if unreachable:
        print(f"\n{unreachable} kiosk(s) did not answer", file=sys.stderr)
    return 1 if unreachable else EXIT_OK


def _cmd_narrate(args: argparse.Namespace) -> int:
    from kiosk.core.loader import check_exhibit
    from kiosk.core.narration import clips
    from kiosk.core.paths import narration_dir
    from kiosk.core.strings import tr
    from kiosk.narrate import espeak, narrate, stale_recordings

    result = check_exhibit(Path(args.exhibit), Path(args.media) if args.media else None)
    if result.exhibit is None:
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        return EXIT_INVALID
    if espeak() is None:
        print("kiosk: espeak-ng is not installed; install it with 'apt-get install espeak-ng'", file=sys.stderr)
        return EXIT_INVALID
    exhibit = result.exhibit
    folder = Path(args.out) if args.out else narration_dir(exhibit.id)
    wanted = clips(exhibit, {code: tr(code, "keys_hint") for code in exhibit.language_codes})
    report = narrate(wanted, folder, progress=print if args.verbose else None)
    removed = stale_recordings(wanted, folder)
    for path in removed:
        path.unlink(missing_ok=True)
    print(
        f"{folder}: {len(report.recorded)} recorded, {report.kept} already there, "
        f"{len(removed)} old recording(s) removed, {len(report.failed)} failed"
    )
    for failure in report.failed:
        print(f"  failed: {failure}", file=sys.stderr)
    for lang in sorted(report.unvoiced):
        print(f"  no installed voice speaks '{lang}': those clips fall back to live speech or none", file=sys.stderr)
    return EXIT_INVALID if report.failed else EXIT_OK


def _cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench.run import run_bench

    return run_bench(
        Path(args.exhibit) if args.exhibit else bundled_exhibit(), args.quick, Path(args.json) if args.json else None
    )


def _cmd_set_pin(args: argparse.Namespace) -> int:
    import getpass

    from kiosk.core.pin import hash_pin

    path = Path(args.config) if args.config else default_config_path()
    first = getpass.getpass("New staff PIN (digits): ")
    if getpass.getpass("Repeat the PIN: ") != first:
        print("kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
        return EXIT_INVALID
    try:
        hashed = hash_pin(first)
    except ValueError as error:
        print(f"kiosk: {error}; nothing was changed", file=sys.stderr)
        return EXIT_INVALID
    write_pin_hash(path, hashed)
    print(f"PIN set in {path}")
    return EXIT_OK


def _cmd_stats(args: argparse.Namespace) -> int:
    import datetime
    import sqlite3

    path = Path(args.db) if args.db else state_dir() / "statistics.sqlite3"
    since = None
    if args.since:
        try:
            since = datetime.datetime.fromisoformat(args.since).timestamp()
        except ValueError:
            print(f"kiosk: --since {args.since} is not a date like 2026-05-01", file=sys.stderr)
            return EXIT_USAGE
    if not path.exists():
        print(f"No visits recorded yet: the kiosk writes {path} when its first visitor touches the screen.")
        return EXIT_OK
    from kiosk.core.stats import csv_report, format_report, report

    try:
        rep = report(path, since)
    except sqlite3.Error as error:
        print(
            f"kiosk: cannot read the statistics in {path}: {error}. The kiosk keeps visits in memory and writes "
            "them again when the file can be written; move a damaged file aside to start a new one.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(csv_report(rep) if args.csv else format_report(rep))
    return EXIT_OK


def _cmd_service(args: argparse.Namespace) -> int:
    from kiosk import service

    exhibit = Path(args.exhibit) if args.exhibit else None
    config = Path(args.config) if args.config else None
    if args.session == "cage":
        return _cage_service(args, exhibit, config)
    if args.action == "print":
        print(service.unit_text(exhibit, config), end="")
        for name, text in service.sync_units(args.sync).items() if args.sync else ():
            print(f"\n# {name}\n{text}", end="")
        return EXIT_OK
    path, said = service.install(exhibit, config, args.sync)
    print(f"wrote {path}")
    if said:
        print(said)
    return EXIT_OK


def _cage_service(args: argparse.Namespace, exhibit: Path | None, config: Path | None) -> int:
    from kiosk import service

    if args.action == "print":
        print(service.cage_unit_text(exhibit, config, args.user, args.rotate), end="")
        print(f"\n# /etc/pam.d/{service.CAGE_PAM}\n{service.CAGE_PAM_TEXT}", end="")
        return EXIT_OK
    try:
        paths, said = service.install_cage(exhibit, config, args.user, args.rotate)
    except service.ServiceError as error:
        print(f"kiosk service: {error}", file=sys.stderr)
        return EXIT_INVALID
    for path in paths:
        print(f"wrote {path}")
    if said:
        print(said)
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    return width, height


def _media_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--media", metavar="DIR", help="media folder (default: media/ beside exhibits/)")


def _args_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (FILE:LINE:COL with the lines around) or json (one object per diagnostic)",
    )
    parser.add_argument(
        "--against",
        metavar="SOURCE.txt",
        help="also warn of every run of 8 or more words shared with this source text, outside quotation marks",
    )
    _media_option(parser)
    parser.set_defaults(handler=_cmd_validate)


def _args_schema(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(handler=_cmd_schema)


def _args_diagram(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--write", metavar="MARKDOWN", help="replace the generated block in this file")
    parser.set_defaults(handler=_cmd_diagram)


def _listen(text: str) -> tuple[str, int]:
    from kiosk.core.config_format import parse_listen

    try:
        return parse_listen(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _args_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", nargs="?", help="exhibit file (default: the bundled exhibit)")
    parser.add_argument("--kiosk", action="store_true", help="full screen, locked down")
    parser.add_argument("--lang", metavar="CODE", help="start language (default: the exhibit's first)")
    _media_option(parser)
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size when not in kiosk mode")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: the per-user one)")
    parser.add_argument("--screen", type=int, metavar="N", help="screen number for kiosk mode")
    parser.add_argument("--show-cursor", action="store_true", help="keep the mouse cursor visible in kiosk mode")
    parser.add_argument(
        "--control",
        type=_listen,
        metavar="HOST:PORT",
        help="serve /metrics, /status and commands here (token: KIOSK_CONTROL_TOKEN or the config's token_file)",
    )
    parser.set_defaults(handler=_cmd_run)


def _args_preview(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", help="exhibit file")
    parser.add_argument("--size", type=_size, metavar="WxH", help="screen size to preview (default 1920x1080)")
    _media_option(parser)
    parser.set_defaults(handler=_cmd_preview)


def _args_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="exhibit id, like harbour-1900")
    parser.add_argument("--title", help="the exhibit's title")
    parser.add_argument("--exhibits", default="exhibits", metavar="DIR", help="where exhibit files go")
    parser.add_argument("--media", default="media", metavar="DIR", help="the media folder")
    parser.set_defaults(handler=_cmd_new)


def _args_proof(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", help="exhibit file")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="PDF", help="write a PDF proof sheet")
    where.add_argument("--png", metavar="DIR", help="write PNG files and findings.txt instead")
    parser.add_argument("--size", type=_size, metavar="WxH", help="screen size (default 1920x1080)")
    parser.add_argument("--stops", metavar="FROM:TO", help="only these stops, counted from 1 (e.g. 3:7)")
    _media_option(parser)
    parser.set_defaults(handler=_cmd_proof)


def _args_publish(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", help="exhibit file; it must be valid")
    parser.add_argument("--to", required=True, metavar="REMOTE", help="the content git repository (URL or path)")
    parser.add_argument("--message", "-m", help="commit message (default: 'Publish ID: N stops')")
    _media_option(parser)
    parser.set_defaults(handler=_cmd_publish)


def _args_sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", metavar="URL", help="content repository (default: the last one)")
    parser.add_argument("--to", metavar="REV", help="show this commit (a rollback); default: the newest on main")
    parser.add_argument(
        "--content", metavar="DIR", help="content folder (default: ~/.local/share/museum-kiosk/content)"
    )
    parser.set_defaults(handler=_cmd_sync)


def _args_fleet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["status"], help="status: one line per kiosk")
    parser.add_argument("hosts", help="lines of '[NAME] HOST:PORT', or Prometheus's kiosks.yml")
    parser.set_defaults(handler=_cmd_fleet)


def _args_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["timelinejs"])
    parser.add_argument("file", help="TimelineJS JSON, or the CSV export of its spreadsheet")
    parser.add_argument("--out", required=True, metavar="EXHIBIT", help="e.g. exhibits/harbour-1900.yaml")
    _media_option(parser)
    parser.add_argument("--lang", default="en", metavar="CODE", help="the timeline's language (default en)")
    parser.add_argument("--force", action="store_true", help="replace an existing exhibit file")
    parser.set_defaults(handler=_cmd_import)


def _args_narrate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", nargs="?", default=str(bundled_exhibit()), help="exhibit file (default: bundled)")
    parser.add_argument("--out", metavar="DIR", help="where recordings go (default: the kiosk's narration cache)")
    parser.add_argument("--verbose", action="store_true", help="name each clip as it is recorded")
    _media_option(parser)
    parser.set_defaults(handler=_cmd_narrate)


def _args_bench(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exhibit", nargs="?", help="exhibit file (default: the bundled exhibit)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer rounds: proves it works, not for figures")
    parser.set_defaults(handler=_cmd_bench)


def _args_set_pin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: the per-user one)")
    parser.set_defaults(handler=_cmd_set_pin)


def _args_stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="only from this date (YYYY-MM-DD)")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    parser.add_argument("--db", metavar="PATH", help="statistics database (default: in the state folder)")
    parser.set_defaults(handler=_cmd_stats)


def _args_service(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["print", "install"])
    parser.add_argument("exhibit", nargs="?", help="exhibit file (default: the configured or bundled one)")
    parser.add_argument("--config", metavar="PATH", help="configuration file to run with")
    parser.add_argument("--sync", metavar="URL", help="also a timer that syncs content from this git repository")
    parser.add_argument(
        "--session",
        choices=["desktop", "cage"],
        default="desktop",
        help="desktop: a user unit started at login (X11); cage: a system unit that starts the cage "
        "Wayland compositor with only the kiosk on tty1 at boot (recommended; needs sudo)",
    )
    parser.add_argument("--user", default="kiosk", help="the account the cage session runs as (default: kiosk)")
    parser.add_argument(
        "--rotate", type=int, choices=[0, 90, 180, 270], default=0, help="turn the screen (and touch) clockwise"
    )
    parser.set_defaults(handler=_cmd_service)


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "validate": ("check exhibit files and report every problem", _args_validate),
    "schema": ("print the JSON Schema of the exhibit format", _args_schema),
    "diagram": ("print the navigation graph as Mermaid", _args_diagram),
    "run": ("start the kiosk", _args_run),
    "preview": ("the kiosk in a window that reloads when the file is saved", _args_preview),
    "new": ("start a new exhibit from a commented template", _args_new),
    "proof": ("every screen in every language, as PDF or PNG, with findings", _args_proof),
    "import": ("bring a timeline made elsewhere into an exhibit", _args_import),
    "fleet": ("every kiosk at a glance, from their control endpoints", _args_fleet),
    "publish": ("validate an exhibit and push it with its media to a content git repository", _args_publish),
    "sync": ("fetch content from git; show it only if it is valid (or roll back with --to)", _args_sync),
    "narrate": ("record every label, alt text and hint with the installed voice", _args_narrate),
    "bench": ("measure start-up, latency, frame rate, memory and loading", _args_bench),
    "set-pin": ("set the staff PIN (asked for, never on the command line)", _args_set_pin),
    "stats": ("print the visitor statistics", _args_stats),
    "service": ("the systemd unit that starts the kiosk: at login, or at boot under cage", _args_service),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or just ``only``'s part of it: building all
    twelve sub-parsers takes argparse some milliseconds that ``kiosk run``,
    on its way to the first frame, would rather not spend."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Museum exhibit kiosk.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, add_arguments) in COMMANDS.items():
        if only is None or name == only:
            add_arguments(commands.add_parser(name, help=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
