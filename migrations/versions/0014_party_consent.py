"""Consent: a named co-signer or endorser organisation is invited and accepts or declines (issue 14).

Every existing party becomes `accepted`: it was published before the rule, and hiding the record of
submissions already made would change what readers have long seen; an organisation named on one
without its consent withdraws by declining it (`POST /submissions/{id}/parties/{party_id}/decline`).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 02:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.core.types

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_submission_party_invited_by_organisation_id_organisation"


def upgrade() -> None:
    # In place on both databases (as 0010 and 0011): SQLite's batch mode would copy the table and
    # break the foreign keys; the new foreign key is written inline on SQLite.
    consent = sa.Enum("invited", "accepted", "declined", name="partyconsent", native_enum=False, length=32)
    op.add_column("submission_party", sa.Column("consent", consent, server_default="accepted", nullable=False))
    op.create_index(op.f("ix_submission_party_consent"), "submission_party", ["consent"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE submission_party ADD COLUMN invited_by_organisation_id INTEGER CONSTRAINT {FK} "
            "REFERENCES organisation (id)"
        )
    else:
        op.add_column("submission_party", sa.Column("invited_by_organisation_id", sa.Integer(), nullable=True))
        op.create_foreign_key(FK, "submission_party", "organisation", ["invited_by_organisation_id"], ["id"])
    op.add_column("submission_party", sa.Column("invited_at", api.core.types.UTCDateTime(timezone=True), nullable=True))
    op.add_column("submission_party", sa.Column("decided_at", api.core.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Parties that never accepted were never shown: they go, rather than appear as parties.
    op.execute("DELETE FROM submission_party WHERE consent <> 'accepted'")
    op.drop_column("submission_party", "decided_at")
    op.drop_column("submission_party", "invited_at")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(FK, "submission_party", type_="foreignkey")
    op.drop_column("submission_party", "invited_by_organisation_id")
    op.drop_index(op.f("ix_submission_party_consent"), table_name="submission_party")
    op.drop_column("submission_party", "consent")
