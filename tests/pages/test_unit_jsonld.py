"""jsonld: schema.org for articles (the outlet wrote it, the site publishes it), entities
and a topic's key facts as Claims that appear only in the articles supporting them."""

from __future__ import annotations

from pathlib import Path

from tiny_site import tiny

from generator.pages.jsonld import article_json_ld, claims_json_ld, entity_json_ld
from generator.routes import Routes
from generator.views import items as views

ROUTES = Routes("https://example.org/b/", "/b/")
SITE_YAML = "title: Mini briefing\ndescription: d\nbase_url: https://example.org/b/\n"


def test_an_article_is_written_by_its_outlet_and_published_by_the_site(tmp_path: Path) -> None:
    site = tiny(tmp_path).site
    first = site.articles["first"]
    topics = [site.topics["ankara-meeting"]]
    entities = [site.entities["volodymyr-zelensky"], site.entities["ankara"]]
    data = article_json_ld(first, site.sources["wire"], topics, entities, ROUTES, "Mini")
    assert data["@type"] == "NewsArticle" and data["headline"] == "First report"
    assert data["author"] == data["sourceOrganization"] == {
        "@type": "Organization",
        "name": "Wire Service",
        "url": "https://wire.example/",
    }
    assert data["publisher"]["name"] == "Mini"
    assert data["url"] == "https://example.org/b/articles/first/"
    assert [m["@type"] for m in data["mentions"]] == ["Person", "Place"]
    assert data["about"] == ["Ankara meeting"] and data["description"] == "Zelensky goes to Ankara."


def test_an_entity_says_its_other_names(tmp_path: Path) -> None:
    zelensky = tiny(tmp_path).site.entities["volodymyr-zelensky"]
    data = entity_json_ld(zelensky, ROUTES)
    assert data["alternateName"] == ["Zelensky", "Voldymir Zelensky"]
    assert data["url"] == "https://example.org/b/entities/volodymyr-zelensky/"


def test_a_claim_appears_in_the_cited_articles_that_support_it(tmp_path: Path) -> None:
    site = tiny(tmp_path, {"site.yaml": SITE_YAML})
    reader = site.reader()
    topic = site.site.topics["ankara-meeting"]
    (claim,) = claims_json_ld(topic, views.fact_views(reader, topic), site.routes)["@graph"]
    assert claim["@type"] == "Claim" and claim["text"] == "Zelensky travelled to Ankara."
    assert claim["url"].startswith("https://example.org/b/topics/ankara-meeting/#")
    assert [a["url"] for a in claim["appearance"]] == ["https://example.org/b/articles/first/"]
