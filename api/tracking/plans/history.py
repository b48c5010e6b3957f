"""The plan's public history (issue 14): every creation, change and withdrawal of an action, indicator,
milestone or measurement, as an entry of `plan_change` written in the transaction of the change.

The plan is public and governments answer for it, so the history is shown to everyone who may see
the row (`history_page`): when, which fields, old → new, and who — as an organisation, under the name
the caller may see (`display_name`), never a person. Changes are recorded once, where a PATCH applies
them (`edits.patch`), and where the services create and withdraw rows; the admin audit log keeps the
users. Entries are never changed or deleted.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import and_, inspect, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.tracking.models import (
    Action,
    Indicator,
    Measurement,
    Milestone,
    MilestoneStatus,
    PlanChange,
    PlanChangeKind,
    PlanEntity,
)
from api.tracking.plans.policy import shown_indicator
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

# Personal data (a focal point's name, email, phone): the history says that the field changed, never
# the values (null old and new), so it keeps no personal data forever. The other tracked fields are the
# plan's own (titles, dates, figures, organisations by id); `by` is an organisation, never a person.
PERSONAL = frozenset({"contact"})

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


def recorded(field: str, old: Any, new: Any) -> list[Any]:
    """`[old, new]` as the entry keeps them: a personal field's values are never kept."""
    return [None, None] if field in PERSONAL else [stored(old), stored(new)]


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
            changes={field: recorded(field, old, new) for field, (old, new) in (changes or {}).items()},
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
        if field in PERSONAL or max(len(shown(old)), len(shown(new))) > SUMMARY_VALUE_CHARS:
            parts.append(f"{field} changed")
        else:
            parts.append(f"{field} {shown(old)} → {shown(new)}")
    return "; ".join(parts)


def _reads(session: Session, principal: Principal, entries: Sequence[PlanChange]) -> list[PlanChangeRead]:
    refs = organisation_refs(session, principal, [c.organisation_id for c in entries if c.organisation_id])
    return [
        PlanChangeRead(
            id=stored_id(c),
            entity=c.entity,
            entity_id=c.entity_id,
            kind=c.kind,
            at=c.at,
            by=refs.get(c.organisation_id) if c.organisation_id is not None else None,
            changes=[
                FieldChange(field=field, old=None, new=None)
                if field in PERSONAL  # also entries written before personal values were left out
                else FieldChange(field=field, old=old, new=new)
                for field, (old, new) in c.changes.items()
            ],
            summary=summary(PlanChangeKind(c.kind), c.changes),
        )
        for c in entries
    ]


def history_page(
    session: Session, principal: Principal, entity: PlanEntity, entity_id: int, params: PageParams
) -> Page[PlanChangeRead]:
    """Oldest first (by entry id, the order the changes were made). The caller checked the row is
    visible: the history is shown exactly to those who see the row."""
    stmt = select(PlanChange).where(PlanChange.entity == entity, PlanChange.entity_id == entity_id)
    page = paginate(session, stmt, params, [Sort(PlanChange.id)])
    return Page[Any](items=_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


def shown_in_state(state_code: str) -> ColumnElement[bool]:
    """SQL: the entry is about a row of `state_code`'s plan that a read by id shows (current or
    withdrawn; never an archived action or milestone, nor an archived action's indicator and their
    measurements): the feed shows what the rows' own histories show."""
    actions = select(Action.id).where(Action.state_code == state_code, col(Action.archived_at).is_(None))
    milestones = select(Milestone.id).where(Milestone.state_code == state_code, col(Milestone.archived_at).is_(None))
    indicators = select(Indicator.id).where(Indicator.state_code == state_code, shown_indicator())
    measurements = select(Measurement.id).where(col(Measurement.indicator_id).in_(indicators))
    return or_(
        *(
            and_(col(PlanChange.entity) == entity, col(PlanChange.entity_id).in_(ids))
            for entity, ids in (
                (PlanEntity.action, actions),
                (PlanEntity.indicator, indicators),
                (PlanEntity.milestone, milestones),
                (PlanEntity.measurement, measurements),
            )
        )
    )


def feed_page(
    session: Session,
    principal: Principal,
    state_code: str,
    params: PageParams,
    *,
    entity: PlanEntity | None = None,
    kind: PlanChangeKind | None = None,
) -> Page[PlanChangeRead]:
    """A state's plan changes, newest first (by entry id, the order they were made)."""
    stmt = select(PlanChange).where(shown_in_state(state_code.upper()))
    if entity is not None:
        stmt = stmt.where(PlanChange.entity == entity)
    if kind is not None:
        stmt = stmt.where(PlanChange.kind == kind)
    page = paginate(session, stmt, params, [Sort(PlanChange.id, descending=True)])
    return Page[Any](items=_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


# --- milestones taken off the overdue list -------------------------------------------------------


def hidden_while_overdue(session: Session, milestones: Sequence[Milestone]) -> set[int]:
    """The ids of `milestones` now cancelled or withdrawn whose cancellation or withdrawal was made while
    they were overdue (past the due date they had then, neither done nor cancelled): what left the
    overdue list without being done. Read from their histories, newest entry back to the oldest, from
    the row as it is now (a milestone older than its history starts from its first entry)."""
    closed = (MilestoneStatus.done.value, MilestoneStatus.cancelled.value)
    shown = {
        stored_id(m): m
        for m in milestones
        if m.withdrawn_at is not None or MilestoneStatus(m.status) is MilestoneStatus.cancelled
    }
    entries: dict[int, list[PlanChange]] = {i: [] for i in shown}
    ids = list(shown)
    for start in range(0, len(ids), 500):
        for entry in session.exec(
            select(PlanChange)
            .where(PlanChange.entity == PlanEntity.milestone, col(PlanChange.entity_id).in_(ids[start : start + 500]))
            .order_by(col(PlanChange.id).desc())
        ):
            entries[entry.entity_id].append(entry)
    found = set()
    for milestone_id, newest_first in entries.items():
        m = shown[milestone_id]
        due, status = stored(m.due_date), stored(m.status)  # after the entry being read
        for entry in newest_first:
            if entry.kind == PlanChangeKind.created:
                break
            before_due = entry.changes.get("due_date", [due])[0] or due
            before_status = entry.changes.get("status", [status])[0] or status
            overdue_then = before_status not in closed and before_due < entry.at.date().isoformat()
            hid = entry.kind == PlanChangeKind.withdrawn or (
                status == MilestoneStatus.cancelled.value and before_status != status
            )
            if hid and overdue_then:
                found.add(milestone_id)
                break
            if hid and before_status != MilestoneStatus.cancelled.value:
                break  # taken off the list while not overdue (a cancelled one's withdrawal: read on)
            due, status = before_due, before_status
    return found
