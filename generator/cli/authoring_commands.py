"""The authoring commands: init, new (an article, topic, entity or source) and import."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.cli.messages import EXIT_ERRORS, EXIT_OK, nonzero_amount
from generator.errors import ContentError
from generator.routes import SITE_FILE
from generator.terminal import printable


def run_init(args: argparse.Namespace) -> int:
    from generator.authoring.init import StarterOptions, create_site, preview_address

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
            f"  {go}briefing serve    # preview on {preview_address(args.base_url)} "
            "(or: make serve)\n"
            "  briefing build    # write the site into site/ (or: make build)"
        )
        if args.base_url is None:
            print(
                f"base_url is a placeholder: set it in content/{SITE_FILE} to the site's "
                "address before publishing (the GitHub Pages workflow sets it for you)"
            )
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    if args.kind != "article":
        return _new_entry(args)
    from generator.authoring.new_article import new_article

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


def run_import(args: argparse.Namespace) -> int:
    from generator.authoring.import_inputs import read_inputs
    from generator.authoring.import_report import describe_import
    from generator.authoring.imports import ImportOptions, import_files

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
    summary = f"{nonzero_amount(len(inputs), 'file')}: {done} {verb}, {seen - done} skipped"
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
        f"warning: the content folder has {nonzero_amount(len(warnings), 'problem')} "
        "that this import does not touch; run briefing check:",
        file=sys.stderr,
    )
    for warning in warnings[:shown]:
        print(printable(f"  {warning}"), file=sys.stderr)
    if len(warnings) > shown:
        print(f"  … and {len(warnings) - shown} more", file=sys.stderr)
