"""HTTP for indicators; the rules are in `indicators_service`."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.auth.deps import CanWriteImplementation, Public
from api.core.pagination import Page
from api.core.types import StateCode
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.tracking.plans import indicators_service as service
from api.tracking.plans.filters import WithdrawnFilter
from api.tracking.plans.schemas import IndicatorCreate, IndicatorRead, IndicatorUpdate

indicators = APIRouter(prefix="/indicators", tags=["indicators"])


@indicators.get("", response_model=Page[IndicatorRead], operation_id="indicators.list", responses=error_responses(422))
def list_indicators(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
    action: Annotated[IdQuery, Query(description="Only the indicators of this action.")] = None,
    recommendation: Annotated[
        IdQuery, Query(description="The indicators of this recommendation and of the actions answering it.")
    ] = None,
    withdrawn: WithdrawnFilter = False,
) -> Page[IndicatorRead]:
    """Ordered by id, each with its latest value and progress toward the target (computed). Withdrawn
    indicators are left out; `withdrawn=true` lists only them."""
    return service.list_indicators(
        session, page, state_code=state, action_id=action, recommendation_id=recommendation, withdrawn=withdrawn
    )


@indicators.post(
    "",
    response_model=IndicatorRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="indicators.create",
    responses=error_responses(401, 403, 422),
)
def create_indicator(
    data: IndicatorCreate,
    session: SessionDep,
    principal: CanWriteImplementation,
    response: Response,
    idem: IdempotencyDep,
) -> IndicatorRead:
    """For exactly one action or recommendation of your own state (admins: any); the state follows from it."""
    indicator = service.create_indicator(session, principal, data)
    return idem.saved(with_etag(response, service.indicator_read(session, indicator)), response)


@indicators.get(
    "/{indicator_id}", response_model=IndicatorRead, operation_id="indicators.get", responses=error_responses(404, 422)
)
def get_indicator(indicator_id: IdPath, session: SessionDep, principal: Public, response: Response) -> IndicatorRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(response, service.indicator_read(session, service.get_indicator(session, indicator_id)))


@indicators.patch(
    "/{indicator_id}",
    response_model=IndicatorRead,
    operation_id="indicators.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_indicator(
    indicator_id: IdPath,
    data: IndicatorUpdate,
    session: SessionDep,
    principal: CanWriteImplementation,
    response: Response,
    if_match: RequiredIfMatch,
) -> IndicatorRead:
    """Send `If-Match` with the ETag you read, so a concurrent edit is a 412 rather than lost."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_indicator(session, principal, indicator_id),
        read=lambda indicator: service.indicator_read(session, indicator),
        change=lambda indicator: service.update_indicator(session, principal, indicator, data),
    )


@indicators.delete(
    "/{indicator_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="indicators.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_indicator(indicator_id: IdPath, session: SessionDep, principal: CanWriteImplementation) -> None:
    """Withdraws the indicator (kept with its measurements, out of the lists, read by id and in its
    history); refused (409) while another organisation's measurements are on it (they are theirs to
    withdraw), and for a withdrawn one."""
    service.delete_indicator(session, principal, indicator_id)
