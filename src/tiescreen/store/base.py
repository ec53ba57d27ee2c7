"""The small interface every store implements, with orchestration in final methods.

Only ``store/`` talks to a database. A backend implements ``_run`` / ``_run_many`` and
``_transaction``; the base class wraps every step in one error type and names the step.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, final

from tiescreen.errors import StoreError, UnsupportedFeature

Rows = list[tuple[Any, ...]]


class Backend(ABC):
    """A SQL database the store runs on."""

    name: ClassVar[str]
    unsupported: ClassVar[frozenset[str]] = frozenset()

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any]) -> Rows: ...

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[Rows]:
        """Rows in batches of at most ``size`` (a backend that can should not hold them all)."""
        yield self._run(sql, params)

    def _columns(self, sql: str, params: Sequence[Any]) -> dict[str, Any]:
        """The result's columns as numpy arrays (by default through ``_run``)."""
        import numpy as np

        cur = self._run(sql, params)
        names = self._column_names(sql, params)
        return {n: np.asarray([r[i] for r in cur]) for i, n in enumerate(names)}

    def _column_names(self, sql: str, params: Sequence[Any]) -> list[str]:
        raise NotImplementedError

    @abstractmethod
    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def close(self) -> None: ...

    @final
    def query(self, step: str, sql: str, *params: Any) -> Rows:
        try:
            return self._run(sql, params)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{self.name}: step {step!r} failed: {exc}") from exc

    @final
    def stream(self, step: str, sql: str, *params: Any, size: int = 100_000) -> Iterator[Rows]:
        """Run a query and yield its rows in batches."""
        try:
            yield from self._stream(sql, params, size)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{self.name}: step {step!r} failed: {exc}") from exc

    @final
    def columns(self, step: str, sql: str, *params: Any) -> dict[str, Any]:
        """Run a query and return its columns as numpy arrays (for large numeric results)."""
        try:
            return self._columns(sql, params)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{self.name}: step {step!r} failed: {exc}") from exc

    @final
    def insert(self, step: str, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            self._insert(table, columns, rows)
        except Exception as exc:
            raise StoreError(f"{self.name}: step {step!r} failed: {exc}") from exc

    @final
    def transaction(self, step: str) -> AbstractContextManager[None]:
        return _Wrapped(self, step)

    @final
    def require(self, feature: str) -> None:
        if feature in self.unsupported:
            raise UnsupportedFeature(f"the {self.name} store cannot {feature}")


class _Wrapped(AbstractContextManager[None]):
    def __init__(self, backend: Backend, step: str) -> None:
        self.backend, self.step = backend, step
        self.inner: AbstractContextManager[None] | None = None

    def __enter__(self) -> None:
        self.inner = self.backend._transaction()
        self.inner.__enter__()

    def __exit__(self, *exc: Any) -> bool | None:
        assert self.inner is not None
        try:
            return self.inner.__exit__(*exc)
        except StoreError:
            raise
        except Exception as err:
            raise StoreError(f"{self.backend.name}: step {self.step!r} failed: {err}") from err


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def as_mapping(columns: Sequence[str], row: Sequence[Any]) -> Mapping[str, Any]:
    return dict(zip(columns, row, strict=True))
