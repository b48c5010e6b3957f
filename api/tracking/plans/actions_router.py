"""HTTP for actions; the rules are in `actions_service`."""

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
from api.tracking.models import ActionStatus
from api.tracking.plans import actions_service as service
from api.tracking.plans.filters import WithdrawnFilter
from api.tracking.plans.schemas import ActionCreate, ActionRead, ActionUpdate

actions = APIRouter(prefix="/actions", tags=["actions"])


@actions.get("", response_model=Page[ActionRead], operation_id="actions.list", responses=error_responses(422))
def list_actions(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
    status: Annotated[ActionStatus | None, Query(description="Only actions with this status.")] = None,
    recommendation: Annotated[IdQuery, Query(description="Only actions answering this recommendation.")] = None,
    responsible_organisation: Annotated[IdQuery, Query(description="Id of the responsible organisation.")] = None,
    withdrawn: WithdrawnFilter = False,
) -> Page[ActionRead]:
    """The plan's actions, ordered by id, each with its cluster of recommendations and its indicator,
    milestone and overdue-milestone counts. Withdrawn actions are left out; `withdrawn=true` lists only them."""
    return service.list_actions(
        session,
        principal,
        page,
        state_code=state,
        status=status,
        recommendation_id=recommendation,
        responsible_organisation_id=responsible_organisation,
        withdrawn=withdrawn,
    )


@actions.post(
    "",
    response_model=ActionRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="actions.create",
    responses=error_responses(401, 403, 422),
)
def create_action(
    data: ActionCreate, session: SessionDep, principal: CanWriteImplementation, response: Response, idem: IdempotencyDep
) -> ActionRead:
    """Governments plan for their own state (admins for any): the focal point must be an active government
    organisation of that state and every recommendation of the cluster one made to it."""
    action = service.create_action(session, principal, data)
    return idem.saved(with_etag(response, service.action_read(session, principal, action)), response)


@actions.get("/{action_id}", response_model=ActionRead, operation_id="actions.get", responses=error_responses(404, 422))
def get_action(action_id: IdPath, session: SessionDep, principal: Public, response: Response) -> ActionRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(response, service.action_read(session, principal, service.get_action(session, action_id)))


@actions.patch(
    "/{action_id}",
    response_model=ActionRead,
    operation_id="actions.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_action(
    action_id: IdPath,
    data: ActionUpdate,
    session: SessionDep,
    principal: CanWriteImplementation,
    response: Response,
    if_match: RequiredIfMatch,
) -> ActionRead:
    """Send `If-Match` with the ETag you read, so a concurrent edit is a 412 rather than lost.
    `recommendations`, when given, replaces the cluster."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_action(session, principal, action_id),
        read=lambda action: service.action_read(session, principal, action),
        change=lambda action: service.update_action(session, principal, action, data),
    )


@actions.delete(
    "/{action_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="actions.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_action(action_id: IdPath, session: SessionDep, principal: CanWriteImplementation) -> None:
    """Withdraws the action from the plan with its milestones and indicators: kept, out of the lists
    and counts, still read by id (with `withdrawn_at`) and listed in their histories. Posts about it and
    measurements stay as they are. A withdrawn action is a 409."""
    service.delete_action(session, principal, action_id)
