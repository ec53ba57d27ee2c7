"""Schema migrations of the review store, run with Alembic on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from tiescreen.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` (default: the newest)."""
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), revision)  # type: ignore[arg-type]
    except Exception as exc:
        raise StoreError(f"review store: schema migration to {revision} failed: {exc}") from exc


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this tiescreen knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head
