"""Request and response shapes of the vocabularies."""

from typing import Annotated

from annotated_types import Len
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import IdField, Omittable, also_checked
from api.taxonomy.models import ThemeBase

SDG_TARGET_PATTERN = r"^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$"


class ThemeCreate(SQLModel):
    model_config = with_examples(
        {"name": "Antigypsyism", "parent_id": 33},
    )

    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name an existing entry of the same vocabulary")},
    )


class ThemeUpdate(SQLModel):
    model_config = with_examples({"code": "B31"}, {"parent_id": None})

    name: Omittable[Annotated[str, Len(1, 200)]] = None
    code: str | None = Field(default=None, min_length=1, max_length=16)
    parent_id: IdField | None = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name an existing entry of the same vocabulary")},
    )


class ThemeRead(ThemeBase):
    """A theme as a recommendation or a submission carries it."""

    id: int


class SynonymRead(SQLModel):
    source: str = Field(description="`upr-info`, `dihr`, `ohchr-matrix`, or `api` for a label an admin added.")
    label: str = Field(description="The label as the source writes it; filters accept it in any case.")


class ThemeDetail(ThemeRead):
    """A theme as `/themes` shows it: where it sits in the hierarchy, how sources name it, what it covers."""

    children: list[int] = Field(description="Ids of the themes directly under this one.")
    synonyms: list[SynonymRead]
    recommendation_count: int = Field(
        description="Recommendations tagged with this theme or any theme under it, each counted once."
    )


class AffectedPersonCreate(SQLModel):
    model_config = with_examples({"name": "Persons with albinism"})

    name: str = Field(min_length=1, max_length=200)


class AffectedPersonRead(SQLModel):
    """A group as a recommendation carries it."""

    id: int
    name: str


class AffectedPersonDetail(AffectedPersonRead):
    """A group as `/affected-persons` shows it (`girls` sits under `women`)."""

    code: str | None = Field(description="Our slug for the group, e.g. `women` (OHCHR gives groups no codes).")
    parent_id: int | None = Field(description="The broader group.")
    children: list[int] = Field(description="Ids of the groups directly under this one.")
    synonyms: list[SynonymRead]
    recommendation_count: int = Field(
        description="Recommendations tagged with this group or any group under it, each counted once."
    )


class SdgTargetRead(SQLModel):
    code: str
    goal: int
    title: str
