"""The repository's own content, read as a careful reader would: what the check's rules
do not cover yet (part of issue 25), asserted on the claims themselves."""

from __future__ import annotations

import pytest
from conftest import CONTENT, THEME

from generator.evidence.site_check import check_site
from generator.pipeline.builder import render_site
from generator.settings import BuildOptions


@pytest.fixture(scope="module")
def site():
    return render_site(BuildOptions(content_dir=CONTENT, theme_dir=THEME, search=False)).site


def test_an_event_whose_text_does_not_state_its_year_is_marked_inferred(site) -> None:
    evidence = check_site(site).evidence
    checked = 0
    for (topic, kind, index), item in evidence.items.items():
        claim = item.claim
        if kind != "event" or claim.inferred:
            continue
        for support in item.supports:
            if support.cited:
                assert str(claim.date.year) in support.text, (topic, index, claim.text)
                checked += 1
    assert checked >= 1  # (one today: the other events are inferred) else nothing was checked
