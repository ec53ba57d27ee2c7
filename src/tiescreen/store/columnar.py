"""Columns in bulk between the embedded store and Python, as Arrow tables.

Moving millions of values through Python rows (or a pandas frame of Python objects) costs
seconds; Arrow hands DuckDB whole column buffers and back. Used by the index build (the
blocking keys of new words go in as one list column) and the warm-index load (key hashes,
postings and scoring records come out as column buffers, with no Python object per value).
Only the embedded DuckDB store supports this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tiescreen.errors import UnsupportedFeature
from tiescreen.store.base import Backend, named_step
from tiescreen.store.duckdb import DuckDBBackend

if TYPE_CHECKING:  # pyarrow is imported where a column is moved: screening a warm store does not pay for it
    import pyarrow as pa

__all__ = ["fetch_arrow", "insert_arrow", "list_column", "number_column", "string_column", "utf8_chunk"]


def _duckdb(db: Backend) -> DuckDBBackend:
    if not isinstance(db, DuckDBBackend):
        raise UnsupportedFeature(f"the {db.name} store cannot move columns in bulk")
    return db


def fetch_arrow(db: Backend, step: str, sql: str, *params: Any, own_cursor: bool = False) -> pa.Table:
    """Run a query and return its result as one Arrow table.

    With ``own_cursor`` the query runs on a cursor of its own, so that another thread may use
    the store meanwhile (it does not see the caller's uncommitted changes).

    Example:
        >>> fetch_arrow(store.db, "load index", "SELECT h, id FROM key_index").num_rows  # doctest: +SKIP
    """
    con = _duckdb(db).con
    with named_step(db, step):
        if not own_cursor:
            return con.sql(sql, params=list(params) or None).to_arrow_table()
        with con.cursor() as cursor:
            return cursor.sql(sql, params=list(params) or None).to_arrow_table()


def insert_arrow(db: Backend, step: str, sql: str, table: pa.Table, *params: Any) -> None:
    """Run ``sql`` (which reads the table as ``_tiescreen_arrow``) with ``table`` in scope.

    Runs on the store's own connection, so inside the caller's transaction.
    """
    con = _duckdb(db).con
    with named_step(db, step):
        con.register("_tiescreen_arrow", table)
        try:
            con.execute(sql, list(params)) if params else con.execute(sql)
        finally:
            con.unregister("_tiescreen_arrow")


def number_column(table: pa.Table, name: str, dtype: type[np.generic] = np.int64) -> npt.NDArray[Any]:
    """One numeric column (without nulls) as a numpy array of ``dtype``."""
    return np.asarray(table.column(name).to_numpy(), dtype=dtype)


def list_column(table: pa.Table, name: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """A column of integer lists as one flat array and the offsets of each row's list in it."""
    import pyarrow as pa

    lists = table.column(name).combine_chunks()
    if isinstance(lists, pa.ChunkedArray):  # no chunks at all: an empty result
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    offsets = np.asarray(lists.offsets.to_numpy(), dtype=np.int64)
    flat = np.asarray(lists.flatten().to_numpy(), dtype=np.int64)
    return flat, offsets - offsets[0]


def string_column(table: pa.Table, name: str) -> tuple[npt.NDArray[np.int64], bytes]:
    """A text column as each row's length in UTF-8 bytes and all rows' bytes joined (NULL: empty)."""
    sizes: list[npt.NDArray[np.int64]] = []
    parts: list[memoryview] = []
    for chunk in table.column(name).chunks:
        lengths, data = utf8_chunk(chunk)
        sizes.append(lengths)
        parts.append(data)
    lengths = np.concatenate(sizes) if sizes else np.zeros(0, dtype=np.int64)
    return lengths.astype(np.int64, copy=False), b"".join(parts)


def utf8_chunk(chunk: pa.Array) -> tuple[npt.NDArray[np.int64], memoryview]:
    """One Arrow text array: each row's length in UTF-8 bytes and their bytes end to end
    (NULL: empty), a view of Arrow's buffer (no copy)."""
    import pyarrow as pa

    text = chunk.cast(pa.large_string()).fill_null("")
    _, offsets, data = text.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int64)[text.offset : text.offset + len(text) + 1]
    if data is None or not len(text):
        return np.zeros(len(text), dtype=np.int64), memoryview(b"")
    return np.diff(bounds), memoryview(data)[int(bounds[0]) : int(bounds[-1])]
