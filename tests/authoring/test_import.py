"""`briefing import` on the five seed texts, bad input, and `briefing new article`.

Every successful import is followed by `check` on the content folder: an import never
writes a file that makes `check` fail."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, THEME, tree
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.cli import main

# The five texts of shared/seeds, as received.
SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
GARBLED = [
    "Voldymir Zelensky",
    "Receptacle Erdogan",
    "Steve Witkov",
    "Witkov",
    "Kaja Karas",
    "Andri Yamak",
    "Sergei Liabakov",
    "Liabakov",
    "Lyabkov",
]
EXPECTED = {
    "000": (
        "US special envoy Steve Witkoff is scheduled to meet with Ukrainian President Volodymyr…",
        [],
        "https://www.bbc.com/news/articles/c620p6jnynko",
    ),
    "001": (
        "Zelensky to Meet US Envoy and Turkish President for Peace Discussions",
        [
            "Recent Diplomatic Engagements",
            "Domestic Challenges and International Aid",
            "Stalled Peace Prospects",
        ],
        None,
    ),
    "002": (
        "Zelensky vows to do everything to ensure direct talks with Putin in Turkey",
        ["Context", "Dive Deeper"],
        None,
    ),
    "003": (
        "Ukrainian President Voldymir Zelensky traveled to Turkish capital Ankara to meet…",
        [],
        None,
    ),
    "004": (
        "Ukraine proposed direct negotiations between President Volodymyr Zelensky and Russian…",
        ["Challenges in Negotiations", "Military Developments and International Pressure"],
        None,
    ),
}
KNOWN_SOURCES = "ai-rewrite-service, bbc-news, garbled-rewrite, news-digest, unattributed"
A_TEXT = """Talks on prisoner exchanges resume in Istanbul

Delegations from Kyiv and Moscow met again on Friday to agree the next exchange of prisoners,
officials on both sides said, after weeks in which the front line barely moved.

