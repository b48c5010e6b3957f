"""Withdrawn posts: `withdrawn_at` on progress updates and assessments deleted once others could see them (issue 14).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 02:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.core.types

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place (no batch copy): the foreign keys referring to these tables stay intact on SQLite.
    for table in ("progress_update", "assessment"):
        op.add_column(table, sa.Column("withdrawn_at", api.core.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Without the column a withdrawn post would be current again (a CSO's deleted public post back in
    # every list): withdrawn posts go, with their revisions and evidence rows, before the column does.
    # (Their evidence files stay in the store, unreachable without a row.)
    for table, key in (("assessment", "assessment_id"), ("progress_update", "progress_update_id")):
        withdrawn = f"SELECT id FROM {table} WHERE withdrawn_at IS NOT NULL"
        op.execute(f"DELETE FROM evidence WHERE {key} IN ({withdrawn})")
        op.execute(f"DELETE FROM {table}_revision WHERE {key} IN ({withdrawn})")
        op.execute(f"DELETE FROM {table} WHERE withdrawn_at IS NOT NULL")
    for table in ("assessment", "progress_update"):
        op.drop_column(table, "withdrawn_at")
