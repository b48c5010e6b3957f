"""Rules shared by the plan's services: whose plan the caller may change, dates, partial updates,
what makes a milestone overdue, and which rows are archived.

Archived rows: an action or milestone deleted while posts referred to it is archived instead
(`archived_at` set) and, like a deleted one, is gone from every plan read. Whether posts exist
must not show (some may be confidential to the caller), so everything that reads or refers to
plan rows filters with `not_archived` / `live_indicator` and loads by id with `live_row`: an
archived row is a 404, or a 422 when named in a body, exactly like a deleted one. The indicators of
an archived action go with it (indicators have no column of their own).
"""

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import Forbidden, InvalidInput
from api.tracking import clock
from api.tracking.models import Action, Indicator, Milestone, MilestoneStatus
from api.types import utcnow
from api.updates import apply_changes

CLOSED = (MilestoneStatus.done, MilestoneStatus.cancelled)
Archivable = TypeVar("Archivable", Action, Milestone)


def not_archived(model: type[Action] | type[Milestone]) -> ColumnElement[bool]:
    """SQL: the action or milestone has not been archived (archiving an action archives its milestones)."""
    return model.archived_at.is_(None)


def live_indicator() -> ColumnElement[bool]:
    """SQL: the indicator is not one of an archived action's."""
    return or_(Indicator.action_id.is_(None), Indicator.action_id.in_(select(Action.id).where(not_archived(Action))))


def live_row(session: Session, model: type[Archivable], row_id: int, *, for_update: bool = False
             ) -> Archivable | None:
    """The action or milestone by id, None when it does not exist or is archived."""
    row = session.get(model, row_id, with_for_update=for_update)
    return row if row is not None and row.archived_at is None else None


def require_plan_write(principal: Principal, state_code: str, what: str) -> None:
    """Plan rows are public, so another state's row is a 403 (everyone can see it exists), never a 404."""
    if not principal.may(Permission.implementation_write, state_code=state_code):
        raise Forbidden(f"You may change the plan of {principal.state_code or 'your own state'} only "
                        f"({what} belongs to {state_code}).")


not_in_future = clock.not_in_future


def ordered(first: date | None, then: date | None, *, first_field: str, then_field: str) -> None:
    if first is not None and then is not None and then < first:
        raise InvalidInput(f"`{then_field}` ({then}) is before `{first_field}` ({first}).", field=then_field)


def after_patch(row: SQLModel, data: SQLModel, field: str) -> Any:
    """The value `field` will have once `data` is applied to `row`."""
    return getattr(data, field) if field in data.model_fields_set else getattr(row, field)


def patch(row: SQLModel, data: SQLModel, *, exclude: set[str] = frozenset()) -> bool:
    """Apply a PATCH body's columns; whether any value actually changed (and `updated_at` was bumped)."""
    before = {field: getattr(row, field) for field in data.model_fields_set - exclude if hasattr(row, field)}
    changes = apply_changes(row, data, exclude=exclude)
    changed = any(before.get(field) != value for field, value in changes.items())
    if changed:
        touch(row)
    return changed


def touch(row: Any) -> None:
    row.updated_at = utcnow()


def overdue_clause(today: date | None = None) -> ColumnElement[bool]:
    """SQL: past its due date, neither done nor cancelled."""
    return and_(Milestone.due_date < (today or clock.today()), Milestone.status.not_in(CLOSED))


def is_overdue(milestone: Milestone, today: date | None = None) -> bool:
    return milestone.due_date < (today or clock.today()) and MilestoneStatus(milestone.status) not in CLOSED
