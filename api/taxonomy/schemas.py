"""Request and response shapes of the vocabularies."""

from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import IdField
from api.taxonomy.models import ThemeBase

SDG_TARGET_PATTERN = r"^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$"


class ThemeCreate(SQLModel):
    model_config = with_examples(
        {"name": "Equality & non-discrimination", "code": "B31"},
        {"name": "Racial discrimination", "parent_id": 4},
    )

    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = None


class ThemeUpdate(SQLModel):
    model_config = with_examples({"code": "B31"}, {"parent_id": None})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = None


class ThemeRead(ThemeBase):
    id: int


class AffectedPersonCreate(SQLModel):
    model_config = with_examples({"name": "Roma, Gypsies, Sinti & Travellers"})

    name: str = Field(min_length=1, max_length=200)


class AffectedPersonRead(SQLModel):
    id: int
    name: str


class SdgTargetRead(SQLModel):
    code: str
    goal: int
    title: str
