"""Ingest that scales: large local FtM files are bulk-loaded by DuckDB, everything else as before.

:func:`ingest` takes the same arguments as :func:`tiescreen.ingest.ingest_registry`. A local
FtM JSON-lines file of ``bulk_from`` bytes or more is hashed while streamed (to skip it when
unchanged), then read, checked and indexed by the store in one transaction
(:meth:`~tiescreen.store.registry.RegistryStore.load_ftm`), never held in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tiescreen.errors import InputError
from tiescreen.ingest import ColumnMapping, IngestReport, ingest_registry
from tiescreen.model import SourceInfo
from tiescreen.store.registry import RegistryStore

__all__ = ["BULK_FROM", "ingest", "is_bulk_ftm"]

BULK_FROM = 16 * 1024 * 1024
Progress = Callable[[int, int | None], None]


def is_bulk_ftm(path: Path, bulk_from: int = BULK_FROM) -> bool:
    """True for a local FtM JSON-lines file large enough for the bulk path."""
    try:
        if not path.is_file() or path.stat().st_size < bulk_from:
            return False
        with path.open("rb") as f:
            first = f.readline(1_000_000)
        data = json.loads(first.decode("utf-8-sig"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "schema" in data and "id" in data


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in blocks (the same digest the row-by-row reader records)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 22), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def ingest(
    store: RegistryStore,
    location: str | Path,
    *,
    name: str | None = None,
    mapping: ColumnMapping | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    progress: Progress | None = None,
    bulk_from: int = BULK_FROM,
) -> IngestReport:
    """Load one registry into ``store``: bulk for large local FtM files, else row by row.

    Raises:
        InputError: the file has bad lines (all listed) and ``skip_bad_rows`` is false.
    """
    path = Path(str(location))
    if encoding or "://" in str(location) or not is_bulk_ftm(path, bulk_from):
        return ingest_registry(
            store, location, name=name, mapping=mapping, skip_bad_rows=skip_bad_rows, encoding=encoding,
            progress=progress,
        )  # fmt: skip
    from tiescreen.ingest import _source_name
    from tiescreen.ingest.reading import Problems

    display = str(path)
    source = _source_name(display, name, store)
    digest = file_digest(path)
    previous = store.source(source)
    if previous is not None and previous.content_hash == digest:
        return IngestReport(previous, "unchanged")
    loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
    problems = Problems(display, skip=skip_bad_rows)
    info = SourceInfo(source, display, None, digest, loaded_at, 0, 0)
    records = store.load_ftm(info, path, problems, progress)
    if not records:
        raise InputError.single(display, "", "has no usable records")
    final = store.source(source) or info
    status = "replaced" if previous is not None else "loaded"
    return IngestReport(final, status, tuple(str(p) for p in problems.found))
