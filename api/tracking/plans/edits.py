"""Partial updates of plan rows: the value a field will have, dates in order, `updated_at`, and the
row's public history (`history.py`): every PATCH of the plan applies its changes here."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, SQLModel

from api.auth.principal import Principal
from api.core.errors import InvalidInput
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.tracking.plans import history
from api.tracking.plans.history import PlanRow


def ordered(first: dt.date | None, then: dt.date | None, *, first_field: str, then_field: str) -> None:
    if first is not None and then is not None and then < first:
        raise InvalidInput(f"`{then_field}` ({then}) is before `{first_field}` ({first}).", field=then_field)


def after_patch(row: SQLModel, data: SQLModel, field: str) -> Any:
    """The value `field` will have once `data` is applied to `row`."""
    return getattr(data, field) if field in data.model_fields_set else getattr(row, field)


def patch(
    session: Session,
    principal: Principal,
    row: PlanRow,
    data: SQLModel,
    *,
    exclude: set[str] | None = None,
    also: Mapping[str, tuple[Any, Any]] | None = None,
) -> bool:
    """Apply a PATCH body's columns and record what changed in the row's public history (with `also`,
    changes the service made beside the columns, such as an action's cluster); whether any value
    actually changed (and `updated_at` was bumped)."""
    exclude = exclude or set()
    before = {field: getattr(row, field) for field in data.model_fields_set - exclude if hasattr(row, field)}
    changes = apply_changes(row, data, exclude=exclude)
    diff = {field: (before.get(field), value) for field, value in changes.items() if before.get(field) != value}
    diff |= {field: (old, new) for field, (old, new) in (also or {}).items() if old != new}
    if diff:
        touch(row)
        history.changed(session, principal, row, diff)
    return bool(diff)


def touch(row: Any) -> None:
    if hasattr(row, "updated_at"):  # a measurement has none: its history says when it changed
        row.updated_at = utcnow()
