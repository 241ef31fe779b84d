"""Incremental == full, as a property: after any sequence of edits, a rebuild in the
same Builder writes exactly the site a clean build of the same content writes.

The content is kept as data (front matter, bodies, YAML records); each edit changes
the data and only the files whose bytes change are written, as an editor would.
`BRIEFING_PROPERTY_EXAMPLES` sets how many sequences are tried (bench/ runs many)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from conftest import CONTENT, THEME, tree
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.errors import ContentErrors
from generator.pipeline.builder import Builder, build
from generator.settings import BuildOptions

EXAMPLES = int(os.environ.get("BRIEFING_PROPERTY_EXAMPLES", "12"))
# Shrinking a failure can take minutes: the long run in bench/ shrinks, `make test` reports
# the failing sequence as found (at most five edits).
PHASES = tuple(Phase) if "BRIEFING_PROPERTY_EXAMPLES" in os.environ else (
    Phase.explicit,
    Phase.reuse,
    Phase.generate,
)
WORDS = ["Ankara", "ceasefire", "Kyiv", "talks", "Istanbul", "envoy", "Sumy", "prisoner"]
KINDS = ["person", "organisation", "place"]


@dataclass
class Content:
    """A site's content as data, written to files as an editor would save them."""

    articles: dict[str, tuple[dict[str, Any], str]]  # slug -> (front matter, body)
    topics: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    templates: dict[str, str] = field(default_factory=dict)  # name -> text, when edited

    @classmethod
    def read(cls, folder: Path) -> Content:
        articles = {}
        for path in sorted((folder / "articles").glob("*.md")):
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            articles[path.stem] = (yaml.safe_load(front), body)
        return cls(
            articles,
            yaml.safe_load((folder / "topics.yaml").read_text(encoding="utf-8")),
            yaml.safe_load((folder / "entities.yaml").read_text(encoding="utf-8")),
        )

    def write(self, content: Path, theme: Path) -> None:
        files = {"topics.yaml": _yaml(self.topics), "entities.yaml": _yaml(self.entities)}
        for slug, (front, body) in self.articles.items():
            files[f"articles/{slug}.md"] = f"---\n{_yaml(front)}---\n{body}"
        for old in (content / "articles").glob("*.md"):
            if f"articles/{old.name}" not in files:
                old.unlink()
        for name, text in files.items():
            _save(content / name, text)
        for name, text in self.templates.items():
            _save(theme / "templates" / name, text)


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def _save(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# Each edit is (name, arguments drawn by hypothesis); `apply` interprets it.
slugs = st.integers(min_value=0, max_value=50)
edits = st.one_of(
    st.tuples(st.just("title"), slugs, st.sampled_from(WORDS)),
    st.tuples(st.just("body"), slugs, st.sampled_from(WORDS)),
    st.tuples(st.just("mention"), slugs, st.integers(0, 400)),
    st.tuples(st.just("date"), slugs, st.integers(0, 800)),
    st.tuples(st.just("topics"), slugs, st.integers(0, 7)),
    st.tuples(st.just("cite"), st.integers(0, 50), slugs),
    st.tuples(st.just("alias"), st.integers(0, 400), st.sampled_from(WORDS)),
    st.tuples(st.just("template"), st.sampled_from(["article.html", "macros.html"]), slugs),
    st.tuples(st.just("delete"), slugs, st.just(0)),
    st.tuples(st.just("new"), slugs, st.sampled_from(WORDS)),
    st.tuples(st.just("rename"), slugs, st.sampled_from(WORDS)),
    # what a preview rebuild keeps from the last one: summary checks, word-pair counts, images
    st.tuples(st.just("summary"), st.integers(0, 50), st.sampled_from(WORDS)),
    st.tuples(st.just("copy"), slugs, slugs),
    st.tuples(st.just("image"), slugs, st.integers(0, 2)),
    # what the page objects kept from the last build hold: titles, names, descriptions
    st.tuples(st.just("topic title"), st.integers(0, 50), st.sampled_from(WORDS)),
    st.tuples(st.just("entity name"), st.integers(0, 400), st.sampled_from(WORDS)),
    st.tuples(st.just("entity kind"), st.integers(0, 400), st.sampled_from(KINDS)),
    st.tuples(st.just("lede"), slugs, st.sampled_from(WORDS)),
)
# the smallest PNG Pillow reads (1x1, grey)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082"
)


