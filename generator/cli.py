"""Command line: argparse, messages and exit codes. No build logic lives here."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import ContentError, ContentErrors
from generator.routes import CACHE_FOLDER
from generator.terminal import printable

if TYPE_CHECKING:
    from generator.pipeline.builder import BuildReport
    from generator.settings import BuildOptions

# The stages (Jinja2, markdown-it-py, PyYAML...) are imported by the commands that
# run them, so `briefing --help` and a usage error start fast.

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

SITE_COMMANDS = ("build", "check", "serve")
DESCRIPTION = """\
Briefing turns news articles and hand-curated YAML (topics, people, places, sources)
into a fast, searchable briefing site, every fact tied to the articles that report it."""
EXAMPLES = """\
examples:
  briefing init my-briefing --title "Peace talks"     start a new site in my-briefing/
  cd my-briefing && briefing serve                    preview it, reloading on every save
  briefing new article "Talks resume in Istanbul"     add an article
  briefing check --strict                             validate the content, write nothing
  briefing build --base-url https://me.github.io/x/   build the site into site/

Run 'briefing COMMAND --help' for a command's options."""
NEW_EXAMPLES = """examples:
  briefing new article "Talks resume in Istanbul" --source bbc-news --topic istanbul-talks
  briefing new topic "Prisoner exchanges" --summary "Swaps agreed at the talks."
  briefing new entity "Andriy Yermak" --kind person --country Ukraine --alias Єрмак
  briefing new source "Kyiv Independent" --url https://kyivindependent.com --reliability B"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    args.verbosity = _verbosity(args)
    if args.command in SITE_COMMANDS and not args.content.is_dir():
        print(
            f"{args.content}: error: there is no content folder here "
            "(start a new site with 'briefing init', or pass --content DIR)",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    if args.command == "build" and _build_unchanged(args):
        return EXIT_OK
    from generator.output import OutputError, describe_fault
    from generator.search.index import SearchIndexError

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
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    _add_verbosity(parser, False)
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    _add_init(commands)

    build_cmd = commands.add_parser("build", help="build the site into the output folder")
    _add_site_options(build_cmd)
    build_cmd.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    build_cmd.add_argument(
        "--drafts", action="store_true", help="include articles marked 'draft: true'"
    )
    build_cmd.add_argument(
        "--future",
        action="store_true",
        help="include articles dated after today (left out until their date otherwise)",
    )
    build_cmd.add_argument(
        "--today",
        type=_iso_date,
        help="build as of this day, YYYY-MM-DD (default: today in UTC); for tests and reviews",
    )
    build_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help=f"ignore {CACHE_FOLDER}/ beside the output and build everything",
    )
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

    new = commands.add_parser(
        "new",
        help="create an article file, or add a topic, entity or source to its YAML file",
        epilog=NEW_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_verbosity(new)
    kinds = ["article", "topic", "entity", "source"]
    new.add_argument("kind", choices=kinds, help="what to create")
    new.add_argument("title", help="the article's or topic's title, the entity's or source's name")
    new.add_argument(
        "--source", default="", help="source id (default: site.yaml's defaults.source)"
    )
    new.add_argument(
        "--topic",
        action="append",
        default=[],
        help="topic id, repeatable (default: site.yaml's defaults.topics)",
    )
    new.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    new.add_argument("--date", type=_iso_date, help="publication date, YYYY-MM-DD (default today)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    entry = new.add_argument_group("topic, entity and source")
    entry.add_argument("--id", default="", help="its id (default: the title or name as a slug)")
    entry.add_argument("--summary", default="", help="topic: its summary")
    entry.add_argument(
        "--kind",
        dest="entry_kind",
        default="",
        help="entity: person, organisation or place; source: outlet (default), aggregator, "
        "machine rewrite or unattributed",
    )
    entry.add_argument(
        "--alias", action="append", default=[], help="entity: another spelling, repeatable"
    )
    entry.add_argument("--country", default="", help="entity: where it belongs or lies")
    entry.add_argument("--description", default="", help="entity, source: one line")
    entry.add_argument("--url", default="", help="source: its web address")
    entry.add_argument("--reliability", default="F", help="source: Admiralty grade A-F")
    new.set_defaults(run=_new)
    _add_import_command(commands)
    return parser


class _Version(argparse.Action):
    """--version, reading the package metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from generator import __version__

        print(f"briefing {__version__}")
        parser.exit()


