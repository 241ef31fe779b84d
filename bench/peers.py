"""The same synthetic corpus through Hugo and Pelican, for side-by-side timings.

The peers are never project dependencies: install them outside the repository (how:
bench/targets.py's docstring), then run bench/targets.py, which finds them under
--tools, or bench/scale.py with --peers naming the bin folder that holds hugo and pelican."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head><body><nav><a href="{{ .Site.Home.RelPermalink }}">Home</a></nav>'
        '{{ block "main" . }}{{ end }}</body></html>'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}'
        '</p><ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}'
        "</a></li>{{ end }}</ul>{{ .Content }}</article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="'
        '{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}'
        "</ul>{{ end }}"
    ),
}


def articles(content: Path) -> list[tuple[dict, str, str]]:
    """(front matter, body, slug) of every article of a Briefing content folder."""
    found = []
    for path in sorted((content / "articles").glob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        found.append((yaml.safe_load(head), body, path.stem))
    return found


def write_hugo_site(content: Path, target: Path) -> None:
    (target / "content" / "posts").mkdir(parents=True, exist_ok=True)
    (target / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Synthetic briefing"\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
        '[taxonomies]\n  topic = "topics"\n',
        encoding="utf-8",
    )
    for name, text in HUGO_LAYOUTS.items():
        layout = target / "layouts" / name
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(text, encoding="utf-8")
    for meta, body, slug in articles(content):
        front = {
            "title": meta["title"],
            "date": str(meta["date"]),
            "topics": meta["topics"],
            "summary": meta.get("summary", ""),
        }
        (target / "content" / "posts" / f"{slug}.md").write_text(
            f"---\n{yaml.safe_dump(front)}---\n{body}", encoding="utf-8"
        )


def write_pelican_site(content: Path, target: Path) -> None:
    (target / "content").mkdir(parents=True, exist_ok=True)
    (target / "pelicanconf.py").write_text(
        'SITENAME = "Synthetic briefing"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "UTC"\n'
        'DEFAULT_LANG = "en"\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n'
        "TRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
        "DEFAULT_PAGINATION = False\nLOAD_CONTENT_CACHE = False\n",
        encoding="utf-8",
    )
    for meta, body, slug in articles(content):
        tags = ", ".join(meta["topics"])
        summary = re.sub(r"\s+", " ", meta.get("summary", ""))
        (target / "content" / f"{slug}.md").write_text(
            f"Title: {meta['title']}\nDate: {meta['date']}\nSlug: {slug}\nTags: {tags}\n"
            f"Summary: {summary}\n\n{body}",
            encoding="utf-8",
        )
