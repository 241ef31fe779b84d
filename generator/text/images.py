"""Images in article bodies.

A local image lives in the article's own folder, beside its file, the way Hugo's page
bundles keep a page's resources with it: `content/articles/<slug>.md` shows
`![Map of the talks](map.png)` from `content/articles/<slug>/map.png` (or a sub-folder,
`images/map.png`), published at `/articles/<slug>/map.png`. Every `<img>` gets `width`
and `height` (read from a local file with Pillow; given as `{width=800 height=450}` after
a remote one), `loading="lazy"` and `decoding="async"`. Nothing outside the article's
folder is read: `../`, absolute paths and symbolic links that lead out are refused, as
are file types a browser could run (SVG) or that are not images."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import escape
from mdit_py_plugins.attrs import attrs_plugin
from PIL import Image, UnidentifiedImageError

from generator import output
from generator.errors import ContentError, ContentErrors, Position
from generator.routes import ARTICLES, Routes, output_file

if TYPE_CHECKING:
    from generator.content.model import Article
    from generator.text.rendered import MarkdownResult

# What may be published from an article's folder, and the format its bytes must have.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
MAX_SIDE = 100_000  # a size attribute beyond this is a typo, not an image


@dataclass(frozen=True, slots=True)
class LocalImage:
    source: Path  # the file in the article's folder, resolved
    path: str  # its page path on the site, from routes
    url: str  # the path with the site's base path, for src
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class ImageProblem:
    message: str
    hint: str = ""


Resolver = Callable[[str], "LocalImage | ImageProblem"]


def is_local(src: str) -> bool:
    """A path relative to the article (no scheme, host, leading slash or fragment)."""
    parts = urlsplit(src)
    return not (parts.scheme or parts.netloc or src.startswith(("/", "#", "\\")))


def article_folder(article_file: Path) -> Path:
    """Where an article's own files are: `articles/x.md` -> `articles/x/`."""
    return article_file.with_suffix("")


def images_plugin(md: MarkdownIt) -> None:
    """`<img>` with its size and lazy loading; `{width=.. height=..}` after an image."""
    md.use(attrs_plugin, after=("image",), allowed=["width", "height"])
    md.add_render_rule("image", _render_image)


def _render_image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env)
    width, height = _given_size(token)
    resolve = env.get("images")
    if is_local(src) and resolve is not None:
        found = resolve(src)
        if isinstance(found, LocalImage):
            src, width, height = found.url, found.width, found.height
    attributes = [("src", src), ("alt", alt)]
    if token.attrGet("title"):
        attributes.append(("title", str(token.attrGet("title"))))
    if width and height:
        attributes += [("width", str(width)), ("height", str(height))]
    attributes += [("loading", "lazy"), ("decoding", "async")]
    return "<img" + "".join(f' {name}="{escape(value)}"' for name, value in attributes) + ">"


def _given_size(token: Token) -> tuple[int, int]:
    sides = [str(token.attrGet(name) or "") for name in ("width", "height")]
    if all(side.isdigit() and 0 < int(side) <= MAX_SIDE for side in sides):
        return int(sides[0]), int(sides[1])
    return 0, 0


