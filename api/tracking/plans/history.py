"""The plan's public history (issue 14): every creation, change and withdrawal of an action, indicator,
milestone or measurement, as an entry of `plan_change` written in the transaction of the change.

The plan is public and governments answer for it, so the history is shown to everyone who may see
the row (`history_page`): when, which fields, old → new, and who — as an organisation, under the name
the caller may see (`display_name`), never a person. Changes are recorded once, where a PATCH applies
them (`edits.patch`), and where the services create and withdraw rows; the admin audit log keeps the
users. Entries are never changed or deleted.
"""

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

from sqlalchemy import inspect
from sqlmodel import Session, select

from api.auth.principal import Principal
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.tracking.models import Action, Indicator, Measurement, Milestone, PlanChange, PlanChangeKind, PlanEntity
from api.tracking.plans.schemas import FieldChange, PlanChangeRead
from api.tracking.rows import stored_id
from api.tracking.schemas import organisation_refs

PlanRow = Action | Indicator | Milestone | Measurement

ENTITIES: dict[type, PlanEntity] = {
    Action: PlanEntity.action,
    Indicator: PlanEntity.indicator,
    Milestone: PlanEntity.milestone,
    Measurement: PlanEntity.measurement,
}

# Bookkeeping, not the plan: ids, times, who (shown as `by`), and what the history itself derives.
UNTRACKED = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "created_by_user_id",
        "posted_by_user_id",
        "organisation_id",
        "archived_at",
        "withdrawn_at",
        "original_due_date",
        "rescheduled_at",
    }
)

# A summary line names a long text's field instead of quoting it (the entry has both values).
SUMMARY_VALUE_CHARS = 80


def stored(value: Any) -> Any:
    """A value as JSON keeps it: dates as ISO strings, enums as their values."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [stored(v) for v in value]
    return value


def tracked_fields(row: PlanRow) -> list[str]:
    return [c.key for c in inspect(type(row)).columns if c.key not in UNTRACKED]


def record(
    session: Session,
    principal: Principal,
    row: PlanRow,
    kind: PlanChangeKind,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
) -> None:
    """Add one entry for `row` (flushed with the change it describes)."""
    session.add(
        PlanChange(
            entity=ENTITIES[type(row)],
            entity_id=stored_id(row),
            kind=kind,
            organisation_id=principal.organisation_id,
            at=utcnow(),
            changes={field: [stored(old), stored(new)] for field, (old, new) in (changes or {}).items()},
        )
    )


def created(session: Session, principal: Principal, row: PlanRow, **extra: Any) -> None:
    """The creation entry: the row's first values (null → value), so the history starts complete."""
    values = {field: getattr(row, field) for field in tracked_fields(row)} | extra
    record(
        session,
        principal,
        row,
        PlanChangeKind.created,
        {field: (None, value) for field, value in values.items() if value not in (None, [])},
    )


def changed(session: Session, principal: Principal, row: PlanRow, changes: Mapping[str, tuple[Any, Any]]) -> None:
    """A change entry for the fields whose value really changed; none when nothing did."""
    real = {field: (old, new) for field, (old, new) in changes.items() if stored(old) != stored(new)}
    if real:
        record(session, principal, row, PlanChangeKind.changed, real)


def withdraw(session: Session, principal: Principal, row: PlanRow) -> None:
    """Mark `row` withdrawn (kept, out of current views) and say so in its history."""
    row.withdrawn_at = utcnow()
    session.add(row)
    record(session, principal, row, PlanChangeKind.withdrawn)


# --- reading -------------------------------------------------------------------------------------


def summary(kind: PlanChangeKind, changes: Mapping[str, list[Any]]) -> str:
    """`due_date 2025-03-31 → 2027-03-31; status pending → cancelled`."""
    if kind is not PlanChangeKind.changed:
        return kind.value

    def shown(value: Any) -> str:
        return "null" if value is None else str(value)

    parts = []
    for field, (old, new) in changes.items():
        if max(len(shown(old)), len(shown(new))) > SUMMARY_VALUE_CHARS:
            parts.append(f"{field} changed")
        else:
            parts.append(f"{field} {shown(old)} → {shown(new)}")
    return "; ".join(parts)


def history_page(
    session: Session, principal: Principal, entity: PlanEntity, entity_id: int, params: PageParams
) -> Page[PlanChangeRead]:
    """Oldest first (by entry id, the order the changes were made). The caller checked the row is
    visible: the history is shown exactly to those who see the row."""
    stmt = select(PlanChange).where(PlanChange.entity == entity, PlanChange.entity_id == entity_id)
    page = paginate(session, stmt, params, [Sort(PlanChange.id)])
    refs = organisation_refs(session, principal, [c.organisation_id for c in page.items if c.organisation_id])
    items = [
        PlanChangeRead(
            id=stored_id(c),
            entity=c.entity,
            entity_id=c.entity_id,
            kind=c.kind,
            at=c.at,
            by=refs.get(c.organisation_id) if c.organisation_id is not None else None,
            changes=[FieldChange(field=field, old=old, new=new) for field, (old, new) in c.changes.items()],
            summary=summary(PlanChangeKind(c.kind), c.changes),
        )
        for c in page.items
    ]
    return Page[Any](items=items, total=page.total, next_cursor=page.next_cursor)
