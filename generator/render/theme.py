"""Themes: a site's own theme folder over the default theme that ships in the package.

A site overrides any single template or static file by putting its own copy in its
theme folder (`themes/default/templates/article.html`); everything else falls back
to the packaged default, as with MkDocs' `custom_dir`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import output
from generator.content.fingerprints import link_out
from generator.errors import ContentError, ContentErrors, Position
from generator.resources import packaged_theme_dir
from generator.routes import TEMPLATES_FOLDER, THEME_STATIC_FOLDER


@dataclass(frozen=True, slots=True)
class Theme:
    """Theme folders, the site's first: the first that has a file wins."""

    folders: tuple[Path, ...]

    @classmethod
    def for_site(cls, site_theme: Path) -> Theme:
        default = packaged_theme_dir()
        folders = [site_theme]
        if not _same(site_theme, default):
            folders.append(default)
        return cls(tuple(folders))

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return tuple(folder / TEMPLATES_FOLDER for folder in self.folders)

    def loader(self) -> jinja2.BaseLoader:
        return jinja2.ChoiceLoader([_InsideLoader(folder) for folder in self.template_dirs])

    def static_files(self) -> dict[str, Path]:
        """Every static file by its path below static/, the site's copy winning."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / THEME_STATIC_FOLDER
            for relative in output.static_files(static):  # no hidden, backup or escaping files
                found[relative.as_posix()] = static / relative
        return dict(sorted(found.items()))

    def static_file(self, name: str) -> Path:
        for folder in self.folders:
            candidate = folder / THEME_STATIC_FOLDER / name
            if candidate.is_file():
                return candidate
        return self.folders[-1] / THEME_STATIC_FOLDER / name


class _InsideLoader(jinja2.FileSystemLoader):
    """Templates of one folder; a template that is a symbolic link out of the theme
    (to /etc/passwd, to another project) is an error naming it, never read."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        problem = link_out(Path(filename), self.folder.parent)
        if problem:
            message = f"not read: it is {problem}"
            raise ContentErrors([ContentError(Position(Path(filename)), message)])
        return source, filename, uptodate


def _same(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False
