"""Rate limits: requests counted per key (a route's scope and a client) and fixed window, in the
database so every worker and machine shares one count (api/ratelimit).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_window",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("window_start", api.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name=op.f("pk_rate_limit_window")),
    )
    with op.batch_alter_table("rate_limit_window", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rate_limit_window_window_start"), ["window_start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rate_limit_window", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_limit_window_window_start"))
    op.drop_table("rate_limit_window")
