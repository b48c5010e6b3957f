"""The mid-term report and the dashboard, both built from the caller's view of the matrix."""

from datetime import UTC, datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.tracking.models import Action, ActionRecommendation, ActionStatus, Milestone, MilestoneStatus
from api.tracking.overview import counts
from api.tracking.overview.matrix import all_rows
from api.tracking.overview.schemas import Dashboard, MidTermReport
from api.tracking.overview.scope import OverviewScope
from api.tracking.plans import history
from api.tracking.plans.overdue import overdue_clause, rescheduled_clause
from api.tracking.plans.policy import not_archived


def mid_term_report(session: Session, principal: Principal, scope: OverviewScope) -> MidTermReport:
    rows = list(all_rows(session, principal, scope))
    return MidTermReport(
        state=scope.state,
        cycle=scope.one_cycle(),
        generated_at=datetime.now(UTC),
        recommendations=len(rows),
        by_position=counts.by_position(rows),
        by_actor=counts.by_actor(rows),
        by_theme=counts.by_theme(rows),
        position_changes=counts.position_changes(session, rows),
        matrix=rows,
    )


def dashboard(session: Session, principal: Principal, scope: OverviewScope) -> Dashboard:
    rows = list(all_rows(session, principal, scope))
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
    milestones = select(Milestone).where(col(Milestone.action_id).in_(actions), not_archived(Milestone))
    total = session.scalar(select(func.count()).select_from(milestones.subquery())) or 0
    done_count = (
        session.scalar(
            select(func.count()).select_from(milestones.where(Milestone.status == MilestoneStatus.done).subquery())
        )
        or 0
    )
    overdue = session.scalar(select(func.count()).select_from(milestones.where(overdue_clause()).subquery())) or 0
    rescheduled = (
        session.scalar(select(func.count()).select_from(milestones.where(rescheduled_clause()).subquery())) or 0
    )
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
    return Dashboard(
        state=scope.state,
        cycle=scope.cycle,
        recommendations=len(rows),
        recommendations_with_actions=sum(1 for row in rows if row.actions),
        by_position=counts.by_position(rows),
        actions_by_status=dict(sorted(by_status.items())),
        milestones={
            "total": total,
            "done": done_count,
            "overdue": overdue,
            "rescheduled": rescheduled,
            "withdrawn": withdrawn,
            "cancelled_or_withdrawn_while_overdue": hidden_while_overdue,
        },
        by_theme=counts.by_theme(rows),
        by_actor=counts.by_actor(rows),
    )