class ArticleImages:
    """Resolves an article's local image paths, once each."""

    def __init__(self, folder: Path, slug: str, routes: Routes) -> None:
        self._folder = folder
        self._slug = slug
        self._routes = routes
        self._found: dict[str, LocalImage | ImageProblem] = {}

    def __call__(self, src: str) -> LocalImage | ImageProblem:
        if src not in self._found:
            self._found[src] = self._resolve(src)
        return self._found[src]

    def _resolve(self, src: str) -> LocalImage | ImageProblem:
        name = unquote(urlsplit(src).path)
        relative = PurePosixPath(name)
        if ".." in relative.parts or relative.is_absolute() or "\\" in name:
            return ImageProblem(f"image {src} is outside the article's folder", self._where())
        suffix = relative.suffix.lower()
        if suffix not in IMAGE_FORMATS:
            kinds = ", ".join(sorted(IMAGE_FORMATS))
            return ImageProblem(f"image {src} is not a {kinds} file", "")
        if any(part.startswith(".") for part in relative.parts):
            return ImageProblem(f"image {src} is a hidden file", "rename it")
        folder = self._folder.resolve()
        path = (self._folder / relative).resolve()
        if not path.is_relative_to(folder):
            return ImageProblem(
                f"image {src} leads out of the article's folder (a symbolic link)",
                "copy the file in instead",
            )
        if not path.is_file():
            return ImageProblem(f"image {src} not found in {self._folder}", self._suggest(name))
        return self._measure(src, path, relative, IMAGE_FORMATS[suffix])

    def _measure(
        self, src: str, path: Path, relative: PurePosixPath, expected: str
    ) -> LocalImage | ImageProblem:
        try:
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
            return ImageProblem(f"image {src} cannot be read as an image")
        if kind != expected:
            return ImageProblem(f"image {src} holds {kind}, not {expected}", "fix its name")
        page_path = self._routes.article_file(self._slug, relative.as_posix())
        return LocalImage(path, page_path, self._routes.link(page_path), width, height)

    def _where(self) -> str:
        return f"put the image in {self._folder}/ and name it from there"

    def _suggest(self, name: str) -> str:
        if not self._folder.is_dir():
            return f"put it in {self._folder}/"
        names = [
            p.relative_to(self._folder).as_posix() for p in self._folder.rglob("*") if p.is_file()
        ]
        close = get_close_matches(name, names, n=1)
        return f"did you mean {close[0]}?" if close else ""


def article_resolvers(articles: Mapping[str, Article], routes: Routes) -> dict[str, Resolver]:
    return {
        slug: ArticleImages(article_folder(article.position.path), slug, routes)
        for slug, article in articles.items()
    }


def site_images(
    articles: Mapping[str, Article],
    bodies: Mapping[str, MarkdownResult],
    resolvers: Mapping[str, Resolver],
) -> tuple[LocalImage, ...]:
    """Every local image the articles show, to publish; ContentErrors for any problem."""
    errors: list[ContentError] = []
    found: list[LocalImage] = []
    for slug, article in articles.items():
        more, images = check_images(
            bodies[slug].images, resolvers[slug], article.position.path, article.body_line
        )
        errors += more
        found += images
    if errors:
        raise ContentErrors(sorted(errors))
    return tuple(sorted(set(found), key=lambda image: image.path))


def check_images(
    images: Iterable[tuple[str, str, int]],
    resolve: Resolver,
    article_file: Path,
    body_line: int,
) -> tuple[list[ContentError], list[LocalImage]]:
    """Errors for an article's images (file:line): no alt text, a local file that is
    missing, outside its folder or not an image. And the local images to publish."""
    errors: list[ContentError] = []
    found: dict[str, LocalImage] = {}
    for src, alt, line in images:
        position = Position(article_file, body_line + line)
        if not alt.strip():
            hint = f"describe it for those who cannot see it: ![what it shows]({src})"
            errors.append(ContentError(position, f"image {src} has no alt text", hint))
        if not is_local(src):
            continue
        result = resolve(src)
        if isinstance(result, ImageProblem):
            errors.append(ContentError(position, result.message, result.hint))
        else:
            found[result.path] = result
    return errors, sorted(found.values(), key=lambda image: image.path)


def write_images(
    images: Iterable[LocalImage], directory: Path, there: Set[str] | None = None
) -> None:
    """Publish the images into the output folder at their routes' files, each replaced
    atomically if its bytes changed, and remove those no article shows any more: of
    `there`, the images known to be in it (as files in it), else of all its images."""
    wanted = set()
    for image in images:
        relative = output_file(image.path)
        wanted.add(relative)
        target = directory / relative
        data = image.source.read_bytes()
        if not (target.is_file() and target.read_bytes() == data):
            output.write_atomic(target, data)
    if there is None:
        there = images_present(directory)
    for relative in sorted(there - wanted):
        output.remove_page(directory, relative)


def images_present(directory: Path) -> set[str]:
    """The articles' image files in an output folder, by their path in it."""
    articles = (directory / output_file(ARTICLES)).parent  # the folder of every article
    return {present.relative_to(directory).as_posix() for present in _images_in(articles)}


def _images_in(folder: Path) -> list[Path]:
    """The image files under `folder`, sorted (os.walk: pathlib's rglob of a thousand
    article folders was most of a preview's write)."""
    found = [
        Path(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if Path(name).suffix.lower() in IMAGE_FORMATS
    ]
    return sorted(found)