def apply(edit: tuple, data: Content, theme: Path, step: int) -> None:
    name, first, second = edit
    slug_list = sorted(data.articles)
    index = first if isinstance(first, int) else 0
    slug = slug_list[index % len(slug_list)] if slug_list else ""
    if name == "title" and slug:
        data.articles[slug][0]["title"] = f"{second} report {step}"
    elif name == "body" and slug:
        front, body = data.articles[slug]
        data.articles[slug] = (front, body + f"\n{second} was mentioned again ({step}).\n")
    elif name == "mention" and slug:
        entity = data.entities[second % len(data.entities)]
        front, body = data.articles[slug]
        data.articles[slug] = (front, body + f"\nThey met {entity['name']}.\n")
    elif name == "date" and slug:
        data.articles[slug][0]["date"] = dt.date(2024, 1, 1) + dt.timedelta(days=second)
    elif name == "topics" and slug:
        ids = [t["id"] for t in data.topics]
        chosen = [ids[i] for i in range(len(ids)) if second >> i & 1]
        data.articles[slug][0]["topics"] = chosen
    elif name == "cite" and slug_list:
        facts = [f for t in data.topics for f in t.get("key_facts", [])]
        if facts:
            facts[first % len(facts)]["cite"] = [slug_list[second % len(slug_list)]]
    elif name == "alias":
        entity = data.entities[first % len(data.entities)]
        entity["aliases"] = [*entity.get("aliases", []), f"{second} envoy {step}"]
    elif name == "template":
        path = theme / "templates" / first
        text = data.templates.get(first) or path.read_text(encoding="utf-8")
        data.templates[first] = text + f"{{# edit {step} #}}<!-- {second} -->\n"
    elif name == "delete" and len(slug_list) > 1:
        _forget(data, slug, replacement=next(s for s in slug_list if s != slug))
        del data.articles[slug]
    elif name == "new":
        source = next(iter(data.articles.values()))[0]["source"] if data.articles else "bbc-news"
        front = {"title": f"New {second}", "date": dt.date(2025, 6, 1), "source": source}
        front["topics"] = [data.topics[first % len(data.topics)]["id"]]
        data.articles[f"new-{step}"] = (front, f"\n{second} and Steve Witkoff.\n")
    elif name == "summary":
        topic = data.topics[first % len(data.topics)]
        topic["summary"] = f"{topic.get('summary', '')} {second} talks went on ({step})."
    elif name == "copy" and slug:
        front, _ = data.articles[slug]
        data.articles[slug] = (front, data.articles[slug_list[second % len(slug_list)]][1])
    elif name == "image" and slug:
        _image(data, theme.parent / "content" / "articles" / slug, slug, second, step)
    else:
        _apply_header_edit(edit, data, slug, step)


def _apply_header_edit(edit: tuple, data: Content, slug: str, step: int) -> None:
    """Edits to what page objects hold (a topic's title on its page, feed and card; an
    entity's name on its page and in the lists; an article's summary as its description)."""
    name, first, second = edit
    if name == "topic title":
        topic = data.topics[first % len(data.topics)]
        topic["title"] = f"{second} talks {step}"
    elif name == "entity name":
        entity = data.entities[first % len(data.entities)]
        # the old name stays an alias, so the articles still name the entity
        entity["aliases"] = [*entity.get("aliases", []), entity["name"]]
        entity["name"] = f"{second} Office {step}"
    elif name == "entity kind":
        data.entities[first % len(data.entities)]["kind"] = second
    elif name == "lede" and slug:
        data.articles[slug][0]["summary"] = f"{second} was in the news ({step})."
    elif name == "rename" and slug:
        new_slug = f"{slug[:20]}-{step}"
        data.articles[new_slug] = data.articles.pop(slug)
        _forget(data, slug, replacement=new_slug)


