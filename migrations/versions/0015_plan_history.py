"""The plan's public history: changes of actions, indicators, milestones and measurements; withdrawn rows (issue 14).

`plan_change` holds one entry per creation, change or withdrawal of a plan row. Nothing is backfilled:
rows created before this migration have no creation entry (their history starts with their next
change; the admin audit log keeps what happened before), and a milestone's `original_due_date` stays
null until its due date first changes (reads show the current due date then). `withdrawn_at` marks a
deleted plan row from now on; rows archived before (`archived_at`) stay hidden as they were promised.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 02:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.core.types

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WITHDRAWABLE = ("action", "indicator", "milestone", "measurement")


def upgrade() -> None:
    op.create_table(
        "plan_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "entity",
            sa.Enum("action", "indicator", "milestone", "measurement", name="planentity", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("created", "changed", "withdrawn", name="planchangekind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("at", api.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_plan_change_organisation_id_organisation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_change")),
    )
    op.create_index("ix_plan_change_entity", "plan_change", ["entity", "entity_id"], unique=False)
    op.create_index(op.f("ix_plan_change_organisation_id"), "plan_change", ["organisation_id"], unique=False)

    # In place on both databases (as 0010, 0011): SQLite's batch mode would copy the tables and break
    # the foreign keys that point at them. Nullable columns are an in-place ALTER everywhere.
    for table in WITHDRAWABLE:
        op.add_column(table, sa.Column("withdrawn_at", api.core.types.UTCDateTime(timezone=True), nullable=True))
    op.add_column("milestone", sa.Column("original_due_date", sa.Date(), nullable=True))
    op.add_column("milestone", sa.Column("rescheduled_at", api.core.types.UTCDateTime(timezone=True), nullable=True))
    op.create_index(op.f("ix_milestone_rescheduled_at"), "milestone", ["rescheduled_at"], unique=False)


def downgrade() -> None:
    # Without the column a withdrawn row would read as current: a withdrawn action or milestone becomes
    # archived (hidden, the old answer to a delete others' posts refer to); withdrawn measurements and
    # indicators (which nothing but measurements refers to) are deleted, as they were before.
    for table in ("action", "milestone"):
        op.execute(
            f"UPDATE {table} SET archived_at = withdrawn_at WHERE withdrawn_at IS NOT NULL AND archived_at IS NULL"
        )
    op.execute(
        "DELETE FROM measurement WHERE withdrawn_at IS NOT NULL "
        "OR indicator_id IN (SELECT id FROM indicator WHERE withdrawn_at IS NOT NULL)"
    )
    op.execute("DELETE FROM indicator WHERE withdrawn_at IS NOT NULL")
    op.drop_index(op.f("ix_milestone_rescheduled_at"), table_name="milestone")
    op.drop_column("milestone", "rescheduled_at")
    op.drop_column("milestone", "original_due_date")
    for table in reversed(WITHDRAWABLE):
        op.drop_column(table, "withdrawn_at")
    op.drop_index(op.f("ix_plan_change_organisation_id"), table_name="plan_change")
    op.drop_index("ix_plan_change_entity", table_name="plan_change")
    op.drop_table("plan_change")
