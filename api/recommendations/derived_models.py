"""Tables of the data derived from recommendations: the read model, the rows it must refresh, the data version.

`derived_dirty` is filled by database triggers (`migrations/versions/0018_read_model.py`)
on every write that changes what a recommendation shows, whoever writes: the API, an importer's bulk
statement, the classifier, a migration or psql. `api/recommendations/derived.py` empties it at commit.
"""

from sqlalchemy import BigInteger, Column, Index, Integer, Text
from sqlmodel import Field, SQLModel


class RecommendationReadRow(SQLModel, table=True):
    """A recommendation's public JSON (`RecommendationRead`, `rank` null), as the API sends it."""

    __tablename__ = "recommendation_read"

    recommendation_id: int = Field(primary_key=True)  # no foreign key: the refresh deletes what is gone
    body: str = Field(sa_column=Column(Text, nullable=False))


class DerivedDirty(SQLModel, table=True):
    """What a commit must refresh: `recommendation` (its read row), `review` (its tallies), `review_recs`,
    `session`, `state` (by `code`), `theme`, `group` (the recommendations showing them), `all`, `version`
    (only the version). Not unique: a unique key would make concurrent writers marking the
    same row wait for each other; SQLite's triggers skip a row already there, the refresh reads them distinct."""

    __tablename__ = "derived_dirty"
    __table_args__ = (Index("ix_derived_dirty_kind_key", "kind", "key"),)

    id: int | None = Field(
        default=None, sa_column=Column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    )
    kind: str = Field(max_length=16)
    key: int = Field(sa_column=Column(BigInteger, nullable=False))
    code: str | None = Field(default=None, max_length=16)  # a state's code (kind `state`)


class DataVersion(SQLModel, table=True):
    """Bumped by every commit that changed recommendations' data: the validator of pages and caches,
    the same for every worker and machine."""

    __tablename__ = "data_version"

    scope: str = Field(primary_key=True, max_length=32)
    version: int = Field(sa_column=Column(BigInteger, nullable=False))
