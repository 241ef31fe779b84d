"""drafts: a 'draft: true' article is out of the published site, with every curated item
that cites only drafts (and one warning for each)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from tiny_site import tiny

from generator.content.drafts import without_articles, without_drafts

TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: Zelensky travelled to Ankara.
  key_facts:
    - text: Zelensky travelled to Ankara.
      cite: [first]
    - text: Zelensky met officials.
      cite: [first, second]
"""


def _with_first_a_draft(tmp_path: Path):
    first = (FIXTURES / "mini/articles/first.md").read_text()
    drafted = first.replace("source: wire\n", "source: wire\ndraft: true\n")
    return tiny(tmp_path, {"articles/first.md": drafted, "topics.yaml": TOPICS}).site


def test_a_draft_and_what_cites_only_it_are_left_out_with_a_warning(tmp_path: Path) -> None:
    published, warnings = without_drafts(_with_first_a_draft(tmp_path))
    assert list(published.articles) == ["second"]
    assert published.articles["second"].rewrite_of == ""  # its original is not published
    (fact,) = published.topics["ankara-meeting"].key_facts
    assert fact.cites == ("second",)
    (warning,) = warnings
    assert warning.severity == "warning"
    assert warning.message == (
        "key fact 1 of topic 'ankara-meeting' cites only draft articles: "
        "it is left out until one of them is published"
    )
    assert warning.position.path.name == "topics.yaml"


def test_without_drafts_the_site_is_the_same_object(tmp_path: Path) -> None:
    site = tiny(tmp_path).site
    assert without_drafts(site) == (site, [])
    assert without_articles(site, set(), "drafts")[0] is site
