"""The embedded default store: one DuckDB file per project folder, no server.

DuckDB allows one writing process at a time; screening opens the file read-only when it
has nothing to ingest, so several screenings can read one store at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import duckdb

from tiescreen.errors import StoreError
from tiescreen.store.base import Backend, Rows


class DuckDBBackend(Backend):
    """DuckDB, embedded."""

    name: ClassVar[str] = "duckdb"

    def __init__(self, path: Path | str, read_only: bool = False, memory: str | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": memory} if memory else {}
        if self.path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._con: duckdb.DuckDBPyConnection | None = self._connect()
        self._detached = False

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection; opened again on first use after :meth:`detached` (not before: a
        screening that is done with the store once its workers end never waits for it)."""
        if self._con is None:
            if self._detached:  # (opened here, the file would be open in the workers forked next)
                raise StoreError(f"{self.path}: the store is lent to worker processes; use it when they are done")
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=self.read_only, config=self.config)
        except duckdb.IOException as exc:
            text = str(exc).splitlines()[0]
            if "lock" in text.lower():
                raise StoreError(
                    f"{self.path}: the store is being written by another process; try again when it is done"
                ) from None
            raise StoreError(f"{self.path}: cannot open the store: {text}") from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a tiescreen store ({str(exc).splitlines()[0]})") from None

    def _run(self, sql: str, params: Sequence[Any]) -> Rows:
        cur = self.con.execute(sql, list(params)) if params else self.con.execute(sql)
        try:
            return [tuple(r) for r in cur.fetchall()]
        except duckdb.InvalidInputException:
            return []

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[Rows]:
        cur = self.con.cursor()  # its own cursor: other queries may run between batches
        try:
            cur.execute(sql, list(params)) if params else cur.execute(sql)
            while batch := cur.fetchmany(size):
                yield [tuple(r) for r in batch]
        finally:
            cur.close()

    def _columns(self, sql: str, params: Sequence[Any]) -> dict[str, Any]:
        cur = self.con.execute(sql, list(params)) if params else self.con.execute(sql)
        return dict(cur.fetchnumpy())

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        import pandas as pd  # only writing needs it: screening a store does not pay its import

        frame = pd.DataFrame(list(rows), columns=list(columns), dtype=object)
        self.con.register("_tiescreen_rows", frame)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _tiescreen_rows")
        finally:
            self.con.unregister("_tiescreen_rows")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def close(self) -> None:
        if self._con is not None:
            with contextlib.suppress(duckdb.Error):
                self._con.close()

    @contextlib.contextmanager
    def detached(self) -> Iterator[str | None]:
        """Close the connection while worker processes read the file; it opens again when
        next used, after.

        DuckDB keeps one database instance per file and process, which a forked process
        inherits but cannot use: the file must not be open here when they start.
        """
        if self.path == ":memory:":
            yield None
            return
        self.con.close()
        self._con, self._detached = None, True
        try:
            yield self.path
        finally:
            self._detached = False
