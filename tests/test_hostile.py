"""Hostile and random input: our own error type or a safe page, never a crash or a script."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, FIXTURES, ROOT, THEME, site_args, tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.yamlpos import parse_yaml
from generator.errors import ContentErrors
from generator.pipeline.builder import Builder, build
from generator.routes import CACHE_FOLDER
from generator.settings import BuildOptions

FIELD_NAMES = [
    "id",
    "title",
    "name",
    "kind",
    "summary",
    "key_facts",
    "text",
    "cite",
    "related",
    "aliases",
    "topics",
    "date",
    "source",
    "url",
    "rewrite_of",
    "base_url",
    "language",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.dates()
    | st.sampled_from(["ankara-meeting", "first", "wire", "person", "/x/"])
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=12,
)


def render(content: Path) -> None:
    Builder(
        BuildOptions(
            content_dir=content, theme_dir=THEME, output_dir=content.parent / "site", search=False
        )
    ).render()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.sampled_from(
        ["site.yaml", "topics.yaml", "entities.yaml", "sources.yaml", "articles/first.md"]
    ),
    value=VALUES,
)
def test_random_yaml_gives_our_error_or_a_site(target: str, value) -> None:
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(FIXTURES / "mini", content)
        text = yaml.safe_dump(value, allow_unicode=True)
        if target.endswith(".md"):
            text = f"---\n{text}---\n\nBody text.\n"
        (content / target).write_text(text, encoding="utf-8")
        try:
            render(content)
        except ContentErrors as exc:
            assert exc.errors and all(error.position.line >= 0 for error in exc.errors)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_as_yaml_gives_data_or_our_error(text: str) -> None:
    try:
        parse_yaml(text, Path("topics.yaml"))
    except ContentErrors as exc:
        assert exc.errors[0].position.path == Path("topics.yaml")


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("a: &x [*x]\n", "anchors and aliases (&name, *name) are not allowed"),
        ("a: &a [1]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]\n", "anchors and aliases"),
        ("!!python/object:os.system {}\n", "could not determine a constructor"),
        ("? [1, 2]\n: x\n", "unhashable key"),
    ],
    ids=["recursive alias", "alias fan-out", "python tag", "complex key"],
)
def test_yaml_tricks_are_refused_at_their_line(text: str, refusal: str) -> None:
    with pytest.raises(ContentErrors) as raised:
        parse_yaml(text, Path("x.yaml"))
    (error,) = raised.value.errors
    assert error.position.path == Path("x.yaml")
    assert error.position.line == 1
    assert refusal in error.message


def test_yaml_python_tags_run_nothing(tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    text = f'a: !!python/object/apply:os.system ["touch {ran}"]\n'
    with pytest.raises(ContentErrors):
        parse_yaml(text, Path("x.yaml"))
    assert not ran.exists()


def test_yaml_binary_is_inert_bytes() -> None:
    # Not refused by the parser: a field that wants text says "must be text, not bytes".
    assert parse_yaml("a: !!binary Zm9v\n", Path("x.yaml")).data == {"a": b"foo"}


PAYLOADS = [
    "<script>alert('body-script')</script>",
    "<img src=x onerror=alert('img-onerror')>",
    "<svg onload=alert('svg-onload')>",
    "[js link](javascript:alert('md-js'))",
    "[mixed case](JaVaScRiPt:alert('md-js-case'))",
    "[encoded](&#106;avascript:alert('md-js-entity'))",
    "[vb](vbscript:msgbox('vb'))",
    "![data](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)",
    "<a href=\"javascript:alert('raw-a')\">raw a</a>",
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "\"><script>alert('break-out')</script>",
    "<details open ontoggle=alert('details')>x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
    "[autolink]( javascript:alert('space'))",
    "<javascript:alert('autolink')>",
]
TITLE = "</title><script>alert('title')</script> \"quoted\" </script>"


def hostile_content(root: Path) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURES / "mini", content)
    body = "\n\n".join(PAYLOADS)
    (content / "articles" / "hostile.md").write_text(
        "---\n"
        f"title: {yaml.safe_dump(TITLE).strip().removesuffix('...').strip()}\n"
        "date: 2025-11-20\nsource: wire\ntopics: [ankara-meeting]\n"
        "summary: '\"><img src=x onerror=alert(''summary'')>'\n"
        f"---\n\nVoldymir Zelensky said: {body}\n",
        encoding="utf-8",
    )
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text()
        .replace(
            "summary: Talks in Ankara.",
            "summary: \"<script>alert('topic')</script> [x](javascript:alert('topic-link'))\"",
        )
        .replace("text: Zelensky went to Ankara.", "text: \"<b onmouseover=alert('fact')>x</b>\""),
        encoding="utf-8",
    )
    entities = content / "entities.yaml"
    entities.write_text(
        entities.read_text().replace(
            "description: Capital of Turkey.",
            "description: \"<img src=x onerror=alert('entity')>\"",
        ),
        encoding="utf-8",
    )
    return content


# the one inline script of the theme: the reader's light/dark choice, before the first paint
THEME_SCRIPT = re.search(
    r"<script>(.*?)</script>", (THEME / "templates" / "chrome.html").read_text(encoding="utf-8")
).group(1)


def test_xss_payloads_never_run(tmp_path: Path, serve_dir, browser) -> None:
    content = hostile_content(tmp_path)
    output = tmp_path / "site"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output))
    base = serve_dir(output)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = [p for p in output.rglob("*.html") if "pagefind" not in p.parts]
    for html_file in pages:
        url = "/" + str(html_file.relative_to(output)).removesuffix("index.html")
        page.goto(base + url)
        page.wait_for_timeout(50)
        unsafe = page.evaluate("""inline => [
            ...[...document.querySelectorAll('[href],[src]')]
                .map(e => e.getAttribute('href') || e.getAttribute('src'))
                .filter(u => /^\\s*(javascript|vbscript|data):/i.test(u)),
            ...[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
                .filter(a => a.name.startsWith('on')).map(a => a.name),
            ...[...document.querySelectorAll('script:not([type="application/ld+json"])')]
                .map(s => s.src || s.textContent)
                .filter(src => !/[/]static[/](search|reading|suggest)[.]js/.test(src))
                .filter(text => text !== inline),
            // the theme's own: the entity graph, evidence, the contents and "show all" folds
            ...[...document.querySelectorAll(
                'iframe, svg:not(.graph), math, img, '
                + 'details:not(.evidence, .toc-details, .show-all)')]
                .map(e => e.tagName),
        ]""", THEME_SCRIPT)
        assert unsafe == [], f"{url}: {unsafe}"
    page.goto(base + "/articles/hostile/")
    body = page.locator(".body").inner_text()
    assert "<img src=x onerror=alert('img-onerror')>" in body  # shown, as text
    assert page.locator("h1").inner_text() == TITLE
    assert dialogs == []
    page.close()


def test_sigkill_midway_leaves_the_old_site_or_the_new(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "site"
    article = content / "articles" / "ukraine-proposes-leaders-meeting-at-istanbul-talks.md"
    versions = [article.read_text("utf-8"), article.read_text("utf-8") + "\nA new paragraph.\n"]
    states = []
    for text in versions:
        article.write_text(text, "utf-8")
        build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output))
        states.append(tree(output))
    assert states[0] != states[1]
    command = [sys.executable, "-m", "generator", *site_args("build", content, output)]
    outcomes = set()
    for attempt in range(12):
        article.write_text(versions[attempt % 2], "utf-8")
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(0.05 + 0.06 * attempt)
        process.send_signal(signal.SIGKILL)
        process.wait()
        current = tree(output)
        assert current in states, f"attempt {attempt}: a mix of two builds"
        outcomes.add(states.index(current))
    build(
        BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output)
    )  # the next build cleans up after the killed ones
    # a killed build that got as far as its card store (about 0.7 s) leaves the cache
    # folder: not a leftover, the next build with the cache reads it
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != CACHE_FOLDER)
    assert left == ["content", "site"]
