"""The timelines of content/ list events, not states: "X and Y have not met since early
September" (said in November) is not something that happened in September. The event a
report implies is dated and worded as what happened, and its cited article supports it."""

from __future__ import annotations

import re

import pytest
from conftest import CONTENT
from tiny_site import Tiny, prepare

# "have not met since", "has not spoken since": a lasting state, as an event's main clause
STATE = re.compile(r"\b(?:has|have|had) not\b[^.;:]*\bsince\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def site() -> Tiny:
    return prepare(CONTENT)


def test_no_event_of_the_content_is_a_lasting_state(site: Tiny) -> None:
    for topic in site.site.topics.values():
        for event in topic.events:
            happened = re.split(r"[;:]", event.text)[0]  # what follows may say who reports it
            assert not STATE.search(happened), (topic.id, event.text)


def test_the_last_meeting_is_dated_and_supported_by_its_report(site: Tiny) -> None:
    (index, event), *_ = [
        (i, e)
        for i, e in enumerate(site.site.topics["ankara-meeting"].events)
        if "early September" in e.text
    ]
    assert event.text.startswith("Zelensky and Witkoff last meet in early September")
    assert (event.date.year, event.date.month) == (2025, 9)
    evidence = site.data.evidence.of("ankara-meeting", "event", index)
    assert evidence.supported_by == ("zelensky-to-meet-us-envoy-and-turkish-president",)
