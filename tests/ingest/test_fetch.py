"""Registries from URLs: a real local HTTP server, caching, conditional requests, offline."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tiescreen.errors import FetchError
from tiescreen.ingest import ingest_registry
from tiescreen.ingest.fetch import cached_path, fetch
from tiescreen.store import open_store

BODY = b'{"id": "p1", "schema": "Person", "properties": {"name": ["\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2"]}}\n'


class _Handler(BaseHTTPRequestHandler):
    body = BODY
    hits: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        etag = '"' + hashlib.sha1(self.body).hexdigest() + '"'
        _Handler.hits.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/missing.json":
            self.send_response(404)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TIESCREEN_CACHE", str(tmp_path / "cache"))
    _Handler.hits = []
    _Handler.body = BODY
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_download_is_cached_and_revalidated(server: str) -> None:
    seen: list[tuple[int, int | None]] = []
    first = fetch(f"{server}/reg.ftm.json", progress=lambda done, total: seen.append((done, total)))
    assert first.read_bytes() == BODY
    assert seen[-1] == (len(BODY), len(BODY))
    second = fetch(f"{server}/reg.ftm.json")
    assert second == first
    assert _Handler.hits[-1][1] is not None  # the second request was conditional (If-None-Match)


def test_changed_remote_file_is_downloaded_again(server: str) -> None:
    fetch(f"{server}/reg.ftm.json")
    _Handler.body = BODY.replace(b'"p1"', b'"p2"')
    assert b'"p2"' in fetch(f"{server}/reg.ftm.json").read_bytes()


def test_ingest_from_url_keeps_the_url_as_provenance(server: str, tmp_path: Path) -> None:
    url = f"{server}/reg.ftm.json"
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest_registry(store, url)
        assert report.source.url == url and report.status == "loaded"
        assert store.entities(["p1"])["p1"].provenance.url == url  # type: ignore[union-attr]
        assert ingest_registry(store, url).status == "unchanged"


def test_http_error_is_one_clear_line(server: str) -> None:
    with pytest.raises(FetchError, match=r"missing\.json: server answered HTTP 404"):
        fetch(f"{server}/missing.json")


def test_offline_without_cache_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIESCREEN_CACHE", str(tmp_path / "cache"))
    with pytest.raises(FetchError, match=r"cannot download: .* \(are you offline\?\)"):
        fetch("http://127.0.0.1:9/never.json")  # port 9 (discard) is closed here


def test_offline_with_cache_uses_the_copy_and_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIESCREEN_CACHE", str(tmp_path / "cache"))
    url = "http://127.0.0.1:9/reg.ftm.json"  # nothing listens on port 9
    cached_path(url).write_bytes(BODY)
    warnings: list[str] = []
    assert fetch(url, warn=warnings.append).read_bytes() == BODY
    assert warnings and "using the copy cached" in warnings[0]
