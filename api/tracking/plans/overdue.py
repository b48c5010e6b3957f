"""What "overdue" means: a milestone past its due date that is neither done nor cancelled; and what
"rescheduled" means: its due date was ever moved later (`rescheduled_at`, set by the milestone service),
so a milestone that left the overdue list that way stays marked.

Computed on every read from `clock.today()`, never stored (a stored flag would go stale overnight);
the SQL clause and the Python test below are the same rule, for filters and for single rows.
"""

import datetime as dt

from sqlalchemy import and_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from api.core import clock
from api.tracking.models import Milestone, MilestoneStatus

CLOSED = (MilestoneStatus.done, MilestoneStatus.cancelled)


def overdue_clause(today: dt.date | None = None) -> ColumnElement[bool]:
    """SQL: past its due date, neither done nor cancelled."""
    return and_(col(Milestone.due_date) < (today or clock.today()), col(Milestone.status).not_in(CLOSED))


def is_overdue(milestone: Milestone, today: dt.date | None = None) -> bool:
    return milestone.due_date < (today or clock.today()) and MilestoneStatus(milestone.status) not in CLOSED


def rescheduled_clause() -> ColumnElement[bool]:
    """SQL: the due date was ever moved later."""
    return col(Milestone.rescheduled_at).is_not(None)
