"""content.yaml_records: site.yaml, sources.yaml, entities.yaml and topics.yaml become
records; each problem is an error at its line, each id a topic names is a reference, and a
name may belong to one entity only."""

from __future__ import annotations

from pathlib import Path

from tiny_site import content

from generator.content.fields import Reference
from generator.content.load import RawContent, load_content
from generator.content.yaml_records import (
    MAX_NAME,
    check_aliases,
    read_config,
    read_entities,
    read_sources,
    read_topics,
)
from generator.errors import ContentError


def raw(tmp_path: Path, files: dict[str, str] | None = None) -> RawContent:
    return load_content(content(tmp_path, files))


def said(errors: list[ContentError]) -> list[str]:
    return [f"{e.position.path.name}:{e.position.line}: {e.message}" for e in errors]


def test_the_config_gets_a_base_url_ending_in_a_slash(tmp_path: Path) -> None:
    errors: list[ContentError] = []
    config = read_config(raw(tmp_path), errors, "https://me.example/x")
    assert (config.title, config.base_url, config.language) == (
        "Mini briefing",
        "https://me.example/x/",
        "en",
    )
    assert read_config(raw(tmp_path / "2"), errors, None).base_url == "/"
    assert errors == []


def test_a_base_url_that_is_no_address_is_an_error(tmp_path: Path) -> None:
    errors: list[ContentError] = []
    site = "title: T\nbase_url: me.example/x\n"
    read_config(raw(tmp_path, {"site.yaml": site}), errors, None)
    assert said(errors) == ["site.yaml:2: base_url 'me.example/x' must start with https:// or /"]


def test_cards_are_each_pages_own_unless_the_site_asks_for_one(tmp_path: Path) -> None:
    errors: list[ContentError] = []
    assert read_config(raw(tmp_path), errors, None).cards == "page"
    one = read_config(raw(tmp_path / "2", {"site.yaml": "title: T\ncards: site\n"}), errors, None)
    assert (one.cards, errors) == ("site", [])


def test_an_unknown_cards_setting_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    errors: list[ContentError] = []
    config = read_config(raw(tmp_path, {"site.yaml": "title: T\ncards: sites\n"}), errors, None)
    assert said(errors) == ["site.yaml:2: unknown cards setting 'sites'"]
    assert errors[0].hint == "did you mean 'site'?" and config.cards == "page"
    read_config(raw(tmp_path / "2", {"site.yaml": "title: T\ncards: none\n"}), errors, None)
    assert errors[1].hint == "use one of page, site"


def test_sources_and_entities_are_read_in_file_order(tmp_path: Path) -> None:
    errors: list[ContentError] = []
    content_ = raw(tmp_path)
    (source,) = read_sources(content_, errors)
    assert (source.id, source.name, source.url, source.kind) == (
        "wire",
        "Wire Service",
        "https://wire.example/",
        "outlet",
    )
    entities = list(read_entities(content_, errors))
    assert [e.id for e in entities] == ["volodymyr-zelensky", "ankara"]
    assert entities[0].aliases == ("Zelensky", "Voldymir Zelensky")
    assert errors == []


def test_a_bad_entity_kind_or_a_long_name_is_an_error_at_its_line(tmp_path: Path) -> None:
    long = "N" * (MAX_NAME + 1)
    entities = "- id: x\n  name: X\n  kind: persn\n"
    entities += f"- id: y\n  name: Y\n  kind: place\n  aliases: [{long}]\n"
    errors: list[ContentError] = []
    list(read_entities(raw(tmp_path, {"entities.yaml": entities}), errors))
    assert said(errors) == [
        "entities.yaml:3: unknown entity kind 'persn'",
        f"entities.yaml:7: a name of {MAX_NAME + 1} characters is too long (at most {MAX_NAME})",
    ]
    assert errors[0].hint == "did you mean 'person'?"


def test_a_topic_refers_to_its_related_topics_and_not_to_itself(tmp_path: Path) -> None:
    topics = "- id: a\n  title: A\n  summary: S\n  related: [b, a]\n"
    errors: list[ContentError] = []
    references: list[Reference] = []
    (topic,) = read_topics(raw(tmp_path, {"topics.yaml": topics}), errors, references)
    assert (topic.id, topic.title, topic.related) == ("a", "A", ("b", "a"))
    assert [(r.kind, r.id, r.position.line) for r in references] == [
        ("topic", "b", 4),
        ("topic", "a", 4),
    ]
    assert said(errors) == ["topics.yaml:4: topic 'a' is related to itself"]


def test_a_name_claimed_by_two_entities_is_an_error_where_the_second_claims_it(
    tmp_path: Path,
) -> None:
    entities = (
        "- id: a\n  name: Kyiv\n  kind: place\n"
        "- id: b\n  name: Kyiv City\n  kind: place\n  aliases:\n    - Kiev\n    - Kyiv\n"
    )
    content_ = raw(tmp_path, {"entities.yaml": entities})
    errors: list[ContentError] = []
    check_aliases(list(read_entities(content_, errors)), content_.entities, errors)
    assert said(errors) == ["entities.yaml:9: 'Kyiv' names two entities: 'a' and 'b'"]
    assert errors[0].hint == f"first claimed at {content_.entities.path}:2:9"
