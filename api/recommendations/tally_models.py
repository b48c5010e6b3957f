"""The champion tallies: counts of recommendations per theme, tag origin, recommending state and review,
kept current on write and import (`api.recommendations.tallies`) so `GET /champions` reads, not scans."""

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

# The `origin` of a tally row: `any` counts every tag; `source` and `inferred` only the tags of that origin
# (the values of `TagOrigin`). A row without a theme counts every recommendation, and has origin `any`.
ANY_ORIGIN = "any"


class ChampionTally(SQLModel, table=True):
    """How many recommendations of one review a state made under one theme (that theme or any under it,
    each recommendation once), and their current positions. Derived data: no foreign keys, so a write
    never waits on it; `tallies.refresh_tallies` rewrites the rows of the reviews a write touched."""

    __tablename__ = "champion_tally"
    __table_args__ = (
        # A theme's question reads one range of this index, and never the table (it holds every column):
        # summed per state in index order, then the page's states' rows.
        Index(
            "ix_champion_tally_theme",
            "theme_id",
            "origin",
            "state_code",
            "review_id",
            "recommendations",
            "supported",
            "supported_in_part",
            "noted",
        ),
        # A refresh deletes by review; a question on a few reviews starts here.
        Index("ix_champion_tally_review", "review_id", "theme_id", "origin"),
    )

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int | None = Field(default=None, description="The theme, with everything under it; null: any.")
    origin: str = Field(max_length=8, description="`any`, `source` or `inferred`: which tags count.")
    state_code: str = Field(max_length=3, description="The recommending state.")
    review_id: int
    recommendations: int
    supported: int
    supported_in_part: int
    noted: int
