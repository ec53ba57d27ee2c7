"""Fixtures of the review tests: a registry store from the small `peps` registry, a review store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

from tests.store.test_decisions import BACKENDS, pg_schema_url

from tiescreen.ingest import ingest_registry
from tiescreen.review.model import Role, User
from tiescreen.review.service import ReviewService
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store


@pytest.fixture
def registry_db(tmp_path: Path, peps: Path) -> Path:
    db = tmp_path / "registry.duckdb"
    with open_store(db) as store:
        ingest_registry(store, peps)
    return db


def _service(target: str | Path, registry_db: Path) -> Iterator[ReviewService]:
    store = DecisionStore.open(target)
    yield ReviewService(store, registry_db)
    store.close()


@pytest.fixture
def service(tmp_path: Path, registry_db: Path) -> Iterator[ReviewService]:
    yield from _service(tmp_path / "review.sqlite", registry_db)


@pytest.fixture(params=BACKENDS)
def any_service(request: pytest.FixtureRequest, tmp_path: Path, registry_db: Path) -> Iterator[ReviewService]:
    """The review service on SQLite and (when TIESCREEN_TEST_PG is set) on PostgreSQL."""
    if request.param == "sqlite":
        yield from _service(tmp_path / "review.sqlite", registry_db)
        return
    for url in pg_schema_url():
        yield from _service(url, registry_db)


@pytest.fixture
def ann() -> User:
    return User("ann", Role.REVIEWER)


@pytest.fixture
def bob() -> User:
    return User("bob", Role.REVIEWER)
