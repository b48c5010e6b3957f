"""Shared vocabularies: themes (UHRI / UPR Info style), affected persons, SDG targets."""

from sqlmodel import Field, SQLModel


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


class AffectedPerson(SQLModel, table=True):
    __tablename__ = "affected_person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)


class SdgTarget(SQLModel, table=True):
    __tablename__ = "sdg_target"

    code: str = Field(primary_key=True, max_length=8, description="e.g. `16.10` or `1.a`.")
    goal: int = Field(ge=1, le=17, index=True)
    title: str
