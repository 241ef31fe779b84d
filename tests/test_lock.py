"""The lock files: every dependency pinned with its hashes, and what is installed is what
they name (unit layer, no build)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from conftest import ROOT
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def locked(path) -> dict[str, tuple[str, list[str], str]]:
    """name -> (version, hashes, marker) for each requirement of a lock file."""
    pins: dict[str, tuple[str, list[str], str]] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match[1])
            pins[name] = (match[2], [], (match[3] or "").strip())
        elif line.strip().startswith("--hash=sha256:"):
            pins[name][1].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        else:
            assert not line.strip() or line.lstrip().startswith("#"), line
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("lock", [LOCK, DEV_LOCK], ids=["runtime", "dev"])
def test_every_requirement_is_pinned_with_hashes(lock) -> None:
    pins = locked(lock)
    assert pins
    for name, (version, hashes, _) in pins.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), name
        assert hashes and all(re.fullmatch("[0-9a-f]{64}", digest) for digest in hashes), name
    assert "make lock" in lock.read_text(encoding="utf-8").splitlines()[1]


def test_the_locks_cover_pyproject_and_agree() -> None:
    runtime, dev = locked(LOCK), locked(DEV_LOCK)
    for text in project()["dependencies"]:
        assert canonicalize_name(Requirement(text).name) in runtime, text
    for text in project()["dependencies"] + project()["optional-dependencies"]["dev"]:
        requirement = Requirement(text)
        version = dev[canonicalize_name(requirement.name)][0]
        assert requirement.specifier.contains(version, prereleases=True), (text, version)
    for name, (version, _, _) in runtime.items():
        assert dev[name][0] == version, name
    assert "pytest-xdist" in dev


def test_pagefinds_binary_is_locked_for_every_platform() -> None:
    """A Mac or Windows contributor installs from the same lock: one wheel per platform."""
    _, hashes, _ = locked(LOCK)["pagefind-bin"]
    assert len(hashes) >= 5


def test_what_is_installed_is_what_the_dev_lock_names() -> None:
    for name, (version, _, marker) in locked(DEV_LOCK).items():
        if marker and not Marker(marker).evaluate():
            continue
        assert metadata.version(name) == version, name


def test_every_install_reads_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r $(DEV_LOCK)" in makefile
    assert "--no-config" in makefile and "https://pypi.org/simple" in makefile  # PyPI only
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements.lock" in workflow
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_new_sites_get_the_same_runtime_lock() -> None:
    """`briefing init` writes a site's requirements.txt from the copy in the package."""
    starter = ROOT / "generator" / "authoring" / "starter" / "requirements.lock"
    assert starter.read_bytes() == LOCK.read_bytes(), "run make lock"


# The current major of each official action (each runs on Node 24). Both workflows, the
# repository's and the one `briefing init` writes, use them.
ACTIONS = {
    "actions/checkout": "v6",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/cache": "v5",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


@pytest.mark.parametrize(
    "workflow",
    [".github/workflows/pages.yml", "generator/authoring/starter/pages.yml"],
)
def test_workflows_use_the_current_action_majors(workflow: str) -> None:
    uses = re.findall(r"uses: ([\w./-]+)@(\S+)", (ROOT / workflow).read_text(encoding="utf-8"))
    assert uses
    for action, version in uses:
        assert ACTIONS[action] == version, (workflow, action, version)