def _add_import_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import",
        help="turn plain-text articles, or RSS and Atom feeds, into content files, checked "
        "before anything is written",
    )
    _add_verbosity(command)
    command.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text files, RSS 2.0 or Atom files (each entry an article), folders of them, "
        "or - for stdin",
    )
    command.add_argument("--source", default="", metavar="ID", help="source id of every text")
    command.add_argument(
        "--default-source",
        default="",
        metavar="ID",
        help="source id of the texts whose URL names no known source",
    )
    command.add_argument(
        "--topic", action="append", default=[], metavar="ID", help="topic id (repeatable)"
    )
    command.add_argument(
        "--date",
        type=_iso_date,
        help="publication date, YYYY-MM-DD (default: the text's own, else today, marked inferred)",
    )
    command.add_argument("--title", default="", help="title (default: the first line)")
    command.add_argument(
        "--slug", default="", help="file name without .md (default: from the title)"
    )
    command.add_argument(
        "--rewrite-of", default="", metavar="SLUG", help="the article this text rewrites"
    )
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    command.add_argument(
        "--force", action="store_true", help="replace an existing file; import a copy"
    )
    command.add_argument(
        "--dry-run", action="store_true", help="show what would be written; write nothing"
    )
    command.set_defaults(run=_import)


def _add_init(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init",
        help="start a new site: content, a Makefile, a README and a GitHub Pages workflow",
        description="Write a starter site that builds as it is: one source, one topic, one "
        "entity and one example article, with a README, a Makefile, a .gitignore and the "
        "GitHub Pages workflow.",
        epilog="example: briefing init my-briefing --title 'Peace talks' "
        "--base-url https://me.github.io/my-briefing/",
    )
    _add_verbosity(init)
    init.add_argument(
        "directory", nargs="?", type=Path, default=Path("."), help="where (default: here)"
    )
    init.add_argument("--title", default="My briefing", help="the site's title")
    init.add_argument(
        "--base-url",
        help="the address the site is published at (default: a placeholder to change; "
        "the GitHub Pages workflow sets it)",
    )
    init.add_argument("--force", action="store_true", help="overwrite files already there")
    init.set_defaults(run=_init)


