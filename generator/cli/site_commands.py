"""The site commands: build, check and serve, and the build options they share."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.cli.messages import EXIT_OK, amount, nonzero_amount, print_warnings
from generator.terminal import printable

if TYPE_CHECKING:
    from generator.pipeline.builder import BuildReport
    from generator.settings import BuildOptions


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


def run_build(args: argparse.Namespace) -> int:
    from generator.pipeline.builder import build
    from generator.pipeline.collector import batch_collection

    options = _options(args)
    _say_theme(args, options)
    progress = sys.stderr.isatty() and args.verbosity >= 0
    if progress:
        options = replace(options, progress=_progress_line(time.perf_counter()))
    with batch_collection():  # a one-shot process: the preview keeps the defaults
        report = build(options)
    if progress:
        print("\r\033[K", end="", file=sys.stderr)
    print_warnings(report.warnings, args.verbosity)
    if report.altered and args.verbosity >= 0:
        print(printable(report.altered_note()), file=sys.stderr)
    if args.verbosity >= 0:
        held = report.held
        if held.count and held.next_date:
            print(_held_line(held.count, held.next_date.isoformat()))
        print(f"built {report.pages} pages into {report.output_dir}/ in {report.seconds:.2f}s")
    if args.verbosity > 0:
        print(_rendered_line(report), file=sys.stderr)
    if args.verbosity > 0 and report.stages:
        _print_stages(report)
    return EXIT_OK


def _rendered_line(report: BuildReport) -> str:
    """How much of the site this build made anew: after an edit, a few pages of many."""
    kept = "" if report.full else "; the other files are the last build's"
    return (
        f"rendered {len(report.rendered)} of {report.pages} pages, "
        f"wrote {len(report.written)}, removed {len(report.deleted)}{kept}"
    )


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


def build_unchanged(args: argparse.Namespace) -> bool:
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
        print(f"built {report.pages} pages into {args.output}/ in {seconds:.2f}s: nothing changed")
    return True


def _say_theme(args: argparse.Namespace, options: BuildOptions) -> None:
    from generator.render.theme import Theme

    if args.verbosity > 0:
        folders = Theme.for_site(options.theme_dir).folders
        existing = [str(folder) for folder in folders if folder.is_dir()]
        print(f"theme: {' over '.join(existing)}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    from generator.pipeline.builder import render_site

    # scheduled articles are checked too: they will be published later, unattended
    rendered = render_site(replace(_options(args), future=True))
    print_warnings(rendered.warnings, args.verbosity)
    if args.verbosity < 0:
        return EXIT_OK
    print(
        f"ok: {amount(len(rendered.site.articles), 'article')}, "
        f"{amount(len(rendered.site.topics), 'topic')}, "
        f"{amount(len(rendered.site.entities), 'entity', 'entities')}, "
        f"{amount(len(rendered.pages), 'page')}"
        + nonzero_amount(len(rendered.warnings), "warning", ", ")
    )
    if rendered.evidence is not None:
        evidence = rendered.evidence
        print(
            f"evidence: {len(evidence.items)} facts, events and quotes; "
            f"{evidence.supported} of {evidence.checked} citations supported by their text"
        )
        if evidence.unsupported:
            print(
                f"evidence: {nonzero_amount(len(evidence.unsupported), 'claim')} no cited article "
                "supports: published marked 'Unsupported'; --strict fails"
            )
    return EXIT_OK


def _progress_line(started: float) -> Callable[[int, int], None]:
    """A one-line 'rendered 1,234 / 10,683 pages (3.2 s)' that rewrites itself."""

    def show(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"\rrendered {done:,} / {total:,} pages ({elapsed:.1f} s)", end="", file=sys.stderr)

    return show


def run_serve(args: argparse.Namespace) -> int:
    from generator.preview.session import serve

    return serve(_options(args), args.host, args.port, args.open, args.verbosity)
