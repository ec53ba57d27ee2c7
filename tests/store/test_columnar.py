"""Columns in bulk: numbers, integer lists and texts come out of the store exactly, in any chunking."""

from __future__ import annotations

import numpy as np

from tiescreen.store import open_store
from tiescreen.store.columnar import fetch_arrow, insert_arrow, list_column, number_column, string_column


def test_columns_come_out_exactly_across_chunks() -> None:
    with open_store(":memory:") as store:
        table = fetch_arrow(
            store.db,
            "t",
            """SELECT i AS no, [i, i + 1][1:(i % 3)::INT] AS nos,
                      CASE WHEN i % 7 = 0 THEN NULL ELSE 'ж' || i::VARCHAR END AS text
               FROM range(300000) t(i) ORDER BY i""",
        )
    assert table.column("text").num_chunks > 1
    nos = number_column(table, "no")
    assert nos.dtype == np.int64 and nos.tolist() == list(range(300000))
    flat, offsets = list_column(table, "nos")
    assert len(offsets) == 300001
    assert all(flat[offsets[i] : offsets[i + 1]].tolist() == [i, i + 1][: i % 3] for i in range(0, 300000, 997))
    assert len(flat) == sum(i % 3 for i in range(300000))
    lengths, data = string_column(table, "text")
    texts = [f"ж{i}" if i % 7 else "" for i in range(300000)]
    assert lengths.tolist() == [len(t.encode()) for t in texts]
    assert data == "".join(texts).encode()


def test_an_arrow_table_goes_in_inside_the_transaction() -> None:
    import pyarrow as pa

    with open_store(":memory:") as store:
        store.db.query("t", "CREATE TABLE kv (k TEXT, w TEXT)")
        table = pa.table({"w": ["a", "b"], "keys": pa.array([["x", "y"], []], pa.list_(pa.string()))})
        with store.db.transaction("t"):
            sql = "INSERT INTO kv SELECT unnest(keys), w FROM _tiescreen_arrow"
            insert_arrow(store.db, "t", sql, table)
            assert store.db.query("t", "SELECT k, w FROM kv ORDER BY k") == [("x", "a"), ("y", "a")]
        empty = fetch_arrow(store.db, "t", "SELECT [1] AS nos, 'x' AS text WHERE false")
        assert list_column(empty, "nos")[1].tolist() == [0]
        assert string_column(empty, "text")[1] == b""
