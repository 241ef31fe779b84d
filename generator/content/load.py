"""Files -> raw records, each with the position it came from. No validation here."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.fingerprints import is_content_file, link_out
from generator.content.yaml_limits import CONTROL
from generator.content.yamlpos import Located, parse_yaml
from generator.errors import ContentError, ContentErrors, Position
from generator.routes import ARTICLES_FOLDER, YAML_FILES

FRONT_MATTER_FENCE = "---"
MAX_ARTICLE_BYTES = 16 * 2**20  # 16 MiB: far past any article; a 50 MB paste is refused
MAX_YAML_BYTES = 20_000_000  # topics, entities, sources: values and lists are bounded too


@dataclass(frozen=True, slots=True)
class RawArticle:
    slug: str
    meta: Located
    body: str
    body_line: int  # the file line the Markdown body starts on


@dataclass(frozen=True, slots=True)
class RawContent:
    site: Located
    topics: Located
    entities: Located
    sources: Located
    articles: tuple[RawArticle, ...]


def read_text(path: Path, limit: int = MAX_YAML_BYTES) -> str:
    """Read a UTF-8 file (a BOM is allowed) of at most `limit` bytes, measured before it
    is read; line endings become '\\n'."""
    if path.exists() and not path.is_file():  # a FIFO would block the build forever
        raise ContentErrors([ContentError(Position(path), "not a regular file")])
    try:
        size = path.stat().st_size
        if size > limit:
            message = f"the file is {size:,} bytes, over the {limit:,} a content file may have"
            hint = "split it, or keep the part that matters"
            raise ContentErrors([ContentError(Position(path), message, hint)])
        data = path.read_bytes()
    except OSError as exc:
        raise ContentErrors(
            [ContentError(Position(path), f"cannot read file: {exc.strerror}")]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        raise ContentErrors([ContentError(Position(path, line), message)]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml_file(path: Path) -> Located:
    return parse_yaml(read_text(path), path)


def split_front_matter(text: str, path: Path) -> tuple[Located, str, int]:
    """Split an article into its YAML front matter and its Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise ContentErrors(
            [
                ContentError(
                    Position(path, 1), "missing front matter", "start the file with a '---' line"
                )
            ]
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() == FRONT_MATTER_FENCE:
            meta = parse_yaml("\n".join(lines[1:index]), path, first_line=2)
            return meta, "\n".join(lines[index + 1 :]), index + 2
    raise ContentErrors(
        [ContentError(Position(path, 1), "unterminated front matter", "close it with a '---' line")]
    )


def load_article(path: Path) -> RawArticle:
    meta, body, body_line = split_front_matter(read_text(path, MAX_ARTICLE_BYTES), path)
    _check_body(body, path, body_line)
    return RawArticle(slug=path.stem, meta=meta, body=body, body_line=body_line)


def _check_body(body: str, path: Path, body_line: int) -> None:
    """No control characters in the text (ESC, VT, FF...): invisible, they reach the
    page as they are and make the feeds invalid XML. Tab and newline are text."""
    control = CONTROL.search(body)
    if control is None:
        return
    before = body[: control.start()]
    line = body_line + before.count("\n")
    column = control.start() - (before.rfind("\n") + 1) + 1
    message = f"control character U+{ord(control.group()):04X} in the text"
    hint = "remove it: it is invisible, and invalid in feeds"
    raise ContentErrors([ContentError(Position(path, line, column), message, hint)])


def load_content(content_dir: Path, reuse: Mapping[Path, Any] | None = None) -> RawContent:
    """Load every content file, collecting all errors before raising.

    `reuse` maps paths of files known to be unchanged to their previously loaded
    record (a Located or a RawArticle), which is returned instead of parsing again."""
    raw, errors = load_what_loads(content_dir, reuse)
    if errors:
        raise ContentErrors(errors)
    return raw


def load_what_loads(
    content_dir: Path, reuse: Mapping[Path, Any] | None = None
) -> tuple[RawContent, list[ContentError]]:
    """Every content file that loads, and the errors of those that do not (a YAML file
    that fails is empty, an article that fails is left out): `new` and `import` go on
    with what there is, the build stops on any error."""
    errors: list[ContentError] = []
    reuse = reuse or {}

    def attempt(loader: Callable[[Path], Any], path: Path, fallback: Any) -> Any:
        if path in reuse:
            return reuse[path]
        try:
            return loader(path)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            return fallback

    yaml_files = {
        name: attempt(_inside(content_dir, load_yaml_file), path, Located(None, path))
        for name, file in YAML_FILES.items()
        if (path := content_dir / file)
    }
    articles = [attempt(load_article, path, None) for path in article_paths(content_dir)]
    loaded = tuple(article for article in articles if article is not None)
    return RawContent(articles=loaded, **yaml_files), errors


def _inside(content_dir: Path, loader: Callable[[Path], Any]) -> Callable[[Path], Any]:
    """`loader`, for a file that is not a symbolic link out of the content folder."""

    def load(path: Path) -> Any:
        problem = link_out(path, content_dir)
        if problem:
            message = f"not read: it is {problem}"
            hint = "copy the file into the content folder instead"
            raise ContentErrors([ContentError(Position(path), message, hint)])
        return loader(path)

    return load


def article_paths(content_dir: Path) -> list[Path]:
    """Article files: regular files only, so a FIFO or socket cannot block the build,
    and none that is a symbolic link out of the content folder (its text would be
    published)."""
    return [
        p
        for p, problem, regular in _article_candidates_read(content_dir)
        if regular and not problem
    ]


def skipped_files(content_dir: Path) -> list[ContentError]:
    """A warning for each '.md' in articles/ that is not read: not a regular file, a
    symbolic link out of the content folder, or a broken one."""
    warnings = []
    for path, problem, regular in _article_candidates_read(content_dir):
        if problem or not regular:
            reason = f"it is {problem}" if problem else "not a regular file"
            warnings.append(ContentError(Position(path), f"skipped: {reason}", severity="warning"))
    return warnings


def _article_candidates_read(content_dir: Path) -> list[tuple[Path, str, bool]]:
    """Each candidate, sorted, with why it may not be read (`link_out`) and whether it is
    (or links to) a regular file. A file that is not a link, in a folder that does not
    lead out, cannot lead out: it is not resolved (resolving every article was a tenth of
    a rebuild). The folder's listing tells what is a link or a file without a stat each."""
    folder_out = link_out(content_dir / ARTICLES_FOLDER, content_dir)
    return [
        (
            path,
            link_out(path, content_dir) if folder_out or entry.is_symlink() else "",
            _regular(entry),
        )
        for entry, path in _article_candidates(content_dir)
    ]


def _article_candidates(content_dir: Path) -> list[tuple[os.DirEntry[str], Path]]:
    """The '.md' content files of articles/, by name (none if it is not a folder)."""
    try:
        with os.scandir(content_dir / ARTICLES_FOLDER) as entries:
            found = [(e, Path(e.path)) for e in entries if e.name.endswith(".md")]
    except OSError:
        return []
    return sorted(((e, p) for e, p in found if is_content_file(p)), key=lambda item: item[0].name)


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # following a link, as Path.is_file does
    except OSError:
        return False


def loaded_files(raw: RawContent) -> dict[Path, Any]:
    """Each loaded record by the path it came from: the `reuse` of the next load."""
    records: dict[Path, Any] = {
        doc.path: doc for doc in (raw.site, raw.topics, raw.entities, raw.sources)
    }
    records.update((article.meta.path, article) for article in raw.articles)
    return records
