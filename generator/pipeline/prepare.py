"""The stages that gather everything before anything is written: load -> model -> evidence
and near copies (in the background on a large site) -> texts -> link graph -> pages and
their social cards -> warnings. Each is a function of the one before; what one build keeps
for the next (the Markdown parser, the near-copy search, the claims' supports) comes in as
a `Memory` and goes out as a new one, never written on the builder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.content.articles import ArticlesRead
from generator.content.assemble import build_site
from generator.content.drafts import without_drafts
from generator.content.fingerprints import Fingerprint
from generator.content.known_fields import unknown_field_warnings
from generator.content.load import RawContent, load_content, skipped_files
from generator.content.model import Site
from generator.content.schedule import Held, marked_scheduled, without_scheduled
from generator.copies.lineage import lineage
from generator.copies.near_copies import Found
from generator.errors import ContentError, ContentErrors
from generator.evidence import site_check
from generator.evidence.provenance import article_grade
from generator.evidence.summaries import SummaryMemo, checked_summaries
from generator.i18n import strings_for
from generator.incremental import cache
from generator.incremental.state import BuildState
from generator.pages.internal_links import check_internal_links
from generator.pages.kept import KeptPages, PageMaker
from generator.pages.kinds import PAGE_KINDS, build_pages
from generator.pages.page import Page
from generator.pipeline.near_copy_memory import NearCopies, NearCopyMemory, near_copies_later
from generator.pipeline.stages import StageClock
from generator.pipeline.warnings import content_warnings
from generator.reads.link_graph import LinkGraph, SortedMentions, build_graph, sorted_mentions
from generator.reads.queries import SiteData
from generator.render import cards
from generator.render.theme import Theme
from generator.routes import ENTITIES_FILE, Routes
from generator.settings import BuildOptions
from generator.text import images
from generator.text.entity_links import EntityMatcher, build_matcher, entity_links_plugin
from generator.text.footnotes import footnote_labels
from generator.text.markdown import Markdown
from generator.text.paragraph_ids import paragraph_ids_plugin
from generator.text.rendered import MarkdownResult
from generator.text.shown_as_text import shown_as_text_warnings
from generator.text.texts import Texts, render_texts

BACKGROUND_NEAR_COPIES = 500  # articles from which near-copy search and the support check
# each get their own process (beside Markdown rendering) on a full build
Bodies = Mapping[str, tuple[str, MarkdownResult]]  # slug -> (text, what it rendered to)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The site up to its list of pages: what the render stage needs."""

    raw: RawContent
    data: SiteData
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...]
    cards: Mapping[str, cards.Card]  # the social card of a page, by its path
    held: Held
    images: tuple[images.LocalImage, ...] = ()  # articles' own images, to publish


@dataclass(frozen=True, slots=True)
class ParserKey:
    """What a rendered body depends on beyond its text."""

    entities: Fingerprint | None  # entities.yaml as scanned
    routes: Routes
    language: str  # of the footnotes' labels


@dataclass(frozen=True, slots=True)
class Parser:
    key: ParserKey
    markdown: Markdown
    matcher: EntityMatcher


@dataclass(frozen=True, slots=True)
class Warm:
    """What the last process's build (the persistent cache) lends the first build."""

    near_copies: NearCopies | None  # its answer: taken as it is if the articles are the same
    bodies: Bodies  # its rendered bodies, if this build's parser links as its parser did
    entity_key: tuple  # how its bodies were linked (`entity_key`)


@dataclass(frozen=True, slots=True)
class MadePages:
    """The page objects and cards one build made, for the next to give back where what
    they are made from is the same."""

    pages: KeptPages = field(default_factory=KeptPages)
    carded: cards.Carded = field(default_factory=dict)  # each page with its card
    drawn: Mapping[tuple, cards.Card] = field(default_factory=dict)  # cards by what is drawn


