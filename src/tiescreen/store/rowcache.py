"""The store's entity rows by row number, as text in the warm cache beside the reference graph.

Finishing a block of queries reads, by row number, every row its tie walk may need
(:class:`~tiescreen.ties.prefetch.Prefetched`): for 5,000 queries of the scale benchmark
about 54,000 rows, scattered over the whole table, so DuckDB loads and checks nearly every
block of every column to serve them (0.4-0.5 s a worker, most of it before a row is
returned). The warm cache keeps each row as one line of text instead: its columns as a JSON
array, then U+001F, then its properties as stored. A read slices the rows it needs out of the
mapped file and decodes them at once: the same entities as
:meth:`~tiescreen.store.registry.RegistryStore.at_rows`, provenance included.

A row keeps its source's name; each source's content hash and load time are kept once.
So the rows are written only when every row of a source has the same (as an ingest writes
them), and only in row order over densely numbered rows (as the graph needs them).

Once a read has copied its rows out, the mapped pages are let go (``MADV_DONTNEED``): they
stay in the page cache, but a worker does not keep the pages of every row it ever read
(100,000 queries read a good part of the file).
"""

from __future__ import annotations

import json
import mmap
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tiescreen.model import RegistryEntity
from tiescreen.store.columnar import utf8_chunk
from tiescreen.store.registry import _decode_all, _entity

if TYPE_CHECKING:
    from tiescreen.store.registry import RegistryStore

__all__ = ["RowTexts", "remove_rows", "write_rows", "write_rows_in"]

IntArray = npt.NDArray[np.int64]
BATCH = 100_000  # rows fetched at a time while writing (DuckDB's buffers stay small)
_FILES = ("rows_offsets.npy", "rows.bin", "rows.json")
# Each row's columns but its properties (and its source's hash and load time), as a JSON
# array: to_json escapes what JSON must (control characters too), so U+001F ends it.
_COLUMNS = ("id", "schema", "caption", "source", "record", "url")
_ROW_TEXT = (
    "'[' || "
    + " || ',' || ".join(f"coalesce(to_json({c}), 'null')" for c in _COLUMNS)
    + " || ',' || coalesce(no::VARCHAR, 'null') || ']' || chr(31) || coalesce(properties, '')"
)


class RowTexts:
    """Entity rows by row number: row ``r`` is ``data[offsets[r]:offsets[r + 1]]`` (UTF-8)."""

    def __init__(self, offsets: IntArray, mapped: mmap.mmap, sources: dict[str, list[str | None]]) -> None:
        self.offsets = offsets
        self._mapped = mapped  # (its pages are let go of after each read)
        self.data = memoryview(mapped)
        self.sources = {name: (hash_, loaded) for name, (hash_, loaded) in sources.items()}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @classmethod
    def load(cls, folder: Path, rows: int) -> RowTexts | None:
        """The rows written in ``folder`` for a graph of ``rows`` rows, mapped; None when there
        are none, or they do not fit it (then the store serves the reads)."""
        try:
            offsets = np.asarray(np.load(folder / "rows_offsets.npy", mmap_mode="r"))
            size = os.path.getsize(folder / "rows.bin")
            if len(offsets) != rows + 1 or int(offsets[-1]) != size or not size:
                return None
            with (folder / "rows.bin").open("rb") as f:
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            sources = json.loads((folder / "rows.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(offsets, mapped, sources)

    def at_rows(self, rows: Iterable[int]) -> list[tuple[RegistryEntity, int | None, int]]:
        """``(entity, person number, row)`` for the entities at these row numbers, as the store gives them."""
        wanted = sorted(set(rows))
        if not wanted:
            return []
        at = np.asarray(wanted, dtype=np.int64)
        data = self.data
        texts = [
            bytes(data[a:b]).decode("utf-8")
            for a, b in zip(self.offsets[at].tolist(), self.offsets[at + 1].tolist(), strict=True)
        ]
        self.release()
        split = [t.partition("\x1f") for t in texts]
        columns = json.loads(f"[{','.join(s[0] for s in split)}]")
        decoded = _decode_all([s[2] for s in split])
        out: list[tuple[RegistryEntity, int | None, int]] = []
        for row, (entity_id, schema, caption, source, record, url, no), props in zip(
            wanted, columns, decoded, strict=True
        ):
            digest, loaded = self.sources[source]
            entity = _entity((entity_id, schema, caption, None, source, record, url, digest, loaded), props, False)
            out.append((entity, no, row))
        return out

    def release(self) -> None:
        """Let go of the mapped pages read so far (the next read maps what it needs again)."""
        if hasattr(mmap, "MADV_DONTNEED"):
            self._mapped.madvise(mmap.MADV_DONTNEED)


def write_rows(store: RegistryStore, folder: Path, rows: int | None = None) -> int | None:
    """Write the store's entity rows into ``folder``; how many were written, or None (and
    nothing written) when a source's rows differ in content hash or load time, or the rows
    are not numbered ``0 .. n - 1`` in the order read (n = ``rows``, when given)."""
    return write_rows_in(store, folder, rows)()


def write_rows_in(store: RegistryStore, folder: Path, rows: int | None = None) -> Callable[[], int | None]:
    """:func:`write_rows`, to be run by another thread while this one uses the store: the
    rows are read through a connection of their own (made here, in the store's thread)."""
    from tiescreen.store.duckdb import DuckDBBackend

    if not isinstance(store.db, DuckDBBackend):
        return lambda: None  # (another backend serves its reads itself)
    con = store.db.con.cursor()

    def run() -> int | None:
        with con:
            return _write_rows(con, folder, rows)

    return run


def remove_rows(folder: Path) -> None:
    """Remove the rows written in ``folder`` (they fit no graph there)."""
    for name in _FILES:
        (folder / name).unlink(missing_ok=True)


def _write_rows(con: Any, folder: Path, rows: int | None) -> int | None:
    sources: dict[str, list[str | None]] = {}
    for name, digest, loaded in con.execute("SELECT DISTINCT source, content_hash, loaded_at FROM entities").fetchall():
        if name is None or name in sources:
            return None
        sources[str(name)] = [digest, loaded]
    sizes: list[IntArray] = []
    expected = 0
    try:
        with (folder / "rows.bin").open("wb") as out:
            for batch in con.sql(f"SELECT rowid, {_ROW_TEXT} AS text FROM entities").to_arrow_reader(BATCH):
                numbers = batch.column(0).to_numpy()
                if len(numbers) and (int(numbers[0]) != expected or np.any(np.diff(numbers) != 1)):
                    raise _OutOfOrder
                expected += len(numbers)
                lengths, text = utf8_chunk(batch.column(1))
                sizes.append(lengths)
                out.write(text)
        if rows is not None and expected != rows:
            raise _OutOfOrder
    except _OutOfOrder:
        (folder / "rows.bin").unlink(missing_ok=True)
        return None
    offsets = np.zeros(expected + 1, dtype=np.int64)
    if sizes:
        np.cumsum(np.concatenate(sizes), out=offsets[1:])
    np.save(folder / "rows_offsets.npy", offsets)
    (folder / "rows.json").write_text(json.dumps(sources), encoding="utf-8")
    return expected


class _OutOfOrder(Exception):
    """The rows did not come numbered densely in order (the cache is then not written)."""
