"""aliases: a redirect page at each old address of an article, unless a page (or another
alias) has that file, in any case or Unicode normal form, or needs it as a folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_site import article, tiny

from generator.errors import ContentErrors
from generator.pages.redirects import alias_pages
from generator.reads.reader import Reader


def _with_aliases(*aliases: str) -> str:
    listed = "".join(f"  - {alias}\n" for alias in aliases)
    return article("Third").replace("---\n\n", f"aliases:\n{listed}---\n\n")


def test_each_alias_is_a_redirect_to_the_article(tmp_path: Path) -> None:
    site = tiny(tmp_path, {"articles/third.md": _with_aliases("/old/third/", "/2025/third")})
    redirects = [p for p in site.pages if p.template == "redirect.html"]
    assert sorted(p.path for p in redirects) == ["/2025/third/", "/old/third/"]  # normalised
    for page in redirects:
        assert page.signature == "/articles/third/" and page.title == "Third"
        assert "/articles/third/" in str(page.context(Reader(site.data)).values())


@pytest.mark.parametrize(
    ("alias", "clash"),
    [
        ("/topics/", "already the address of the page /topics/"),
        ("/TOPICS/", "already the address of the page /topics/"),
        ("/articles/first/index.html/x", "is inside a file of the site"),
        ("/articles", "already the address of the page /articles/"),
    ],
)
def test_an_alias_that_takes_a_page_file_is_an_error_at_its_line(
    tmp_path: Path, alias: str, clash: str
) -> None:
    with pytest.raises(ContentErrors) as raised:
        tiny(tmp_path, {"articles/third.md": _with_aliases(alias)})
    (error,) = raised.value.errors
    assert error.message.startswith("alias '/") and clash in error.message
    assert error.position.path.name == "third.md" and error.position.line == 7


def test_two_aliases_of_one_file_are_one_error(tmp_path: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        tiny(tmp_path, {"articles/third.md": _with_aliases("/old/caf\u00e9/", "/old/cafe\u0301/")})
    (error,) = raised.value.errors
    assert "already an alias of 'third'" in error.message


def test_no_alias_no_redirect(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    assert alias_pages(site.site, site.routes, site.pages) == []
