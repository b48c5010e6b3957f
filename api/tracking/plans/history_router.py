"""HTTP for the plan's public history; the rules are in `history` (who sees a row sees its history)."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.deps import Public
from api.core.pagination import Page
from api.core.types import StateCode, also_checked
from api.db import SessionDep
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.tracking.models import PlanChangeKind, PlanEntity
from api.tracking.plans import actions_service, indicators_service, measurements_service, milestones_service
from api.tracking.plans.history import feed_page, history_page
from api.tracking.plans.schemas import PlanChangeRead

history = APIRouter()
ERRORS = error_responses(404, 422)
# Every history: oldest first (the order the changes were made); each entry names the organisation that
# made it, never a person; a withdrawn row's ends with its withdrawal; a row the caller cannot see is a 404.


@history.get(
    "/actions/{action_id}/history",
    response_model=Page[PlanChangeRead],
    operation_id="actions.history",
    tags=["actions"],
    responses=ERRORS,
)
def action_history(action_id: IdPath, session: SessionDep, principal: Public, page: PageDep) -> Page[PlanChangeRead]:
    """How the action changed: created, changed (its cluster too), withdrawn; oldest first."""
    actions_service.get_action(session, action_id)
    return history_page(session, principal, PlanEntity.action, action_id, page)


@history.get(
    "/indicators/{indicator_id}/history",
    response_model=Page[PlanChangeRead],
    operation_id="indicators.history",
    tags=["indicators"],
    responses=ERRORS,
)
def indicator_history(
    indicator_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[PlanChangeRead]:
    """How the indicator changed: created, changed (baseline, target, owner), withdrawn; oldest first."""
    indicators_service.get_indicator(session, indicator_id)
    return history_page(session, principal, PlanEntity.indicator, indicator_id, page)


@history.get(
    "/indicators/{indicator_id}/measurements/{measurement_id}/history",
    response_model=Page[PlanChangeRead],
    operation_id="measurements.history",
    tags=["measurements"],
    responses=ERRORS,
)
def measurement_history(
    indicator_id: IdPath, measurement_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[PlanChangeRead]:
    """How the measurement changed: posted, corrected, withdrawn; oldest first."""
    measurements_service.get_measurement(session, indicator_id, measurement_id)
    return history_page(session, principal, PlanEntity.measurement, measurement_id, page)


@history.get(
    "/milestones/{milestone_id}/history",
    response_model=Page[PlanChangeRead],
    operation_id="milestones.history",
    tags=["milestones"],
    responses=ERRORS,
)
def milestone_history(
    milestone_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[PlanChangeRead]:
    """How the milestone changed (`due_date 2025-03-31 → 2027-03-31`), created to withdrawn; oldest first."""
    milestones_service.get_milestone(session, milestone_id)
    return history_page(session, principal, PlanEntity.milestone, milestone_id, page)


@history.get(
    "/plan-changes",
    response_model=Page[PlanChangeRead],
    operation_id="plan_changes.list",
    tags=["plan-changes"],
    responses=error_responses(422),
)
def plan_changes(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[
        StateCode,
        Query(
            json_schema_extra=also_checked("must name a state this API knows (see `/states`)"),
            description="ISO3 code of the state (any case).",
        ),
    ],
    entity: Annotated[PlanEntity | None, Query(description="Only the changes of this kind of row.")] = None,
    kind: Annotated[
        PlanChangeKind | None, Query(description="Only `created`, `changed` or `withdrawn` entries.")
    ] = None,
) -> Page[PlanChangeRead]:
    """Every change to a state's plan (actions, indicators, milestones, measurements), newest first: the
    entries of the rows' histories, each naming its row (`entity`, `entity_id`), for those who hold the
    government to account without knowing the ids (a withdrawn or rescheduled milestone is found here).
    Shown to everyone, as the rows are; rows archived before the history existed stay hidden."""
    return feed_page(session, principal, state, page, entity=entity, kind=kind)
