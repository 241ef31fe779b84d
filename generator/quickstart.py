"""`briefing init`: a new site that builds as it is, to start a briefing from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from . import __version__
from .errors import ContentError, ContentErrors, Position
from .routes import split_url

STARTER = Path(__file__).resolve().parent / "starter"
PLACEHOLDER_BASE_URL = "https://example.com/"
DEFAULT_TITLE = "My briefing"
DESCRIPTION = "What is known, with every fact tied to the articles that report it."

# (file in generator/starter/, where it goes in the new site, whether it is a template)
FILES = (
    ("site.yaml", "content/site.yaml", True),
    ("content/sources.yaml", "content/sources.yaml", False),
    ("content/entities.yaml", "content/entities.yaml", False),
    ("content/topics.yaml", "content/topics.yaml", False),
    (
        "content/articles/welcome-to-your-briefing.md",
        "content/articles/welcome-to-your-briefing.md",
        False,
    ),
    ("README.md", "README.md", True),
    ("Makefile", "Makefile", False),
    ("gitignore", ".gitignore", False),  # a dot file would not be packaged
    ("requirements.txt", "requirements.txt", True),
    ("pages.yml", ".github/workflows/pages.yml", False),
)


@dataclass(frozen=True, slots=True)
class StarterOptions:
    directory: Path
    title: str = DEFAULT_TITLE
    base_url: str | None = None
    force: bool = False


def create_site(options: StarterOptions) -> list[Path]:
    """Write the starter site into options.directory; return the files written.
    Nothing is written if a file is in the way (unless `force`) or an option is bad."""
    base_url = _base_url(options.base_url)
    targets = [(source, options.directory / target, template) for source, target, template in FILES]
    _refuse_links_out(options.directory, [path for _, path, _ in targets])
    in_the_way = [path for _, path, _ in targets if path.exists()]
    if in_the_way and not options.force:
        raise ContentErrors(
            ContentError(
                Position(path),
                "the file already exists",
                "start the site in an empty folder, or pass --force to overwrite",
            )
            for path in in_the_way
        )
    values = {
        "title": _yaml_scalar(options.title.strip() or DEFAULT_TITLE),
        "description": _yaml_scalar(DESCRIPTION),
        "base_url": _yaml_scalar(base_url),
        "version": __version__,
    }
    readme_values = {**values, "title": options.title.strip() or DEFAULT_TITLE}
    for source, path, template in targets:
        text = (STARTER / source).read_text(encoding="utf-8")
        if template:
            text = Template(text).substitute(readme_values if source == "README.md" else values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [path for _, path, _ in targets]


def _refuse_links_out(directory: Path, paths: list[Path]) -> None:
    """`init` writes only inside its folder: not through a symbolic link (a broken one
    would create its target, wherever it points), nor into a linked folder leading out."""
    root = directory.resolve()
    errors: dict[Path, ContentError] = {}
    for path in paths:
        folder = next((p for p in (path, *path.parents) if p.is_symlink() or p == directory), path)
        leads_out = folder.is_symlink() and not _resolves_inside(folder, root)
        if path.is_symlink() or leads_out:
            errors[folder] = ContentError(
                Position(folder),
                f"refusing to write through the symbolic link {folder}",
                "start the site in a folder of its own, without links",
            )
    if errors:
        raise ContentErrors(errors.values())


def _resolves_inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _base_url(value: str | None) -> str:
    if value is None:
        return PLACEHOLDER_BASE_URL
    value = value.strip()
    parts = split_url(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ContentErrors(
            [
                ContentError(
                    Position(Path("--base-url")),
                    f"{value!r} is not an absolute address",
                    "give the full address the site will live at, "
                    "e.g. https://user.github.io/repo/",
                )
            ]
        )
    return value if value.endswith("/") else value + "/"


def _yaml_scalar(value: str) -> str:
    return (
        yaml.safe_dump(value, allow_unicode=True, width=10**6).strip().removesuffix("...").strip()
    )
