"""The small interface every store implements, with orchestration in final methods.

Only ``store/`` talks to a database. A backend implements ``_run``, ``_columns``, ``_insert``
and ``_transaction`` (and ``_stream`` when it can fetch in batches); the base class wraps
every step in one error type and names the step.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
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

    @abstractmethod
    def _columns(self, sql: str, params: Sequence[Any]) -> dict[str, Any]:
        """The result's columns by name, as numpy arrays."""

    @abstractmethod
    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def close(self) -> None: ...

    def detached(self) -> AbstractContextManager[str | None]:
        """Let other processes open the store: yields what they pass to ``open_store``
        (None when they cannot), and this connection is not used until it ends."""
        return nullcontext(None)

    @final
    def query(self, step: str, sql: str, *params: Any) -> Rows:
        with named_step(self, step):
            return self._run(sql, params)

    @final
    def stream(self, step: str, sql: str, *params: Any, size: int = 100_000) -> Iterator[Rows]:
        """Run a query and yield its rows in batches."""
        with named_step(self, step):
            yield from self._stream(sql, params, size)

    @final
    def columns(self, step: str, sql: str, *params: Any) -> dict[str, Any]:
        """Run a query and return its columns as numpy arrays (for large numeric results)."""
        with named_step(self, step):
            return self._columns(sql, params)

    @final
    def insert(self, step: str, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with named_step(self, step):
            self._insert(table, columns, rows)

    @final
    def transaction(self, step: str) -> AbstractContextManager[None]:
        return _Wrapped(self, step)

    @final
    def require(self, feature: str) -> None:
        if feature in self.unsupported:
            raise UnsupportedFeature(f"the {self.name} store cannot {feature}")


@contextmanager
def named_step(backend: Backend, step: str) -> Iterator[None]:
    """Turn a database failure into one StoreError that names the backend and the step."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"{backend.name}: step {step!r} failed: {exc}") from exc


class _Wrapped(AbstractContextManager[None]):
    def __init__(self, backend: Backend, step: str) -> None:
        self.backend, self.step = backend, step
        self.inner: AbstractContextManager[None] | None = None

    def __enter__(self) -> None:
        self.inner = self.backend._transaction()
        self.inner.__enter__()

    def __exit__(self, *exc: Any) -> bool | None:
        assert self.inner is not None
        with named_step(self.backend, self.step):
            return self.inner.__exit__(*exc)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def as_mapping(columns: Sequence[str], row: Sequence[Any]) -> Mapping[str, Any]:
    return dict(zip(columns, row, strict=True))
