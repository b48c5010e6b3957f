"""Milestones of an action: due dates, what was done when, and what is overdue.

`status` and `done_date` never disagree: `done` always carries the date it was done (today when
none is given), a done date makes the milestone `done`, and any other status clears it. Overdue is
computed on read (`overdue`), never stored. A delete withdraws the milestone (`policy`): out of the
lists and the overdue list, still read by id and in its history (`history`). A due date moved later
marks it `rescheduled` for good (`rescheduled_at`), and its first due date stays (`original_due_date`):
a government cannot clear the overdue list without a visible trace.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.sql import Select
from sqlmodel import Session, select

from api.auth.principal import Principal
from api.core import clock
from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.tracking.models import Action, Milestone, MilestoneStatus
from api.tracking.plans import history
from api.tracking.plans.edits import patch
from api.tracking.plans.overdue import is_overdue, overdue_clause, rescheduled_clause
from api.tracking.plans.policy import (
    live_row,
    not_archived,
    require_current,
    require_plan_write,
    shown_row,
    withdrawn_row,
)
from api.tracking.plans.schemas import MilestoneCreate, MilestoneRead, MilestoneUpdate


def milestone_reads(milestones: Sequence[Milestone]) -> list[MilestoneRead]:
    today = clock.today()
    return [
        MilestoneRead(
            **(m.model_dump() | {"original_due_date": m.original_due_date or m.due_date}),
            overdue=is_overdue(m, today),
            rescheduled=m.rescheduled_at is not None,
        )
        for m in milestones
    ]


def milestone_read(milestone: Milestone) -> MilestoneRead:
    return milestone_reads([milestone])[0]


def _page(session: Session, stmt: Select, params: PageParams, order: list[Sort]) -> Page[MilestoneRead]:
    page = paginate(session, stmt, params, order)
    return Page[Any](items=milestone_reads(page.items), total=page.total, next_cursor=page.next_cursor)


def list_milestones(
    session: Session,
    params: PageParams,
    *,
    state_code: str | None = None,
    action_id: int | None = None,
    status: MilestoneStatus | None = None,
    overdue: bool | None = None,
    rescheduled: bool | None = None,
    withdrawn: bool = False,
) -> Page[MilestoneRead]:
    """The current milestones, or with `withdrawn` only the withdrawn ones (archived ones never)."""
    stmt = select(Milestone).where(withdrawn_row(Milestone) if withdrawn else not_archived(Milestone))
    if state_code:
        stmt = stmt.where(Milestone.state_code == state_code.upper())
    if action_id is not None:
        stmt = stmt.where(Milestone.action_id == action_id)
    if status is not None:
        stmt = stmt.where(Milestone.status == status)
    if overdue is not None:
        stmt = stmt.where(overdue_clause() if overdue else ~overdue_clause())
    if rescheduled is not None:
        stmt = stmt.where(rescheduled_clause() if rescheduled else ~rescheduled_clause())
    return _page(session, stmt, params, [Sort(Milestone.created_at), Sort(Milestone.id)])


def list_overdue(session: Session, params: PageParams, *, state_code: str | None = None) -> Page[MilestoneRead]:
    stmt = select(Milestone).where(overdue_clause(), not_archived(Milestone))
    if state_code:
        stmt = stmt.where(Milestone.state_code == state_code.upper())
    return _page(session, stmt, params, [Sort(Milestone.due_date), Sort(Milestone.id)])


def get_milestone(session: Session, milestone_id: int, *, for_update: bool = False) -> Milestone:
    """A withdrawn milestone too (with `withdrawn_at`); an archived one is a 404, as a deleted one."""
    milestone = shown_row(session, Milestone, milestone_id, for_update=for_update)
    if milestone is None:
        raise NotFound.entity("Milestone", milestone_id)
    return milestone


def get_writable_milestone(session: Session, principal: Principal, milestone_id: int) -> Milestone:
    milestone = get_milestone(session, milestone_id, for_update=True)
    require_plan_write(principal, milestone.state_code, f"milestone {milestone.id}")
    return require_current(milestone, f"milestone {milestone.id}")


def _action(session: Session, principal: Principal, action_id: int) -> Action:
    action = live_row(session, Action, action_id)
    if action is None:
        raise InvalidInput(f"Action {action_id} does not exist.", field="action_id")
    require_plan_write(principal, action.state_code, f"action {action.id}")
    return action


def _completion(
    data: MilestoneCreate | MilestoneUpdate, current: Milestone | None
) -> tuple[MilestoneStatus, dt.date | None]:
    """The status and done date once `data` applies (to `current`, on PATCH)."""
    sent = data.model_fields_set
    status = data.status if "status" in sent else None
    done_date = data.done_date if "done_date" in sent else None
    if "status" in sent and status is None:
        raise InvalidInput("`status` cannot be null.", field="status")
    clock.not_in_future(done_date, "done_date")
    if status is None and done_date is not None:
        status = MilestoneStatus.done
    if status is None and "done_date" in sent and current is not None and current.status == MilestoneStatus.done:
        raise InvalidInput(
            "A done milestone keeps its done date; set `status` to reopen or cancel it.", field="done_date"
        )
    if status is None:
        status = MilestoneStatus(current.status) if current is not None else MilestoneStatus.pending
        return status, current.done_date if current is not None else None
    if status is not MilestoneStatus.done:
        if done_date is not None:
            raise InvalidInput(
                f"A `{status.value}` milestone has no done date; send `status: done` or drop `done_date`.",
                field="done_date",
            )
        return status, None
    if done_date is None:
        kept = current.done_date if current is not None and current.status == MilestoneStatus.done else None
        done_date = kept if kept and "done_date" not in sent else clock.today()
    return status, done_date


def create_milestone(session: Session, principal: Principal, data: MilestoneCreate) -> Milestone:
    action = _action(session, principal, data.action_id)
    status, done_date = _completion(data, None)
    milestone = Milestone(
        **data.model_dump(exclude={"status", "done_date"}),
        state_code=action.state_code,
        status=status,
        done_date=done_date,
    )
    session.add(milestone)
    session.flush()
    history.created(session, principal, milestone)
    session.flush()
    return milestone


def update_milestone(session: Session, principal: Principal, milestone: Milestone, data: MilestoneUpdate) -> Milestone:
    """`milestone` comes from `get_writable_milestone`. It may move to another action of the same state."""
    if "action_id" in data.model_fields_set and data.action_id is not None and data.action_id != milestone.action_id:
        action = _action(session, principal, data.action_id)
        if action.state_code != milestone.state_code:
            raise InvalidInput(
                f"Action {action.id} belongs to {action.state_code}; a milestone moves only between "
                f"actions of {milestone.state_code}.",
                field="action_id",
            )
    status, done_date = _completion(data, milestone)
    due_before = milestone.due_date
    patch(session, principal, milestone, data.model_copy(update={"status": status, "done_date": done_date}))
    if milestone.due_date != due_before:
        milestone.original_due_date = milestone.original_due_date or due_before
        if milestone.due_date > due_before:
            milestone.rescheduled_at = utcnow()
    session.add(milestone)
    session.flush()
    return milestone


def delete_milestone(session: Session, principal: Principal, milestone_id: int) -> None:
    """Withdraws it: kept, with its evidence, out of current views, listed in its history."""
    history.withdraw(session, principal, get_writable_milestone(session, principal, milestone_id))
    session.flush()
