"""Inferred tags: a recommendation's themes, affected persons and action category say who gave them
(`origin`: the source, or the text classifier with its confidence and model version), and the trained
classifier lives in the database (`classifier_model`) so every worker and machine uses the same one.

Every existing tag came from a source (a file or an API write): the columns default to `source`, and
an existing action category is marked `source` too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 01:31:24.337955
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINKS = ("recommendation_theme", "recommendation_affected_person")


def _origin(**kwargs: object) -> sa.Enum:
    return sa.Enum("source", "inferred", name="tagorigin", native_enum=False, length=32, **kwargs)


def upgrade() -> None:
    op.create_table(
        "classifier_model",
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("created_at", api.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("trained_on", sa.Integer(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_classifier_model")),
    )
    op.create_index(op.f("ix_classifier_model_created_at"), "classifier_model", ["created_at"], unique=False)

    # In place on both databases (as 0010): SQLite's batch mode would copy the tables, and dropping the
    # old copies fails the foreign keys that point at them. Adding a nullable or defaulted column is
    # an in-place ALTER on SQLite and PostgreSQL alike.
    op.add_column("recommendation", sa.Column("action_category_origin", _origin(), nullable=True))
    op.add_column("recommendation", sa.Column("action_category_confidence", sa.Float(), nullable=True))
    op.add_column(
        "recommendation",
        sa.Column("action_category_model_version", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    )
    op.execute("UPDATE recommendation SET action_category_origin = 'source' WHERE action_category IS NOT NULL")
    for table in LINKS:
        op.add_column(table, sa.Column("origin", _origin(), server_default="source", nullable=False))
        op.add_column(table, sa.Column("confidence", sa.Float(), nullable=True))
        op.add_column(table, sa.Column("model_version", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        op.create_index(op.f(f"ix_{table}_origin"), table, ["origin"], unique=False)


def downgrade() -> None:
    # In place, as upgrade added them (SQLite 3.35+ drops a column once no index names it). The
    # inferred rows go: without an origin they would read as the source's.
    for table in LINKS:
        op.execute(f"DELETE FROM {table} WHERE origin = 'inferred'")
        op.drop_index(op.f(f"ix_{table}_origin"), table_name=table)
        op.drop_column(table, "model_version")
        op.drop_column(table, "confidence")
        op.drop_column(table, "origin")
    op.execute("UPDATE recommendation SET action_category = NULL WHERE action_category_origin = 'inferred'")
    op.drop_column("recommendation", "action_category_model_version")
    op.drop_column("recommendation", "action_category_confidence")
    op.drop_column("recommendation", "action_category_origin")
    op.drop_index(op.f("ix_classifier_model_created_at"), table_name="classifier_model")
    op.drop_table("classifier_model")
