"""Actions: the measures a state takes, each answering a cluster of its recommendations.

An action is the hub of the plan: its indicators and milestones go with it. Who may write it is the
plan's rule (`policy`); a delete withdraws it with its milestones and indicators (kept, out of current
views, listed in their histories: `history`).
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from api.auth.models import Organisation, OrganisationKind
from api.auth.principal import Principal
from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.cycle.models import Review, State
from api.recommendations.models import Recommendation
from api.tracking.models import Action, ActionRecommendation, Indicator, Milestone
from api.tracking.plans import history
from api.tracking.plans.edits import after_patch, ordered, patch, touch
from api.tracking.plans.overdue import overdue_clause
from api.tracking.plans.policy import not_archived, require_current, require_plan_write, shown_row, withdrawn_row
from api.tracking.plans.schemas import ActionCreate, ActionRead, ActionUpdate
from api.tracking.rows import stored_id
from api.tracking.schemas import organisation_ref


def action_reads(session: Session, principal: Principal, actions: Sequence[Action]) -> list[ActionRead]:
    """Read shapes for a page of actions, in a fixed number of queries."""
    ids = [stored_id(a) for a in actions]
    clusters: dict[int, list[int]] = defaultdict(list)
    for action_id, recommendation_id in session.exec(
        select(ActionRecommendation.action_id, ActionRecommendation.recommendation_id)
        .where(col(ActionRecommendation.action_id).in_(ids))
        .order_by(col(ActionRecommendation.action_id), col(ActionRecommendation.recommendation_id))
    ):
        clusters[action_id].append(recommendation_id)
    org_ids = sorted({a.responsible_organisation_id for a in actions if a.responsible_organisation_id is not None})
    organisations = {
        stored_id(o): o for o in session.exec(select(Organisation).where(col(Organisation.id).in_(org_ids)))
    }
    indicators: dict[int, int] = {
        action_id: n
        for action_id, n in session.execute(
            select(Indicator.action_id, func.count())
            .where(col(Indicator.action_id).in_(ids), col(Indicator.withdrawn_at).is_(None))
            .group_by(col(Indicator.action_id))
        )
    }
    milestones: dict[int, tuple[int, int]] = {
        action_id: (total, overdue or 0)
        for action_id, total, overdue in session.execute(
            select(Milestone.action_id, func.count(), func.sum(case((overdue_clause(), 1), else_=0)))
            .where(col(Milestone.action_id).in_(ids), not_archived(Milestone))
            .group_by(col(Milestone.action_id))
        )
    }
    reads = []
    for a in actions:
        action_id = stored_id(a)
        organisation = (
            organisations.get(a.responsible_organisation_id) if a.responsible_organisation_id is not None else None
        )
        total, overdue = milestones.get(action_id, (0, 0))
        reads.append(
            ActionRead(
                id=action_id,
                state_code=a.state_code,
                title=a.title,
                description=a.description,
                responsible_organisation=organisation_ref(principal, organisation) if organisation else None,
                contact=a.contact,
                status=a.status,
                start_date=a.start_date,
                end_date=a.end_date,
                budget_note=a.budget_note,
                recommendations=clusters[action_id],
                indicator_count=indicators.get(action_id, 0),
                milestone_count=total,
                overdue_milestone_count=overdue,
                created_at=a.created_at,
                updated_at=a.updated_at,
                withdrawn_at=a.withdrawn_at,
            )
        )
    return reads


def action_read(session: Session, principal: Principal, action: Action) -> ActionRead:
    return action_reads(session, principal, [action])[0]


def list_actions(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    status: str | None = None,
    recommendation_id: int | None = None,
    responsible_organisation_id: int | None = None,
    withdrawn: bool = False,
) -> Page[ActionRead]:
    """The current actions, or with `withdrawn` only the withdrawn ones (archived ones never)."""
    stmt = select(Action).where(withdrawn_row(Action) if withdrawn else not_archived(Action))
    if state_code:
        stmt = stmt.where(Action.state_code == state_code.upper())
    if status is not None:
        stmt = stmt.where(Action.status == status)
    if recommendation_id is not None:
        stmt = stmt.where(
            col(Action.id).in_(
                select(ActionRecommendation.action_id).where(
                    ActionRecommendation.recommendation_id == recommendation_id
                )
            )
        )
    if responsible_organisation_id is not None:
        stmt = stmt.where(Action.responsible_organisation_id == responsible_organisation_id)
    page = paginate(session, stmt, params, [Sort(Action.created_at), Sort(Action.id)])
    return Page[Any](items=action_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


def get_action(session: Session, action_id: int, *, for_update: bool = False) -> Action:
    """A withdrawn action too (with `withdrawn_at`); an archived one is a 404, as a deleted one."""
    action = shown_row(session, Action, action_id, for_update=for_update)
    if action is None:
        raise NotFound.entity("Action", action_id)
    return action


def get_writable_action(session: Session, principal: Principal, action_id: int) -> Action:
    """The action, locked for the write (404 when missing, 403 when of another state's plan, 409 when
    withdrawn)."""
    action = get_action(session, action_id, for_update=True)
    require_plan_write(principal, action.state_code, f"action {action.id}")
    return require_current(action, f"action {action.id}")


def _plan_state(session: Session, principal: Principal, state_code: str) -> str:
    require_plan_write(principal, state_code, "the action")
    if session.get(State, state_code) is None:
        raise InvalidInput(f"Unknown state {state_code}.", field="state_code")
    return state_code


def _check_responsible(session: Session, organisation_id: int | None, state_code: str) -> None:
    if organisation_id is None:
        return
    organisation = session.get(Organisation, organisation_id)
    if (
        organisation is None
        or not organisation.is_active
        or organisation.kind != OrganisationKind.government
        or organisation.state_code != state_code
    ):
        raise InvalidInput(
            f"Organisation {organisation_id} is not an active government organisation of {state_code}.",
            field="responsible_organisation_id",
        )


def check_recommendations(
    session: Session, ids: Sequence[int], state_code: str, field: str = "recommendations"
) -> None:
    """Every id is a recommendation made to `state_code` (unknown ids are a 422, not a 404)."""
    if not ids:
        return
    states = dict(
        session.execute(
            select(Recommendation.id, Review.state_code)
            .join(Review, col(Review.id) == col(Recommendation.review_id))
            .where(col(Recommendation.id).in_(list(ids)))
        ).all()
    )
    if unknown := [i for i in ids if i not in states]:
        raise InvalidInput(f"Unknown recommendation id(s): {', '.join(map(str, unknown))}.", field=field)
    if foreign := [i for i in ids if states[i] != state_code]:
        raise InvalidInput(
            f"Recommendation(s) {', '.join(map(str, foreign))} were not made to {state_code}.", field=field
        )


def _cluster(session: Session, action: Action) -> list[ActionRecommendation]:
    return list(session.exec(select(ActionRecommendation).where(ActionRecommendation.action_id == action.id)))


def _replace_cluster(session: Session, action: Action, ids: list[int]) -> bool:
    current = {link.recommendation_id: link for link in _cluster(session, action)}
    for recommendation_id, link in current.items():
        if recommendation_id not in ids:
            session.delete(link)
    added = [ActionRecommendation(action_id=stored_id(action), recommendation_id=i) for i in ids if i not in current]
    session.add_all(added)
    return bool(added) or not current.keys() <= set(ids)


def create_action(session: Session, principal: Principal, data: ActionCreate) -> Action:
    state_code = _plan_state(session, principal, data.state_code)
    ordered(data.start_date, data.end_date, first_field="start_date", then_field="end_date")
    _check_responsible(session, data.responsible_organisation_id, state_code)
    check_recommendations(session, data.recommendations, state_code)
    action = Action(**data.model_dump(exclude={"recommendations"}), created_by_user_id=principal.user_id)
    session.add(action)
    session.flush()
    _replace_cluster(session, action, data.recommendations)
    history.created(session, principal, action, recommendations=sorted(data.recommendations))
    session.flush()
    return action


def update_action(session: Session, principal: Principal, action: Action, data: ActionUpdate) -> Action:
    """`action` comes from `get_writable_action`. The focal point and the cluster are checked when they change;
    moving the action to another state's plan re-checks both against that state and takes its indicators
    and milestones along (a focal point deactivated since does not block editing the rest). Posts about
    it stay as they are (see `_move_children`), so whether any exist never decides the answer."""
    state_code = data.state_code if data.state_code is not None else action.state_code
    moving = state_code != action.state_code
    if moving:
        _plan_state(session, principal, state_code)
    ordered(
        after_patch(action, data, "start_date"),
        after_patch(action, data, "end_date"),
        first_field="start_date",
        then_field="end_date",
    )
    if moving or "responsible_organisation_id" in data.model_fields_set:
        _check_responsible(session, after_patch(action, data, "responsible_organisation_id"), state_code)
    if moving or data.recommendations is not None:
        cluster = (
            data.recommendations
            if data.recommendations is not None
            else [link.recommendation_id for link in _cluster(session, action)]
        )
        check_recommendations(session, cluster, state_code)
    cluster_change: dict[str, tuple[list[int], list[int]]] = {}
    if data.recommendations is not None:
        before = sorted(link.recommendation_id for link in _cluster(session, action))
        if _replace_cluster(session, action, data.recommendations):
            cluster_change["recommendations"] = (before, sorted(data.recommendations))
    if patch(session, principal, action, data, exclude={"recommendations"}, also=cluster_change):
        session.add(action)
    if moving:
        _move_children(session, principal, action, state_code)
    session.flush()
    return action


def _move_children(session: Session, principal: Principal, action: Action, state_code: str) -> None:
    """Indicators and milestones (archived and withdrawn ones too) follow the action, each with the move
    in its history (an archived one without: no entry, nor a gap in the entries' ids, betrays it). Posts
    do not: a progress update or evidence stays in the tracker of the state it was posted in, with the
    visibility its poster chose (moving it would show a `shared` post to another state's users)."""
    rows: list[Indicator | Milestone] = [
        *session.exec(select(Indicator).where(Indicator.action_id == action.id)),
        *session.exec(select(Milestone).where(Milestone.action_id == action.id)),
    ]
    for row in rows:
        if getattr(row, "archived_at", None) is None:  # an archived row stays hidden, its move too
            history.changed(session, principal, row, {"state_code": (row.state_code, state_code)})
        row.state_code = state_code
        touch(row)


def delete_action(session: Session, principal: Principal, action_id: int) -> None:
    """Withdraws the action with its current milestones and indicators, each with a `withdrawn` entry in
    its history; nothing is erased (measurements, the cluster and posts about it stay as they are).
    Whatever refers to it, the outcome is the same, so it tells nothing about posts the caller cannot see."""
    action = get_writable_action(session, principal, action_id)
    children: list[Milestone | Indicator] = [
        *session.exec(select(Milestone).where(Milestone.action_id == action.id, not_archived(Milestone))),
        *session.exec(select(Indicator).where(Indicator.action_id == action.id, col(Indicator.withdrawn_at).is_(None))),
    ]
    for row in children:
        history.withdraw(session, principal, row)
    history.withdraw(session, principal, action)
    session.flush()