def _image(data: Content, folder: Path, slug: str, kind: int, step: int) -> None:
    """0: show a new image instead of its others; 1: show none; 2: change their bytes."""
    front, body = data.articles[slug]
    if kind == 2:  # the files change, the text does not
        for shown in folder.glob("*.png"):
            Image.new("L", (2, 1), step % 256).save(shown, "PNG")
        return
    lines = [line for line in body.splitlines() if not line.startswith("![")]
    if kind == 0:
        folder.mkdir(exist_ok=True)
        (folder / f"p{step}.png").write_bytes(PNG)
        lines.append(f"![figure {step}](p{step}.png)")
    data.articles[slug] = (front, "\n".join(lines) + "\n")


def _forget(data: Content, slug: str, replacement: str) -> None:
    """Point every citation and rewrite_of of `slug` to `replacement`."""
    for topic in data.topics:
        for record in [*topic.get("key_facts", []), *topic.get("events", [])]:
            record["cite"] = [replacement if s == slug else s for s in record["cite"]]
        for quote in topic.get("quotes", []):
            quote["cite"] = [replacement if s == slug else s for s in quote["cite"]]
    for other, (front, _) in data.articles.items():
        if front.get("rewrite_of") == slug:
            if other == replacement:
                del front["rewrite_of"]
            else:
                front["rewrite_of"] = replacement


def build_or_errors(run) -> tuple[str, Any]:
    try:
        return "ok", run()
    except ContentErrors as errors:
        return "errors", sorted(e.message for e in errors.errors)


@settings(
    max_examples=EXAMPLES,
    phases=PHASES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(edits, min_size=1, max_size=5))
# A page object kept from the last build must not keep an old title, name or description:
# always tried, whatever the random sequences draw.
@example([("topic title", 0, "Kyiv"), ("lede", 3, "talks")])
@example([("entity name", 0, "Sumy"), ("entity kind", 7, "organisation")])
def test_incremental_build_equals_full_build(tmp_path_factory, sequence) -> None:
    work = tmp_path_factory.mktemp("property")
    content, theme = work / "content", work / "theme"
    shutil.copytree(CONTENT, content)
    shutil.copytree(THEME, theme)
    data = Content.read(content)
    data.write(content, theme)  # the same content, as this test writes it
    options = BuildOptions(content_dir=content, theme_dir=theme, search=False, workers=1)
    builder = Builder(replace(options, output_dir=work / "site"))
    builder.build()
    for step, edit in enumerate(sequence):
        apply(edit, data, theme, step)
        data.write(content, theme)
        incremental = build_or_errors(builder.build)
        fresh = work / f"fresh-{step}"
        full = build_or_errors(
            lambda fresh=fresh: build(replace(options, output_dir=fresh))
        )
        assert incremental[0] == full[0], (edit, incremental, full)
        if full[0] == "ok":
            assert tree(work / "site") == tree(fresh), f"after {sequence[: step + 1]}"


@settings(
    max_examples=max(1, EXAMPLES // 2),
    phases=PHASES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(edits, min_size=1, max_size=4))
# text edits that keep the entities named (the new process's short way) and one that does not
@example([("body", 0, "Kyiv"), ("lede", 3, "talks"), ("mention", 5, 17), ("body", 0, "Sumy")])
def test_an_edit_built_by_a_new_process_equals_a_full_build(tmp_path_factory, sequence) -> None:
    """The same, each edit built as a new process builds it: a new Builder, warm from the
    persistent cache alone (without the data of the build before, which a preview has)."""
    work = tmp_path_factory.mktemp("property-fresh")
    content, theme = work / "content", work / "theme"
    shutil.copytree(CONTENT, content)
    shutil.copytree(THEME, theme)
    data = Content.read(content)
    data.write(content, theme)
    options = BuildOptions(content_dir=content, theme_dir=theme, search=False, workers=1)
    warm = replace(options, output_dir=work / "site", cache=True)
    build(warm)
    for step, edit in enumerate(sequence):
        apply(edit, data, theme, step)
        data.write(content, theme)
        incremental = build_or_errors(lambda: build(warm))
        fresh = work / f"fresh-{step}"
        full = build_or_errors(lambda fresh=fresh: build(replace(options, output_dir=fresh)))
        assert incremental[0] == full[0], (edit, incremental, full)
        if full[0] == "ok":
            assert tree(work / "site") == tree(fresh), f"after {sequence[: step + 1]}"
