"""The one pagination helper every list uses.

`limit` (default 50, clamped to 500) with either `offset` or an opaque keyset `cursor`. The order
always ends with the primary key, so pages are stable while rows are added; the envelope is
`{"items": [...], "total": N, "next_cursor": "..." | null}` everywhere.
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Select
from sqlmodel import Session

from api.core.errors import InvalidInput

MAX_LIMIT = 500
MAX_OFFSET = 2**31 - 1
T = TypeVar("T")
U = TypeVar("U")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    next_cursor: str | None = None

    def map(self, fn: Callable[[T], U]) -> "Page[U]":
        return Page[Any](items=[fn(i) for i in self.items], total=self.total, next_cursor=self.next_cursor)


@dataclass(frozen=True)
class PageParams:
    limit: int = 50
    offset: int = 0
    cursor: str | None = None


@dataclass(frozen=True)
class Sort:
    column: Any  # a mapped attribute, or a labelled column of the select
    descending: bool = False


def _encode(values: list[Any]) -> str:
    def tag(v: Any) -> Any:
        if isinstance(v, datetime):
            return {"dt": v.isoformat()}
        if isinstance(v, date):
            return {"d": v.isoformat()}
        if hasattr(v, "value"):  # enums
            return v.value
        return v

    raw = json.dumps([tag(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, order: Sequence[Sort]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(order):
            raise ValueError
        return [_typed(v, sort.column) for v, sort in zip(values, order, strict=True)]
    except (ValueError, TypeError, RecursionError, binascii.Error):  # UnicodeDecodeError is a ValueError
        raise InvalidInput("The cursor is not one this API issued for this list.", field="cursor") from None


def _typed(value: Any, column: InstrumentedAttribute) -> Any:
    """A cursor value of the column's own type: a tampered one would otherwise be a 500 from the driver
    (an int beyond 64 bits, text for an integer column on PostgreSQL, a naive datetime for a UTC column)."""
    if isinstance(value, dict) and value.keys() == {"dt"}:
        value = datetime.fromisoformat(value["dt"])
    elif isinstance(value, dict) and value.keys() == {"d"}:
        value = date.fromisoformat(value["d"])
    elif isinstance(value, (dict, list)):
        raise ValueError
    if value is None:  # sort columns are NOT NULL (see `paginate`), so no issued cursor holds one
        raise ValueError
    sql_type = column.type
    try:
        expected = getattr(sql_type, "impl_instance", sql_type).python_type
    except NotImplementedError:
        expected = object
    if issubclass(expected, Enum):
        return expected(value)
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        raise ValueError
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise ValueError
    if isinstance(value, datetime) and getattr(sql_type, "timezone", False) and value.tzinfo is None:
        raise ValueError
    return value


def _after(order: Sequence[Sort], values: list[Any]):
    """Keyset condition "strictly after this row" for a mixed-direction order."""
    clauses = []
    for i, sort in enumerate(order):
        equal_prefix = [order[j].column == values[j] for j in range(i)]
        beyond = sort.column < values[i] if sort.descending else sort.column > values[i]
        clauses.append(and_(*equal_prefix, beyond))
    return or_(*clauses)


def paginate(
    session: Session,
    stmt: Select,
    params: PageParams,
    order: Sequence[Sort],
    *,
    rows: bool = False,
    total: Callable[[Select], int] | None = None,
) -> Page[Any]:
    """Run `stmt` one page at a time; `order` must end with a unique column.

    `stmt` selects one entity (items are its objects), or with `rows=True` labelled columns (items
    are rows, and each sort column must be selected under its own key, e.g. an aggregate subquery's).
    Keyset paging compares sort values, and NULLs neither compare nor sort alike on SQLite and
    PostgreSQL: sort only on NOT NULL columns (coalesce in the query otherwise).

    `total(count_statement)` replaces the count query (a cache of totals per filter set and data version,
    or a constant where no one reads the total)."""
    nullable = [
        s.column.key
        for s in order
        if isinstance(s.column, InstrumentedAttribute) and getattr(s.column, "nullable", False)
    ]
    if nullable:
        raise TypeError(f"paginate() cannot keyset-sort on nullable columns: {nullable}")
    counting = select(func.count()).select_from(stmt.order_by(None).subquery())
    count = total(counting) if total is not None else session.scalar(counting) or 0
    if params.cursor is not None:
        stmt = stmt.where(_after(order, _decode(params.cursor, order)))
    elif params.offset:
        stmt = stmt.offset(params.offset)
    ordering = [s.column.desc() if s.descending else s.column.asc() for s in order]
    stmt = stmt.order_by(*ordering).limit(params.limit + 1)
    items = list(session.execute(stmt) if rows else session.scalars(stmt))
    next_cursor = None
    if len(items) > params.limit:
        items = items[: params.limit]
        next_cursor = _encode([getattr(items[-1], s.column.key) for s in order])
    return Page[Any](items=items, total=count, next_cursor=next_cursor)
