"""images: an article's own images come from its folder only, sized; every problem is an
error at its line; remote images take their size from `{width= height=}`."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from PIL import Image

from generator.routes import Routes
from generator.text.images import (
    ArticleImages,
    ImageProblem,
    LocalImage,
    article_folder,
    check_images,
    images_plugin,
    is_local,
    write_images,
)

ROUTES = Routes("/b/", "/b/")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = article_folder(tmp_path / "articles" / "talks.md")
    (folder / "maps").mkdir(parents=True)
    Image.new("RGB", (3, 2)).save(folder / "maps" / "map.png")
    Image.new("RGB", (1, 1)).save(folder / "photo.jpg", "JPEG")
    (folder / "fake.png").write_bytes((folder / "photo.jpg").read_bytes())
    (folder / "notes.png").write_text("not an image")
    (folder / ".hidden.png").write_bytes((folder / "maps" / "map.png").read_bytes())
    (tmp_path / "secret.png").write_bytes((folder / "maps" / "map.png").read_bytes())
    (folder / "out.png").symlink_to(tmp_path / "secret.png")
    return folder


def test_a_local_image_is_sized_and_published_beside_its_article(folder: Path) -> None:
    found = ArticleImages(folder, "talks", ROUTES)("maps/map.png")
    assert isinstance(found, LocalImage)
    assert (found.width, found.height) == (3, 2)
    assert found.path == "/articles/talks/maps/map.png"
    assert found.url == "/b/articles/talks/maps/map.png"
    assert found.source == (folder / "maps" / "map.png").resolve()


@pytest.mark.parametrize(
    ("src", "says"),
    [
        ("../secret.png", "is outside the article's folder"),
        ("/etc/x.png", "is outside the article's folder"),
        ("drawing.svg", "is not a .gif, .jpeg, .jpg, .png, .webp file"),
        (".hidden.png", "is a hidden file"),
        ("out.png", "leads out of the article's folder (a symbolic link)"),
        ("fake.png", "holds JPEG, not PNG"),
        ("notes.png", "cannot be read as an image"),
        ("maps/mop.png", "not found in"),
    ],
)
def test_every_problem_is_said(folder: Path, src: str, says: str) -> None:
    found = ArticleImages(folder, "talks", ROUTES)(src)
    assert isinstance(found, ImageProblem) and says in found.message


def test_a_missing_image_suggests_the_close_one(folder: Path) -> None:
    found = ArticleImages(folder, "talks", ROUTES)("maps/mop.png")
    assert isinstance(found, ImageProblem) and found.hint == "did you mean maps/map.png?"


def test_problems_and_missing_alt_text_are_errors_at_their_lines(folder: Path) -> None:
    resolve = ArticleImages(folder, "talks", ROUTES)
    shown = [("maps/map.png", "A map", 0), ("https://x.example/a.png", " ", 2), ("z.png", "Z", 4)]
    errors, images = check_images(shown, resolve, Path("talks.md"), 8)
    assert [(e.position.line, e.message) for e in errors] == [
        (10, "image https://x.example/a.png has no alt text"),
        (12, f"image z.png not found in {folder}"),
    ]
    assert [image.path for image in images] == ["/articles/talks/maps/map.png"]


def test_remote_images_take_the_given_size_and_all_load_lazily() -> None:
    md = MarkdownIt("commonmark").use(images_plugin)
    sized, unsized = "{width=800 height=450}", "{width=0 height=9}"
    html = md.render(f"![A](https://x.example/a.png){sized} ![B](https://x.example/b.png){unsized}")
    a = '<img src="https://x.example/a.png" alt="A" width="800" height="450" loading="lazy"'
    assert a in html
    assert '<img src="https://x.example/b.png" alt="B" loading="lazy" decoding="async">' in html


@pytest.mark.parametrize(
    ("src", "local"),
    [("map.png", True), ("maps/m.png", True), ("/m.png", False), ("https://x/m.png", False),
     ("//x/m.png", False), ("#m", False), ("\\\\x\\m.png", False), ("data:image/png,x", False)],
)  # fmt: skip
def test_is_local(src: str, local: bool) -> None:
    assert is_local(src) is local


def test_written_images_replace_changed_ones_and_remove_the_rest(
    folder: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    stale = site / "articles" / "old" / "gone.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    image = ArticleImages(folder, "talks", ROUTES)("maps/map.png")
    assert isinstance(image, LocalImage)
    write_images([image], site)
    written = site / "articles" / "talks" / "maps" / "map.png"
    assert written.read_bytes() == image.source.read_bytes()
    assert not stale.exists()


def test_images_known_to_be_there_are_removed_without_listing_the_folder(
    folder: Path, tmp_path: Path
) -> None:
    """With `there` (what the last build left), only those no article shows are removed:
    an image it does not name is not looked for."""
    site = tmp_path / "site"
    known, unknown = site / "articles" / "old" / "gone.png", site / "articles" / "x" / "y.png"
    for stale in (known, unknown):
        stale.parent.mkdir(parents=True)
        stale.write_bytes(b"x")
    image = ArticleImages(folder, "talks", ROUTES)("maps/map.png")
    assert isinstance(image, LocalImage)
    write_images([image], site, {"articles/old/gone.png", "articles/talks/maps/map.png"})
    assert (site / "articles" / "talks" / "maps" / "map.png").is_file()
    assert not known.exists() and unknown.exists()
