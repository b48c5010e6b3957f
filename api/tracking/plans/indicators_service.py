"""Indicators: what is measured for an action or directly for a recommendation.

The state is the owner's (the action's, or the recommendation's review's), never the client's say.
The latest value and the progress toward the target are computed from the measurements on every
read (`api.tracking.indicator_progress`), one grouped query per page. A delete withdraws the indicator
(kept, out of current views, in its history); one with another organisation's measurements is not
withdrawn by its government (both rules: `policy`).
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.cycle.models import Review
from api.recommendations.models import Recommendation
from api.tracking.indicator_progress import latest_measurements, progress, target_reached
from api.tracking.models import Action, ActionRecommendation, Direction, Indicator
from api.tracking.plans import history
from api.tracking.plans.edits import after_patch, ordered, patch
from api.tracking.plans.policy import (
    live_indicator,
    live_row,
    refuse_indicator_delete,
    require_current,
    require_plan_write,
    shown_row,
    withdrawn_indicator,
)
from api.tracking.plans.schemas import IndicatorCreate, IndicatorRead, IndicatorUpdate, IndicatorWrite
from api.tracking.rows import stored_id


def indicator_reads(session: Session, indicators: Sequence[Indicator]) -> list[IndicatorRead]:
    latest = latest_measurements(session, [stored_id(i) for i in indicators])
    reads = []
    for indicator in indicators:
        last = latest.get(stored_id(indicator))
        reads.append(
            IndicatorRead(
                **indicator.model_dump(),
                latest_value=last.value if last else None,
                latest_measured_on=last.measured_on if last else None,
                progress=progress(indicator, last),
                target_reached=target_reached(indicator, last),
            )
        )
    return reads


def indicator_read(session: Session, indicator: Indicator) -> IndicatorRead:
    return indicator_reads(session, [indicator])[0]


def list_indicators(
    session: Session,
    params: PageParams,
    *,
    state_code: str | None = None,
    action_id: int | None = None,
    recommendation_id: int | None = None,
    withdrawn: bool = False,
) -> Page[IndicatorRead]:
    """The current indicators, or with `withdrawn` only the withdrawn ones (an archived action's never)."""
    stmt = select(Indicator).where(withdrawn_indicator() if withdrawn else live_indicator())
    if state_code:
        stmt = stmt.where(Indicator.state_code == state_code.upper())
    if action_id is not None:
        stmt = stmt.where(Indicator.action_id == action_id)
    if recommendation_id is not None:
        answering = select(ActionRecommendation.action_id).where(  # archived ones: `live_indicator` above
            ActionRecommendation.recommendation_id == recommendation_id
        )
        stmt = stmt.where(
            or_(col(Indicator.recommendation_id) == recommendation_id, col(Indicator.action_id).in_(answering))
        )
    page = paginate(session, stmt, params, [Sort(Indicator.created_at), Sort(Indicator.id)])
    return Page[Any](items=indicator_reads(session, page.items), total=page.total, next_cursor=page.next_cursor)


def get_indicator(session: Session, indicator_id: int, *, for_update: bool = False) -> Indicator:
    """A withdrawn indicator too (with `withdrawn_at`); an archived action's is a 404, as a deleted one."""
    indicator = session.get(Indicator, indicator_id, with_for_update=for_update)
    if indicator is None or (
        indicator.action_id is not None and shown_row(session, Action, indicator.action_id) is None
    ):
        raise NotFound.entity("Indicator", indicator_id)
    return indicator


def get_writable_indicator(session: Session, principal: Principal, indicator_id: int) -> Indicator:
    indicator = get_indicator(session, indicator_id, for_update=True)
    require_plan_write(principal, indicator.state_code, f"indicator {indicator.id}")
    return require_current(indicator, f"indicator {indicator.id}")


def _owner_state(session: Session, principal: Principal, action_id: int | None, recommendation_id: int | None) -> str:
    """The state of the indicator's one owner, which the caller must be allowed to plan for."""
    if (action_id is None) == (recommendation_id is None):
        raise InvalidInput("Give exactly one of `action_id` and `recommendation_id`.", field="action_id")
    if action_id is not None:
        action = live_row(session, Action, action_id)
        if action is None:
            raise InvalidInput(f"Action {action_id} does not exist.", field="action_id")
        state_code, what = action.state_code, f"action {action_id}"
    else:
        found = session.exec(
            select(Review.state_code)
            .join(Recommendation, col(Recommendation.review_id) == col(Review.id))
            .where(Recommendation.id == recommendation_id)
        ).first()
        if found is None:
            raise InvalidInput(f"Recommendation {recommendation_id} does not exist.", field="recommendation_id")
        state_code, what = found, f"recommendation {recommendation_id}"
    require_plan_write(principal, state_code, what)
    return state_code


def _check_values(indicator: Indicator | None, data: IndicatorWrite) -> None:
    """A target on the wrong side of the baseline would make progress run backwards."""

    def value(field: str) -> Any:
        return getattr(data, field) if indicator is None else after_patch(indicator, data, field)

    ordered(value("baseline_date"), value("target_date"), first_field="baseline_date", then_field="target_date")
    baseline, target, direction = value("baseline_value"), value("target_value"), value("direction")
    if baseline is None or target is None or direction is None:
        return
    if Direction(direction) is Direction.increase and not target > baseline:
        raise InvalidInput(
            f"An `increase` indicator needs a target above its baseline ({target} ≤ {baseline}).", field="target_value"
        )
    if Direction(direction) is Direction.decrease and not target < baseline:
        raise InvalidInput(
            f"A `decrease` indicator needs a target below its baseline ({target} ≥ {baseline}).", field="target_value"
        )


def create_indicator(session: Session, principal: Principal, data: IndicatorCreate) -> Indicator:
    state_code = _owner_state(session, principal, data.action_id, data.recommendation_id)
    _check_values(None, data)
    indicator = Indicator(**data.model_dump(), state_code=state_code)
    session.add(indicator)
    session.flush()
    history.created(session, principal, indicator)
    session.flush()
    return indicator


def update_indicator(session: Session, principal: Principal, indicator: Indicator, data: IndicatorUpdate) -> Indicator:
    """`indicator` comes from `get_writable_indicator`; a new owner must be one the caller plans for too."""
    state_code = indicator.state_code
    if {"action_id", "recommendation_id"} & data.model_fields_set:
        state_code = _owner_state(
            session,
            principal,
            after_patch(indicator, data, "action_id"),
            after_patch(indicator, data, "recommendation_id"),
        )
    _check_values(indicator, data)
    moved = {"state_code": (indicator.state_code, state_code)}
    indicator.state_code = state_code
    patch(session, principal, indicator, data, also=moved)
    session.add(indicator)
    session.flush()
    return indicator


def delete_indicator(session: Session, principal: Principal, indicator_id: int) -> None:
    """Withdraws it, its measurements kept under it (another organisation's current ones refuse the
    delete: `policy.refuse_indicator_delete`)."""
    indicator = get_writable_indicator(session, principal, indicator_id)
    refuse_indicator_delete(session, principal, indicator)
    history.withdraw(session, principal, indicator)
    session.flush()
