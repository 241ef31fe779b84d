"""An output folder changed in place and undoably: a warm build replaces a few files of
the served folder instead of hard-linking all of them into a new one and swapping it in
(at 1,000 articles the new folder's 1,400 folders cost more than the rest of an edit).

Before anything changes, `Journal.begin` writes the list of every file the build may
replace, create or remove (and the folders it may swap whole), and hard-links each one
that exists into a journal folder beside the output; writers then replace files
atomically, never in place, so the linked copy keeps the old bytes. Any failure rolls
back (`rollback`: each file put back, with its old mtime, each new file and folder
removed); success removes the list first, then the journal (`commit`). A build killed
midway leaves its journal, which the next build rolls back (`recover`) before it looks
at the output. Readers of the served folder see each file old or new, never a mix; for
the few milliseconds of the change they may see some files new and some old."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path

from generator.output.faults import OutputError
from generator.output.files import check_inside
from generator.output.folder_swap import owner_alive
from generator.routes import TEMP_PREFIX

PLAN_FILE = "plan.json"  # in the journal: what may change (its absence: committed)


class Journal:
    """The files of `target` a build may change, as they were before it began."""

    def __init__(self, target: Path, folder: Path, files: list[str], swapped: list[str]) -> None:
        self.target = target
        self.folder = folder
        self.files = files  # relative paths: replaced, created or removed
        self.swapped = swapped  # relative folders replaced whole (swap_folder)

    @classmethod
    def begin(cls, target: Path, files: Iterable[str], swapped: Iterable[str] = ()) -> Journal:
        """Record `files` and `swapped` and keep a link to each file that exists now."""
        folder = journal_folder(target, os.getpid())
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        journal = cls(target, folder, sorted(set(files)), sorted(set(swapped)))
        for relative in journal.files + journal.swapped:
            check_inside(target, relative)
        made = [path for path in _folders_of(journal.files) if not (target / path).is_dir()]
        plan = {"files": journal.files, "swapped": journal.swapped, "folders": made}
        try:
            (folder / PLAN_FILE).write_text(json.dumps(plan), encoding="utf-8")
            for number, relative in enumerate(journal.files):
                with contextlib.suppress(FileNotFoundError):
                    os.link(target / relative, folder / str(number), follow_symlinks=False)
        except BaseException:  # nothing has changed yet: no journal is left
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return journal

    def swap_folder(self, relative: str, new: Path) -> None:
        """Put the folder `new` at target/relative, the old one kept in the journal."""
        number = self.swapped.index(relative)
        old = self.target / relative
        if old.exists():
            os.rename(old, self.folder / f"folder-{number}")
        os.rename(new, old)

    def commit(self, *, remove_later: bool = False) -> None:
        """Keep the change: the list goes first (then the journal is only a leftover).
        `remove_later`: the journal (with the old search bundle, ~1,600 files at 1,000
        articles: a tenth of a second of unlinking) is renamed aside and removed by a
        thread while the build goes on (`removed` waits for it; the process does too)."""
        (self.folder / PLAN_FILE).unlink()
        if remove_later:
            _remove_in_background(self.folder)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)

    def rollback(self) -> None:
        """Put the target back as it was when the journal began, and remove the journal."""
        plan = _read_plan(self.folder)
        if plan is not None:
            _undo(self.target, self.folder, plan, _pid_of(self.folder))
        shutil.rmtree(self.folder, ignore_errors=True)


_removing: list[threading.Thread] = []
_committed = itertools.count()


def _remove_in_background(folder: Path) -> None:
    """Rename the committed journal to a name of its own (a new journal of this process
    takes the old name at once), still ending in this process's id, and remove it in a
    thread that the interpreter waits for at exit. A process killed first leaves it to
    the next build's `recover`: a journal without its list is only removed."""
    head, _, pid = folder.name.rpartition("-")
    aside = folder.with_name(f"{head}-committed{next(_committed)}-{pid}")
    try:
        os.rename(folder, aside)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    thread = threading.Thread(target=shutil.rmtree, args=(aside,), kwargs={"ignore_errors": True})
    thread.start()
    _removing.append(thread)


def removed() -> None:
    """Wait until every journal committed with `remove_later` is removed."""
    while _removing:
        _removing.pop().join()


def journal_folder(target: Path, pid: int) -> Path:
    return target.parent / f"{TEMP_PREFIX}journal-{target.name}-{pid}"


def recover(target: Path) -> None:
    """Roll back what builds of `target` killed midway left half-done (their process
    gone); a journal with no list was committed and is only removed."""
    for folder in sorted(target.parent.glob(f"{TEMP_PREFIX}journal-{target.name}-*")):
        if folder.is_dir() and not folder.is_symlink() and not owner_alive(folder):
            Journal(target, folder, [], []).rollback()


def _undo(target: Path, folder: Path, plan: dict[str, list[str]], pid: int) -> None:
    for number, relative in enumerate(plan["files"]):
        kept, current = folder / str(number), target / relative
        with contextlib.suppress(FileNotFoundError):  # a killed write's temporary file
            current.with_name(f".{current.name}.tmp-{pid}").unlink()
        if kept.is_file():
            current.parent.mkdir(parents=True, exist_ok=True)
            os.replace(kept, current)
        else:
            with contextlib.suppress(FileNotFoundError):
                current.unlink()
    for made in sorted(plan["folders"], key=lambda name: -name.count("/")):
        with contextlib.suppress(OSError):  # not empty: something not ours is in it
            (target / made).rmdir()
    for number, relative in enumerate(plan["swapped"]):
        kept = folder / f"folder-{number}"
        if kept.is_dir():
            shutil.rmtree(target / relative, ignore_errors=True)
            os.rename(kept, target / relative)


def _read_plan(folder: Path) -> dict[str, list[str]] | None:
    """The journal's list, checked: lists of plain relative paths (it is read back from
    disk, so each path is checked again before anything is removed)."""
    try:
        plan = json.loads((folder / PLAN_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{folder}: an unreadable build journal ({exc}); remove it") from None
    keys = ("files", "swapped", "folders")
    if not isinstance(plan, dict) or any(not isinstance(plan.get(key), list) for key in keys):
        raise OutputError(f"{folder}: a build journal that is not one; remove it")
    target_name = folder.name.removeprefix(f"{TEMP_PREFIX}journal-").rsplit("-", 1)[0]
    for relative in (item for key in keys for item in plan[key]):
        if not isinstance(relative, str):
            raise OutputError(f"{folder}: a build journal that is not one; remove it")
        check_inside(folder.parent / target_name, relative)
    return plan


def _folders_of(files: Iterable[str]) -> list[str]:
    """Every folder above the files, each once."""
    found: set[str] = set()
    for relative in files:
        parts = relative.split("/")[:-1]
        found.update("/".join(parts[: end + 1]) for end in range(len(parts)))
    return sorted(found)


def _pid_of(folder: Path) -> int:
    pid = folder.name.rsplit("-", 1)[-1]
    return int(pid) if pid.isdigit() else -1
