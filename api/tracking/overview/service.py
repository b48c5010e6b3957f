"""The mid-term report and the dashboard, both built from the caller's view of the matrix."""

from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.tracking.models import Action, ActionRecommendation, ActionStatus, Milestone, MilestoneStatus
from api.tracking.overview import counts
from api.tracking.overview.matrix import all_rows
from api.tracking.overview.schemas import Dashboard, MidTermReport
from api.tracking.overview.scope import OverviewScope
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
    actions = select(Action.id).where(Action.state_code == scope.state, not_archived(Action))
    if scope.cycle is not None:  # the actions answering a recommendation of that cycle
        actions = actions.where(
            col(Action.id).in_(
                select(ActionRecommendation.action_id).where(
                    col(ActionRecommendation.recommendation_id).in_(scope.recommendation_ids())
                )
            )
        )
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
    return Dashboard(
        state=scope.state,
        cycle=scope.cycle,
        recommendations=len(rows),
        recommendations_with_actions=sum(1 for row in rows if row.actions),
        by_position=counts.by_position(rows),
        actions_by_status=dict(sorted(by_status.items())),
        milestones={"total": total, "done": done_count, "overdue": overdue, "rescheduled": rescheduled},
        by_theme=counts.by_theme(rows),
        by_actor=counts.by_actor(rows),
    )
