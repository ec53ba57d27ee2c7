"""Candidates keep the matcher's confidence; decisions are found by run and user for undo.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("run_candidates") as batch:
        batch.add_column(sa.Column("confidence", sa.String(16)))
    op.create_index("ix_decisions_run_user", "decisions", ["run_id", "user_name"])


def downgrade() -> None:
    op.drop_index("ix_decisions_run_user", "decisions")
    with op.batch_alter_table("run_candidates") as batch:
        batch.drop_column("confidence")
