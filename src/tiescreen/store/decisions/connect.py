"""Open the review store's database: a SQLite file in WAL mode, or PostgreSQL for teams.

SQLite in WAL mode lets the web app write decisions while the CLI (or another reader) is
busy: readers never block the writer and a busy writer is waited for, not failed. DuckDB,
which holds the registry, allows one writing process only, so decisions do not live there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from tiescreen.errors import ConfigError

DEFAULT_REVIEW_DB = "tiescreen-review.sqlite"
_PG_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgres(target: str) -> bool:
    return target.startswith(_PG_PREFIXES)


def engine_for(target: str | Path) -> Engine:
    """A SQLAlchemy engine for a SQLite path or a ``postgresql://`` URL."""
    text = str(target)
    if is_postgres(text):
        return _postgres(text)
    if "://" in text:
        raise ConfigError(f"{text}: the review store is a SQLite file path or a postgresql:// URL")
    return _sqlite(Path(text))


def _postgres(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ConfigError("PostgreSQL needs psycopg: install `tiescreen[web]`") from None
    native = "postgresql+psycopg://" + url.split("://", 1)[1]
    return create_engine(native, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite(path: Path) -> Engine:
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine
