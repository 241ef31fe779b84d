"""`briefing check`: one fixture per mistake, asserting message, file, line and exit code;
warnings, --strict, and input that must be accepted without complaint."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, site_args

from generator.cli import main

ARTICLE = "articles/first.md"


def check(content: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    code = main(site_args("check", content, None, *extra))
    captured = capsys.readouterr()
    return code, captured.err.splitlines() + captured.out.splitlines()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text to replace, replacement, expected "file:line[:col]: error: message (hint)")
ERRORS = {
    "yaml syntax": (
        "topics.yaml",
        "  title: Ankara meeting",
        "  title: [Ankara",
        "topics.yaml:2:10: error: YAML syntax error: a flow sequence begun here is not closed",
    ),
    "missing front matter": (
        ARTICLE,
        "---\ntitle: First report\n",
        "title: First report\n",
        "articles/first.md:1: error: missing front matter (start the file with a '---' line)",
    ),
    "unterminated front matter": (
        ARTICLE,
        "summary: Zelensky goes to Ankara.\n---\n",
        "summary: Zelensky goes to Ankara.\n",
        "articles/first.md:1: error: unterminated front matter (close it with a '---' line)",
    ),
    "missing field": (
        ARTICLE,
        "title: First report\n",
        "",
        "articles/first.md:2:1: error: front matter is missing required field 'title'",
    ),
    "text instead of a list": (
        ARTICLE,
        "topics: [ankara-meeting]",
        "topics: ankara-meeting",
        "articles/first.md:5:9: error: 'topics' must be a list, not text "
        "(write it as [ankara-meeting])",
    ),
    "number as title": (
        ARTICLE,
        "title: First report",
        "title: 2025",
        "articles/first.md:2:8: error: 'title' must be text, not a number (put it in quotes)",
    ),
    "unknown topic": (
        ARTICLE,
        "topics: [ankara-meeting]",
        "topics: [ankara-meting]",
        "articles/first.md:5:10: error: unknown topic 'ankara-meting' "
        "(did you mean 'ankara-meeting'?)",
    ),
    "unknown source": (
        ARTICLE,
        "source: wire",
        "source: wires",
        "articles/first.md:4:9: error: unknown source 'wires' (did you mean 'wire'?)",
    ),
    "unknown cite": (
        "topics.yaml",
        "cite: [first]",
        "cite: [firts]",
        "topics.yaml:6:14: error: unknown article 'firts' (did you mean 'first'?)",
    ),
    "unknown rewrite_of": (
        "articles/second.md",
        "rewrite_of: first",
        "rewrite_of: frist",
        "articles/second.md:6:13: error: unknown article 'frist' (did you mean 'first'?)",
    ),
    "unknown related topic": (
        "topics.yaml",
        "related: []",
        "related: [ankara-meting]",
        "topics.yaml:7:13: error: unknown topic 'ankara-meting' (did you mean 'ankara-meeting'?)",
    ),
    "related to itself": (
        "topics.yaml",
        "related: []",
        "related: [ankara-meeting]",
        "topics.yaml:7:13: error: topic 'ankara-meeting' is related to itself",
    ),
    "duplicate id": (
        "entities.yaml",
        "- id: ankara\n",
        "- id: volodymyr-zelensky\n",
        "entities.yaml:7:3: error: duplicate entity id 'volodymyr-zelensky' (first defined at ",
    ),
    "alias claimed twice": (
        "entities.yaml",
        "aliases: []",
        "aliases: [Zelensky]",
        "entities.yaml:11:13: error: 'Zelensky' names two entities: "
        "'volodymyr-zelensky' and 'ankara' (first claimed at ",
    ),
    "impossible date": (
        ARTICLE,
        "date: 2025-11-18",
        "date: 2025-02-30",
        "articles/first.md:3:7: error: invalid date '2025-02-30' (day is out of range for month)",
    ),
    "not a date": (
        ARTICLE,
        "date: 2025-11-18",
        "date: yesterday",
        "articles/first.md:3:7: error: invalid date 'yesterday' (use the ISO form YYYY-MM-DD)",
    ),
    "broken internal link": (
        "articles/second.md",
        "Zelensky met officials.",
        "See [the topic](/topics/ankara-meting/).",
        "articles/second.md:9: error: link to a page that does not exist: "
        "/topics/ankara-meting/ (did you mean '/topics/ankara-meeting/'?)",
    ),
    "empty article": (
        "articles/second.md",
        "Zelensky met officials.\n",
        "\n",
        "articles/second.md:8: error: the article has no text",
    ),
    "id that is not a slug": (
        "topics.yaml",
        "- id: ankara-meeting",
        "- id: Ankara Meeting",
        "topics.yaml:1:7: error: id 'Ankara Meeting' is not a valid slug (use 'ankara-meeting')",
    ),
    "unknown entity kind": (
        "entities.yaml",
        "kind: place",
        "kind: plaec",
        "entities.yaml:9:9: error: unknown entity kind 'plaec' (did you mean 'place'?)",
    ),
}


@pytest.mark.parametrize("case", ERRORS)
def test_each_mistake_gets_one_clear_message(mini_content: Path, capsys, case: str) -> None:
    file, old, new, expected = ERRORS[case]
    replace_in(mini_content / file, old, new)
    code, lines = check(mini_content, capsys)
    assert code == 1
    messages = [line for line in lines if ": error: " in line]
    assert any(line.startswith(f"{mini_content}/{expected}") for line in messages), lines
    assert not any("Traceback" in line for line in lines)


def test_file_name_that_is_not_a_slug(mini_content: Path, capsys) -> None:
    (mini_content / "articles" / "first.md").rename(mini_content / "articles" / "First Report.md")
    replace_in(mini_content / "topics.yaml", "cite: [first]", "cite: [First Report]")
    code, lines = check(mini_content, capsys)
    assert code == 1
    assert (
        f"{mini_content}/articles/First Report.md:1: error: file name 'First Report.md' is "
        "not a valid slug (rename it to 'first-report.md')" in lines
    )


def test_not_utf8_is_named(mini_content: Path, capsys) -> None:
    article = mini_content / ARTICLE
    article.write_bytes(article.read_bytes().replace(b"travelled", b"trav\xe9lled"))
    code, lines = check(mini_content, capsys)
    assert code == 1
    assert lines[0] == (
        f"{article}:9: error: file is not valid UTF-8 (byte 0xe9); save it as UTF-8"
    )


def test_errors_come_sorted_and_all_at_once(mini_content: Path, capsys) -> None:
    replace_in(mini_content / "articles/second.md", "source: wire", "source: nope")
    replace_in(mini_content / ARTICLE, "topics: [ankara-meeting]", "topics: [nope]")
    replace_in(mini_content / "topics.yaml", "cite: [first]", "cite: [nope]")
    code, lines = check(mini_content, capsys)
    assert code == 1
    errors = [line for line in lines if ": error: " in line]
    assert [line.split(": error:")[0].removeprefix(str(mini_content)) for line in errors] == [
        "/articles/first.md:5:10",
        "/articles/second.md:4:9",
        "/topics.yaml:6:14",
    ]
    assert lines[-1] == "3 errors; nothing was written"


WARNINGS = {
    "article in no topic": (
        "articles/second.md",
        "topics: [ankara-meeting]",
        "topics: []",
        "articles/second.md:1: warning: the article is in no topic",
    ),
    "entity never mentioned": (
        "entities.yaml",
        "aliases: []",
        "aliases: []\n\n- id: nobody\n  name: Nobody Atall\n  kind: person\n  aliases: []",
        "entities.yaml:13:3: warning: entity 'nobody' is never mentioned",
    ),
    "topic with no articles": (
        "topics.yaml",
        "related: []",
        "related: []\n\n- id: empty\n  title: Empty\n  summary: Nothing yet.\n",
        "topics.yaml:9:3: warning: topic 'empty' has no articles",
    ),
}


@pytest.mark.parametrize("case", WARNINGS)
def test_warnings_pass_unless_strict(mini_content: Path, capsys, case: str) -> None:
    file, old, new, expected = WARNINGS[case]
    replace_in(mini_content / file, old, new)
    code, lines = check(mini_content, capsys)
    assert code == 0
    assert any(line.startswith(f"{mini_content}/{expected}") for line in lines), lines
    code, lines = check(mini_content, capsys, "--strict")
    assert code == 1
    assert any(
        line.startswith(f"{mini_content}/{expected.replace('warning', 'error')}") for line in lines
    ), lines


def test_undeclared_near_copy_is_a_warning(mini_content: Path, capsys) -> None:
    text = " ".join(
        f"Delegates discussed clause {n} of the ceasefire memorandum in Ankara." for n in range(30)
    )
    for name in ("first", "second"):
        article = mini_content / "articles" / f"{name}.md"
        head = article.read_text(encoding="utf-8").split("---\n")[1]
        article.write_text(f"---\n{head}---\n\n{text}\n", encoding="utf-8")
    replace_in(mini_content / "articles/second.md", "rewrite_of: first\n", "")
    code, lines = check(mini_content, capsys)
    assert code == 0
    assert (
        f"{mini_content}/articles/second.md:1: warning: the article shares 100% of its "
        "wording with 'first' (if it is a rewrite, add 'rewrite_of: first')" in lines
    )


def test_real_content_has_no_warnings(capsys) -> None:
    from conftest import CONTENT

    code, lines = check(CONTENT, capsys, "--strict", "--base-url", "https://example.org/")
    assert code == 0
    assert len(lines) == 2
    assert re.fullmatch(r"ok: 5 articles, 3 topics, 48 entities, \d+ pages", lines[0])
    checked = re.fullmatch(r"evidence: \d+ facts, events and quotes; (\d+) of (\d+) .*", lines[1])
    assert checked and checked[1] == checked[2]


def test_accepted_without_complaint(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    first = content / ARTICLE
    first.write_bytes(b"\xef\xbb\xbf" + first.read_bytes().replace(b"\n", b"\r\n"))  # BOM, CRLF
    (content / "articles" / "переговоры-в-стамбуле.md").write_text(
        "---\ntitle: Переговоры в Стамбуле\ndate: 2025-05-16\nsource: wire\n"
        "topics: [ankara-meeting]\n---\n\nДелегации встретились. Zelensky\n",
        encoding="utf-8",
    )
    (content / "articles" / "türkiye-de-görüşme.md").write_text(
        "---\ntitle: Türkiye'de görüşme\ndate: 2025-05-15\nsource: wire\n"
        "topics: [ankara-meeting]\n---\n\nAnkara'da görüşme yapıldı.\n",
        encoding="utf-8",
    )
    for junk in (".first.md.swp", "first.md~", ".#first.md", ".hidden.md"):
        (content / "articles" / junk).write_text("not: [valid", encoding="utf-8")
    output = tmp_path / "site"
    args = ("--no-search", "--strict", "--base-url", "https://example.org/")
    code = main(site_args("build", content, output, *args))
    assert code == 0, capsys.readouterr().err
    assert (output / "articles" / "переговоры-в-стамбуле" / "index.html").is_file()
    assert (output / "articles" / "türkiye-de-görüşme" / "index.html").is_file()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "/articles/%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B" in home


def test_a_ten_megabyte_article_builds(mini_content: Path, tmp_path: Path) -> None:
    paragraph = "Zelensky met Erdogan in Ankara to discuss the ceasefire and prisoners. " * 20
    body = (paragraph + "\n\n") * (10_000_000 // len(paragraph))
    (mini_content / "articles" / "huge.md").write_text(
        "---\ntitle: Huge\ndate: 2025-01-01\nsource: wire\ntopics: [ankara-meeting]\n---\n\n"
        + body,
        encoding="utf-8",
    )
    output = tmp_path / "site"
    assert main(site_args("build", mini_content, output, "--no-search")) == 0
    assert (output / "articles" / "huge" / "index.html").stat().st_size > 10_000_000


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            ARTICLE,
            "summary: Zelensky goes to Ankara.",
            "sumary: Zelensky goes to Ankara.",
            "articles/first.md:6:9: warning: unknown field 'sumary' in front matter: "
            "Briefing does not read it (did you mean 'summary'?)",
        ),
        (
            ARTICLE,
            "summary: Zelensky goes to Ankara.",
            "summary: Zelensky goes to Ankara.\ntags: [a, b]",
            "articles/first.md:7:7: warning: unknown field 'tags' in front matter: Briefing does "
            "not read it (known fields: aliases, credibility, date, date_inferred, draft, "
            "language, lastmod, rewrite_of, source, summary, title, topics, updated, url)",
        ),
        (
            "topics.yaml",
            "  title: Ankara meeting",
            "  titel: Ankara meeting\n  title: Ankara meeting",
            "topics.yaml:2:10: warning: unknown field 'titel' in topic: "
            "Briefing does not read it (did you mean 'title'?)",
        ),
        (
            "topics.yaml",
            "      cite: [first]",
            "      cite: [first]\n      cites: [first]",
            "topics.yaml:7:14: warning: unknown field 'cites' in key_fact: "
            "Briefing does not read it (did you mean 'cite'?)",
        ),
    ],
)
def test_unknown_fields_warn_and_fail_strict(
    mini_content: Path, capsys, file: str, old: str, new: str, expected: str
) -> None:
    replace_in(mini_content / file, old, new)
    code, lines = check(mini_content, capsys, "--base-url", "https://example.org/")
    assert code == 0
    assert f"{mini_content}/{expected}" in lines
    code, lines = check(mini_content, capsys, "--base-url", "https://example.org/", "--strict")
    assert code == 1
    assert f"{mini_content}/{expected}".replace(": warning: ", ": error: ") in lines