def _add_verbosity(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """-q / -v, on the main parser and again on each command, so both
    'briefing -q build' and 'briefing build -q' work (a command's own default is
    SUPPRESS, so it does not undo the main parser's)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-q", "--quiet", action="store_true", help="print errors only", default=default
    )
    group.add_argument(
        "-v", "--verbose", action="store_true", help="say more about what is done", default=default
    )


def _verbosity(args: argparse.Namespace) -> int:
    """-1 quiet, 0 normal, 1 verbose."""
    if getattr(args, "quiet", False):
        return -1
    return 1 if getattr(args, "verbose", False) else 0


def _add_site_options(command: argparse.ArgumentParser) -> None:
    _add_verbosity(command)
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    command.add_argument(
        "--theme",
        type=Path,
        default=Path("themes/default"),
        help="the site's theme folder: its templates and static files override the packaged "
        "theme's (default themes/default; it need not exist)",
    )
    command.add_argument("--output", type=Path, default=Path("site"), help="output folder")
    command.add_argument(
        "--base-url", help="override base_url from site.yaml (also BRIEFING_BASE_URL)"
    )


def _options(args: argparse.Namespace) -> BuildOptions:
    """The build settings the command line asks for (build, check and serve share them)."""
    from generator.settings import BuildOptions

    return BuildOptions(
        content_dir=args.content,
        theme_dir=args.theme,
        output_dir=args.output,
        base_url=args.base_url,
        search=not getattr(args, "no_search", False),
        strict=getattr(args, "strict", False),
        drafts=getattr(args, "drafts", False),
        future=getattr(args, "future", False),
        today=getattr(args, "today", None),
        workers=max(1, getattr(args, "jobs", 2)),
        cache=not getattr(args, "no_cache", True),
    )


def _build(args: argparse.Namespace) -> int:
    from generator.pipeline.builder import build

    options = _options(args)
    _say_theme(args, options)
    progress = sys.stderr.isatty() and args.verbosity >= 0
    if progress:
        options = replace(options, progress=_progress_line(time.perf_counter()))
    report = build(options)
    if progress:
        print("\r\033[K", end="", file=sys.stderr)
    _print_warnings(report.warnings, args.verbosity)
    if args.verbosity >= 0:
        held = report.held
        if held.count and held.next_date:
            print(_held_line(held.count, held.next_date.isoformat()))
        print(f"built {report.pages} pages into {report.output_dir}/ in {report.seconds:.2f}s")
    if args.verbosity > 0 and report.stages:
        _print_stages(report)
    return EXIT_OK


def _held_line(count: int, next_date: str) -> str:
    if count == 1:
        return f"held back 1 scheduled article, due {next_date} (--future includes it)"
    first = f"the first due {next_date}"
    return f"held back {count} scheduled articles, {first} (--future includes them)"


def _print_stages(report: BuildReport) -> None:
    """Each stage's cost and share of this build, so a slower stage shows the day it lands."""
    from generator.pipeline.stages import describe

    for line in describe(report.stages, report.seconds):
        print(line, file=sys.stderr)


def _build_unchanged(args: argparse.Namespace) -> bool:
    """If nothing changed since the last cached build, say what it said and stop: checked
    by stat against a small manifest, before anything heavy is imported."""
    if args.no_cache or args.verbosity > 0:
        return False
    from generator.incremental import manifest

    started = time.perf_counter()
    report = manifest.unchanged(_options(args))
    if report is None:
        return False
    if args.verbosity >= 0:
        for warning in report.warnings:
            print(printable(warning), file=sys.stderr)
        if report.held and report.next_date:
            print(_held_line(report.held, report.next_date))
        seconds = time.perf_counter() - started
        print(f"built {report.pages} pages into {args.output}/ in {seconds:.2f}s")
    return True


def _say_theme(args: argparse.Namespace, options: BuildOptions) -> None:
    from generator.render.theme import Theme

    if args.verbosity > 0:
        folders = Theme.for_site(options.theme_dir).folders
        existing = [str(folder) for folder in folders if folder.is_dir()]
        print(f"theme: {' over '.join(existing)}", file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    from generator.authoring.init import StarterOptions, create_site

    options = StarterOptions(args.directory, args.title, args.base_url, args.force)
    written = create_site(options)
    if args.verbosity > 0:
        for path in written:
            print(f"wrote {path}")
    if args.verbosity >= 0:
        where = args.directory
        go = "" if where == Path(".") else f"cd {where}\n  "
        print(
            f"created a briefing in {where}/ ({len(written)} files). Next:\n"
            f"  {go}briefing serve    # preview on http://127.0.0.1:8000/\n"
            "  briefing build    # write the site into site/"
        )
        if args.base_url is None:
            print(
                "base_url is a placeholder: set it in content/site.yaml to the site's "
                "address before publishing (the GitHub Pages workflow sets it for you)"
            )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from generator.pipeline.builder import render_site

    # scheduled articles are checked too: they will be published later, unattended
    rendered = render_site(replace(_options(args), future=True))
    _print_warnings(rendered.warnings, args.verbosity)
    if args.verbosity < 0:
        return EXIT_OK
    print(
        f"ok: {_amount(len(rendered.site.articles), 'article')}, "
        f"{_amount(len(rendered.site.topics), 'topic')}, "
        f"{_amount(len(rendered.site.entities), 'entity', 'entities')}, "
        f"{_amount(len(rendered.pages), 'page')}"
        + _count(len(rendered.warnings), "warning", ", ")
    )
    if rendered.evidence is not None:
        evidence = rendered.evidence
        print(
            f"evidence: {len(evidence.items)} facts, events and quotes; "
            f"{evidence.supported} of {evidence.checked} citations supported by their text"
        )
        if evidence.unsupported:
            print(
                f"evidence: {_count(len(evidence.unsupported), 'claim')} no cited article "
                "supports: published marked 'Unsupported'; --strict fails"
            )
    return EXIT_OK


def _progress_line(started: float) -> Callable[[int, int], None]:
    """A one-line 'rendered 1,234 / 10,683 pages (3.2 s)' that rewrites itself."""

    def show(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"\rrendered {done:,} / {total:,} pages ({elapsed:.1f} s)", end="", file=sys.stderr)

    return show


def _print_warnings(warnings: Sequence[ContentError], verbosity: int = 0) -> None:
    if verbosity < 0:
        return
    for warning in warnings:
        print(printable(str(warning)), file=sys.stderr)


def _amount(number: int, noun: str, plural: str = "") -> str:
    """'1 article', '2 articles', '0 entities'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _count(number: int, noun: str, prefix: str = "") -> str:
    if not number:
        return ""
    return f"{prefix}{number} {noun}{'' if number == 1 else 's'}"


def _serve(args: argparse.Namespace) -> int:
    from generator.preview.session import serve

    return serve(_options(args), args.host, args.port, args.open, args.verbosity)


def _new(args: argparse.Namespace) -> int:
    if args.kind != "article":
        return _new_entry(args)
    from generator.authoring.imports import new_article

    path = new_article(
        args.content, args.title, args.force, args.source, tuple(args.topic), args.date
    )
    if args.verbosity >= 0:
        print(
            printable(
                f"created {path} as a draft: write the article, remove 'draft: true' "
                "to publish it, then run briefing check"
            )
        )
    return EXIT_OK


def _new_entry(args: argparse.Namespace) -> int:
    from generator.authoring.new_entries import NewEntry, add_entry

    kind = args.entry_kind or ("outlet" if args.kind == "source" else "")
    entry = NewEntry(
        args.kind,
        args.title,
        id=args.id,
        summary=args.summary,
        entity_kind=kind if args.kind == "entity" else "",
        aliases=tuple(args.alias),
        country=args.country,
        description=args.description,
        url=args.url,
        source_kind=kind if args.kind == "source" else "outlet",
        reliability=args.reliability,
    )
    written = add_entry(args.content, entry)
    if args.verbosity >= 0:
        where = f"{written.path}:{written.line}"
        print(printable(f"added {args.kind} '{written.id}' at {where}: edit it there"))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from generator.authoring.imports import ImportOptions, import_files, read_inputs
    from generator.authoring.plain_text import describe_import

    stdin = sys.stdin.buffer.read() if "-" in args.files else None
    inputs = read_inputs(args.files, stdin)
    options = ImportOptions(
        content_dir=args.content,
        source=args.source,
        default_source=args.default_source,
        topics=tuple(args.topic),
        date=args.date,
        title=args.title,
        slug=args.slug,
        rewrite_of=args.rewrite_of,
        force=args.force,
        dry_run=args.dry_run,
    )
    run, outcomes = import_files(inputs, options)
    _print_elsewhere(run.elsewhere)
    done = failed = seen = 0  # seen: a text each, or a feed's entries
    for outcome in outcomes:
        seen += 1
        if outcome.report:
            done += 1
            report = describe_import(outcome.report, outcome.origin, len(inputs) == 1)
            print(printable(report, lines=True))
        else:
            failed += any(error.severity == "error" for error in outcome.errors)
            for error in outcome.errors:
                print(printable(str(error)), file=sys.stderr)
        sys.stdout.flush()
    verb = "would be written" if args.dry_run else "written"
    summary = f"{_count(len(inputs), 'file')}: {done} {verb}, {seen - done} skipped"
    if args.dry_run:
        summary += "; nothing was written (--dry-run)"
    elif done and len(inputs) == 1:
        summary += "; next: review the file, run make check, then see it in make serve"
    print(summary, file=sys.stderr if failed else sys.stdout)
    return EXIT_ERRORS if failed else EXIT_OK


def _print_elsewhere(warnings: Sequence[ContentError], shown: int = 5) -> None:
    """Problems elsewhere in the content folder: they do not block an import."""
    if not warnings:
        return
    print(
        f"warning: the content folder has {_count(len(warnings), 'problem')} that this import "
        "does not touch; run briefing check:",
        file=sys.stderr,
    )
    for warning in warnings[:shown]:
        print(printable(f"  {warning}"), file=sys.stderr)
    if len(warnings) > shown:
        print(f"  … and {len(warnings) - shown} more", file=sys.stderr)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _report(exc: ContentErrors) -> int:
    for error in exc.errors:
        print(printable(str(error)), file=sys.stderr)
    count = sum(1 for error in exc.errors if error.severity == "error")
    print(f"{_count(count, 'error')}; nothing was written", file=sys.stderr)
    return EXIT_ERRORS
