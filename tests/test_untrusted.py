"""Untrusted content stays inside its site (issue 23): an alias is a site path checked in
one place, every written file goes through one guard, and nothing outside the output
folder is written or any page of the site replaced, whatever the aliases say."""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, THEME, tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import output
from generator.errors import ContentErrors
from generator.pipeline.builder import build
from generator.routes import BadPath, site_path
from generator.settings import BuildOptions

BASE_URL = "https://example.org/mini/"
MINI = FIXTURES / "mini"


def briefing(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in its own process."""
    command = [sys.executable, "-m", "generator", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


def with_front_matter(content: Path, lines: str, article: str = "first") -> Path:
    path = content / "articles" / f"{article}.md"
    path.write_text(path.read_text().replace("summary:", f"{lines}\nsummary:", 1))
    return path


@pytest.mark.parametrize(
    ("alias", "path"),
    [
        ("/2025/old-name", "/2025/old-name/"),
        ("/old.html", "/old.html"),
        ("/köln/", "/k%C3%B6ln/"),
        ("/ko\u0308ln/", "/k%C3%B6ln/"),  # the NFD spelling is the same file on macOS
        ("/a%20b/", "/a%20b/"),
        ("/%66irst/", "/first/"),
        ("/", "/"),
    ],
)
def test_an_alias_is_decoded_and_normalised(alias: str, path: str) -> None:
    assert site_path(alias) == path


@pytest.mark.parametrize(
    "alias",
    [
        "/%2e%2e/%2e%2e/tmp/x/",
        "/%2E%2E/x/",
        "/..%2f..%2fx/",
        "/%252e%252e/x/",
        "/../x/",
        "/a/../../x",
        "//",
        "/./",
        "//evil.example/x",
        "https://evil.example/x",
        "x/",
        "/a\\..\\x",
        "/%5c../x",
        "/%00/",
        "/a\x00b/",
        "/a\x1bb/",
        "/\u202eevil/",
        "/C:/Windows/x",
        "/.git/config",
        "/.briefing-site",
        "/pagefind/pagefind.js",
        "/static/style.css",
        "/cards/x.png",
        "/%ff/",
        "/" + "x" * 300 + "/",
        "/index.html.",  # Windows drops trailing dots and spaces: the home page there
        "/old%20/",
        "/a./b/",
    ],
)
def test_an_alias_that_is_not_a_plain_site_path_is_refused(alias: str) -> None:
    with pytest.raises(BadPath):
        site_path(alias)


@pytest.mark.parametrize(
    "relative",
    ["../x", "a/../../x", "/etc/x", "", "a//b", "./a", "a\\b", "a\x00b"],
)
def test_the_write_guard_refuses_a_path_that_is_not_plain(tmp_path: Path, relative: str) -> None:
    with pytest.raises(output.OutsideOutput):
        output.inside(tmp_path / "site", relative)
    assert not (tmp_path / "x").exists()


def test_the_write_guard_refuses_a_folder_linked_out(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "site" / "articles").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "site" / "page.html").symlink_to(tmp_path / "elsewhere" / "page.html")
    with pytest.raises(output.OutsideOutput):
        output.inside(tmp_path / "site", "articles/x/index.html")
    with pytest.raises(output.OutsideOutput):
        output.inside(tmp_path / "site", "page.html")
    assert output.inside(tmp_path / "site", "a/b/index.html") == tmp_path / "site/a/b/index.html"


# Every way the red-team pass found to reach out of the output or over a page, and
# their neighbours: `check` and `build` must name each at its own line. Paths that are
# not site paths are found with the model, clashes once the pages are known: two files.
NOT_SITE_PATHS = {
    "/%2e%2e/%2e%2e/x/": "escapes '.' as %2e",  # from .site-new-site-PID/ to root.parent
    "/%2e%2e/lib/python3/site-packages/zz.pth": "escapes '.' as %2e",
    "//": "holds an empty part",
    "/./": "holds '.'",
    "/%00/": "escapes '\\x00' as %00",
    "/a/%2f/b/": "escapes '/' as %2f",
}
CLASHES = {
    "/": "is already the address of the page /",
    "/index.html": "is already the address of the page /",
    "/articles/%66irst/": "is already the address of the page /articles/first/",
    "/Articles/Second/": "is already the address of the page /articles/second/",
    "/sitemap.xml": "is already the address of the page /sitemap.xml",
    "/robots.txt": "is already the address of the page /robots.txt",
    "/feed.xml/x/": "is inside a file of the site",
    "/topics": "is already the address of the page /topics/",
    "/old/": "",  # the first use is fine...
    "/old": "is already an alias of 'first'",  # ...the same folder again is not
}


@pytest.fixture(scope="module", params=[NOT_SITE_PATHS, CLASHES], ids=["paths", "clashes"])
def hostile_aliases(request, tmp_path_factory: pytest.TempPathFactory):
    """`briefing check` and `briefing build` on the mini site with these aliases."""
    aliases = request.param
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(MINI, content)
    listed = "".join(f"\n  - {alias!r}" for alias in aliases)
    with_front_matter(content, f"aliases:{listed}")
    checked = briefing("check", "--content", content, "--theme", THEME, cwd=root)
    built = briefing("build", "--content", content, "--theme", THEME, cwd=root)
    assert checked.returncode == built.returncode == 1
    assert sorted(p.name for p in root.iterdir()) == ["content"]  # nothing written
    assert not (root.parent / "x").exists()
    return aliases, (checked.stderr, built.stderr)


def test_a_hostile_alias_is_one_message_at_its_line(hostile_aliases) -> None:
    aliases, said = hostile_aliases
    for stderr in said:
        assert "Traceback" not in stderr
        for index, (alias, message) in enumerate(aliases.items()):
            line = 7 + index  # '---', four fields, 'aliases:', then one alias a line
            at_line = [text for text in stderr.splitlines() if f"first.md:{line}:" in text]
            if message:
                assert len(at_line) == 1 and message in at_line[0], (alias, stderr)
                assert ": error: " in at_line[0]
            else:
                assert at_line == [], alias


ALIAS_PARTS = st.sampled_from(
    [
        "/", "//", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "%5C", "\\", "%00", "\x00",
        "%25", "%252e", "index.html", "articles", "first", "%66irst", "sitemap.xml",
        "robots.txt", "feed.xml", "tmp", "x", "é", "e\u0301", "K", "\u202e", "C:", "~",
        " ", "pagefind", "static", "cards", ".nojekyll", "%", "?", "#", ":",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(["/", "/", "/", "//", "%2f", "\\", ""])
SEGMENTS = ALIAS_PARTS | ALIAS_PARTS | st.text(max_size=3)  # mostly the parts that matter
ALIASES = st.builds(
    lambda first, pairs: first + "".join(part + separator for part, separator in pairs),
    st.sampled_from(["/", "/", "/", "", "//", "%2f"]),
    st.lists(st.tuples(SEGMENTS, SEPARATORS), max_size=6),
)


@pytest.fixture(scope="module")
def clean_mini(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The mini site without aliases, as a tree of files."""
    site = tmp_path_factory.mktemp("clean") / "site"
    build(
        BuildOptions(
            content_dir=MINI,
            theme_dir=THEME,
            output_dir=site,
            base_url=BASE_URL,
            search=False,
            workers=1,
        )
    )
    return tree(site)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(aliases=st.lists(ALIASES, min_size=1, max_size=2))
def test_no_alias_writes_outside_the_output_or_over_a_page(
    tmp_path_factory: pytest.TempPathFactory, clean_mini: dict[str, bytes], aliases: list[str]
) -> None:
    root = tmp_path_factory.mktemp("alias")
    deep = root / "a" / "b" / "c"  # room for '..' to climb into, watched
    content = deep / "content"
    shutil.copytree(MINI, content)
    listed = ", ".join(_yaml_quoted(alias) for alias in aliases)
    with_front_matter(content, f"aliases: [{listed}]")
    before = _digests(root)
    site = deep / "site"
    try:
        build(
            BuildOptions(
                content_dir=content,
                theme_dir=THEME,
                output_dir=site,
                base_url=BASE_URL,
                search=False,
                workers=1,
            )
        )
    except ContentErrors:
        assert _digests(root) == before and not site.exists()
        return
    assert _digests(root, skip="site") == before
    built = tree(site)
    changed = [name for name, data in clean_mini.items() if built.get(name) != data]
    assert changed == []
    for name in built.keys() - clean_mini.keys():
        assert name.endswith((".html", "/index.html")), name
        assert b'http-equiv="refresh"' in built[name]
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve())


