"""Fetch a registry or article from a URL: cached, re-downloaded only when it changed.

The cache lives in ``$TIESCREEN_CACHE`` (default ``~/.cache/tiescreen``). A second fetch
sends ``If-None-Match``/``If-Modified-Since``; a 304 answer reuses the cached copy. When the
network is down and a cached copy exists, the copy is used and a warning says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import httpx

from tiescreen.errors import FetchError

__all__ = ["cache_dir", "cached_path", "fetch", "is_url"]

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_BYTES = 2 * 1024**3


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def cache_dir() -> Path:
    root = os.environ.get("TIESCREEN_CACHE") or str(Path.home() / ".cache" / "tiescreen")
    path = Path(root) / "downloads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cached_path(url: str) -> Path:
    """Where the cached copy of ``url`` lives (whether or not it exists yet)."""
    stem = hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]
    suffix = "".join(Path(httpx.URL(url).path).suffixes[-2:])[:20]
    return cache_dir() / f"{stem}{suffix}"


def fetch(
    url: str,
    *,
    progress: Callable[[int, int | None], None] | None = None,
    max_bytes: int = MAX_BYTES,
    warn: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),  # noqa: T201
) -> Path:
    """Download ``url`` into the cache (or reuse the cached copy) and return the local path.

    Raises:
        FetchError: the URL cannot be reached and nothing is cached, the server answers with
            an error, or the body is larger than ``max_bytes``.
    """
    target = cached_path(url)
    meta_path = target.with_name(target.name + ".meta.json")
    meta = _read_meta(meta_path) if target.exists() else {}
    headers = {"User-Agent": "tiescreen (+https://github.com/tiescreen)"}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    try:
        with httpx.stream("GET", url, headers=headers, timeout=TIMEOUT, follow_redirects=True) as resp:
            if resp.status_code == 304 and target.exists():
                return target
            if resp.status_code >= 400:
                raise FetchError(url, f"server answered HTTP {resp.status_code} {resp.reason_phrase}")
            _stream_to(resp, target, progress, max_bytes, url)
            _write_meta(meta_path, resp.headers, url)
    except httpx.HTTPError as exc:
        if target.exists():
            warn(
                f"warning: {url}: cannot reach it ({_reason(exc)}); using the copy cached on {meta.get('fetched', '?')}"
            )
            return target
        raise FetchError(url, f"cannot download: {_reason(exc)} (are you offline?)") from None
    return target


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc) or exc.__class__.__name__
    return text.splitlines()[0][:200]


def _stream_to(
    resp: httpx.Response,
    target: Path,
    progress: Callable[[int, int | None], None] | None,
    limit: int,
    url: str,
) -> None:
    total = int(resp.headers["Content-Length"]) if resp.headers.get("Content-Length", "").isdigit() else None
    if total and total > limit:
        raise FetchError(url, f"is {total} bytes, more than the {limit} allowed")
    partial = target.with_name(target.name + ".part")
    done = 0
    with partial.open("wb") as fh:
        for chunk in resp.iter_bytes(1 << 16):
            done += len(chunk)
            if done > limit:
                partial.unlink(missing_ok=True)
                raise FetchError(url, f"is more than the {limit} bytes allowed")
            fh.write(chunk)
            if progress:
                progress(done, total)
    partial.replace(target)  # atomic: a cut download never replaces a good copy


def _read_meta(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_meta(path: Path, headers: httpx.Headers, url: str) -> None:
    from datetime import UTC, datetime

    meta = {
        "url": url,
        "etag": headers.get("ETag", ""),
        "last_modified": headers.get("Last-Modified", ""),
        "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path.write_text(json.dumps(meta), encoding="utf-8")
