"""Command line: argparse, messages and exit codes. No build logic lives here."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .authoring import ImportOptions, import_article, new_article
from .build import BuildOptions, build, render_site
from .errors import ContentError, ContentErrors
from .importer import describe_import
from .output import OutputError, describe_fault
from .search import SearchIndexError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except ContentErrors as exc:
        return _report(exc)
    except (SearchIndexError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:  # disk full, read-only, permissions: one line, no traceback
        print(f"error: {describe_fault(exc, Path('.'))}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = parser.add_subparsers(title="commands", dest="command")

    build_cmd = commands.add_parser("build", help="build the site into the output folder")
    _add_site_options(build_cmd)
    build_cmd.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    build_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd.add_argument(
        "--jobs", type=int, default=2, help="processes that render pages (default 2)"
    )
    build_cmd.set_defaults(run=_build)

    check = commands.add_parser("check", help="validate content without writing anything")
    _add_site_options(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=_check)

    serve = commands.add_parser(
        "serve", help="build, serve on 127.0.0.1, rebuild and reload the browser on every edit"
    )
    _add_site_options(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)"
    )
    serve.add_argument("--open", action="store_true", help="open the site in a browser")
    serve.set_defaults(run=_serve)

    new = commands.add_parser("new", help="create a new article file")
    new.add_argument("kind", choices=["article"], help="what to create")
    new.add_argument("title", help="the article's title")
    new.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(run=_new)

    importer = commands.add_parser("import", help="turn a plain-text article into a content file")
    importer.add_argument("file", help="the text file, or - for standard input")
    importer.add_argument("--source", default="", help="source id (default: by the URL's domain)")
    importer.add_argument("--topic", action="append", default=[], help="topic id (repeatable)")
    importer.add_argument(
        "--date", type=_iso_date, help="publication date, YYYY-MM-DD (default today)"
    )
    importer.add_argument("--title", default="", help="title (default: the first line)")
    importer.add_argument(
        "--slug", default="", help="file name without .md (default: from the title)"
    )
    importer.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    importer.add_argument("--force", action="store_true", help="replace an existing file")
    importer.set_defaults(run=_import)
    return parser


def _add_site_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    command.add_argument("--theme", type=Path, default=Path("themes/default"), help="theme folder")
    command.add_argument("--output", type=Path, default=Path("site"), help="output folder")
    command.add_argument(
        "--base-url", help="override base_url from site.yaml (also BRIEFING_BASE_URL)"
    )


def _options(args: argparse.Namespace, search: bool = True) -> BuildOptions:
    strict = getattr(args, "strict", False)
    jobs = max(1, getattr(args, "jobs", 2))
    return BuildOptions(args.content, args.theme, args.output, args.base_url, search, strict, jobs)


def _build(args: argparse.Namespace) -> int:
    options = _options(args, search=not args.no_search)
    if sys.stderr.isatty():
        options = replace(options, progress=_progress_line(time.perf_counter()))
    report = build(options)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    _print_warnings(report.warnings)
    print(f"built {report.pages} pages into {report.output_dir}/ in {report.seconds:.2f}s")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    rendered = render_site(_options(args))
    _print_warnings(rendered.warnings)
    print(
        f"ok: {len(rendered.site.articles)} articles, {len(rendered.site.topics)} topics, "
        f"{len(rendered.site.entities)} entities, {len(rendered.pages)} pages"
        + _count(len(rendered.warnings), "warning", ", ")
    )
    return EXIT_OK


def _progress_line(started: float):
    """A one-line 'rendered 1,234 / 10,683 pages (3.2 s)' that rewrites itself."""

    def show(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"\rrendered {done:,} / {total:,} pages ({elapsed:.1f} s)", end="", file=sys.stderr)

    return show


def _print_warnings(warnings: Sequence[ContentError]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _count(number: int, noun: str, prefix: str = "") -> str:
    if not number:
        return ""
    return f"{prefix}{number} {noun}{'' if number == 1 else 's'}"


def _serve(args: argparse.Namespace) -> int:
    from .preview import serve

    return serve(_options(args), args.host, args.port, args.open)


def _new(args: argparse.Namespace) -> int:
    path = new_article(args.content, args.title, args.force)
    print(f"created {path}: fill in its front matter, then run make check")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    origin = Path("<stdin>") if args.file == "-" else Path(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else origin.read_bytes()
    except OSError as exc:
        print(f"{origin}: error: cannot read the file: {exc.strerror}", file=sys.stderr)
        return EXIT_ERRORS
    options = ImportOptions(
        args.content, args.source, tuple(args.topic), args.date, args.title, args.slug, args.force
    )
    print(describe_import(import_article(data, origin, options)))
    return EXIT_OK


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _report(exc: ContentErrors) -> int:
    for error in exc.errors:
        print(error, file=sys.stderr)
    count = sum(1 for error in exc.errors if error.severity == "error")
    print(f"{_count(count, 'error')}; nothing was written", file=sys.stderr)
    return EXIT_ERRORS
