"""Shared vocabularies: themes (OHCHR's coded categories), affected persons, SDG targets, and the
synonyms by which each source names a theme or a group (`api/taxonomy/data/crosswalk.csv`)."""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

# Who a synonym comes from: the importer's formats, or `api` for a label an admin added.
SYNONYM_SOURCES = ("upr-info", "dihr", "ohchr-matrix", "api")


class ThemeBase(SQLModel):
    """A theme's columns, shared by the table and `ThemeRead` so the two never drift apart."""

    name: str = Field(max_length=200, unique=True)
    code: str | None = Field(
        default=None,
        max_length=16,
        unique=True,
        description="Code in a coded taxonomy, e.g. `A12` in OHCHR matrices of cycles 1–2.",
    )
    parent_id: int | None = Field(
        default=None, foreign_key="theme.id", description="Broader theme, for a hierarchical taxonomy."
    )


class Theme(ThemeBase, table=True):
    id: int | None = Field(default=None, primary_key=True)


class ThemeSynonym(SQLModel, table=True):
    """A source's label for a theme (`NHRI` in UPR Info for A45): one label of one source names one theme."""

    __tablename__ = "theme_synonym"
    __table_args__ = (UniqueConstraint("source", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", ondelete="CASCADE", index=True)
    source: str = Field(max_length=32, description="`upr-info`, `dihr`, `ohchr-matrix` or `api`.")
    label: str = Field(max_length=300)


class AffectedPerson(SQLModel, table=True):
    __tablename__ = "affected_person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    # 40, not 32: the longest code of the data is `persons-affected-by-armed-conflict` (34). Unique by a
    # unique index, which SQLite adds in place (a constraint would copy the table: migration 0010).
    code: str | None = Field(default=None, max_length=40, unique=True, index=True, description="e.g. `women`, `roma`.")
    parent_id: int | None = Field(
        default=None, foreign_key="affected_person.id", description="Broader group (`girls` under `women`)."
    )


class AffectedPersonSynonym(SQLModel, table=True):
    """A source's label for an affected-persons group (`Women and girls` in DIHR for `women`)."""

    __tablename__ = "affected_person_synonym"
    __table_args__ = (UniqueConstraint("source", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    affected_person_id: int = Field(foreign_key="affected_person.id", ondelete="CASCADE", index=True)
    source: str = Field(max_length=32, description="`upr-info`, `dihr`, `ohchr-matrix` or `api`.")
    label: str = Field(max_length=300)


class SdgTarget(SQLModel, table=True):
    __tablename__ = "sdg_target"

    code: str = Field(primary_key=True, max_length=8, description="e.g. `16.10` or `1.a`.")
    goal: int = Field(ge=1, le=17, index=True)
    title: str
