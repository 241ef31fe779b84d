"""Nothing lost: one build per output, outputs safe to replace, a whole search index,
safe static files, every fault a message (issue 19, findings 1, 2, 3, 9, 14, 15)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, ROOT, THEME, site_args, tree
from previewing import get

from generator import output
from generator.cli import main
from generator.pipeline.builder import build
from generator.routes import OUTPUT_MARKER
from generator.search import index as search
from generator.settings import BuildOptions

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus


def briefing(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return tree(root) if root.is_dir() else {"": root.read_bytes()}


# Finding 1: two builds at once published an empty site and both exited 0.


def test_a_temporary_folder_of_a_running_build_is_left_alone(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        running = tmp_path / f".site-new-site-{sleeper.pid}"
        (running / "topics").mkdir(parents=True)
        dead = tmp_path / f".site-new-site-{2**22 + 7}"  # above Linux's pid_max
        dead.mkdir()
        output.clean_stale(tmp_path / "site")
        assert running.is_dir()
        assert not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    released = threading.Event()

    def hold_the_lock() -> None:
        with output.build_lock(site):
            released.wait(30)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    time.sleep(0.2)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", *site_args("build", CONTENT, site, "--no-search")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = process.stderr.readline()  # once it has met the lock
        assert f"waiting for another build of {site}/" in first_line
        time.sleep(1)
        assert process.poll() is None  # still waiting
        assert not site.exists()
    finally:
        released.set()
        holder.join()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert (site / "index.html").is_file()


def test_concurrent_builds_leave_a_complete_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_corpus(content, 40, topics=5, entities=30)
    reference = tmp_path / "reference"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=reference, search=False))
    site = tmp_path / "site"
    command = [sys.executable, "-m", "generator", *site_args("build", content, site, "--no-search")]
    for _ in range(2):
        processes = [
            subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        assert tree(site) == tree(reference)
    expected = [".briefing-cache", "content", "reference", "site"]  # the cache: issue 17
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


# Finding 2: a wrong --output deleted user files with exit 0.


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: content/, a git work tree, a notes file."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", root / "content")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / "notes.txt").write_text("my notes")
    (root / "downloads").mkdir()
    (root / "downloads" / "report.pdf").write_bytes(b"%PDF")
    (root / "deploy").mkdir()
    shutil.copytree(root / ".git", root / "deploy" / ".git")
    return root


@pytest.mark.parametrize(
    ("output_arg", "message"),
    [
        ("content", "it holds content"),
        ("content/topics.yaml", "the output is a file"),
        (".", "it holds"),
        ("..", "it holds"),
        ("downloads", "a folder that briefing did not make"),
        ("deploy", "a git work tree"),
        ("notes.txt/site", "is a file, not a folder"),
    ],
)
def test_an_unsafe_output_is_refused_and_nothing_is_touched(
    project: Path, output_arg: str, message: str
) -> None:
    before = tree(project.parent)
    result = briefing(
        "build", "--content", "content", "--theme", str(THEME), "--output", output_arg,
        cwd=project,
    )
    assert result.returncode == 1, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree(project.parent) == before


def test_an_output_made_by_a_build_is_replaced(project: Path) -> None:
    args = ("build", "--content", "content", "--theme", str(THEME), "--no-search")
    assert briefing(*args, cwd=project).returncode == 0
    (project / "site" / "stale.html").write_text("old")
    assert briefing(*args, cwd=project).returncode == 0
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / OUTPUT_MARKER).is_file()


# Finding 3: Pagefind's files were read before it finished writing them.


def test_a_broken_search_bundle_fails_the_build_and_keeps_the_site(
    mini_content: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    site = tmp_path / "site"
    assert main(site_args("build", mini_content, site)) == 0
    before = tree(site)
    real_index = search.index_pages

    def truncated(pages, language, *finishing):
        bundle = real_index(pages, language, *finishing)
        bundle["pagefind-ui.js"] = b""
        return bundle

    monkeypatch.setattr(search, "index_pages", truncated)
    (mini_content / "articles" / "first.md").write_text(
        (mini_content / "articles" / "first.md").read_text() + "\nMore.\n"
    )
    capsys.readouterr()
    assert main(site_args("build", mini_content, site)) == 1
    assert "the search index is incomplete: no pagefind-ui.js" in capsys.readouterr().err
    assert tree(site) == before


@pytest.mark.parametrize(
    "damage",
    ["empty entry", "truncated meta", "missing filter", "truncated fragment"],
)
def test_verify_bundle_finds_every_kind_of_damage(real_site: Path, damage: str) -> None:
    bundle_dir = real_site / "pagefind"
    bundle = {str(p.relative_to(bundle_dir)): p.read_bytes() for p in bundle_dir.rglob("*")
              if p.is_file()}
    search.verify_bundle(bundle)  # whole
    pick = {
        "empty entry": lambda name: name == "pagefind-entry.json",
        "truncated meta": lambda name: name.endswith(".pf_meta"),
        "missing filter": lambda name: name.endswith(".pf_filter"),
        "truncated fragment": lambda name: name.endswith(".pf_fragment"),
    }[damage]
    name = next(name for name in sorted(bundle) if pick(name))
    if damage == "missing filter":
        del bundle[name]
    else:
        bundle[name] = bundle[name][: len(bundle[name]) // 2] if damage != "empty entry" else b""
    with pytest.raises(search.SearchIndexError):
        search.verify_bundle(bundle)


def test_consecutive_indexed_builds_each_give_a_whole_bundle(tmp_path: Path) -> None:
    """The CI version of bench/search_race.py (30 builds of 300 articles)."""
    content = tmp_path / "content"
    write_corpus(content, 40, topics=5, entities=30)
    site = tmp_path / "site"
    bundles = []
    for _ in range(2):
        build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=site))
        bundle_dir = site / "pagefind"
        bundle = {str(p.relative_to(bundle_dir)): p.read_bytes()
                  for p in bundle_dir.rglob("*") if p.is_file()}
        search.verify_bundle(bundle)
        bundles.append(bundle)
    assert bundles[0] == bundles[1]


# Finding 15: output differed between tmpfs and ext4.


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a tmpfs at /dev/shm")
def test_output_is_the_same_on_tmpfs_and_on_disk(tmp_path: Path) -> None:
    on_disk = tmp_path / "disk"
    shutil.copytree(CONTENT, on_disk / "content")
    with_files = on_disk / "site"
    shm = Path("/dev/shm") / f"briefing-test-{os.getpid()}"
    try:
        shutil.copytree(CONTENT, shm / "content")
        build(BuildOptions(content_dir=shm / "content", theme_dir=THEME, output_dir=shm / "site"))
        build(BuildOptions(content_dir=on_disk / "content", theme_dir=THEME, output_dir=with_files))
        assert tree(shm / "site") == tree(with_files)
    finally:
        shutil.rmtree(shm, ignore_errors=True)


# Finding 9: the theme's static/ was copied wholesale, secrets and symlinks included.


@pytest.fixture
def leaky_theme(tmp_path: Path) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    static = theme / "static"
    (static / ".env").write_text("API_KEY=secret")
    (static / ".git").mkdir()
    (static / ".git" / "config").write_text("[remote]")
    for name in ("style.css~", ".style.css.swp", "#style.css#", "notes.bak"):
        (static / name).write_text("backup")
    os.mkfifo(static / "pipe.css")
    os.symlink(static / "style.css", static / "linked.css")  # inside the theme: fine
    return theme


def test_static_files_are_published_without_secrets_or_backups(
    leaky_theme: Path, mini_content: Path, tmp_path: Path, serve_dir
) -> None:
    site = tmp_path / "site"
    build(
        BuildOptions(content_dir=mini_content, theme_dir=leaky_theme, output_dir=site, search=False)
    )
    published = {p.name for p in (site / "static").iterdir()}
    assert published == {p.name for p in (THEME / "static").iterdir()} | {"linked.css"}
    for name in (".env", ".git", "style.css~", ".style.css.swp", "#style.css#", "notes.bak",
                 "pipe.css"):
        assert not (site / "static" / name).exists(), name
    (site / "static" / ".env").write_text("leaked")  # even if one got there
    base = serve_dir(site)
    assert get(base, "/static/.env")[0] == 404
    assert get(base, "/static/linked.css")[0] == 200


def test_a_static_symlink_out_of_the_theme_is_an_error(
    leaky_theme: Path, mini_content: Path, tmp_path: Path, capsys
) -> None:
    os.symlink("/etc/passwd", leaky_theme / "static" / "passwd.css")
    site = tmp_path / "site"
    args = site_args("build", mini_content, site, "--no-search")
    args[args.index("--theme") + 1] = str(leaky_theme)
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "passwd.css: error: symbolic link to /etc/passwd leads out of the theme" in err
    assert not site.exists()


# Finding 14: faults were tracebacks.


@pytest.mark.parametrize(
    ("fault", "cause"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
)
def test_a_write_fault_is_one_line_and_the_old_site_stays(
    mini_content: Path, tmp_path: Path, monkeypatch, capsys, fault: OSError, cause: str
) -> None:
    site = tmp_path / "site"
    assert main(site_args("build", mini_content, site, "--no-search")) == 0
    before = tree(site)

    def failing_write(directory: Path, name: str, text: str) -> None:
        fault.filename = str(directory / name)
        raise fault

    monkeypatch.setattr(output, "write_file", failing_write)
    capsys.readouterr()
    # --no-cache: a full build (with the cache, nothing changed and nothing is written)
    assert main(site_args("build", mini_content, site, "--no-search", "--no-cache")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and cause in err[0] and ".nojekyll" in err[0], err
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".briefing-cache", "content", "site"]


def test_faults_of_the_command_line_are_messages(project: Path) -> None:
    cases = {
        "output parent is a file": ["--output", "notes.txt/site"],
        "--output .": ["--output", "."],
    }
    for name, extra in cases.items():
        result = briefing("build", "--content", "content", "--theme", str(THEME), *extra,
                          cwd=project)
        assert result.returncode == 1, name
        assert result.stderr.startswith("error: "), (name, result.stderr)
        assert "Traceback" not in result.stderr, name