The Turkish foreign minister opened the meeting and called for a lasting ceasefire.
"""


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The real content: it already holds the five seed articles."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    return make_empty(tmp_path / "empty")


def make_empty(target: Path) -> Path:
    """A new briefing: the real sources, entities and topics, no articles yet (topics
    without the key facts, events and quotes that cite articles)."""
    (target / "articles").mkdir(parents=True)
    for name in ("site", "sources", "entities"):
        shutil.copy(CONTENT / f"{name}.yaml", target)
    topics = yaml.safe_load((CONTENT / "topics.yaml").read_text(encoding="utf-8"))
    kept = [{k: v for k, v in t.items() if k in ("id", "title", "summary")} for t in topics]
    (target / "topics.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), "utf-8")
    return target


def process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`python -m generator ARGS` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, input=stdin, capture_output=True
    )


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The same in this process (a process start costs more than most imports)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""))
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(list(args))
    finally:
        sys.stdin = saved
    return subprocess.CompletedProcess(
        args, code, stdout.getvalue().encode(), stderr.getvalue().encode()
    )


def out(result: subprocess.CompletedProcess) -> tuple[str, str]:
    return result.stdout.decode(), result.stderr.decode()


def written(output: str) -> list[Path]:
    return [Path(p) for p in re.findall(r"^written (.+\.md) \(from ", output, re.MULTILINE)]


def front_matter_and_body(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def assert_check_passes(content: Path) -> None:
    result = run("check", "--content", str(content), "--theme", str(THEME))
    assert result.returncode == 0, result.stderr.decode()


def import_text(content: Path, text: str | bytes, *args: str, name: str = "story.txt"):
    source = content.parent / "inbox" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(text.encode() if isinstance(text, str) else text)
    return run("import", str(source), "--content", str(content), *args)


# The five seeds


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_seed_imports_into_a_valid_article(empty: Path, number: str, capsys) -> None:
    args = ["import", str(seed(number)), "--content", str(empty), "--date", "2025-11-18"]
    args += ["--topic", "ankara-meeting"]
    if number != "000":  # 000 finds bbc-news by its URL's domain
        args += ["--source", "unattributed"]
    assert main(args) == 0
    (path,) = written(capsys.readouterr().out)
    meta, body = front_matter_and_body(path)
    title, headings, url = EXPECTED[number]
    assert meta["title"] == title
    assert meta["date"] == dt.date(2025, 11, 18) and "date_inferred" not in meta
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == headings
    assert meta.get("url") == url
    assert meta["source"] == ("bbc-news" if number == "000" else "unattributed")
    assert main(["check", "--content", str(empty), "--theme", str(THEME)]) == 0


def test_a_folder_of_the_five_seeds_imports_in_one_command(empty: Path) -> None:
    result = run("import", str(SEEDS), "--content", str(empty), "--default-source", "unattributed")
    stdout, _ = out(result)
    assert result.returncode == 0, result.stderr
    assert len(written(stdout)) == 5
    assert stdout.rstrip().endswith("5 files: 5 written, 0 skipped")
    sources = {front_matter_and_body(p)[0]["source"] for p in written(stdout)}
    assert sources == {"bbc-news", "unattributed"}  # the URL's domain wins over the default
    assert "near-copy: it shares 33% of its wording with 'us-special-envoy" in stdout
    assert_check_passes(empty)


def test_clutter_is_dropped_and_the_text_kept(empty: Path, capsys) -> None:
    args = ["import", str(seed("001")), "--content", str(empty), "--source", "unattributed"]
    assert main([*args, "--date", "2025-11-18"]) == 0
    output = capsys.readouterr().out
    assert "left out  Back, Source Article, Generated on:" in output
    _, body = front_matter_and_body(written(output)[0])
    assert "Back" not in body.split("\n") and "Generated on:" not in body
    assert "Ankara represents the fourth capital Zelensky has visited within a few days." in body


def test_garbled_names_are_suggested_not_added(empty: Path, capsys) -> None:
    entities = empty / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    for alias in GARBLED:
        text = text.replace(f", {alias}", "")
    entities.write_text(text, encoding="utf-8")
    args = ["import", str(seed("003")), "--content", str(empty), "--source", "garbled-rewrite"]
    assert main([*args, "--date", "2025-05-13", "--slug", "garbled"]) == 0
    output = capsys.readouterr().out
    suggested = dict(re.findall(r'^    "(.+)" looks like (.+?) \(', output, re.MULTILINE))
    assert suggested["Voldymir Zelensky"] == "Volodymyr Zelensky"
    assert suggested["Receptacle Erdogan"] == "Recep Tayyip Erdogan"
    assert suggested["Steve Witkov"] == "Steve Witkoff"
    assert suggested["Kaja Karas"] == "Kaja Kallas"
    assert suggested["Andri Yamak"] == "Andriy Yermak"
    assert "Russian" not in suggested and "Kara" not in suggested
    assert entities.read_text(encoding="utf-8") == text  # nothing added


# The scenarios of the issue, each on the real content (which holds the five seeds)


def test_a_text_without_url_is_refused_and_content_untouched(content: Path) -> None:
    before = tree(content)
    result = process("import", str(seed("003")), "--content", str(content))
    stdout, stderr = out(result)
    assert result.returncode == 1
    origin = seed("003")
    assert stderr.splitlines() == [
        f"{origin}: error: it is a copy of 'zelensky-in-ankara-ready-to-meet-putin-in-istanbul' "
        "(100% of its wording) (pass --rewrite-of zelensky-in-ankara-ready-to-meet-putin-in-"
        "istanbul if it rewrites that article, or --force)",
        f"{origin}: error: no source: the text has no 'Source: URL' line "
        f"(pass --source ID; known sources: {KNOWN_SOURCES})",
        "1 file: 0 written, 1 skipped",
    ]
    assert "Traceback" not in stderr and stdout == ""
    assert tree(content) == before
    assert_check_passes(content)


def test_an_unknown_domain_is_named(empty: Path) -> None:
    text = A_TEXT + "Source: https://www.example.org/news/1?utm_source=x\n"
    result = import_text(empty, text, "--date", "2025-05-16")
    assert result.returncode == 1
    assert "no source in sources.yaml has the domain of its URL (www.example.org)" in out(result)[1]
    assert list((empty / "articles").iterdir()) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--topic",
            "istanbul-tlaks",
            "--topic: error: unknown topic 'istanbul-tlaks' (did you mean 'istanbul-talks'?)",
        ),
        (
            "--source",
            "bbc-nwes",
            "--source: error: unknown source 'bbc-nwes' (did you mean 'bbc-news'?)",
        ),
        (
            "--default-source",
            "unatributed",
            "--default-source: error: unknown source 'unatributed' (did you mean 'unattributed'?)",
        ),
        (
            "--rewrite-of",
            "zelensky-vows-direct-talks-with-putin-in-turky",
            "--rewrite-of: "
            "error: unknown article 'zelensky-vows-direct-talks-with-putin-in-turky' "
            "(did you mean 'zelensky-vows-direct-talks-with-putin-in-turkey'?)",
        ),
    ],
)
def test_unknown_ids_on_the_command_line_are_refused_with_a_suggestion(
    content: Path, option: str, value: str, message: str
) -> None:
    before = tree(content)
    result = run("import", str(seed("002")), "--content", str(content), option, value)
    assert result.returncode == 1
    assert out(result)[1].splitlines() == [message, "1 error; nothing was written"]
    assert tree(content) == before


def test_a_second_import_of_the_same_text_is_refused(content: Path) -> None:
    before = tree(content)
    args = ("--source", "bbc-news", "--date", "2025-11-18")
    result = run("import", str(seed("000")), "--content", str(content), *args)
    assert result.returncode == 1
    assert (
        "error: it is a copy of 'zelensky-to-meet-witkoff-and-erdogan-in-ankara' (100% of its "
        "wording) (pass --rewrite-of zelensky-to-meet-witkoff-and-erdogan-in-ankara"
    ) in out(result)[1]
    assert tree(content) == before


def test_a_declared_rewrite_or_force_imports_a_copy(content: Path) -> None:
    original = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"
    args = ("--source", "ai-rewrite-service", "--date", "2025-11-19", "--slug", "copy")
    result = run(
        "import", str(seed("000")), "--content", str(content), *args, "--rewrite-of", original
    )
    assert result.returncode == 0, out(result)[1]
    meta, _ = front_matter_and_body(content / "articles" / "copy.md")
    assert meta["rewrite_of"] == original
    assert_check_passes(content)
    forced = run(
        "import",
        str(seed("000")),
        "--content",
        str(content),
        *args[:4],
        "--slug",
        "forced",
        "--force",
    )
    assert forced.returncode == 0, out(forced)[1]
    assert "rewrite_of" not in front_matter_and_body(content / "articles" / "forced.md")[0]
    assert_check_passes(content)


def test_a_lower_overlap_is_a_suggestion(empty: Path) -> None:
    first = run("import", str(seed("000")), "--content", str(empty), "--date", "2025-11-18")
    assert first.returncode == 0, out(first)[1]
    result = run(
        "import",
        str(seed("001")),
        "--content",
        str(empty),
        "--date",
        "2025-11-18",
        "--source",
        "ai-rewrite-service",
    )
    stdout, _ = out(result)
    assert result.returncode == 0
    assert (
        "near-copy: it shares 33% of its wording with 'us-special-envoy-steve-witkoff-is-"
        "scheduled-to-meet-with-ukrainian-president'; if it is a rewrite, import it with "
        "--rewrite-of us-special-envoy"
    ) in stdout
    assert_check_passes(empty)


def test_entities_are_decoded_and_the_slug_is_cut_at_a_word(empty: Path) -> None:
    text = (
        "Ukraine secures &#163;1.8m &amp; a &quot;new&quot; deal for drones from Britain and "
        "its European partners as the talks in Istanbul resume\n\n" + A_TEXT.split("\n", 2)[2]
    )
    result = import_text(empty, text, "--source", "unattributed", "--date", "2025-05-16")
    assert result.returncode == 0, out(result)[1]
    (path,) = written(out(result)[0])
    meta, _ = front_matter_and_body(path)
    assert meta["title"].startswith('Ukraine secures £1.8m & a "new" deal for drones')
    assert (
        path.stem
        == ("ukraine-secures-1-8m-a-new-deal-for-drones-from-britain-and-its-european-partners")[
            :80
        ].rsplit("-", 1)[0]
    )
    assert len(path.stem) <= 80 and "163" not in path.stem
    assert_check_passes(empty)


def test_turkish_capital_i_becomes_i(empty: Path, capsys) -> None:
    text = "İSTANBUL görüşmeleri yeniden başlıyor\n\n" + A_TEXT.split("\n", 2)[2]
    result = import_text(empty, text, "--source", "unattributed", "--date", "2025-05-16")
    assert result.returncode == 0, out(result)[1]
    assert [p.name for p in written(out(result)[0])] == ["istanbul-görüşmeleri-yeniden-başlıyor.md"]
    assert (
        main(
            [
                "new",
                "article",
                "İstanbul talks resume",
                "--content",
                str(empty),
                "--source",
                "unattributed",
                "--topic",
                "istanbul-talks",
            ]
        )
        == 0
    )
    assert (empty / "articles" / "istanbul-talks-resume.md").exists()
    assert_check_passes(empty)


def test_a_dateline_dates_the_article(empty: Path, capsys) -> None:
    text = A_TEXT.replace("Delegations", "ISTANBUL, 16 May 2025 (Reuters) – Delegations")
    result = import_text(empty, text, "--source", "unattributed")
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    meta, body = front_matter_and_body(written(stdout)[0])
    assert meta["date"] == dt.date(2025, 5, 16) and "date_inferred" not in meta
    assert "ISTANBUL, 16 May 2025 (Reuters) – Delegations" in body  # the text is kept
    assert "warning" not in stdout
    assert_check_passes(empty)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: 13 May 2025", dt.date(2025, 5, 13)),
        ("Published on Tuesday, May 13, 2025 at 10:32 BST", dt.date(2025, 5, 13)),
        ("Generated on: 2025-11-18T09:30:00Z", dt.date(2025, 11, 18)),
        ("Tue 13 May 2025 10.32 BST", dt.date(2025, 5, 13)),
    ],
)
def test_a_date_line_dates_the_article_and_is_left_out(
    empty: Path, line: str, date: dt.date
) -> None:
    title, rest = A_TEXT.split("\n", 1)
    result = import_text(empty, f"{title}\n{line}\n{rest}", "--source", "unattributed")
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    meta, body = front_matter_and_body(written(stdout)[0])
    assert meta["date"] == date and "date_inferred" not in meta
    assert line not in body


def test_no_date_in_the_text_means_today_marked_inferred(empty: Path) -> None:
    result = import_text(empty, A_TEXT, "--source", "unattributed")
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    meta, _ = front_matter_and_body(written(stdout)[0])
    assert meta["date"] == dt.date.today() and meta["date_inferred"] is True
    assert f"  warning: the text states no date: {dt.date.today()} (today) was used" in stdout
    assert_check_passes(empty)


def test_the_article_page_says_the_date_was_inferred(empty: Path, tmp_path: Path) -> None:
    from conftest import parse

    from generator.pipeline.builder import build
    from generator.settings import BuildOptions

    assert import_text(empty, A_TEXT, "--source", "unattributed").returncode == 0
    dated = run(
        "import",
        str(seed("002")),
        "--content",
        str(empty),
        "--source",
        "unattributed",
        "--date",
        "2025-05-13",
        "--slug",
        "dated",
    )
    assert dated.returncode == 0
    site = tmp_path / "site"
    build(BuildOptions(content_dir=empty, theme_dir=THEME, output_dir=site, search=False))
    inferred = parse(
        site / "articles" / "talks-on-prisoner-exchanges-resume-in-istanbul" / "index.html"
    ).select(".meta .inferred")
    assert [n.get_text() for n in inferred] == ["(date not stated in the text: supplied on import)"]
    assert parse(site / "articles" / "dated" / "index.html").select(".inferred") == []


def test_a_folder_of_mixed_files_reports_each_file(empty: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "more").mkdir(parents=True)
    words = """ceasefire drones grain corridor prisoners sanctions envoy summit energy navy
    port ships missiles winter power grid talks mediators exchange bodies soldiers front
    villages shelling aid loans assets reserves courts""".split()
    for n in range(17):
        topic = " ".join(words[(n + k) % len(words)] for k in range(3))
        body = " ".join(f"{w}{n}" for w in words * 3)
        folder = inbox / "more" if n % 4 == 0 else inbox
        (folder / f"{n:02}.txt").write_text(
            f"Story {n} about {topic}\n\nPublished: {n + 1} May 2025\n\n{body} reports.\n\n"
            f"Officials said {topic} talks would go on.\n",
            encoding="utf-8",
        )
    (inbox / "17-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (inbox / "18-empty.txt").write_bytes(b"")
    (inbox / "19-copy.txt").write_bytes((inbox / "01.txt").read_bytes())
    (inbox / ".hidden.txt").write_text("not read")
    result = run(
        "import",
        str(inbox),
        "--content",
        str(empty),
        "--source",
        "unattributed",
        "--topic",
        "istanbul-talks",
    )
    stdout, stderr = out(result)
    assert result.returncode == 1
    assert len(written(stdout)) == 17 and len(list((empty / "articles").iterdir())) == 17
    assert f"{inbox}/17-photo.txt: error: this is a binary file, not a text article" in stderr
    assert f"{inbox}/18-empty.txt: error: the file is empty" in stderr
    assert f"{inbox}/19-copy.txt: error: it is a copy of 'story-1-about" in stderr
    assert stderr.rstrip().endswith("20 files: 17 written, 3 skipped")
    assert "hidden" not in stdout + stderr
    dates = sorted(front_matter_and_body(p)[0]["date"] for p in written(stdout))
    assert dates[0] == dt.date(2025, 5, 1) and dates[-1] == dt.date(2025, 5, 17)
    assert_check_passes(empty)


def test_dry_run_writes_nothing_and_shows_the_front_matter(empty: Path) -> None:
    before = tree(empty)
    result = run(
        "import",
        str(SEEDS),
        "--content",
        str(empty),
        "--source",
        "unattributed",
        "--date",
        "2025-05-13",
        "--dry-run",
    )
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    assert stdout.count("would write ") == 5
    assert (
        "  | source: unattributed\n  | url: https://www.bbc.com/news/articles/c620p6jnynko"
        in stdout
    )
    assert stdout.rstrip().endswith(
        "5 files: 5 would be written, 0 skipped; nothing was written (--dry-run)"
    )
    assert tree(empty) == before


def test_a_broken_file_elsewhere_is_only_a_warning(empty: Path) -> None:
    (empty / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n")
    result = import_text(empty, A_TEXT, "--source", "unattributed", "--date", "2025-05-16")
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    assert "warning: the content folder has 1 problem that this import does not touch" in stderr
    assert f"  {empty}/articles/broken.md:2:8: warning: YAML syntax error" in stderr  # the "["
    assert len(written(stdout)) == 1


def test_reads_stdin_and_never_overwrites(empty: Path) -> None:
    text = seed("002").read_bytes()
    args = ["import", "-", "--content", str(empty), "--source", "news-digest"]
    args += ["--date", "2025-05-13", "--slug", "from-stdin"]
    first = run(*args, stdin=text)
    assert first.returncode == 0, first.stderr
    saved = (empty / "articles" / "from-stdin.md").read_bytes()
    again = run(*args, stdin=text)
    assert again.returncode == 1
    assert (
        b"from-stdin.md already exists (pass --slug to import it under another name, or --force"
        in again.stderr
    )
    forced = run(*args, "--force", stdin=text)
    assert forced.returncode == 0
    assert (empty / "articles" / "from-stdin.md").read_bytes() == saved  # deterministic
    assert_check_passes(empty)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a binary file, not a text article"),
        (b"\xff\xfeZ\x00e\x00l\x00", "this is a binary file, not a text article"),
        (b"word " * 60_000, "line 1 is 300,000 characters long"),
        (b"Back\nGenerated on:\n", "no text left after removing clutter"),
    ],
    ids=["empty", "blank", "png", "utf-16", "one huge line", "only clutter"],
)
def test_bad_input_gets_one_clear_error(
    content: Path, tmp_path: Path, data: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    before = tree(content)
    result = process("import", str(bad), "--content", str(content))
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"{bad}")
    assert message in result.stderr.decode()
    assert b"Traceback" not in result.stderr
    assert tree(content) == before


# Hostile command-line values (issue 19, finding 10)


@pytest.mark.parametrize("slug", ["../../x", "a/b", "..", "Upper", "x\ny", ""])
def test_slug_must_be_a_slug(empty: Path, tmp_path: Path, slug: str) -> None:
    before = tree(tmp_path)
    result = import_text(empty, A_TEXT, "--source", "unattributed", "--slug", slug)
    if slug == "":  # an empty --slug means "from the title"
        assert result.returncode == 0
        return
    assert result.returncode == 1
    assert "--slug: error: " in out(result)[1] and "is not a slug" in out(result)[1]
    after = tree(tmp_path)
    assert after.keys() - before.keys() == {"inbox/story.txt"}


def test_a_newline_in_a_value_cannot_add_keys(empty: Path) -> None:
    result = import_text(empty, A_TEXT, "--source", "unattributed\ncredibility: 1")
    assert result.returncode == 1
    assert "--source: error: unknown source 'unattributed\\x0acredibility: 1'" in out(result)[1]
    result = import_text(
        empty, A_TEXT, "--source", "unattributed", "--title", "Talks\nsource: bbc-news"
    )
    assert result.returncode == 1 and "--title: error: the title must be one" in out(result)[1]
    assert list((empty / "articles").iterdir()) == []


def test_an_escape_in_the_url_or_title_is_removed(empty: Path) -> None:
    text = "Talks \x1b[31mresume\x1b[0m in Istanbul\x07\n" + A_TEXT.split("\n", 1)[1]
    text += "Source: https://www.bbc.com/news/\x1b[2Jarticle?utm_source=x\n"
    result = import_text(empty, text, "--date", "2025-05-16")
    stdout, stderr = out(result)
    assert result.returncode == 0, stderr
    meta, _ = front_matter_and_body(written(stdout)[0])
    assert meta["title"] == "Talks resume in Istanbul"
    assert meta["url"] == "https://www.bbc.com/news/article" and meta["source"] == "bbc-news"
    assert "\x1b" not in stdout + stderr
    assert_check_passes(empty)


def test_terminal_output_escapes_control_characters(empty: Path) -> None:
    result = import_text(
        empty,
        A_TEXT,
        "--source",
        "unattributed",
        "--date",
        "2025-05-16",
        name="evil\x1b]0;owned\x07.txt",
    )
    stdout, _ = out(result)
    assert result.returncode == 0
    assert "\x1b" not in stdout and "\x07" not in stdout
    assert "evil\\x1b]0;owned\\x07.txt" in stdout
    result = import_text(empty, A_TEXT, "--topic", "\x1b[2Jx")
    assert "\x1b" not in out(result)[1] and "unknown topic '\\x1b[2Jx'" in out(result)[1]


def test_one_slug_for_many_files_is_refused(empty: Path) -> None:
    result = run("import", str(SEEDS), "--content", str(empty), "--slug", "one")
    assert result.returncode == 1
    assert "--slug: error: --slug names one article, but 5 files are imported" in out(result)[1]


# briefing new article


def test_new_article_uses_site_defaults(content: Path, capsys) -> None:
    site = content / "site.yaml"
    site.write_text(
        site.read_text() + "defaults:\n  source: bbc-news\n  topics: [istanbul-talks]\n"
    )
    assert main(["new", "article", "Talks resume in Istanbul", "--content", str(content)]) == 0
    path = content / "articles" / "talks-resume-in-istanbul.md"
    meta, _body = front_matter_and_body(path)
    assert meta["title"] == "Talks resume in Istanbul"
    assert (meta["source"], meta["topics"]) == ("bbc-news", ["istanbul-talks"])
    assert meta["draft"] is True  # "Write the article here." is never published by accident
    assert_check_passes(content)
    assert main(["new", "article", "Talks resume in Istanbul", "--content", str(content)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_article_needs_a_known_source(content: Path, capsys) -> None:
    before = tree(content)
    assert main(["new", "article", "Talks resume", "--content", str(content)]) == 1
    assert "--source: error: an article needs a source" in capsys.readouterr().err
    args = ["new", "article", "Talks resume", "--content", str(content), "--source", "bbc"]
    assert main([*args, "--topic", "ankara-meting"]) == 1
    err = capsys.readouterr().err
    assert "unknown topic 'ankara-meting' (did you mean 'ankara-meeting'?)" in err
    assert tree(content) == before


def test_markdown_in_plain_text_stays_text(empty: Path) -> None:
    text = A_TEXT.replace(
        "Delegations", "1. [The talks](/topics/nowhere/) and [a][x]\n\n[x]: /nowhere\n\nDelegations"
    )
    result = import_text(empty, text, "--source", "unattributed", "--date", "2025-05-16")
    assert result.returncode == 0, out(result)[1]
    _, body = front_matter_and_body(written(out(result)[0])[0])
    assert "1\\. \\[The talks](/topics/nowhere/) and \\[a]\\[x]\n\n## \\[x]: /nowhere" in body
    assert_check_passes(empty)


PIECES = [*"ab Zé#[]():-*_>&;1.\"'“\x1b\x07\x00\u2028\u202e\t", "&#163;", "Published: "]
LINES = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@example(lines=["."])  # no title: once refused only by the model, with a poor message
@example(lines=["a\x1b]"])  # an unterminated escape once swallowed the Source line
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, min_size=1, max_size=8))
def test_an_import_never_writes_a_file_that_check_refuses(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        content = make_empty(Path(temp) / "content")
        text = "\n\n".join(lines) + "\n\nSource: https://www.bbc.com/news/x\x1b[1m\n"
        result = import_text(content, text.encode("utf-8"), "--date", "2025-05-16")
        stderr = out(result)[1]
        assert "Traceback" not in stderr and "\x1b" not in stderr
        if result.returncode == 0:
            assert_check_passes(content)
        else:
            assert list((content / "articles").iterdir()) == []
            refusals = "this is a binary file|no text left|the file is empty|"
            refusals += "the text gives no title"
            assert re.search(rf": error: ({refusals})", stderr), stderr


def test_date_headings_of_a_timeline_are_kept(empty: Path) -> None:
    title, rest = A_TEXT.split("\n", 1)
    story = rest.strip().split("\n\n")
    text = "\n\n".join([title, story[0], "Long before.", "16 May 2025", story[1]])
    text += "\n\n" + "\n\n".join(f"Paragraph {n} of the timeline." for n in range(4))
    result = import_text(empty, text, "--source", "unattributed", "--date", "2025-06-02")
    assert result.returncode == 0, out(result)[1]
    meta, body = front_matter_and_body(written(out(result)[0])[0])
    assert meta["date"] == dt.date(2025, 6, 2)
    assert "## 16 May 2025" in body
