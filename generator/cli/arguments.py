"""The command line's grammar: every command, its options and its help text."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.cli.authoring_commands import run_import, run_init, run_new
from generator.cli.site_commands import run_build, run_check, run_serve
from generator.routes import CACHE_FOLDER, SITE_FILE

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


def make_parser() -> argparse.ArgumentParser:
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
    build_cmd.set_defaults(run=run_build)

    check = commands.add_parser("check", help="validate content without writing anything")
    _add_site_options(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=run_check)

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
    serve.set_defaults(run=run_serve)

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
        "--source", default="", help=f"source id (default: {SITE_FILE}'s defaults.source)"
    )
    new.add_argument(
        "--topic",
        action="append",
        default=[],
        help=f"topic id, repeatable (default: {SITE_FILE}'s defaults.topics)",
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
    new.set_defaults(run=run_new)
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
    command.set_defaults(run=run_import)


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
    init.set_defaults(run=run_init)


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


def verbosity(args: argparse.Namespace) -> int:
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
        "--base-url", help=f"override base_url from {SITE_FILE} (also BRIEFING_BASE_URL)"
    )


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None
