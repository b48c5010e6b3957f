"""Milestones of an action: due dates, what was done when, and what is overdue.

`status` and `done_date` never disagree: `done` always carries the date it was done (today when
none is given), a done date makes the milestone `done`, and any other status clears it. Overdue is
computed on read (past due, neither done nor cancelled), never stored. A milestone with evidence
is archived rather than deleted (see `rules`); archived ones are gone from every read here.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import exists
from sqlmodel import Session, select

from api.auth.principal import Principal
from api.errors import InvalidInput, NotFound
from api.pagination import Page, PageParams, Sort, paginate
from api.tracking import clock
from api.tracking.models import Action, Evidence, Milestone, MilestoneStatus
from api.tracking.plans.rules import (
    is_overdue,
    live_row,
    not_archived,
    not_in_future,
    overdue_clause,
    patch,
    require_plan_write,
)
from api.tracking.plans.shapes import MilestoneCreate, MilestoneRead, MilestoneUpdate
from api.types import utcnow


def milestone_reads(milestones: Sequence[Milestone]) -> list[MilestoneRead]:
    today = clock.today()
    return [MilestoneRead(**m.model_dump(), overdue=is_overdue(m, today)) for m in milestones]


def milestone_read(milestone: Milestone) -> MilestoneRead:
    return milestone_reads([milestone])[0]


def _page(session: Session, stmt, params: PageParams, order: list[Sort]) -> Page[MilestoneRead]:
    page = paginate(session, stmt, params, order)
    return Page[Any](items=milestone_reads(page.items), total=page.total, next_cursor=page.next_cursor)


def list_milestones(session: Session, params: PageParams, *, state_code: str | None = None,
                    action_id: int | None = None, status: MilestoneStatus | None = None,
                    overdue: bool | None = None) -> Page[MilestoneRead]:
    stmt = select(Milestone).where(not_archived(Milestone))
    if state_code:
        stmt = stmt.where(Milestone.state_code == state_code.upper())
    if action_id is not None:
        stmt = stmt.where(Milestone.action_id == action_id)
    if status is not None:
        stmt = stmt.where(Milestone.status == status)
    if overdue is not None:
        stmt = stmt.where(overdue_clause() if overdue else ~overdue_clause())
    return _page(session, stmt, params, [Sort(Milestone.id)])


def list_overdue(session: Session, params: PageParams, *, state_code: str | None = None) -> Page[MilestoneRead]:
    stmt = select(Milestone).where(overdue_clause(), not_archived(Milestone))
    if state_code:
        stmt = stmt.where(Milestone.state_code == state_code.upper())
    return _page(session, stmt, params, [Sort(Milestone.due_date), Sort(Milestone.id)])


def get_milestone(session: Session, milestone_id: int, *, for_update: bool = False) -> Milestone:
    """404 for an archived milestone too: it answers as a deleted one."""
    milestone = live_row(session, Milestone, milestone_id, for_update=for_update)
    if milestone is None:
        raise NotFound.entity("Milestone", milestone_id)
    return milestone


def writable_milestone(session: Session, principal: Principal, milestone_id: int) -> Milestone:
    milestone = get_milestone(session, milestone_id, for_update=True)
    require_plan_write(principal, milestone.state_code, f"milestone {milestone.id}")
    return milestone


def _action(session: Session, principal: Principal, action_id: int) -> Action:
    action = live_row(session, Action, action_id)
    if action is None:
        raise InvalidInput(f"Action {action_id} does not exist.", field="action_id")
    require_plan_write(principal, action.state_code, f"action {action.id}")
    return action


def _completion(data: MilestoneCreate | MilestoneUpdate, current: Milestone | None
                ) -> tuple[MilestoneStatus, date | None]:
    """The status and done date once `data` applies (to `current`, on PATCH)."""
    sent = data.model_fields_set
    status = data.status if "status" in sent else None
    done_date = data.done_date if "done_date" in sent else None
    if "status" in sent and status is None:
        raise InvalidInput("`status` cannot be null.", field="status")
    not_in_future(done_date, "done_date")
    if status is None and done_date is not None:
        status = MilestoneStatus.done
    if status is None and "done_date" in sent and current is not None and current.status == MilestoneStatus.done:
        raise InvalidInput("A done milestone keeps its done date; set `status` to reopen or cancel it.",
                           field="done_date")
    if status is None:
        status = MilestoneStatus(current.status) if current is not None else MilestoneStatus.pending
        return status, current.done_date if current is not None else None
    if status is not MilestoneStatus.done:
        if done_date is not None:
            raise InvalidInput(f"A `{status.value}` milestone has no done date; send `status: done` or drop "
                               "`done_date`.", field="done_date")
        return status, None
    if done_date is None:
        already = current is not None and current.status == MilestoneStatus.done and "done_date" not in sent
        done_date = current.done_date if already and current.done_date else clock.today()
    return status, done_date


def create_milestone(session: Session, principal: Principal, data: MilestoneCreate) -> Milestone:
    action = _action(session, principal, data.action_id)
    status, done_date = _completion(data, None)
    milestone = Milestone(**data.model_dump(exclude={"status", "done_date"}), state_code=action.state_code,
                          status=status, done_date=done_date)
    session.add(milestone)
    session.flush()
    return milestone


def update_milestone(session: Session, principal: Principal, milestone: Milestone,
                     data: MilestoneUpdate) -> Milestone:
    """`milestone` comes from `writable_milestone`. It may move to another action of the same state."""
    if "action_id" in data.model_fields_set and data.action_id is not None and data.action_id != milestone.action_id:
        action = _action(session, principal, data.action_id)
        if action.state_code != milestone.state_code:
            raise InvalidInput(f"Action {action.id} belongs to {action.state_code}; a milestone moves only between "
                               f"actions of {milestone.state_code}.", field="action_id")
    status, done_date = _completion(data, milestone)
    patch(milestone, data.model_copy(update={"status": status, "done_date": done_date}))
    session.add(milestone)
    session.flush()
    return milestone


def delete_milestone(session: Session, principal: Principal, milestone_id: int) -> None:
    """Evidence is a post and stays: a milestone with any (the caller's or anyone else's, visible to the
    caller or not) is archived, one without is deleted. The answer is the same either way, so it never
    tells the caller that evidence it cannot see exists."""
    milestone = writable_milestone(session, principal, milestone_id)
    if session.scalar(select(exists().where(Evidence.milestone_id == milestone.id))):
        milestone.archived_at = utcnow()
        session.add(milestone)
    else:
        session.delete(milestone)
    session.flush()
