"""Marking cited sentences in rendered article HTML."""

from __future__ import annotations

from markupsafe import Markup

from generator.evidence.sentences import Sentence
from generator.views.evidence import CitedSentence
from generator.views.highlight import mark_cited

BODY = Markup(
    '<p id="para-2">He said &quot;yes&quot;. <a class="entity" href="/e/p/">Peskov</a> '
    'agreed <em>today</em>.</p>\n<p id="para-4">Talks <em>went on. Late</em> into the night.</p>\n'
)
LINK = (("/topics/t/#fact-1", "T, key fact 1"),)
REF = '<a class="cited-by" href="/topics/t/#fact-1" data-pagefind-ignore>cited by T, key fact 1</a>'


def test_a_sentence_with_references_is_wrapped() -> None:
    html = mark_cited(BODY, [CitedSentence((Sentence('He said "yes".', 2, 1),), LINK)])
    assert (
        '<p id="para-2"><mark class="cited" id="para-2-s1">He said &quot;yes&quot;.</mark>' + REF
        in html
    )


def test_a_sentence_starting_with_a_link_takes_the_link_in() -> None:
    html = mark_cited(BODY, [CitedSentence((Sentence("Peskov agreed today.", 2, 2),), LINK)])
    assert (
        '<mark class="cited" id="para-2-s2"><a class="entity" href="/e/p/">Peskov</a> '
        "agreed <em>today</em>.</mark>" + REF in html
    )


def test_two_sentences_are_both_marked_and_the_first_carries_the_anchor() -> None:
    passage = (Sentence('He said "yes".', 2, 1), Sentence("Peskov agreed today.", 2, 2))
    html = mark_cited(BODY, [CitedSentence(passage, LINK)])
    assert html.count("<mark") == 2 and html.count('id="para-2-s1"') == 1
    assert "para-2-s2" not in html


def test_a_sentence_across_a_tag_boundary_gets_an_anchor_at_its_paragraph() -> None:
    html = mark_cited(BODY, [CitedSentence((Sentence("Talks went on.", 4, 1),), LINK)])
    assert '<p id="para-4"><span class="cited-anchor" id="para-4-s1"></span>Talks' in html
    assert "<mark" not in html
