"""`briefing import` on the five seed texts, bad input, and `briefing new article`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, THEME

from generator.cli import main

SEEDS = Path(__file__).parent / "fixtures" / "seeds"  # the five texts of shared/seeds, as received
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


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, input=stdin, capture_output=True
    )


def imported(content: Path, output: str) -> Path:
    return Path(re.search(r"^created (.+\.md)$", output, re.MULTILINE).group(1))


def front_matter_and_body(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_seed_imports_into_a_valid_article(content: Path, number: str, capsys) -> None:
    args = [
        "import",
        str(seed(number)),
        "--content",
        str(content),
        "--date",
        "2025-11-18",
        "--topic",
        "ankara-meeting",
    ]
    if number != "000":  # 000 finds bbc-news by its URL's domain
        args += ["--source", "unattributed"]
    assert main(args) == 0
    path = imported(content, capsys.readouterr().out)
    meta, body = front_matter_and_body(path)
    title, headings, url = EXPECTED[number]
    assert meta["title"] == title
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == headings
    assert meta.get("url") == url
    assert meta["source"] == ("bbc-news" if number == "000" else "unattributed")
    assert main(["check", "--content", str(content), "--theme", str(THEME)]) == 0


def test_clutter_is_dropped_and_the_text_kept(content: Path, capsys) -> None:
    assert (
        main(
            [
                "import",
                str(seed("001")),
                "--content",
                str(content),
                "--source",
                "unattributed",
                "--date",
                "2025-11-18",
            ]
        )
        == 0
    )
    output = capsys.readouterr().out
    assert "left out  Back, Source Article, Generated on:" in output
    _, body = front_matter_and_body(imported(content, output))
    assert "Back" not in body.split("\n") and "Generated on:" not in body
    assert "Ankara represents the fourth capital Zelensky has visited within a few days." in body


def test_garbled_names_are_suggested_not_added(content: Path, capsys) -> None:
    entities = content / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    for alias in GARBLED:
        text = text.replace(f", {alias}", "")
    entities.write_text(text, encoding="utf-8")
    assert (
        main(
            [
                "import",
                str(seed("003")),
                "--content",
                str(content),
                "--source",
                "garbled-rewrite",
                "--date",
                "2025-05-13",
                "--slug",
                "garbled",
            ]
        )
        == 0
    )
    output = capsys.readouterr().out
    suggested = dict(re.findall(r'^  "(.+)" looks like (.+?) \(', output, re.MULTILINE))
    assert suggested["Voldymir Zelensky"] == "Volodymyr Zelensky"
    assert suggested["Receptacle Erdogan"] == "Recep Tayyip Erdogan"
    assert suggested["Steve Witkov"] == "Steve Witkoff"
    assert suggested["Kaja Karas"] == "Kaja Kallas"
    assert suggested["Andri Yamak"] == "Andriy Yermak"
    assert "Russian" not in suggested and "Kara" not in suggested
    assert entities.read_text(encoding="utf-8") == text  # nothing added


def test_a_rewrite_is_reported_as_a_near_copy(content: Path, capsys) -> None:
    (content / "articles" / "zelensky-to-meet-us-envoy-and-turkish-president.md").unlink()
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text()
        .replace(", zelensky-to-meet-us-envoy-and-turkish-president", "")
        .replace(
            "[zelensky-to-meet-us-envoy-and-turkish-president]",
            "[zelensky-to-meet-witkoff-and-erdogan-in-ankara]",
        ),
        encoding="utf-8",
    )
    assert (
        main(
            [
                "import",
                str(seed("001")),
                "--content",
                str(content),
                "--source",
                "ai-rewrite-service",
                "--date",
                "2025-11-18",
            ]
        )
        == 0
    )
    output = capsys.readouterr().out
    assert (
        "near-copy: it shares 33% of its wording with "
        "'zelensky-to-meet-witkoff-and-erdogan-in-ankara'" in output
    )


def test_reads_stdin_and_never_overwrites(content: Path) -> None:
    text = seed("002").read_bytes()
    args = [
        "import",
        "-",
        "--content",
        str(content),
        "--source",
        "news-digest",
        "--date",
        "2025-05-13",
        "--slug",
        "from-stdin",
    ]
    first = run(*args, stdin=text)
    assert first.returncode == 0, first.stderr
    saved = (content / "articles" / "from-stdin.md").read_bytes()
    again = run(*args, stdin=text)
    assert again.returncode == 1
    assert b"already exists (pass --force to replace it)" in again.stderr
    forced = run(*args, "--force", stdin=text)
    assert forced.returncode == 0
    assert (content / "articles" / "from-stdin.md").read_bytes() == saved  # deterministic


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
    result = run("import", str(bad), "--content", str(content))
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"{bad}")
    assert message in result.stderr.decode()
    assert b"Traceback" not in result.stderr
    assert sorted(p.name for p in (content / "articles").iterdir()) == sorted(
        p.name for p in (CONTENT / "articles").iterdir()
    )


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
    assert main(["new", "article", "Talks resume in Istanbul", "--content", str(content)]) == 1
    assert "already exists" in capsys.readouterr().err
