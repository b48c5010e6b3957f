"""Actions: the measures a state takes, each answering a cluster of its recommendations.

A government writes its own state's actions (admins any). An action is the hub of the plan: its
indicators and milestones go with it. Posts about it (progress updates, evidence on its milestones)
and other organisations' measurements on its indicators are never deleted as a side effect, and
whether any exist must not show to a caller who may not see them: a delete then archives the
action instead (see `rules`), and answers exactly as a real delete does.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, exists, func, or_
from sqlmodel import Session, select

from api.auth.models import Organisation, OrganisationKind
from api.auth.principal import Principal
from api.cycle.models import Review, State
from api.errors import InvalidInput, NotFound
from api.pagination import Page, PageParams, Sort, paginate
from api.recommendations.models import Recommendation
from api.tracking.models import (
    Action,
    ActionRecommendation,
    Evidence,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
)
from api.tracking.plans.rules import (
    after_patch,
    live_row,
    not_archived,
    ordered,
    overdue_clause,
    patch,
    require_plan_write,
    touch,
)
from api.tracking.plans.shapes import ActionCreate, ActionRead, ActionUpdate
from api.tracking.shapes import organisation_ref
from api.types import utcnow


def action_reads(session: Session, principal: Principal, actions: Sequence[Action]) -> list[ActionRead]:
    """Read shapes for a page of actions, in a fixed number of queries."""
    ids = [a.id for a in actions]
    clusters: dict[int, list[int]] = defaultdict(list)
    for action_id, recommendation_id in session.exec(
            select(ActionRecommendation.action_id, ActionRecommendation.recommendation_id)
            .where(ActionRecommendation.action_id.in_(ids))
            .order_by(ActionRecommendation.action_id, ActionRecommendation.recommendation_id)):
        clusters[action_id].append(recommendation_id)
    org_ids = sorted({a.responsible_organisation_id for a in actions if a.responsible_organisation_id is not None})
    organisations = {o.id: o for o in session.exec(select(Organisation).where(Organisation.id.in_(org_ids)))}
    indicators = dict(session.execute(select(Indicator.action_id, func.count()).where(Indicator.action_id.in_(ids))
                                      .group_by(Indicator.action_id)).all())
    milestones = {action_id: (total, overdue or 0) for action_id, total, overdue in session.execute(
        select(Milestone.action_id, func.count(), func.sum(case((overdue_clause(), 1), else_=0)))
        .where(Milestone.action_id.in_(ids), not_archived(Milestone)).group_by(Milestone.action_id))}
    reads = []
    for a in actions:
        organisation = organisations.get(a.responsible_organisation_id)
        total, overdue = milestones.get(a.id, (0, 0))
        reads.append(ActionRead(
            id=a.id, state_code=a.state_code, title=a.title, description=a.description,
            responsible_organisation=organisation_ref(principal, organisation) if organisation else None,
            contact=a.contact, status=a.status, start_date=a.start_date, end_date=a.end_date,
            budget_note=a.budget_note, recommendations=clusters[a.id], indicator_count=indicators.get(a.id, 0),
            milestone_count=total, overdue_milestone_count=overdue, created_at=a.created_at,
            updated_at=a.updated_at))
    return reads


def action_read(session: Session, principal: Principal, action: Action) -> ActionRead:
    return action_reads(session, principal, [action])[0]


def list_actions(session: Session, principal: Principal, params: PageParams, *, state_code: str | None = None,
                 status: str | None = None, recommendation_id: int | None = None,
                 responsible_organisation_id: int | None = None) -> Page[ActionRead]:
    stmt = select(Action).where(not_archived(Action))
    if state_code:
        stmt = stmt.where(Action.state_code == state_code.upper())
    if status is not None:
        stmt = stmt.where(Action.status == status)
    if recommendation_id is not None:
        stmt = stmt.where(Action.id.in_(select(ActionRecommendation.action_id)
                                        .where(ActionRecommendation.recommendation_id == recommendation_id)))
    if responsible_organisation_id is not None:
        stmt = stmt.where(Action.responsible_organisation_id == responsible_organisation_id)
    page = paginate(session, stmt, params, [Sort(Action.id)])
    return Page[Any](items=action_reads(session, principal, page.items), total=page.total,
                     next_cursor=page.next_cursor)


def get_action(session: Session, action_id: int, *, for_update: bool = False) -> Action:
    """404 for an archived action too: it answers as a deleted one."""
    action = live_row(session, Action, action_id, for_update=for_update)
    if action is None:
        raise NotFound.entity("Action", action_id)
    return action


def writable_action(session: Session, principal: Principal, action_id: int) -> Action:
    """The action, locked for the write (404 when missing, 403 when of another state's plan)."""
    action = get_action(session, action_id, for_update=True)
    require_plan_write(principal, action.state_code, f"action {action.id}")
    return action


def _plan_state(session: Session, principal: Principal, state_code: str) -> str:
    require_plan_write(principal, state_code, "the action")
    if session.get(State, state_code) is None:
        raise InvalidInput(f"Unknown state {state_code}.", field="state_code")
    return state_code


def _check_responsible(session: Session, organisation_id: int | None, state_code: str) -> None:
    if organisation_id is None:
        return
    organisation = session.get(Organisation, organisation_id)
    if (organisation is None or not organisation.is_active or organisation.kind != OrganisationKind.government
            or organisation.state_code != state_code):
        raise InvalidInput(f"Organisation {organisation_id} is not an active government organisation of "
                           f"{state_code}.", field="responsible_organisation_id")


def check_recommendations(session: Session, ids: Sequence[int], state_code: str, field: str = "recommendations"
                          ) -> None:
    """Every id is a recommendation made to `state_code` (unknown ids are a 422, not a 404)."""
    if not ids:
        return
    states = dict(session.execute(select(Recommendation.id, Review.state_code)
                                  .join(Review, Review.id == Recommendation.review_id)
                                  .where(Recommendation.id.in_(list(ids)))).all())
    if unknown := [i for i in ids if i not in states]:
        raise InvalidInput(f"Unknown recommendation id(s): {', '.join(map(str, unknown))}.", field=field)
    if foreign := [i for i in ids if states[i] != state_code]:
        raise InvalidInput(f"Recommendation(s) {', '.join(map(str, foreign))} were not made to {state_code}.",
                           field=field)


def _cluster(session: Session, action: Action) -> list[ActionRecommendation]:
    return list(session.exec(select(ActionRecommendation).where(ActionRecommendation.action_id == action.id)))


def _replace_cluster(session: Session, action: Action, ids: list[int]) -> bool:
    current = {link.recommendation_id: link for link in _cluster(session, action)}
    for recommendation_id, link in current.items():
        if recommendation_id not in ids:
            session.delete(link)
    added = [ActionRecommendation(action_id=action.id, recommendation_id=i) for i in ids if i not in current]
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
    session.flush()
    return action


def update_action(session: Session, principal: Principal, action: Action, data: ActionUpdate) -> Action:
    """`action` comes from `writable_action`. The focal point and the cluster are checked when they change;
    moving the action to another state's plan re-checks both against that state and takes its indicators
    and milestones along (a focal point deactivated since does not block editing the rest). Posts about
    it stay as they are (see `_move_children`), so whether any exist never decides the answer."""
    state_code = data.state_code if data.state_code is not None else action.state_code
    moving = state_code != action.state_code
    if moving:
        _plan_state(session, principal, state_code)
    ordered(after_patch(action, data, "start_date"), after_patch(action, data, "end_date"),
            first_field="start_date", then_field="end_date")
    if moving or "responsible_organisation_id" in data.model_fields_set:
        _check_responsible(session, after_patch(action, data, "responsible_organisation_id"), state_code)
    if moving or data.recommendations is not None:
        cluster = data.recommendations if data.recommendations is not None else \
            [link.recommendation_id for link in _cluster(session, action)]
        check_recommendations(session, cluster, state_code)
    changed = patch(action, data, exclude={"recommendations"})
    if data.recommendations is not None and _replace_cluster(session, action, data.recommendations):
        touch(action)
    if moving:
        _move_children(session, action, state_code)
    if changed:
        session.add(action)
    session.flush()
    return action


def _move_children(session: Session, action: Action, state_code: str) -> None:
    """Indicators and milestones (archived ones too) follow the action. Posts do not: a progress update
    or evidence stays in the tracker of the state it was posted in, with the visibility its poster chose
    (moving it would show a `shared` post to another state's users)."""
    for row in [*session.exec(select(Indicator).where(Indicator.action_id == action.id)),
                *session.exec(select(Milestone).where(Milestone.action_id == action.id))]:
        row.state_code = state_code
        touch(row)


def _must_archive(session: Session, principal: Principal, action: Action) -> bool:
    """Whether anything the delete must not take refers to the action: any progress update about it or
    any evidence on its milestones, whoever posted it and whether or not the caller can see it, or
    another organisation's measurement on its indicators. Own posts count too, so that what the
    caller can see afterwards never tells the two outcomes apart."""
    milestone_ids = select(Milestone.id).where(Milestone.action_id == action.id)
    indicator_ids = select(Indicator.id).where(Indicator.action_id == action.id)
    return bool(session.scalar(select(or_(
        exists().where(ProgressUpdate.action_id == action.id),
        exists().where(Evidence.milestone_id.in_(milestone_ids)),
        exists().where(Measurement.indicator_id.in_(indicator_ids),
                       Measurement.organisation_id != principal.organisation_id)))))


def _archive(session: Session, action: Action) -> None:
    """The action and its milestones leave the plan; everything else stays as it is."""
    now = utcnow()
    for milestone in session.exec(select(Milestone).where(Milestone.action_id == action.id,
                                                          not_archived(Milestone))):
        milestone.archived_at = now
        session.add(milestone)
    action.archived_at = now
    session.add(action)
    session.flush()


def delete_action(session: Session, principal: Principal, action_id: int) -> None:
    """Archives the action when posts or other organisations' measurements refer to it (`_must_archive`);
    otherwise deletes it with its milestones, indicators (with the caller's measurements) and cluster, row
    by row through the ORM so every deleted row is audited. Either way the caller gets the same answer."""
    action = writable_action(session, principal, action_id)
    if _must_archive(session, principal, action):
        _archive(session, action)
        return
    indicator_ids = select(Indicator.id).where(Indicator.action_id == action.id)
    for stmt in (select(Measurement).where(Measurement.indicator_id.in_(indicator_ids)),
                 select(Milestone).where(Milestone.action_id == action.id),
                 select(Indicator).where(Indicator.action_id == action.id),
                 select(ActionRecommendation).where(ActionRecommendation.action_id == action.id)):
        for row in session.exec(stmt):
            session.delete(row)
        session.flush()
    session.delete(action)
    session.flush()
