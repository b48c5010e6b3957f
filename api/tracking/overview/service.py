"""The mid-term report and the dashboard: the caller's view of the matrix, counted in the database
(`counts`), each answer assembled as plain data and validated once."""

from datetime import UTC, datetime

from sqlalchemy import case, func, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.tracking.models import Action, ActionRecommendation, ActionStatus, Milestone, MilestoneStatus
from api.tracking.overview.counts import counts, position_changes
from api.tracking.overview.matrix import all_row_data
from api.tracking.overview.schemas import Dashboard, MidTermReport
from api.tracking.overview.scope import OverviewScope
from api.tracking.plans import history
from api.tracking.plans.overdue import overdue_clause, rescheduled_clause
from api.tracking.plans.policy import not_archived


def mid_term_report(session: Session, principal: Principal, scope: OverviewScope) -> MidTermReport:
    matrix = list(all_row_data(session, principal, scope))
    counted = counts(session, principal, scope)
    return MidTermReport.model_validate(
        {
            "state": scope.state,
            "cycle": scope.one_cycle(),
            "generated_at": datetime.now(UTC),
            "recommendations": counted.recommendations,
            "by_position": counted.by_position,
            "by_actor": counted.by_actor,
            "by_theme": counted.by_theme,
            "position_changes": position_changes(session, scope),
            "matrix": matrix,
        }
    )


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def dashboard(session: Session, principal: Principal, scope: OverviewScope) -> Dashboard:
    counted = counts(session, principal, scope)
    shown = select(Action.id).where(Action.state_code == scope.state, col(Action.archived_at).is_(None))
    if scope.cycle is not None:  # the actions answering a recommendation of that cycle
        shown = shown.where(
            col(Action.id).in_(
                select(ActionRecommendation.action_id).where(
                    col(ActionRecommendation.recommendation_id).in_(scope.recommendation_ids())
                )
            )
        )
    actions = shown.where(col(Action.withdrawn_at).is_(None))
    by_status: dict[str, int] = {
        ActionStatus(status).value: n
        for status, n in session.execute(
            select(Action.status, func.count()).where(col(Action.id).in_(actions)).group_by(col(Action.status))
        )
    }
    total, done_count, overdue, rescheduled = session.execute(
        select(
            func.count(),
            _count(col(Milestone.status) == MilestoneStatus.done),
            _count(overdue_clause()),
            _count(rescheduled_clause()),
        ).where(col(Milestone.action_id).in_(actions), not_archived(Milestone))
    ).one()
    # What left the plan: withdrawn milestones (an action's with it), and those cancelled or withdrawn
    # while overdue (from their histories), so the overdue list cannot be emptied without a trace.
    off_plan = list(
        session.exec(
            select(Milestone).where(
                col(Milestone.action_id).in_(shown),
                col(Milestone.archived_at).is_(None),
                or_(col(Milestone.withdrawn_at).is_not(None), col(Milestone.status) == MilestoneStatus.cancelled),
            )
        )
    )
    withdrawn = sum(1 for m in off_plan if m.withdrawn_at is not None)
    hidden_while_overdue = len(history.hidden_while_overdue(session, off_plan))
    return Dashboard.model_validate(
        {
            "state": scope.state,
            "cycle": scope.cycle,
            "recommendations": counted.recommendations,
            "recommendations_with_actions": counted.with_actions,
            "by_position": counted.by_position,
            "actions_by_status": dict(sorted(by_status.items())),
            "milestones": {
                "total": total,
                "done": done_count,
                "overdue": overdue,
                "rescheduled": rescheduled,
                "withdrawn": withdrawn,
                "cancelled_or_withdrawn_while_overdue": hidden_while_overdue,
            },
            "by_theme": counted.by_theme,
            "by_actor": counted.by_actor,
        }
    )