@dataclass(frozen=True, slots=True)
class Memory:
    """What a Builder keeps from one build for the next, beyond the BuildState."""

    parser: Parser | None = None  # rebuilt when the entity table, routes or language change
    near_copies: NearCopyMemory = field(default_factory=NearCopyMemory)
    evidence: site_check.Memo = field(default_factory=dict)  # claims' supports by their inputs
    mentions: SortedMentions = field(default_factory=dict)  # each body's mentions, sorted
    articles: ArticlesRead = field(default_factory=dict)  # each article as read from its record
    summaries: SummaryMemo = field(default_factory=dict)  # topics' summaries checked
    letters: Mapping[cards.Card, str] = field(default_factory=dict)  # cards' undrawable ones
    made: MadePages = field(default_factory=MadePages)  # page objects and cards, to reuse
    warm: Warm | None = None  # only until the first build has used it


def entity_key(content_dir: Path, parser: Parser | None) -> tuple:
    """How the bodies were linked: the entity table's bytes, the routes, the language."""
    routes, language = (parser.key.routes, parser.key.language) if parser else (None, None)
    return (cache.file_digest(content_dir / ENTITIES_FILE), routes, language)


def prepare(
    options: BuildOptions,
    fingerprints: Mapping[str, Fingerprint],
    base: BuildState | None,
    changed: Set[str] | None,
    memory: Memory,
    clock: StageClock,
) -> tuple[Prepared, Memory]:
    """Every stage up to the list of pages, from `base`'s records and bodies where the
    inputs did not change. Near copies and evidence may run in the background: their
    stages are the wait."""
    stage = clock.stage
    with stage("load"):
        raw = load_content(options.content_dir, _reusable(base, changed, options.content_dir))
    with stage("model"):
        articles_read: ArticlesRead = {}
        site, held, model_warnings = _site_as_of(raw, options, memory.articles, articles_read)
        routes = Routes(site.config.base_url, site.config.base_path)
    background = options.workers > 1 and len(site.articles) >= BACKGROUND_NEAR_COPIES
    with stage("near copies"):
        warm = memory.warm.near_copies if memory.warm else None
        near_copies = near_copies_later(site, options, memory.near_copies, warm, background)
    with stage("evidence"):
        forked = background and base is None  # a cold build's check runs beside the texts
        evidence_soon = site_check.check_site_soon(site, memory.evidence, forked)
    with stage("texts"):
        parser, earlier = _parser(site, routes, fingerprints, base, memory, options.content_dir)
        resolvers = images.article_resolvers(site.articles, routes)
        texts = render_texts(site, parser.markdown, earlier, resolvers)
    with stage("evidence"):
        checked = evidence_soon()
        evidence_warnings = _evidence_warnings(site, checked.evidence)
    with stage("pages"):
        graph = build_graph(site, texts.bodies, parser.matcher, memory.mentions)
        made = PageMaker((site.config, routes), memory.made.pages)
        pages = tuple(build_pages(site, graph, texts, routes, PAGE_KINDS, made))
    with stage("cards"):
        known = cards.KnownCards(memory.made.drawn)
        page_cards = _cards(site, graph, routes, pages, options.theme_dir, known)
        raw_pages, pages = pages, cards.with_cards(pages, page_cards, memory.made.carded)
        carded = {raw.path: (raw, page) for raw, page in zip(raw_pages, pages, strict=True)}
        made_pages = MadePages(made.kept(), carded, known.made)
    with stage("pages"):
        local_images = _checked_links_and_images(site, texts, pages, resolvers)
    with stage("near copies"):
        copies = near_copies()
    with stage("evidence"):
        summaries, summary_memo = checked_summaries(site, memory.summaries)
    with stage("model"):
        letters = cards.left_out(page_cards.values(), memory.letters)
        more = [
            *evidence_warnings,
            *summaries.warnings(),
            *model_warnings,
            *unknown_field_warnings(raw),
            *shown_as_text_warnings(site, texts.bodies),
            *cards.undrawable_warnings(page_cards, raw.site.at("title"), letters),
        ]
        found = list(copies.found[1]) if copies.found else []
        warnings = _warnings(site, graph, found, more, options)
        data = SiteData(
            site, graph, texts, routes, checked.evidence, lineage(site, found), summaries
        )
    prepared = Prepared(raw, data, pages, warnings, page_cards, held, local_images)
    mentions = sorted_mentions(graph, texts.bodies)
    kept = Memory(
        parser, copies, checked.memo, mentions, articles_read, summary_memo, letters, made_pages
    )
    return prepared, kept


