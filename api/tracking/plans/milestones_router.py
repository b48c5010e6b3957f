"""HTTP for milestones; the rules are in `milestones_service`."""

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
from api.tracking.models import MilestoneStatus
from api.tracking.plans import milestones_service as service
from api.tracking.plans.filters import WithdrawnFilter
from api.tracking.plans.schemas import MilestoneCreate, MilestoneRead, MilestoneUpdate

milestones = APIRouter(prefix="/milestones", tags=["milestones"])
StateFilter = Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")]


@milestones.get("", response_model=Page[MilestoneRead], operation_id="milestones.list", responses=error_responses(422))
def list_milestones(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: StateFilter = None,
    action: Annotated[IdQuery, Query(description="Only the milestones of this action.")] = None,
    status: Annotated[MilestoneStatus | None, Query(description="Only milestones with this status.")] = None,
    overdue: Annotated[bool | None, Query(description="Only overdue (true) or only not overdue (false) ones.")] = None,
    rescheduled: Annotated[
        bool | None, Query(description="Only those whose due date was ever moved later (true), or never (false).")
    ] = None,
    withdrawn: WithdrawnFilter = False,
) -> Page[MilestoneRead]:
    """Ordered by id. Withdrawn milestones are left out; `withdrawn=true` lists only them (each with
    `withdrawn_at`; `overdue` there says whether it was past due and open when it left)."""
    return service.list_milestones(
        session,
        page,
        state_code=state,
        action_id=action,
        status=status,
        overdue=overdue,
        rescheduled=rescheduled,
        withdrawn=withdrawn,
    )


# Declared before `/{milestone_id}`, which would otherwise take "overdue" for an id.
@milestones.get(
    "/overdue", response_model=Page[MilestoneRead], operation_id="milestones.overdue", responses=error_responses(422)
)
def list_overdue(
    session: SessionDep, principal: Public, page: PageDep, state: StateFilter = None
) -> Page[MilestoneRead]:
    """Milestones past their due date and neither done nor cancelled, the longest overdue first
    (by due date, then id)."""
    return service.list_overdue(session, page, state_code=state)


@milestones.post(
    "",
    response_model=MilestoneRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="milestones.create",
    responses=error_responses(401, 403, 422),
)
def create_milestone(
    data: MilestoneCreate,
    session: SessionDep,
    principal: CanWriteImplementation,
    response: Response,
    idem: IdempotencyDep,
) -> MilestoneRead:
    """For an action of your own state (admins: any); the state follows from the action."""
    milestone = service.create_milestone(session, principal, data)
    return idem.saved(with_etag(response, service.milestone_read(milestone)), response)


@milestones.get(
    "/{milestone_id:int}",
    response_model=MilestoneRead,
    operation_id="milestones.get",
    responses=error_responses(404, 422),
)
def get_milestone(milestone_id: IdPath, session: SessionDep, principal: Public, response: Response) -> MilestoneRead:
    """The `ETag` header is what `If-Match` expects on PATCH. A withdrawn milestone is read too, with
    `withdrawn_at` set."""
    return with_etag(response, service.milestone_read(service.get_milestone(session, milestone_id)))


@milestones.patch(
    "/{milestone_id:int}",
    response_model=MilestoneRead,
    operation_id="milestones.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_milestone(
    milestone_id: IdPath,
    data: MilestoneUpdate,
    session: SessionDep,
    principal: CanWriteImplementation,
    response: Response,
    if_match: RequiredIfMatch,
) -> MilestoneRead:
    """Send `If-Match` with the ETag you read, so a concurrent edit is a 412 rather than lost."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_milestone(session, principal, milestone_id),
        read=service.milestone_read,
        change=lambda milestone: service.update_milestone(session, principal, milestone, data),
    )


@milestones.delete(
    "/{milestone_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="milestones.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_milestone(milestone_id: IdPath, session: SessionDep, principal: CanWriteImplementation) -> None:
    """Withdraws the milestone from the plan: kept with its evidence, out of the lists and the overdue list,
    still read by id (with `withdrawn_at`) and listed in its history. A withdrawn one is a 409."""
    service.delete_milestone(session, principal, milestone_id)
