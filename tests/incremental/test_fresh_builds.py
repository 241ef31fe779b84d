"""`briefing build` as fresh processes over one content folder, as a user (or CI) runs
it: what the cache lets a new process skip, and that skipping changes nothing.

- a one-article edit signs that article's text alone for the near-copy search;
- an edit that breaks a fact's support gives the warm build the cold build's warning;
- a build with nothing to do writes nothing and never imports Jinja2 (incremental/manifest.py);
- the support check re-checks only the claims whose text or cited text changed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, site_args, tree

from generator.evidence.site_check import check_site
from generator.incremental import cache
from generator.pipeline.builder import Builder
from generator.settings import BuildOptions

EDITED = "zelensky-to-meet-us-envoy-and-turkish-president"
STATED = (
    "No Russian representative is expected to participate in the Ankara meeting, "
    "according to Kremlin spokesman Dmitry Peskov."
)
BROKEN = "Several delegations are expected in the Ankara meeting."
UNSUPPORTED = f") not supported by '{EDITED}'"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def briefing(*args: str, importtime: bool = False) -> subprocess.CompletedProcess:
    flags = ["-X", "importtime"] if importtime else []
    command = [sys.executable, *flags, "-m", "generator", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def build_args(content: Path, output: Path, *extra: str) -> list[str]:
    return site_args("build", content, output, "--no-search", *extra)


def warnings(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.splitlines() if ": warning: " in line]


def cached(output: Path) -> cache.CachedBuild:
    path = cache.cache_file(output)
    key = path.read_bytes().split(b"\n", 2)[1].decode()  # whatever key made it
    found = cache.load(path, key)
    assert found is not None
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_one_article_edit_signs_that_article_alone(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "site"
    briefing(*build_args(content, output))
    first = cached(output)
    articles = sorted((content / "articles").glob("*.md"))
    assert len(first.signed) == len(articles) == len(first.signatures)
    edit(content / "articles" / f"{EDITED}.md", STATED, BROKEN)
    briefing(*build_args(content, output))
    second = cached(output)
    assert len(second.signed) == 1
    assert second.signatures.keys() - first.signatures.keys() == second.signed
    assert second.near_copy_search.updated  # re-queried that article, not all again


def test_warm_after_breaking_a_claim_warns_as_cold(content: Path, tmp_path: Path) -> None:
    output, cold = tmp_path / "site", tmp_path / "cold" / "site"
    before = briefing(*build_args(content, output))
    assert not any(UNSUPPORTED in line for line in warnings(before))
    edit(content / "articles" / f"{EDITED}.md", STATED, BROKEN)
    warm = briefing(*build_args(content, output))
    fresh = briefing(*build_args(content, cold, "--no-cache"))
    assert any(UNSUPPORTED in line for line in warnings(warm))
    assert warnings(warm) == warnings(fresh)
    assert tree(output) == tree(cold)


def test_a_build_with_nothing_to_do_writes_nothing_and_imports_no_stage(
    content: Path, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    first = briefing(*build_args(content, output))
    files = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    again = briefing(*build_args(content, output), importtime=True)
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in again.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "generator.cli" in modules and "generator.incremental.manifest" in modules
    assert not {"jinja2", "markdown_it", "yaml", "pickle", "generator.pipeline.builder"} & modules
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == files
    assert warnings(again) == warnings(first)
    assert again.stdout.split(" in ")[0] == first.stdout.split(" in ")[0]  # "built N pages into"
    assert again.stdout.strip().endswith("s: nothing changed")  # it says why it was so quick
    assert "nothing changed" not in first.stdout


def test_any_change_takes_the_full_way(content: Path, tmp_path: Path) -> None:
    """The manifest answers only when everything is as recorded: a new input, a touched
    one, an output changed by hand or another setting each get a real build."""
    output = tmp_path / "site"
    briefing(*build_args(content, output))
    index = output / "index.html"
    index.write_text("tampered", encoding="utf-8")
    briefing(*build_args(content, output))
    assert index.read_text(encoding="utf-8") != "tampered"
    os.utime(content / "topics.yaml")  # same bytes, new stat: checked by digest, not rebuilt
    briefing(*build_args(content, output), importtime=True)
    done = briefing(*build_args(content, output), importtime=True)
    assert "jinja2" not in done.stderr  # the manifest was brought up to date
    briefing(*build_args(content, output, "--base-url", "https://example.org/x/"))
    assert "example.org/x/" in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_the_support_check_rechecks_only_what_changed(content: Path, tmp_path: Path) -> None:
    options = BuildOptions(
        content_dir=content,
        theme_dir=tmp_path / "theme",
        output_dir=tmp_path / "site",
        search=False,
    )
    site = Builder(options).render().site
    first = check_site(site)
    assert check_site(site, first.memo).checked == 0
    edit(content / "articles" / f"{EDITED}.md", STATED, BROKEN)
    edited = Builder(options).render().site
    again = check_site(edited, first.memo)
    citing = {
        key
        for key, item in again.evidence.items.items()
        if any(support.slug == EDITED for support in item.supports)
    }
    assert again.checked == len(citing) > 0
    assert again.evidence == check_site(edited).evidence  # as if checked from nothing


def test_a_deploy_that_restores_the_last_build_renders_what_changed(tmp_path: Path) -> None:
    """What the Pages workflow does: a fresh checkout (every file new to the file system),
    the last deploy's .briefing-cache/ and site/ restored from a tar archive (actions/cache
    makes one with `tar --posix`), then `briefing build`. It renders what the edit touched,
    not the whole site, and makes the site a cold build makes."""
    tar = shutil.which("tar")
    assert tar, "this test needs tar, as actions/cache does"
    checkout, archive = tmp_path / "checkout", tmp_path / "cache.tar"
    shutil.copytree(CONTENT, checkout / "content")
    briefing(*build_args(checkout / "content", checkout / "site"))
    subprocess.run(
        [tar, "--posix", "-cf", archive, "-C", checkout, ".briefing-cache", "site"], check=True
    )
    shutil.rmtree(checkout)
    shutil.copytree(CONTENT, checkout / "content")
    edit(checkout / "content" / "articles" / f"{EDITED}.md", STATED, BROKEN)
    subprocess.run([tar, "-xf", archive, "-C", checkout], check=True)
    warm = briefing(*build_args(checkout / "content", checkout / "site", "-v"))
    counts = re.search(r"^rendered (\d+) of (\d+) pages, .*the last build's$", warm.stderr, re.M)
    assert counts, warm.stderr
    assert 0 < int(counts[1]) < int(counts[2]) / 2  # this edit touches 44 of 136 pages
    cold = tmp_path / "cold" / "site"
    briefing(*build_args(checkout / "content", cold, "--no-cache"))
    assert tree(checkout / "site") == tree(cold)


def test_the_content_folder_named_another_way_builds_as_cold(tmp_path: Path) -> None:
    """'content' then '/abs/content': the cached records keep the paths they were read by,
    so the second spelling starts cold rather than mixing the two (it was a traceback)."""
    shutil.copytree(CONTENT, tmp_path / "content")

    def build(content: str, *extra: str) -> subprocess.CompletedProcess:
        args = ["build", "--content", content, "--output", "site", "--no-search", *extra]
        command = [sys.executable, "-m", "generator", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)

    assert build("content").returncode == 0
    edit(tmp_path / "content" / "articles" / f"{EDITED}.md", STATED, BROKEN)
    warm = build(str(tmp_path / "content"))
    assert warm.returncode == 0 and "Traceback" not in warm.stderr, warm.stderr
    (tmp_path / "site").rename(tmp_path / "warm")
    assert build(str(tmp_path / "content"), "--no-cache").returncode == 0
    assert tree(tmp_path / "warm") == tree(tmp_path / "site")


def _full_way(done: subprocess.CompletedProcess) -> bool:
    """Whether a build run with `importtime` went past the manifest."""
    return "generator.pipeline.builder" in done.stderr


def test_a_damaged_output_takes_the_full_way_once_and_is_repaired(
    content: Path, tmp_path: Path
) -> None:
    """A deleted page, a page edited in place and a stray file (incremental/output_stamp.py)."""
    output = tmp_path / "site"
    briefing(*build_args(content, output))
    made = tree(output)
    pages = sorted(output.glob("articles/*/index.html"))
    pages[0].unlink()
    with pages[1].open("r+b") as page:  # same size, same folder: only its own stat moves
        page.write(b"<!-- by hand -->")
    (output / "articles" / "stray.html").write_text("stray", encoding="utf-8")
    repaired = briefing(*build_args(content, output), importtime=True)
    assert _full_way(repaired)
    assert tree(output) == made
    removed, edited = (page.relative_to(output).as_posix() for page in pages[:2])
    note = f"had changed since the last build (articles/stray.html added; {removed} removed; "
    assert f"{note}{edited} changed or touched): it was built anew" in repaired.stderr
    again = briefing(*build_args(content, output), importtime=True)
    assert not _full_way(again) and "had changed" not in again.stderr


def test_a_stray_file_since_removed_costs_one_full_build(content: Path, tmp_path: Path) -> None:
    """Its folder's mtime moved, nothing else: the full way finds nothing to do and writes
    the manifest again, so the build after is answered by it."""
    output = tmp_path / "site"
    briefing(*build_args(content, output))
    stray = output / "topics" / "stray.html"
    stray.write_text("stray", encoding="utf-8")
    stray.unlink()
    full = briefing(*build_args(content, output), importtime=True)
    assert _full_way(full) and "had changed" not in full.stderr  # nothing to tell: all as built
    assert not _full_way(briefing(*build_args(content, output), importtime=True))
