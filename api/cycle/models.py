"""States: the foundation's slice of the cycle model (organisations and users point at them)."""

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints
from sqlmodel import Field, SQLModel

from api.types import enum_type


class RegionalGroup(StrEnum):
    african = "African"
    asia_pacific = "Asia-Pacific"
    eeg = "EEG"
    grulac = "GRULAC"
    weog = "WEOG"


class UNStatus(StrEnum):
    member = "member"
    observer = "observer"


ISO3_PATTERN = r"^[A-Z]{3}$"

# An ISO 3166-1 alpha-3 code in API input: case-insensitive, stored upper-case.
StateCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    StringConstraints(pattern=ISO3_PATTERN),
]


class StateBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    iso2: str | None = Field(default=None, max_length=2, schema_extra={"pattern": r"^[A-Z]{2}$"})
    regional_group: RegionalGroup | None = Field(default=None, sa_type=enum_type(RegionalGroup))
    un_status: UNStatus = Field(default=UNStatus.member, sa_type=enum_type(UNStatus))


class State(StateBase, table=True):
    code: str = Field(primary_key=True, max_length=3, description="ISO 3166-1 alpha-3 code.")


class StateCreate(StateBase):
    code: StateCode = Field(description="ISO 3166-1 alpha-3 code.")


class StateUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    iso2: str | None = Field(default=None, max_length=2, schema_extra={"pattern": r"^[A-Z]{2}$"})
    regional_group: RegionalGroup | None = None
    un_status: UNStatus | None = None


class StateRead(StateBase):
    code: str
