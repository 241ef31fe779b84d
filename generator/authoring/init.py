"""`briefing init`: a new site that builds as it is, to start a briefing from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote

import yaml

from generator.authoring.own_wheel import OwnWheelError, write_own_wheel
from generator.errors import ContentError, ContentErrors, Position
from generator.resources import STARTER
from generator.routes import ENTITIES_FILE, SITE_FILE, SOURCES_FILE, TOPICS_FILE, split_url

PLACEHOLDER_BASE_URL = "https://example.com/"
DEFAULT_TITLE = "My briefing"
DESCRIPTION = "What is known, with every fact tied to the articles that report it."
VENDOR = "vendor"  # where the new site keeps the wheel of the Briefing that started it
REQUIREMENTS = "requirements.txt"  # how the new site installs it
LOCK = "requirements.lock"  # the package's dependencies as locked in its repository

# (file in generator/authoring/starter/, where it goes in the new site, whether it is a template)
FILES = (
    (SITE_FILE, f"content/{SITE_FILE}", True),
    (f"content/{SOURCES_FILE}", f"content/{SOURCES_FILE}", False),
    (f"content/{ENTITIES_FILE}", f"content/{ENTITIES_FILE}", False),
    (f"content/{TOPICS_FILE}", f"content/{TOPICS_FILE}", False),
    (
        "content/articles/welcome-to-your-briefing.md",
        "content/articles/welcome-to-your-briefing.md",
        False,
    ),
    ("README.md", "README.md", True),
    ("Makefile", "Makefile", False),
    ("gitignore", ".gitignore", False),  # a dot file would not be packaged
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
    Nothing is written into a folder that is not empty (unless `force`) or if an option
    is bad."""
    base_url = _base_url(options.base_url)
    targets = [(source, options.directory / target, template) for source, target, template in FILES]
    written = [path for _, path, _ in targets]
    vendored = [options.directory / VENDOR, options.directory / REQUIREMENTS]
    _refuse_links_out(options.directory, [*written, *vendored])  # even with --force
    _check_empty(options.directory, options.force)
    values = {
        "title": _yaml_scalar(options.title.strip() or DEFAULT_TITLE),
        "description": _yaml_scalar(DESCRIPTION),
        "base_url": _yaml_scalar(base_url),
    }
    readme_values = {
        **values,
        "title": options.title.strip() or DEFAULT_TITLE,
        "preview": preview_address(base_url),
    }
    for source, path, template in targets:
        text = (STARTER / source).read_text(encoding="utf-8")
        if template:
            text = Template(text).substitute(readme_values if source == "README.md" else values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return written + _vendor(options.directory)


def _check_empty(directory: Path, force: bool) -> None:
    if force or not directory.is_dir() or not any(directory.iterdir()):
        return
    raise ContentErrors(
        [
            ContentError(
                Position(directory),
                "the folder is not empty",
                "start the site in a new or empty folder (briefing init NAME), "
                "or pass --force to write into this one, replacing files of the same name",
            )
        ]
    )


def _vendor(directory: Path) -> list[Path]:
    """A wheel of this Briefing in vendor/, and a requirements.txt that installs it and
    the dependencies it was tested with, every file checked against its hash."""
    try:
        wheel = write_own_wheel(directory / VENDOR)
    except OwnWheelError as exc:
        raise ContentErrors([ContentError(Position(directory / VENDOR), str(exc))]) from None
    locked = (STARTER / LOCK).read_text(encoding="utf-8")
    pins = "".join(line + "\n" for line in locked.splitlines() if not line.startswith("#"))
    text = Template((STARTER / "requirements.txt").read_text(encoding="utf-8")).substitute(
        wheel=f"./{VENDOR}/{wheel.path.name}", sha256=wheel.sha256, locked=pins.strip("\n")
    )
    requirements = directory / REQUIREMENTS
    requirements.write_text(text, encoding="utf-8")
    return [wheel.path, requirements]


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


def preview_address(base_url: str | None) -> str:
    """Where `briefing serve` shows a site with this base_url: under the same path, as
    the published site lives (https://user.github.io/repo/ is previewed at /repo/)."""
    path = quote(split_url(base_url or PLACEHOLDER_BASE_URL).path or "/", safe="/%")
    return f"http://127.0.0.1:8000{path if path.endswith('/') else path + '/'}"


def _base_url(value: str | None) -> str:
    if value is None:
        return PLACEHOLDER_BASE_URL
    value = value.strip()
    parts = split_url(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problem = f"{value!r} is not an absolute address"
    elif parts.query or parts.fragment:
        problem = f"{value!r} has a query or a fragment ('?…', '#…'): an address has neither"
    else:
        return value if value.endswith("/") else value + "/"
    hint = "give the full address the site will live at, e.g. https://user.github.io/repo/"
    raise ContentErrors([ContentError(Position(Path("--base-url")), problem, hint)])


def _yaml_scalar(value: str) -> str:
    return (
        yaml.safe_dump(value, allow_unicode=True, width=10**6).strip().removesuffix("...").strip()
    )
