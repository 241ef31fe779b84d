"""The preview server over real HTTP: base path, 404 page, no file outside the site."""

from __future__ import annotations

import http.client
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "topics" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<h1>home</h1>")
    (site / "topics" / "a" / "index.html").write_text("<h1>topic a</h1>")
    (site / "404.html").write_text("<h1>styled 404</h1>")
    (site / "style.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", site / "link.txt")
    return site


def get(base: str, path: str) -> tuple[int, str, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", path)  # sent as is: no client-side normalisation
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type") or "", body


def test_serves_pages_under_the_base_path(site_dir: Path, serve_dir) -> None:
    base = serve_dir(site_dir, "/repo/")
    assert get(base, "/repo/") == (200, "text/html; charset=utf-8", b"<h1>home</h1>")
    assert get(base, "/repo/topics/a/")[2] == b"<h1>topic a</h1>"
    assert get(base, "/repo/style.css")[1] == "text/css; charset=utf-8"
    assert get(base, "/repo/topics/a")[0] == 301
    assert get(base, "/")[0] == 404  # nothing outside the base path
    assert get(base, "/other/")[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/repo/../secret.txt",
        "/repo/%2e%2e/secret.txt",
        "/repo/%2E%2E%2Fsecret.txt",
        "/repo/..%2fsecret.txt",
        "/repo//etc/passwd",
        "/repo/%2Fetc%2Fpasswd",
        "/repo/link.txt",
        "/repo/nope/",
        "/repo/index.html%00.css",
    ],
)
def test_never_serves_outside_the_site(site_dir: Path, serve_dir, path: str) -> None:
    status, _, body = get(serve_dir(site_dir, "/repo/"), path)
    assert status == 404
    assert body == b"<h1>styled 404</h1>"


def test_redirects_stay_on_site(site_dir: Path, serve_dir) -> None:
    (site_dir / "evil.example").mkdir()
    base = serve_dir(site_dir, "/")
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", "//evil.example")
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "/evil.example/"
    connection.close()
