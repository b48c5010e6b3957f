"""Column types shared by every domain."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from sqlalchemy import DateTime, Enum, TypeDecorator

# Integer ids fit PostgreSQL's INTEGER: a larger one in a path, query or body is a 422, not a
# driver overflow.
MAX_ID = 2**31 - 1
IdField = Annotated[int, Field(ge=1, le=MAX_ID)]

ISO3_PATTERN = r"^[A-Z]{3}$"

# An ISO 3166-1 alpha-3 code in API input: case-insensitive, stored upper-case.
StateCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    StringConstraints(pattern=ISO3_PATTERN),
]


def no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")  # PostgreSQL text cannot hold them
    return value


def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


# Any text in API input: PostgreSQL cannot store NUL, so it is a 422 on both databases.
CleanStr = Annotated[str, AfterValidator(no_nul)]


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both databases (SQLite drops the offset on its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTCDateTime column")
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect):
        if value is not None:
            value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_type(enum: type[StrEnum]) -> Enum:
    """Enums stored as their values in a VARCHAR: no native PG types to create, alter and drop."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
