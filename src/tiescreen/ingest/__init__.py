"""Sources: registries (FtM JSON lines, CSV/JSON lines with a mapping, URLs) and people lists.

:func:`ingest_registry` reads one registry into the store: fetched when it is a URL, skipped
when the same content is already loaded, replaced atomically when it changed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tiescreen.errors import InputError
from tiescreen.ingest.people import read_people
from tiescreen.ingest.reading import Problems, TextFile, read_text
from tiescreen.ingest.tabular import ColumnMapping, load_mapping, parse_table
from tiescreen.model import SourceInfo, stable_id
from tiescreen.store.registry import RegistryStore

__all__ = ["ColumnMapping", "IngestReport", "ingest_registry", "load_mapping", "read_people"]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What loading one registry did."""

    source: SourceInfo
    status: str  # "loaded", "replaced" or "unchanged"
    problems: tuple[str, ...] = ()

    def summary(self) -> str:
        s = self.source
        text = f"{s.name}: {self.status}, {s.records} records from {s.url or s.path}"
        if s.skipped:
            text += f"; skipped {s.skipped} bad rows"
        return text


def _source_name(location: str, explicit: str | None, store: RegistryStore) -> str:
    if explicit:
        return explicit
    stem = Path(location.split("?")[0].rstrip("/")).name or "registry"
    stem = re.sub(r"(\.(ftm|json|jsonl|ndjson|csv|tsv|txt|gz))+$", "", stem, flags=re.I) or "registry"
    stem = re.sub(r"[^\w.-]+", "_", stem)
    known = store.source(stem)
    if known is not None and known.path != location and (known.url or "") != location:
        return f"{stem}-{stable_id(location)[:6]}"
    return stem


def _is_ftm(text: TextFile) -> bool:
    body = text.text.lstrip()
    if body.startswith("["):
        return '"schema"' in body[:5000]
    # The first few lines decide, so that one broken first line does not make it a table.
    for line in [ln for ln in body.split("\n", 6)[:6] if ln.strip()][:5]:
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict) and "schema" in data and "id" in data:
            return True
    return False


def ingest_registry(
    store: RegistryStore,
    location: str | Path,
    *,
    name: str | None = None,
    mapping: ColumnMapping | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    progress: object = None,
) -> IngestReport:
    """Load one registry file or URL into ``store``.

    Args:
        store: the store to write to.
        location: a path, or an http(s) URL (downloaded once, then only when changed).
        name: the source name (default: the file name without extensions).
        mapping: column mapping for CSV/JSON-lines registries (guessed from headers if absent).
        skip_bad_rows: keep good rows when some are bad (else stop with every problem listed).
        encoding: read the file in this encoding instead of UTF-8/UTF-16.

    Raises:
        InputError: the file cannot be read, or has bad rows and ``skip_bad_rows`` is false.
    """
    # Lazily: followthemoney (~1 s to import) and httpx serve loading a registry, never screening.
    from tiescreen.ingest.fetch import fetch, is_url
    from tiescreen.ingest.ftm import parse_ftm

    loc = str(location)
    url = loc if is_url(loc) else None
    path = fetch(loc, progress=progress if callable(progress) else None) if url else Path(loc)
    text = read_text(path, encoding)
    display = loc if url else str(path)
    source = _source_name(display, name, store)
    previous = store.source(source)
    if previous is not None and previous.content_hash == text.content_hash:
        return IngestReport(previous, "unchanged")
    loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
    problems = Problems(display, skip=skip_bad_rows)
    if _is_ftm(text):
        kind = "ftm"
        entities = parse_ftm(text, problems, source, url, loaded_at, known=store.has_entity)
    else:
        kind = "table"
        entities = parse_table(text, problems, source, url, loaded_at, mapping)
    problems.finish()
    if not entities:
        raise InputError.single(display, "", "has no usable records")
    info = SourceInfo(source, display, url, text.content_hash, loaded_at, len(entities), problems.skipped)
    store.replace_source(info, entities, kind)
    status = "replaced" if previous is not None else "loaded"
    return IngestReport(info, status, tuple(str(p) for p in problems.found))
