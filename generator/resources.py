"""Where the package's own files are: the one table of paths to packaged resources.

Everything the build reads from the package (the fonts of the cards, the starter of
`init`, the live-reload script, the default theme) and the code the build cache keys on
is named here, from the package's root, so moving a module between packages cannot
silently change what they find."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FONTS = PACKAGE_DIR / "render" / "fonts"
STARTER = PACKAGE_DIR / "authoring" / "starter"
LIVE_RELOAD_SCRIPT = PACKAGE_DIR / "preview" / "live.js"
I18N = PACKAGE_DIR / "i18n"
CODE = PACKAGE_DIR  # every file below it keys the build cache (incremental.cache.cache_key)
# The libraries whose version shapes what a page holds: they key the cache too, so a build
# after an upgrade renders with the new ones rather than keeping pages the old ones made.
LIBRARIES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "Jinja2",
    "MarkupSafe",
    "PyYAML",
    "Pillow",
    "pagefind",
    "pagefind-bin",
)


def library_versions() -> list[str]:
    """'name version' of each of LIBRARIES ('name -' for one not installed)."""
    return installed_versions(LIBRARIES)


def installed_versions(names: tuple[str, ...]) -> list[str]:
    """'name version' of each distribution named ('name -' for one not installed), read
    from the names of the `*.dist-info` folders on sys.path, the first found winning as in
    importlib.metadata: a listing per folder, not a parse of every package's metadata
    (the no-change build checks these, in a tenth of a second in all), nor an import of
    importlib.metadata (a tenth of an edit's imports)."""
    wanted = {_normal(name) for name in names}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            name, _, version = entry.removesuffix(".dist-info").partition("-")
            if entry.endswith(".dist-info") and _normal(name) in wanted:
                found.setdefault(_normal(name), version)
    return [f"{name} {found.get(_normal(name), '-')}" for name in names]


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def packaged_theme_dir() -> Path:
    """The default theme: `generator/theme/` in an installed wheel (setuptools maps it
    from themes/default), or the repository's themes/default in a checkout or an
    editable install, where it is the same single copy."""
    installed = PACKAGE_DIR / "theme"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "themes" / "default"
