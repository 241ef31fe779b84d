"""Command line: argparse, messages and exit codes. No build logic lives here.

`arguments` (the commands, their options and help), `site_commands` (build, check, serve),
`authoring_commands` (init, new, import), `messages` (what they all print the same way, and
the exit codes). `main` is the entry point of `briefing` and `python -m generator`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.cli.arguments import make_parser, verbosity
from generator.cli.messages import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, report_errors
from generator.cli.site_commands import build_unchanged
from generator.errors import ContentErrors

# The stages (Jinja2, markdown-it-py, PyYAML...) are imported by the commands that
# run them, so `briefing --help` and a usage error start fast.

SITE_COMMANDS = ("build", "check", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    args.verbosity = verbosity(args)
    if args.command in SITE_COMMANDS and not args.content.is_dir():
        print(
            f"{args.content}: error: there is no content folder here "
            "(start a new site with 'briefing init', or pass --content DIR)",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    if args.command == "build" and build_unchanged(args):
        return EXIT_OK
    from generator.output import OutputError, describe_fault
    from generator.search.index import SearchIndexError

    try:
        return args.run(args)
    except ContentErrors as exc:
        return report_errors(exc)
    except (SearchIndexError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:  # disk full, read-only, permissions: one line, no traceback
        print(f"error: {describe_fault(exc, Path('.'))}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130