def _digests(root: Path, skip: str = "") -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in tree(root, skip).items()}


def _yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar of any text."""
    escaped = "".join(
        c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in text
    )
    return f'"{escaped}"'


# The build cache holds data, not code.

PLANT = """
import os, pickle
class Plant:
    def __reduce__(self):
        return (os.system, ("touch {marker}",))
payload = pickle.dumps(Plant())
"""


def _planted_pickle(marker: Path) -> bytes:
    """A pickle that creates `marker` when it is loaded (made in a child process, so
    this test never holds the class)."""
    code = PLANT.format(marker=marker) + "import sys; sys.stdout.buffer.write(payload)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout


def _with_header(cache_file: Path, payload: bytes) -> bytes:
    """`payload` under the header of the cache file beside it, digest recomputed: what
    an attacker who can write the cache folder can make."""
    magic, key, _ = cache_file.read_bytes().split(b"\n", 2)
    digest = hashlib.sha256(payload).hexdigest().encode()
    return b"\n".join([magic, key, digest, b"", payload])


@pytest.fixture
def cached_mini(tmp_path: Path) -> tuple[Path, list[str], dict[str, bytes]]:
    """The mini site built once through the CLI (so with its cache); the arguments to
    build it again, and the cold site."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    args = ["build", "--content", str(content), "--theme", str(THEME), "--no-search"]
    assert briefing(*args, cwd=tmp_path).returncode == 0
    return tmp_path, args, tree(tmp_path / "site")


