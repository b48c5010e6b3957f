"""Login throttling per account and client, and per client address (issue 14).

`login_throttle` is keyed by (account, client) now, `account` "" being a client address's row over every
account, and remembers the lockouts earned (each next one doubles) and the last success. Its rows are
short-lived counts, not records: the table is dropped and created anew, so an upgrade (or a downgrade)
forgets the counts and locks running, as a restart of an in-memory limiter would. No foreign key points
at it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 02:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("account", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", api.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("locked_until", api.core.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("succeeded_at", api.core.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account", "client", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("account", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", api.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("locked_until", api.core.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account", name=op.f("pk_login_throttle")),
    )
