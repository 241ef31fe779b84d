"""The preview server over real HTTP: base path, 404 page, no file outside the site."""

from __future__ import annotations

import http.client
import os
import socket
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from previewing import get

from generator.preview.server import CONNECTION_TIMEOUT_SECONDS, PreviewHandler


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


# Issue 19, finding 14: a long path component was an empty reply; "/\evil.example/.."
# was redirected to "/\evil.example/../", which a browser reads as another host.


@pytest.mark.parametrize("path", ["/" + "a" * 256, "/topics/" + "%C3%A9" * 200 + "/", "/x" * 3000])
def test_a_path_too_long_for_the_file_system_is_not_found(
    site_dir: Path, serve_dir, path: str
) -> None:
    status, _, body = get(serve_dir(site_dir), path)
    assert (status, body) == (404, b"<h1>styled 404</h1>")


def test_a_backslash_cannot_redirect_to_another_host(site_dir: Path, serve_dir) -> None:
    base = serve_dir(site_dir, "/")
    for path in ("/\\evil.example/..", "/\\/evil.example/..", "/%5Cevil.example/.."):
        parts = urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        connection.request("GET", path)
        response = connection.getresponse()
        location = response.getheader("Location") or ""
        connection.close()
        assert "\\" not in location and not location.startswith("//"), (path, location)
        assert urljoin("http://127.0.0.1/", location).startswith("http://127.0.0.1/")


def test_hidden_files_are_not_served(site_dir: Path, serve_dir) -> None:
    (site_dir / ".env").write_text("SECRET=1")
    (site_dir / ".git").mkdir()
    (site_dir / ".git" / "config").write_text("[core]")
    base = serve_dir(site_dir)
    assert get(base, "/.env")[0] == 404
    assert get(base, "/.git/config")[0] == 404


# Finding 16: there was no per-connection timeout (1,000 slowloris connections held).


def test_an_idle_connection_is_closed(site_dir: Path, serve_dir, monkeypatch) -> None:
    assert PreviewHandler.timeout == CONNECTION_TIMEOUT_SECONDS <= 30
    monkeypatch.setattr(PreviewHandler, "timeout", 0.5)  # the same, faster
    parts = urlsplit(serve_dir(site_dir))
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as idle:
        idle.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
        started = time.monotonic()
        assert idle.recv(1024) == b""  # closed by the server, not by our 10 s timeout
        assert time.monotonic() - started < 5
