"""Where the package's own files are: the one table of paths to packaged resources.

Everything the build reads from the package (the fonts of the cards, the starter of
`init`, the live-reload script, the default theme) and the code the build cache keys on
is named here, from the package's root, so moving a module between packages cannot
silently change what they find."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FONTS = PACKAGE_DIR / "render" / "fonts"
STARTER = PACKAGE_DIR / "authoring" / "starter"
LIVE_RELOAD_SCRIPT = PACKAGE_DIR / "preview" / "live.js"
I18N = PACKAGE_DIR / "i18n"
CODE = PACKAGE_DIR  # every file below it keys the build cache (incremental.cache.cache_key)


def packaged_theme_dir() -> Path:
    """The default theme: `generator/theme/` in an installed wheel (setuptools maps it
    from themes/default), or the repository's themes/default in a checkout or an
    editable install, where it is the same single copy."""
    installed = PACKAGE_DIR / "theme"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "themes" / "default"
