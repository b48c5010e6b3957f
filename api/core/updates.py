"""Partial updates (PATCH) applied the same way everywhere."""

from collections.abc import Collection
from typing import Any

from sqlalchemy import inspect
from sqlmodel import SQLModel

from api.core.errors import InvalidInput


def apply_changes(row: SQLModel, data: SQLModel, *, exclude: Collection[str] = ()) -> dict[str, Any]:
    """Apply the fields the caller sent (not those left out); returns them.

    A null for a column that cannot be null is a 422 naming the field, not a constraint error."""
    changes = data.model_dump(exclude_unset=True, exclude=set(exclude))
    columns = inspect(type(row)).columns
    for field, value in changes.items():
        if value is None and field in columns and not columns[field].nullable:
            raise InvalidInput(f"`{field}` cannot be null.", field=field)
    row.sqlmodel_update(changes)
    return changes
