"""Topic cards (home, /topics/) carry the evidence status most of their topic's disputed
claims share ("All 25 facts, events and quotes unconfirmed", "5 of 19 …"), however few,
before the summary they flag; the topic page opens with it when it is many."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, THEME
from tiny_site import Tiny, prepare

from generator.render.jinja import make_environment, render_page
from generator.views.evidence import StatusNotice
from generator.views.items import topic_cards


@pytest.fixture(scope="module")
def site() -> Tiny:
    return prepare(CONTENT)  # the real content: read, not built


def test_each_card_has_its_topic_page_s_status(site: Tiny) -> None:
    cards = topic_cards(site.reader())
    assert len(cards) == len(site.site.topics)
    for card in cards:
        page = site.page(site.routes.topic(card.topic.id)).context(site.reader())
        assert page["status_notice"] in (card.status, None), card.topic.id
    by_id = {card.topic.id: card.status for card in cards}
    assert by_id["istanbul-talks"] == StatusNotice("unconfirmed", 25, 25)
    # a reviewer's find: its outlets confirm most of it, and its card said nothing of the
    # 6 claims that are not, beside two cards that did: it read as all confirmed
    assert by_id["ankara-meeting"] == StatusNotice("unconfirmed", 6, 19)


@pytest.mark.parametrize("path", ["/", "/topics/"])
def test_the_card_says_it_before_its_summary(site: Tiny, path: str) -> None:
    env = make_environment(THEME, site.site.config, site.routes)
    page = BeautifulSoup(render_page(env, site.page(path), site.data)[0], "html.parser")
    said = {}
    for card in page.select("article.topic-card"):
        status = card.select_one(".card-status")
        said[card.select_one(".card-title").get_text()] = status and status.get_text()
        if status is not None:
            assert status.find_next_sibling(class_="card-summary") is not None
    assert said["Istanbul talks"] == "All 25 facts, events and quotes unconfirmed"
    assert said["Lavrov's conditions"] == "6 of 10 facts, events and quotes unconfirmed"
    assert said["Ankara meeting"] == "6 of 19 facts, events and quotes unconfirmed"
