"""tracking archive: `archived_at` on actions and milestones deleted while posts referred to them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 11:05:38.827003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.core.types


revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("action", sa.Column("archived_at", api.core.types.UTCDateTime(timezone=True), nullable=True))
    op.add_column("milestone", sa.Column("archived_at", api.core.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("milestone", "archived_at")
    op.drop_column("action", "archived_at")
