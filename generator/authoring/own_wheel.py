"""A wheel of the running Briefing, for `briefing init` to put in a new site: the site's
Pages workflow then installs exactly the tool that started it, with no release on a
package index and no network address for this repository."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator import DISTRIBUTION
from generator.resources import PACKAGE_DIR, packaged_theme_dir

PACKAGE = PACKAGE_DIR.name  # "generator": the import package stays as it is this round
THEME = f"{PACKAGE}.theme".replace(".", "/")  # where setuptools puts the default theme
TAG = "py3-none-any"  # pure Python; Pagefind's binary is a dependency, not part of it
# Zip's earliest date on every entry, so the same files give the same bytes (and hash).
EPOCH = (1980, 1, 1, 0, 0, 0)
DIST_INFO = ("METADATA", "entry_points.txt")


class OwnWheelError(Exception):
    """The running Briefing has no package metadata (run from a never-installed checkout)."""


@dataclass(frozen=True, slots=True)
class Wheel:
    path: Path
    sha256: str  # hex, as pip's --hash wants it


def write_own_wheel(directory: Path) -> Wheel:
    """Write `<name>-<version>-py3-none-any.whl` of the running Briefing into directory."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise OwnWheelError(
            f"{DISTRIBUTION} is not installed: install it (pip install .) and run init again"
        ) from None
    stem = f"{DISTRIBUTION.replace('-', '_')}-{dist.version}"
    info = f"{stem}.dist-info"
    entries = dict(_package_files())
    for name in DIST_INFO:
        text = dist.read_text(name)
        if text is not None:
            entries[f"{info}/{name}"] = text.encode("utf-8")
    for file in dist.files or ():  # the licences: the project's and the fonts'
        if file.parts[:2] == (info, "licenses"):
            entries[file.as_posix()] = Path(file.locate()).read_bytes()
    entries[f"{info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: {DISTRIBUTION} {dist.version}\n"
        f"Root-Is-Purelib: true\nTag: {TAG}\n"
    ).encode()
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries.items())
    entries[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem}-{TAG}.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            entry = zipfile.ZipInfo(name, date_time=EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return Wheel(path, hashlib.sha256(path.read_bytes()).hexdigest())


def _package_files() -> Iterator[tuple[str, bytes]]:
    """The package's files in wheel order (sorted), the default theme inside it as
    `generator/theme/` whether it runs from a wheel or from a checkout."""
    files = dict(_tree(PACKAGE_DIR, PACKAGE))
    theme = packaged_theme_dir()
    if not theme.is_relative_to(PACKAGE_DIR):
        files.update(_tree(theme, THEME))
    yield from sorted(files.items())


def _tree(root: Path, prefix: str) -> Iterator[tuple[str, bytes]]:
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if any(part == "__pycache__" or part.startswith(".") for part in parts):
            continue
        if path.is_file() and not path.is_symlink() and path.suffix != ".pyc":
            yield f"{prefix}/{path.relative_to(root).as_posix()}", path.read_bytes()


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode()}"
