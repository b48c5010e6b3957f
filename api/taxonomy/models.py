"""Shared vocabularies: themes (UHRI / UPR Info style), affected persons, SDG targets."""

from pydantic import ConfigDict
from sqlmodel import Field, SQLModel

from api.types import IdField

SDG_TARGET_PATTERN = r"^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$"


class ThemeBase(SQLModel):
    name: str = Field(max_length=200, unique=True)
    code: str | None = Field(default=None, max_length=16, unique=True,
                             description="Code in a coded taxonomy, e.g. `A12` in OHCHR matrices of cycles 1–2.")
    parent_id: int | None = Field(default=None, foreign_key="theme.id",
                                  description="Broader theme, for a hierarchical taxonomy.")


class Theme(ThemeBase, table=True):
    id: int | None = Field(default=None, primary_key=True)


class ThemeCreate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Equality & non-discrimination", "code": "B31"},
                                                              {"name": "Racial discrimination", "parent_id": 4}]})

    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = None


class ThemeUpdate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"code": "B31"}, {"parent_id": None}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = None


class ThemeRead(ThemeBase):
    id: int


class AffectedPerson(SQLModel, table=True):
    __tablename__ = "affected_person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)


class AffectedPersonCreate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Roma, Gypsies, Sinti & Travellers"}]})

    name: str = Field(min_length=1, max_length=200)


class AffectedPersonRead(SQLModel):
    id: int
    name: str


class SdgTarget(SQLModel, table=True):
    __tablename__ = "sdg_target"

    code: str = Field(primary_key=True, max_length=8, description="e.g. `16.10` or `1.a`.")
    goal: int = Field(ge=1, le=17, index=True)
    title: str


class SdgTargetRead(SQLModel):
    code: str
    goal: int
    title: str