@pytest.mark.parametrize("where", ["old pickle file", "new cache file"])
def test_a_planted_pickle_runs_no_code(cached_mini, where: str) -> None:
    root, args, _ = cached_mini
    folder = root / ".briefing-cache"
    marker = root / "PLANTED"
    planted = _planted_pickle(marker)
    if where == "old pickle file":
        (folder / "site.pickle").write_bytes(_with_header(folder / "site.cache", planted))
        (folder / "site.cache").unlink()
    else:
        (folder / "site.cache").write_bytes(_with_header(folder / "site.cache", planted))
    (folder / "site.manifest.json").unlink()
    (content := root / "content" / "articles" / "first.md").write_text(
        content.read_text() + "\nMore text.\n"
    )
    built = briefing(*args, cwd=root)
    assert built.returncode == 0, built.stderr
    assert not marker.exists()
    assert "Traceback" not in built.stderr
    if where == "new cache file":
        assert "ignoring the build cache: it is damaged" in built.stderr
    assert not (folder / "site.pickle").exists()  # the old format is removed, never read
    warm = tree(root / "site")
    shutil.rmtree(root / "site")
    assert briefing(*args, "--no-cache", cwd=root).returncode == 0
    assert tree(root / "site") == warm


@pytest.mark.parametrize(
    "payload",
    [
        b'{"c":["os.system","touch PLANTED"]}',
        b'{"c":["generator.incremental.cache.CachedBuild",1]}',
        b'{"x":1}',
        b'{"d":[1]}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"c":["generator.incremental.state.BuildState",1,2,3,4,5,6,7]}',
        b"\xff\xfe not json",
        b"",
    ],
)
def test_a_crafted_cache_is_a_note_and_a_full_build(cached_mini, payload: bytes) -> None:
    root, args, cold = cached_mini
    folder = root / ".briefing-cache"
    (folder / "site.cache").write_bytes(_with_header(folder / "site.cache", payload))
    (folder / "site.manifest.json").unlink()
    built = briefing(*args, cwd=root)
    assert built.returncode == 0
    notes = [line for line in built.stderr.splitlines() if "build cache" in line]
    assert len(notes) == 1 and "ignoring the build cache: it is damaged" in notes[0]
    assert "Traceback" not in built.stderr
    assert not (root / "PLANTED").exists()
    assert tree(root / "site") == cold


def test_leftovers_of_killed_builds_are_cleaned_and_a_bad_manifest_is_ignored(
    cached_mini,
) -> None:
    root, args, cold = cached_mini
    folder = root / ".briefing-cache"
    dead = 2**22 + 12345  # above the default pid_max: no such process
    leftovers = [folder / f".site.cache.tmp-{dead}", folder / f".site.manifest.json.tmp-{dead}"]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 1000)
    manifest = folder / "site.manifest.json"
    manifest.write_text(manifest.read_text().replace('"inputs":{', '"inputs":[],"x":{', 1))
    built = briefing(*args, cwd=root)
    assert built.returncode == 0 and "Traceback" not in built.stderr, built.stderr
    assert not any(leftover.exists() for leftover in leftovers)
    assert tree(root / "site") == cold
    assert briefing(*args, cwd=root).returncode == 0  # and the next build is fine too


