"""HTTP for targets and their suggestions; the rules are in `service`."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.advocacy.targets import service
from api.advocacy.targets.schemas import TargetCreate, TargetRead, TargetSuggestions, TargetUpdate
from api.auth.deps import CanReadAdvocacy, CanWriteAdvocacy
from api.core.pagination import Page
from api.core.types import StateCode
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

suggestions = APIRouter(prefix="/advocacy/briefs", tags=["targets"])
targets = APIRouter(prefix="/advocacy/targets", tags=["targets"])


@suggestions.get(
    "/{brief_id}/target-suggestions",
    response_model=TargetSuggestions,
    operation_id="targets.suggest",
    responses=error_responses(401, 403, 404, 422),
)
def suggest_targets(
    brief_id: IdPath,
    session: SessionDep,
    principal: CanReadAdvocacy,
    limit: Annotated[int, Query(ge=1, le=200, description="States in each of the two lists, at most.")] = 20,
) -> TargetSuggestions:
    """States that made recommendations on the brief's themes (and the themes under them), from the
    champion finder: those that made some to the brief's state under review, and those that made them
    only to others, each with how often they were supported, a one-line `reason` and whether it is
    already a target. The state under review is never suggested. A brief without themes is a 422
    (`brief-without-themes`). The brief's coalition's only, even once the brief is published."""
    return service.target_suggestions(session, principal, brief_id, limit)


@targets.get("", response_model=Page[TargetRead], operation_id="targets.list", responses=error_responses(401, 403, 422))
def list_targets(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    brief: Annotated[IdQuery, Query(description="Only the targets of this brief.")] = None,
    coalition: Annotated[IdQuery, Query(description="Only the targets of this coalition's briefs.")] = None,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the target state (any case).")] = None,
) -> Page[TargetRead]:
    """The targets of your coalitions' briefs, by brief then id (another coalition's are in neither the
    items nor the `total`)."""
    return service.list_targets(session, principal, page, brief_id=brief, coalition_id=coalition, state_code=state)


@targets.post(
    "",
    response_model=TargetRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="targets.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_target(
    data: TargetCreate, session: SessionDep, principal: CanWriteAdvocacy, response: Response, idem: IdempotencyDep
) -> TargetRead:
    """Members of the brief's working group (and the coalition's leads) choose a target state for the
    brief, saying why; one per brief and state (409 `target-exists`). A brief not of your coalitions
    is a 404; the state under review is a 422."""
    target = service.create_target(session, principal, data)
    return idem.saved(with_etag(response, service.target_read(session, target)), response)


@targets.get(
    "/{target_id}", response_model=TargetRead, operation_id="targets.get", responses=error_responses(401, 403, 404, 422)
)
def get_target(target_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response) -> TargetRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(response, service.target_read(session, service.get_target(session, principal, target_id)))


@targets.patch(
    "/{target_id}",
    response_model=TargetRead,
    operation_id="targets.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_target(
    target_id: IdPath,
    data: TargetUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> TargetRead:
    """Changes why the group chose the state. Send `If-Match` with the ETag you read (428 without, 412
    when stale)."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_target(session, principal, target_id),
        read=lambda target: service.target_read(session, target),
        change=lambda target: service.update_target(session, target, data),
    )


@targets.delete(
    "/{target_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="targets.delete",
    responses=error_responses(401, 403, 404, 422),
)
def delete_target(target_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """Drops the state from the brief's targets (the outreach log keeps what was done)."""
    service.delete_target(session, principal, target_id)


routers: list[APIRouter] = [suggestions, targets]
