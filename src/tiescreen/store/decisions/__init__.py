"""The review store: decisions, runs, users and API keys.

SQLite in WAL mode is the embedded default (one file next to the registry's DuckDB file,
safe to write while the CLI screens); PostgreSQL serves teams (``--db postgresql://...``).
Both are migrated with Alembic on open.
"""

from tiescreen.store.decisions.connect import DEFAULT_REVIEW_DB, engine_for, is_postgres
from tiescreen.store.decisions.store import DecisionStore, now

__all__ = ["DEFAULT_REVIEW_DB", "DecisionStore", "engine_for", "is_postgres", "now"]
