"""own_wheel: a wheel of the running Briefing, the same bytes from the same files, every
entry listed in RECORD with its hash, the default theme inside it."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from generator.authoring.own_wheel import write_own_wheel


def _record(wheel: zipfile.ZipFile) -> tuple[str, dict[str, tuple[str, str]]]:
    (record,) = [name for name in wheel.namelist() if name.endswith(".dist-info/RECORD")]
    listed = {}
    for line in wheel.read(record).decode().splitlines():
        name, digest, size = line.rsplit(",", 2)
        listed[name] = (digest, size)
    return record, listed


def test_every_entry_is_in_the_record_with_its_hash(tmp_path: Path) -> None:
    made = write_own_wheel(tmp_path)
    assert made.sha256 == hashlib.sha256(made.path.read_bytes()).hexdigest()
    with zipfile.ZipFile(made.path) as wheel:
        record, listed = _record(wheel)
        names = wheel.namelist()
        assert set(listed) == set(names) and listed[record] == ("", "")
        for name in names:
            if name != record:
                data = wheel.read(name)
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                assert listed[name] == (f"sha256={digest.decode()}", str(len(data))), name
    assert "generator/cli/__init__.py" in names and "generator/theme/templates/base.html" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert any(name.endswith(".dist-info/entry_points.txt") for name in names)


def test_the_same_files_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = write_own_wheel(tmp_path / "a"), write_own_wheel(tmp_path / "b")
    assert first.path.read_bytes() == second.path.read_bytes()
