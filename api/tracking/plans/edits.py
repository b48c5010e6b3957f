"""Partial updates of plan rows: the value a field will have, dates in order, and `updated_at`."""

import datetime as dt
from typing import Any

from sqlmodel import SQLModel

from api.core.errors import InvalidInput
from api.core.types import utcnow
from api.core.updates import apply_changes


def ordered(first: dt.date | None, then: dt.date | None, *, first_field: str, then_field: str) -> None:
    if first is not None and then is not None and then < first:
        raise InvalidInput(f"`{then_field}` ({then}) is before `{first_field}` ({first}).", field=then_field)


def after_patch(row: SQLModel, data: SQLModel, field: str) -> Any:
    """The value `field` will have once `data` is applied to `row`."""
    return getattr(data, field) if field in data.model_fields_set else getattr(row, field)


def patch(row: SQLModel, data: SQLModel, *, exclude: set[str] | None = None) -> bool:
    """Apply a PATCH body's columns; whether any value actually changed (and `updated_at` was bumped)."""
    exclude = exclude or set()
    before = {field: getattr(row, field) for field in data.model_fields_set - exclude if hasattr(row, field)}
    changes = apply_changes(row, data, exclude=exclude)
    changed = any(before.get(field) != value for field, value in changes.items())
    if changed:
        touch(row)
    return changed


def touch(row: Any) -> None:
    row.updated_at = utcnow()
