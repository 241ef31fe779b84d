"""`briefing new topic|entity|source`: one commented entry appended to its YAML file, the
user's text kept byte for byte, never a file that `check` refuses."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURES, THEME, parse, site_args
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.authoring.new_entries import NewEntry, add_entry
from generator.cli import main
from generator.content.assemble import build_site
from generator.content.load import load_content
from generator.errors import ContentErrors
from generator.pipeline.builder import build
from generator.settings import BuildOptions

COMMANDS = {
    "topic": (
        ["new", "topic", "Prisoner exchanges: who, when", "--summary", "Swaps agreed # at talks."],
        "topics.yaml",
    ),
    "entity": (
        ["new", "entity", "Olha Stefanishyna", "--kind", "person", "--alias", "Стефанішина",
         "--alias", "Stefanishyna, O.", "--country", "Ukraine"],
        "entities.yaml",
    ),
    "source": (
        ["new", "source", "Kyiv Independent", "--url", "https://kyivindependent.com",
         "--reliability", "B", "--description", "An English-language outlet: online only."],
        "sources.yaml",
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", COMMANDS)
def test_an_entry_is_appended_and_check_passes(mini_content: Path, capsys, kind: str) -> None:
    args, name = COMMANDS[kind]
    path = mini_content / name
    path.write_text("# the user's own comment\n" + path.read_text("utf-8"), encoding="utf-8")
    before = path.read_bytes()
    assert main([*args, "--content", str(mini_content)]) == 0
    said = capsys.readouterr().out
    line = int(said.split(f"{path}:")[1].split(":")[0])
    after = path.read_bytes()
    assert after.startswith(before) and b"\n  # " in after[len(before) :]  # commented
    assert after.decode("utf-8").splitlines()[line - 1].startswith("- id: ")
    capsys.readouterr()
    assert main(site_args("check", mini_content)) == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    # a new entry is not used yet, and check says only that (a new topic's placeholder
    # summary is not checked against articles it does not have)
    assert [w.split(": warning: ")[0] for w in warned] in ([], [f"{path}:{line}:3"]), warned
    assert all(w.endswith(("has no articles", "to its aliases)", "no articles")) for w in warned)
    site = build_site(load_content(mini_content))
    if kind == "topic":
        topic = site.topics["prisoner-exchanges-who-when"]
        assert (topic.title, topic.summary) == (args[2], "Swaps agreed # at talks.")
    elif kind == "entity":
        entity = site.entities["olha-stefanishyna"]
        assert (entity.kind, entity.country) == ("person", "Ukraine")
        assert entity.aliases == ("Стефанішина", "Stefanishyna, O.")
    else:
        source = site.sources["kyiv-independent"]
        assert (source.url, source.reliability) == ("https://kyivindependent.com", "B")
        assert source.description == "An English-language outlet: online only."


REFUSED = {
    "bad id": (
        ["new", "topic", "Talks", "--id", "Talks In Ankara"],
        "--id: error: 'Talks In Ankara' is not a valid id (use --id talks-in-ankara)",
    ),
    "taken id": (
        ["new", "topic", "Ankara meeting"],
        "--id: error: there is already a topic 'ankara-meeting' in topics.yaml "
        "(pick another id, e.g. --id ankara-meeting-2)",
    ),
    "entity kind": (
        ["new", "entity", "Kyiv", "--kind", "plce"],
        "--kind: error: unknown entity kind 'plce' (did you mean 'place'?)",
    ),
    "alias of another": (
        ["new", "entity", "Zelensky Two", "--kind", "person", "--alias", "Zelensky"],
        "entities.yaml:",  # the model's own message, at the line the entry would have
    ),
    "unsafe url": (
        ["new", "source", "Feed", "--url", "javascript:alert(1)"],
        "error: 'url' must be a web address starting with https:// or http://",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_bad_entries_are_refused_with_a_suggestion(mini_content: Path, capsys, case: str) -> None:
    args, expected = REFUSED[case]
    files = {p: p.read_bytes() for p in mini_content.glob("*.yaml")}
    assert main([*args, "--content", str(mini_content)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "nothing was written" in err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in mini_content.glob("*.yaml")} == files


def test_crlf_and_a_missing_last_newline_are_kept(mini_content: Path) -> None:
    path = mini_content / "sources.yaml"
    text = path.read_text("utf-8").rstrip("\n").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    add_entry(mini_content, NewEntry("source", "Kyiv Independent"))
    after = path.read_bytes().decode("utf-8")
    assert after.startswith(text) and "\n" not in after.replace("\r\n", "")
    assert "kyiv-independent" in build_site(load_content(mini_content)).sources


WORDS = st.sampled_from(["Зеленський", "yes", "1.5", "null", "- x", "? a", "~"])
NAMES = st.lists(
    st.text(alphabet="aZ zё Ї:#-'\"[]{},&*!|>%@`?\\\t\n", min_size=1, max_size=6) | WORDS,
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["topic", "entity", "source"]), name=NAMES, alias=NAMES)
def test_any_name_is_written_as_given_or_refused(kind: str, name: str, alias: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURES / "mini", content)
        before = {p: p.read_bytes() for p in content.glob("*.yaml")}
        entry = NewEntry(kind, name, entity_kind="person", aliases=(alias,), summary=alias)
        try:
            written = add_entry(content, entry)
        except ContentErrors as refused:
            assert refused.errors
            assert {p: p.read_bytes() for p in content.glob("*.yaml")} == before
            return
        site = build_site(load_content(content))  # never a file check refuses
        assert written.path.read_bytes().startswith(before[written.path])
        record = {"topic": site.topics, "entity": site.entities, "source": site.sources}[kind]
        title = record[written.id].title if kind == "topic" else record[written.id].name
        assert title == " ".join(name.split())  # white space collapsed, as on a page
        if kind == "entity":
            tidy = " ".join(alias.split())
            assert record[written.id].aliases == ((tidy,) if tidy else ())


def test_a_new_topic_claims_nothing_about_support(mini_content: Path, tmp_path: Path) -> None:
    """With no fact, event or quote yet, its page has no "Disputed" section saying that
    everything here is supported."""
    args, _ = COMMANDS["topic"]
    assert main([*args, "--content", str(mini_content)]) == 0
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output, search=False))
    page = parse(output / "topics" / "prisoner-exchanges-who-when" / "index.html")
    assert page.select_one("#disputed-heading") is None
    assert "supported by at least one" not in page.get_text()
    ankara = parse(output / "topics" / "ankara-meeting" / "index.html")
    assert ankara.select_one("#disputed-heading")  # a topic with facts keeps the section
