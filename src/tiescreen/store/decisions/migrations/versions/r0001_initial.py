"""The first review store schema: users, API keys, runs, candidates, decisions.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta", sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text, nullable=False)
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("password_hash", sa.Text),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(128)),
    )
    op.create_table(
        "api_keys",
        sa.Column("key_hash", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(128)),
        sa.Column("revoked_at", sa.String(32)),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(128)),
        sa.Column("tool_version", sa.String(32)),
        sa.Column("threshold", sa.Float),
        sa.Column("sources", sa.Text),
        sa.Column("people_file", sa.Text),
        sa.Column("summary", sa.Text),
        sa.Column("result", sa.Text),
    )
    op.create_table(
        "run_candidates",
        sa.Column("run_id", sa.String(32), primary_key=True),
        sa.Column("person_idx", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.String(256), primary_key=True),
        sa.Column("query_id", sa.Text),
        sa.Column("query_name", sa.Text, nullable=False),
        sa.Column("query_key", sa.Text, nullable=False),
        sa.Column("entity_hash", sa.String(64), nullable=False),
        sa.Column("caption", sa.Text),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("tie_kinds", sa.Text),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("query_key", sa.Text, nullable=False),
        sa.Column("query_name", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String(256), nullable=False),
        sa.Column("entity_hash", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(32)),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("supersedes", sa.Integer),
    )
    op.create_index("ix_decisions_pair", "decisions", ["query_key", "entity_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_decisions_pair", "decisions")
    for table in ("decisions", "run_candidates", "runs", "api_keys", "users", "meta"):
        op.drop_table(table)
