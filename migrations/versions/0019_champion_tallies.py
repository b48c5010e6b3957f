"""Champion tallies kept current on write and import (issue 15).

`champion_tally`: recommendations per (theme with the themes under it, tag origin, recommending state,
review) with their current positions, filled here for the existing data. The fill is frozen SQL (the
same rows `api.recommendations.tallies.refresh_tallies` writes), so a later change of the app's code
does not change what this migration did.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTS = """count(*),
    count(CASE WHEN r.current_position = 'supported' THEN 1 END),
    count(CASE WHEN r.current_position = 'supported_in_part' THEN 1 END),
    count(CASE WHEN r.current_position = 'noted' THEN 1 END)"""

_INSERT = (
    "INSERT INTO champion_tally (theme_id, origin, state_code, review_id, recommendations, supported, "
    "supported_in_part, noted) "
)

# Every recommendation under no theme; then under each theme of the closure of its tags, once per
# origin of those tags, and once for any origin.
FILL = (
    _INSERT + f"SELECT NULL, 'any', rs.state_code, r.review_id, {_COUNTS} "
    "FROM recommendation r JOIN recommending_state rs ON rs.recommendation_id = r.id "
    "GROUP BY rs.state_code, r.review_id",
    *(
        _INSERT + "WITH RECURSIVE theme_closure(theme_id, ancestor_id) AS ("
        "SELECT id, id FROM theme UNION "
        "SELECT c.theme_id, t.parent_id FROM theme_closure c JOIN theme t ON t.id = c.ancestor_id "
        "WHERE t.parent_id IS NOT NULL) "
        f"SELECT m.theme_id, m.origin, rs.state_code, r.review_id, {_COUNTS} "
        f"FROM (SELECT DISTINCT rt.recommendation_id, c.ancestor_id AS theme_id, {origin} AS origin "
        "FROM recommendation_theme rt JOIN theme_closure c ON c.theme_id = rt.theme_id) m "
        "JOIN recommendation r ON r.id = m.recommendation_id "
        "JOIN recommending_state rs ON rs.recommendation_id = r.id "
        "GROUP BY m.theme_id, m.origin, rs.state_code, r.review_id"
        for origin in ("rt.origin", "'any'")
    ),
)


def upgrade() -> None:
    op.create_table(
        "champion_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("state_code", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("recommendations", sa.Integer(), nullable=False),
        sa.Column("supported", sa.Integer(), nullable=False),
        sa.Column("supported_in_part", sa.Integer(), nullable=False),
        sa.Column("noted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for statement in FILL:  # before the indexes: one sort each, not a row at a time
        op.execute(statement)
    with op.batch_alter_table("champion_tally") as batch_op:
        batch_op.create_index(
            "ix_champion_tally_theme",
            [
                "theme_id",
                "origin",
                "state_code",
                "review_id",
                "recommendations",
                "supported",
                "supported_in_part",
                "noted",
            ],
        )
        batch_op.create_index("ix_champion_tally_review", ["review_id", "theme_id", "origin"])


def downgrade() -> None:
    with op.batch_alter_table("champion_tally") as batch_op:
        batch_op.drop_index("ix_champion_tally_review")
        batch_op.drop_index("ix_champion_tally_theme")
    op.drop_table("champion_tally")
