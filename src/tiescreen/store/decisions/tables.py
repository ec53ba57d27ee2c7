"""The review store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

::

    meta          (key PK, value)                     -- session secret, schema notes
    users         (name PK, password_hash, role, created_at, created_by)
    api_keys      (key_hash PK, user_name, label, created_at, created_by, revoked_at)
    runs          (id PK, title, status, error, created_at, created_by, tool_version,
                   threshold, sources JSON, people_file, summary JSON, result JSON)
    run_candidates(run_id, person_idx, entity_id PK; query_id, query_name, query_key,
                   entity_hash, caption, score, tie_kinds, confidence)
    decisions     (id PK autoincrement, query_key, query_name, entity_id, entity_hash,
                   verdict, note, user_name, created_at, run_id, action, supersedes)

``decisions`` is append-only: the newest row of a (query_key, entity_id) pair is the
current decision; older rows are its history. The schema itself is created and upgraded
by the Alembic migrations in ``migrations/versions``; this module mirrors the head revision.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("password_hash", Text),
    Column("role", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(128)),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("key_hash", String(64), primary_key=True),
    Column("user_name", String(128), nullable=False),
    Column("label", Text),
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(128)),
    Column("revoked_at", String(32)),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("status", String(16), nullable=False),
    Column("error", Text),
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(128)),
    Column("tool_version", String(32)),
    Column("threshold", Float),
    Column("sources", Text),
    Column("people_file", Text),
    Column("summary", Text),
    Column("result", Text),
)

run_candidates = Table(
    "run_candidates",
    metadata,
    Column("run_id", String(32), primary_key=True),
    Column("person_idx", Integer, primary_key=True),
    Column("entity_id", String(256), primary_key=True),
    Column("query_id", Text),
    Column("query_name", Text, nullable=False),
    Column("query_key", Text, nullable=False),
    Column("entity_hash", String(64), nullable=False),
    Column("caption", Text),
    Column("score", Float, nullable=False),
    Column("tie_kinds", Text),
    Column("confidence", String(16)),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("query_key", Text, nullable=False),
    Column("query_name", Text, nullable=False),
    Column("entity_id", String(256), nullable=False),
    Column("entity_hash", String(64), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("note", Text),
    Column("user_name", String(128), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("run_id", String(32)),
    Column("action", String(16), nullable=False),
    Column("supersedes", Integer),
)

Index("ix_decisions_pair", decisions.c.query_key, decisions.c.entity_id, decisions.c.id)
Index("ix_decisions_run_user", decisions.c.run_id, decisions.c.user_name)
