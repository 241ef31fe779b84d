"""Shared fixtures: the real content built once, a small fixture site, HTML parsing."""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

from generator.pipeline.builder import build
from generator.preview.server import serving
from generator.settings import BuildOptions

if TYPE_CHECKING:  # Playwright is imported by the browser tests alone (it takes a while)
    from playwright.sync_api import Browser

# No per-example deadline: on a shared 2-core machine any example may be paused for a
# second, and a rule that holds holds however long it took. (Tests that are about time
# measure it themselves.)
# The same examples on every run, so a submission's CI never fails on an example no one has
# seen; HYPOTHESIS_PROFILE=explore draws new ones (a fresh-clone run found an alias that way).
settings.register_profile("briefing", deadline=None, derandomize=True)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "briefing"))

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
THEME = ROOT / "themes" / "default"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def site_args(command: str, content: Path, output: Path | None = None, *extra: str) -> list[str]:
    """Command-line arguments for `briefing COMMAND` on a content folder and the default theme."""
    args = [command, "--content", str(content), "--theme", str(THEME)]
    return args + (["--output", str(output)] if output else []) + list(extra)


def tree(root: Path, skip: str = "") -> dict[str, bytes]:
    """Every file below root (but those under a folder named `skip`) and its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and skip not in p.relative_to(root).parts
    }


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ built once, search index included."""
    output = tmp_path_factory.mktemp("real") / "site"
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output))
    return output


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A writable copy of the small fixture site's content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def serve_dir() -> Iterator:
    """Start a preview server for a folder: serve_dir(root, base_path) -> base URL."""
    with contextlib.ExitStack() as servers:
        yield lambda root, base_path="/": servers.enter_context(serving(root, base_path))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Chromium is missing: install it with 'apt-get install -y chromium' "
            "(.ci/run does this as root)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# What `make test-fast` leaves out (`-m "not slow"`): tests that check or build a site,
# start a server, a browser or a process, or install packages. The rest is the unit layer.
SLOW_FIXTURES = frozenset({"real_site", "browser", "server", "serve_dir", "wheel", "started"})
SLOW_MODULES = frozenset(
    {
        "test_build",
        "test_cache",
        "test_cards",
        "test_check",
        "test_checked",
        "test_cli",
        "test_color_scheme_browser",
        "test_content",
        "test_docs",
        "test_drafts",
        "test_errors",
        "test_feed_import",
        "test_fresh_builds",
        "test_golden_output",
        "test_hostile",
        "test_i18n",
        "test_import",
        "test_incremental",
        "test_incremental_property",
        "test_labels",
        "test_languages",
        "test_limits",
        "test_lineage",
        "test_new_entries",
        "test_outputs",
        "test_package",
        "test_preview",
        "test_publish",
        "test_quiet_pages",
        "test_scale",
        "test_served_write",
        "test_search_refresh",
        "test_schedule",
        "test_screens_browser",
        "test_search",
        "test_search_shards",
        "test_stages",
        "test_suggest_browser",
        "test_summaries",
        "test_untrusted",
        "test_writing",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.stem
        if module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def search_fragments(site: Path) -> str:
    return "".join(
        gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")
    )
