"""Column types shared by every domain."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import core_schema
from sqlalchemy import DateTime, Enum, TypeDecorator

# Integer ids fit PostgreSQL's INTEGER: a larger one in a path, query or body is a 422, not a
# driver overflow.
MAX_ID = 2**31 - 1
IdField = Annotated[int, Field(ge=1, le=MAX_ID)]

ISO3_PATTERN = r"^[A-Z]{3}$"  # as stored and answered

# An ISO 3166-1 alpha-3 code in API input: three ASCII letters in any case (what the documents say,
# checked as sent), stored and answered upper-case.
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$"), AfterValidator(str.upper)]


def _not_a_number(value: Any) -> Any:
    """Pydantic reads a number (or a string of digits) as a Unix time; the documents promise a
    `YYYY-MM-DD` string, so `0` is refused, not stored as 1970-01-01."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().lstrip("+-").isdigit()):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


# A date in API input: `YYYY-MM-DD`, never a number.
Day = Annotated[date, BeforeValidator(_not_a_number)]

T = TypeVar("T")

ALSO_CHECKED = "x-also-checked"


def _admits_null(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    return (
        types == "null"
        or (isinstance(types, list) and "null" in types)
        or any(branch.get("type") == "null" for branch in schema.get("anyOf", []))
    )


def also_checked(rule: str) -> Callable[[dict[str, Any]], None]:
    """`json_schema_extra` for a field (body property or parameter) bound by a rule no JSON Schema
    states: an id naming an existing row, one date after another, a password that must be yours.
    The documents carry the rule, in words, as `x-also-checked`; breaking it is a 422 naming the field.
    (A callable, as `Omittable`'s is, which this one replaces: so it drops a null default too.)"""

    def extra(schema: dict[str, Any]) -> None:
        schema[ALSO_CHECKED] = rule
        if "default" in schema and schema["default"] is None and not _admits_null(schema):
            del schema["default"]

    return extra


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)  # `null`, which the field's schema does not admit


# A PATCH field that may be left out but never sent as `null` (the server refuses a null with a 422):
# `None` in Python means "not sent", and the documents list the type alone, not nullable. A field
# whose null means "clear it" stays `X | None`. Constraints go on the inner type,
# `Omittable[Annotated[int, Interval(ge=1)]]`: on the field they would apply to a sent null too (a 500)
# and a list's `min_length` would be documented as a string's.
Omittable = Annotated[T | SkipJsonSchema[None], Field(json_schema_extra=_no_default)]


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


class NulFree:
    """`Annotated` metadata for text: `no_nul`'s check (and its plain message), and the rule stated in the
    schema as a pattern, so a generated client or a fuzzer knows it."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(no_nul, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        json_schema = handler(schema)
        json_schema["pattern"] = r"^[^\x00]*$"
        return json_schema


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
