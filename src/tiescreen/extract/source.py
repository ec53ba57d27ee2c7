"""Read an article from an HTML file, a text file or a URL, refusing what is not one.

Every refusal is an :class:`~tiescreen.errors.InputError` with one clear line: a missing
file, a folder, an empty file, a binary file (PDF, image, archive), a file or download
larger than :data:`MAX_BYTES`, or bytes that are not text in any encoding we can tell.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from tiescreen.errors import InputError
from tiescreen.ingest.fetch import fetch, is_url
from tiescreen.ingest.reading import read_bytes

__all__ = ["MAX_BYTES", "RawArticle", "decode", "read_source"]

MAX_BYTES = 20 * 1024**2  # no news page's own text comes near this; 50 MB pages are refused
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"RIFF": "a media file",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|meta|title)[\s>]", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article's decoded content, whether it is HTML, and where it came from."""

    content: str
    is_html: bool
    source: str
    url: str | None = None


def read_source(source: str | Path, *, max_bytes: int = MAX_BYTES) -> RawArticle:
    """Read ``source`` (a path, an http(s) URL, or ``-`` for standard input) as an article.

    Raises:
        InputError: the file or URL cannot be read, or is not an article (see the module doc).
    """
    label = str(source)
    if label == "-":
        return _from_bytes(_read_stdin(max_bytes), "<stdin>", Path("stdin"), None)
    url = label if is_url(label) else None
    path = fetch(label, max_bytes=max_bytes) if url else Path(label)
    return _from_bytes(_read_bytes(path, label, max_bytes), label, path, url)


def _from_bytes(data: bytes, label: str, path: Path, url: str | None) -> RawArticle:
    kind = _binary_kind(data)
    if kind:
        raise InputError.single(label, "", f"is {kind}, not an HTML page or a text file")
    text = decode(data, label)
    is_html = path.suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_HINT.search(data[:4096]))
    return RawArticle(text, is_html, label, url)


def _read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError.single("<stdin>", "", f"is more than the {max_bytes // 1024**2} MB an article may have")
    if not data.strip():
        raise InputError.single("<stdin>", "", "is empty")
    return data


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    def too_big(size: int) -> tuple[str, str | None]:
        mib = max_bytes // 1024**2
        return (
            f"is {size / 1024**2:.0f} MB, more than the {mib} MB an article may have",
            "save the article's own page or text and try again",
        )

    return read_bytes(path, label=label, max_bytes=max_bytes, too_big=too_big)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return "a binary file" if controls / len(sample) > 0.05 else None


def decode(data: bytes, label: str = "input") -> str:
    """Decode an article's bytes: BOM, UTF-8, the page's declared charset, then cp1251/koi8-r.

    Raises:
        InputError: no encoding reads the bytes as text.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    candidates = ["utf-8"]
    declared = _CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    candidates += ["cp1251"]
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError.single(label, "", "is not text in UTF-8 or a Cyrillic encoding", "convert it to UTF-8")
