"""The ``studyguide`` command. Sub-commands: ``import`` (notes -> pages)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROGRESS_THRESHOLD = 200  # notes; smaller vaults finish before a bar is worth drawing


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studyguide", description="Study-guide site tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    imp = commands.add_parser(
        "import", help="import a folder of notes (Obsidian, Dendron, Markdown, .txt) as site pages",
        description="Turn a folder of notes into pages the site builds with `mkdocs build --strict`. "
        "Exit 0 when the import worked (unresolved links and missing files are reported, not fatal); "
        "1 when it could not run.")
    imp.add_argument("source", metavar="SOURCE", type=Path, help="the vault or folder of notes (only read)")
    imp.add_argument("--into", dest="dest", metavar="DEST", type=Path, required=True,
                     help="where the pages go, e.g. docs/notes (must not be inside SOURCE)")
    imp.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    imp.add_argument("--force", action="store_true", help="also overwrite pages edited by hand since the last import")
    imp.add_argument("--report", metavar="FILE.json", type=Path, help="write the full report as JSON")
    imp.add_argument("--dendron-layout", choices=("folders", "flat"), default="folders",
                     help="Dendron a.b.c.md -> a/b/c.md (folders, default) or a.b.c.md (flat)")
    imp.add_argument("--links", choices=("wiki", "markdown"), default="wiki",
                     help="wiki (default): resolved wiki-links stay wiki-links to the new paths, rendered by the "
                     "site's wiki-link hook (backlinks, embeds); markdown: pre-rendered, no hook needed")
    imp.add_argument("-q", "--quiet", action="store_true", help="no summary, only errors")
    return parser


def _import(args: argparse.Namespace) -> int:
    from rich.console import Console

    from studyguide.importer import ImportAbort, run_import

    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if args.report is not None:
        try:
            report_path = args.report.resolve()
            source = args.source.resolve()
            if source in report_path.parents:
                err.print(f"studyguide import: error: the report {args.report} would be written inside SOURCE")
                return 1
        except OSError:
            pass
    progress = None
    bar = None
    if sys.stdout.isatty() and not args.quiet:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=out, transient=True)
        task = None

        def progress(done: int, total: int, rel: str) -> None:  # noqa: F811
            nonlocal task
            if total < 2 * PROGRESS_THRESHOLD:  # total counts converting and writing each note
                return
            if task is None:
                bar.start()
                task = bar.add_task("import", total=total)
            bar.update(task, completed=done)
    try:
        report = run_import(args.source, args.dest, dry_run=args.dry_run, force=args.force,
                            dendron_layout=args.dendron_layout, links=args.links, progress=progress)
    except ImportAbort as error:
        err.print(f"studyguide import: error: {error}")
        return 1
    finally:
        if bar is not None:
            bar.stop()
    if args.report is not None:
        try:
            report.write_json(args.report)
        except OSError as error:
            err.print(f"studyguide import: error: cannot write the report {args.report}: {error.strerror or error}")
            return 1
    if not args.quiet:
        for line in report.summary_lines():
            out.print(line, markup=False)
        if args.report is not None:
            out.print(f"  report: {args.report}", markup=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "import":
        return _import(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