def test_a_cache_that_cannot_be_saved_leaves_no_temporary_file(tmp_path: Path, capsys) -> None:
    from generator.incremental import cache

    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "site.cache").mkdir()  # os.replace onto a folder fails, as a full disk would
    state = cache.CachedBuild(state=cache.BuildState(), digests={}, output={})
    assert not cache.save(folder / "site.cache", "key", state)
    assert [p.name for p in folder.iterdir() if ".tmp-" in p.name] == []
    assert "could not save the build cache" in capsys.readouterr().err


HASHABLE = st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.binary(max_size=5)
PLAIN_VALUES = st.recursive(
    HASHABLE | st.floats(allow_nan=False) | st.dates() | st.builds(Path, st.text(max_size=5)),
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.frozensets(HASHABLE, max_size=3)
        | st.dictionaries(HASHABLE, children, max_size=3)
    ),
    max_leaves=10,
)


def _typed(value: object) -> object:
    """The value with the type of every part beside it (True == 1 == 1.0 otherwise)."""
    if isinstance(value, list | tuple):
        return (type(value), [_typed(item) for item in value])
    if isinstance(value, dict):
        return (dict, [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, frozenset):
        return (frozenset, sorted(map(repr, map(_typed, value))))
    return (type(value), value)


@settings(max_examples=200, deadline=None)
@given(PLAIN_VALUES)
def test_plain_data_reads_back_as_written(value: object) -> None:
    from generator.incremental import plaindata

    assert _typed(plaindata.loads(plaindata.dumps(value), ())) == _typed(value)


def test_plain_data_makes_a_dataclass_without_running_its_code() -> None:
    from generator.content.dates import PartialDate
    from generator.errors import Position
    from generator.incremental import plaindata

    data = plaindata.dumps((PartialDate(2025, 2, 30), Position(Path("a.md"), 3)))
    assert plaindata.loads(data, (PartialDate, Position)) == (
        PartialDate(2025, 2, 30),
        Position(Path("a.md"), 3),
    )
    with pytest.raises(plaindata.PlainDataError):
        plaindata.loads(data, (Position,))  # PartialDate is not allowed here
    with pytest.raises(plaindata.PlainDataError):
        text_for_a_path = b'{"c":["generator.errors.Position","a.md",3,0]}'
        plaindata.loads(text_for_a_path, (Position,))
    with pytest.raises(TypeError):
        plaindata.dumps(subprocess.Popen)


@pytest.mark.parametrize("extra", [[], ["--no-cache"]])
def test_a_card_swapped_for_another_is_not_published(cached_mini, extra: list[str]) -> None:
    root, args, cold = cached_mini
    first, second = sorted((root / "site" / "cards").iterdir())[:2]
    store = root / ".briefing-cache" / "site.cards"
    for folder in (first.parent, store):
        (folder / first.name).write_bytes((folder / second.name).read_bytes())
    built = briefing(*args, *extra, cwd=root)
    assert built.returncode == 0, built.stderr
    assert tree(root / "site") == cold


def test_the_pages_workflow_restores_only_a_cache_of_its_own_key() -> None:
    """No broad restore-keys: a cache saved elsewhere (another branch, a pull request,
    another generator) is never restored into the deployed build."""
    import yaml

    root = Path(__file__).resolve().parent.parent
    starter = root / "generator/authoring/starter"
    for workflow in (root / ".github/workflows/pages.yml", starter / "pages.yml"):
        steps = yaml.safe_load(workflow.read_text())["jobs"]["build"]["steps"]
        caches = [step for step in steps if str(step.get("uses", "")).startswith("actions/cache@")]
        if workflow.parent.name == "workflows":  # ours caches the build; the starter, pip
            assert caches, workflow  # without its cache step this test would pass unseen
        for step in caches:
            key = step["with"]["key"]
            assert "github.ref_name" in key and "hashFiles(" in key and "generator/**" in key
            exact = key.removesuffix("${{ github.sha }}")
            restore = step["with"].get("restore-keys", "").splitlines()
            assert all(prefix == exact for prefix in restore), (workflow, restore)


# No symbolic link is followed out of content/, the theme or an imported folder.

SECRET = "Text from outside the content folder, never to be published"


def test_links_out_of_content_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    outside = tmp_path / "outside.md"
    outside.write_text(f"---\ntitle: Leak\ndate: 2025-11-18\nsource: wire\n---\n\n{SECRET}\n")
    articles = content / "articles"
    (articles / "leak.md").symlink_to(outside)
    (articles / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (articles / "loop.md").symlink_to("loop.md")
    (articles / "inside.md").symlink_to("first.md")  # a link inside content/ is fine
    built = briefing("build", "--content", content, "--theme", THEME, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr and "cannot write" not in built.stderr
    warned = {line.split(":")[0]: line for line in built.stderr.splitlines()}
    assert "symbolic link to " + str(outside) in warned[str(articles / "leak.md")]
    assert "broken symbolic link" in warned[str(articles / "dangling.md")]
    assert "loops" in warned[str(articles / "loop.md")]
    site = tmp_path / "site"
    assert not any(SECRET in page.read_text() for page in site.rglob("*.html"))
    assert (site / "articles" / "inside" / "index.html").is_file()
    (content / "sources.yaml").rename(tmp_path / "sources.yaml")
    (content / "sources.yaml").symlink_to(tmp_path / "sources.yaml")
    refused = briefing("build", "--content", content, "--theme", THEME, cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{content / 'sources.yaml'}: error: not read: it is a symbolic link" in refused.stderr


def test_a_theme_template_linked_out_is_an_error_naming_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (tmp_path / "secret.html").write_text(SECRET)
    (theme / "templates" / "article.html").symlink_to(tmp_path / "secret.html")
    for command in ("check", "build"):
        said = briefing(command, "--content", content, "--theme", theme, cwd=tmp_path)
        assert said.returncode == 1 and "Traceback" not in said.stderr
        assert "article.html: error: not read: it is a symbolic link to" in said.stderr
    assert not (tmp_path / "site").exists()


def test_import_of_a_folder_skips_links_out_of_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks in Ankara\n\n18 November 2025\n\nZelensky spoke in Ankara about the talks.\n"
    )
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    said = briefing("import", folder, "--content", content, "--source", "wire", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    assert f"{folder / 'passwd.txt'}: warning: skipped: it is a symbolic link to" in said.stderr
    assert sorted(p.name for p in (content / "articles").iterdir()) == [
        "first.md",
        "second.md",
        "talks-in-ankara.md",
    ]


def test_init_writes_only_inside_its_folder(tmp_path: Path) -> None:
    site = tmp_path / "new"
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.yaml").symlink_to(tmp_path / "planted.yaml")
    said = briefing("init", site, cwd=tmp_path)
    assert said.returncode == 1 and "Traceback" not in said.stderr
    assert "refusing to write through the symbolic link" in said.stderr
    assert not (tmp_path / "planted.yaml").exists()
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "content").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    said = briefing("init", linked, cwd=tmp_path)
    assert said.returncode == 1 and list((tmp_path / "elsewhere").iterdir()) == []


# The preview never goes deaf.


def _serve(root: Path, content: Path, theme: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content)]
    command += ["--theme", str(theme), "--output", str(root / "site"), "--port", "0"]
    process = subprocess.Popen(
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if match := re.search(r"at (http://127\.0\.0\.1:\d+)", line):
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, match.group(1)
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError("the preview did not start")


def _shows(base: str, path: str, text: str, timeout: float = 20) -> bool:
    """Whether the page at `path` comes to hold `text` within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(base + path, timeout=5) as page:
            if text in page.read().decode("utf-8"):
                return True
        time.sleep(0.2)
    return False


def test_the_preview_keeps_watching_through_loops_replaced_folders_and_new_themes(
    tmp_path: Path,
) -> None:
    content, theme, backup = tmp_path / "content", tmp_path / "theme", tmp_path / "backup"
    shutil.copytree(MINI, content)
    shutil.copytree(MINI, backup)
    process, base = _serve(tmp_path, content, theme)
    first = "/articles/first/"
    try:
        (content / "articles" / "again").symlink_to("..", target_is_directory=True)  # a loop
        (content / "articles" / "self").symlink_to("self")
        path = content / "articles" / "first.md"
        path.write_text(path.read_text().replace("First report", "After loop"))
        assert _shows(base, first, "After loop")
        shutil.rmtree(content)
        shutil.copytree(backup, content)
        assert _shows(base, first, "First report")
        for title in ("Replaced once", "Replaced twice"):
            path = content / "articles" / "first.md"
            path.write_text(path.read_text().replace("First report", title))
            assert _shows(base, first, title)
            path.write_text(path.read_text().replace(title, "First report"))
        (theme / "templates").mkdir(parents=True)  # a theme folder made after the start
        template = (THEME / "templates" / "article.html").read_text()
        marked = template.replace("{% block main %}", '{% block main %}<p>own theme</p>', 1)
        (theme / "templates" / "article.html").write_text(marked)
        assert _shows(base, first, "own theme")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


# Every bad input is one message with file:line, never a traceback.


def _check_says(root: Path, content: Path) -> list[str]:
    said = briefing("check", "--content", content, "--theme", THEME, cwd=root)
    assert said.returncode == 1 and "Traceback" not in said.stderr, said.stderr
    return said.stderr.splitlines()


def test_bad_files_are_one_message_each(tmp_path: Path) -> None:
    """What stops a file from loading: each file's own message, all in one run."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    second = content / "articles" / "second.md"
    second.write_text(second.read_text() + "Red \x1b[31malert\x1b[0m.\n")
    (content / "articles" / "third.md").write_text(
        "---\ntitle: T\ndate: 2025-11-18\nsource: wire\n---\n\nA \x0b B \x0c C \ufffe.\n"
    )
    (content / "articles" / "huge.md").write_bytes(b"x" * (16 * 2**20 + 1))
    topics = content / "topics.yaml"
    long_list = "related: [" + "x, " * 10_001 + "]"
    topics.write_text(topics.read_text().replace("related: []", long_list))
    lines = _check_says(tmp_path, content)
    expected = {
        f"{second}:10:5: error: control character U+001B in the text",
        f"{content}/articles/third.md:7:3: error: control character U+000B in the text",
        f"{content}/articles/huge.md: error: the file is 16,777,217 bytes, over the 16,777,216",
        f"{topics}:7:12: error: a list of more than 10,000 items is too long",
    }
    for start in expected:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)


def test_bad_values_are_one_message_each(tmp_path: Path) -> None:
    """What the model refuses: each at its line, all in one run."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    first = content / "articles" / "first.md"
    first.write_text(
        first.read_text()
        .replace("title: First report", "title: '   '")
        .replace("date: 2025-11-18", "date: !!timestamp 2025-02-30")
        .replace("topics: [ankara-meeting]", "topics: [ankara-meeting, '']")
        .replace("summary:", 'url: "http://[::1"\nsummary:')
    )
    second = content / "articles" / "second.md"
    second.write_text(second.read_text().replace("2025-11-19", "!!timestamp 0000-01-01"))
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text()
        .replace("cite: [first]", "cite: [first]\n      added: !!timestamp 2025-02-30")
        .replace(
            "related: []",
            "related: []\n  events:\n    - date: '0000'\n      text: Talks.\n      cite: [first]",
        )
    )
    sources = content / "sources.yaml"
    nfd = "\n- id: ko\u0308ln\n  name: K\n  url: https://k.example/\n  kind: outlet"
    sources.write_text(sources.read_text() + nfd)
    lines = _check_says(tmp_path, content)
    expected = {
        f"{first}:2:8: error: 'title' is blank",
        f"{first}:3:7: error: invalid date '2025-02-30' (day is out of range for month)",
        f"{first}:5:26: error: an item of 'topics' is blank",
        f"{first}:6:6: error: 'url' must be a web address",
        f"{second}:3:7: error: invalid date '0000-01-01'",
        f"{topics}:7:14: error: invalid date '2025-02-30'",
        f"{topics}:10:13: error: invalid date '0000'",
        f"{sources}:6:7: error: id 'ko\u0308ln' is not a valid slug (it is written with decomposed",
    }
    for start in expected:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)
    assert not any("must be text, not text" in line or "use 'köln'" in line for line in lines)


def test_import_removes_bidirectional_overrides(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    text = tmp_path / "in.txt"
    text.write_text(
        "Talks \u202ein\u202c Ankara\u2066\n\n18 November 2025\n\n"
        "Zelensky spoke in \u202eAnkara\u202c about the talks.\n"
    )
    said = briefing("import", text, "--content", content, "--source", "wire", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    written = (content / "articles" / "talks-in-ankara.md").read_text()
    assert "title: Talks in Ankara\n" in written
    assert not any(c in written for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