def _reusable(base: BuildState | None, changed: Set[str] | None, content_dir: Path) -> dict:
    """Records loaded by the last build from files that have not changed since."""
    if base is None or changed is None:
        return {}
    gone = {content_dir / key for key in changed}  # not relative_to: a tenth of a rebuild
    return {path: record for path, record in base.records.items() if path not in gone}


def _site_as_of(
    raw: RawContent, options: BuildOptions, earlier: ArticlesRead, kept: ArticlesRead
) -> tuple[Site, Held, list[ContentError]]:
    """The site without drafts (unless asked for) and without the articles dated after the
    day, or with them marked (--future)."""
    site = build_site(raw, options.base_url, earlier, kept)
    site, draft_warnings = (site, []) if options.drafts else without_drafts(site)
    today = options.day()
    if options.future:
        return marked_scheduled(site, today), Held(as_of=today), draft_warnings
    site, schedule_warnings, held = without_scheduled(site, today)
    return site, held, [*draft_warnings, *schedule_warnings]


def _parser(
    site: Site,
    routes: Routes,
    fingerprints: Mapping[str, Fingerprint],
    base: BuildState | None,
    memory: Memory,
    content_dir: Path,
) -> tuple[Parser, Bodies]:
    """The parser, with the bodies it rendered before (none when it is new, unless the
    cache's were linked the same way)."""
    key = ParserKey(fingerprints.get(ENTITIES_FILE), routes, site.config.language)
    if memory.parser is not None and memory.parser.key == key:
        return memory.parser, base.bodies if base else {}
    matcher = build_matcher(site.entities.values())
    plugin = (entity_links_plugin, {"matcher": matcher, "routes": routes})
    labels = footnote_labels(strings_for(site.config.language))
    parser = Parser(key, Markdown(plugin, (paragraph_ids_plugin, {}), labels=labels), matcher)
    warm = memory.warm
    if warm is not None and warm.entity_key == entity_key(content_dir, parser):
        return parser, warm.bodies  # linked the same way
    return parser, {}


def _evidence_warnings(site: Site, evidence: site_check.SiteEvidence) -> list[ContentError]:
    """The evidence's warnings; its errors stop the build, with the warnings (an error
    never hides them)."""
    languages = {slug: a.language for slug, a in site.articles.items() if a.language}
    errors, warnings = site_check.evidence_problems(evidence, languages, site.config.language)
    if errors:
        raise ContentErrors([*errors, *warnings])
    return warnings


def _cards(
    site: Site,
    graph: LinkGraph,
    routes: Routes,
    pages: Sequence[Page],
    theme_dir: Path,
    known: cards.KnownCards,
) -> dict[str, cards.Card]:
    theme = Theme.for_site(theme_dir)
    colours = cards.theme_colours(theme.static_file("style.css"))
    grades = {slug: article_grade(site, article) for slug, article in site.articles.items()}
    return cards.site_cards(site, graph, grades, colours, routes, pages, known)


def _checked_links_and_images(
    site: Site, texts: Texts, pages: tuple[Page, ...], resolvers: Mapping[str, images.Resolver]
) -> tuple[images.LocalImage, ...]:
    """The local images to publish; every broken link and image reported at once."""
    errors: list[ContentError] = []
    try:
        check_internal_links(site, texts.bodies, pages)
    except ContentErrors as problems:
        errors += problems.errors
    try:
        found = images.site_images(site.articles, texts.bodies, resolvers)
    except ContentErrors as problems:
        errors += problems.errors
    if errors:
        raise ContentErrors(errors)
    return found


def _warnings(
    site: Site,
    graph: LinkGraph,
    copies: list[Found],
    more: list[ContentError],
    options: BuildOptions,
) -> tuple[ContentError, ...]:
    skipped = skipped_files(options.content_dir)
    warnings = tuple(sorted([*content_warnings(site, graph, copies), *skipped, *more]))
    if options.strict and warnings:
        raise ContentErrors(replace(w, severity="error") for w in warnings)
    return warnings
