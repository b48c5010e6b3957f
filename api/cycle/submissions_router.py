"""HTTP for stakeholder submissions; every read goes through the pseudonym rule of the service."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.auth.deps import CanWriteSubmissions, Public
from api.core.pagination import Page
from api.core.types import StateCode
from api.cycle import submissions_service as service
from api.cycle.schemas import SubmissionCreate, SubmissionRead, SubmissionUpdate
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

submissions = APIRouter(prefix="/submissions", tags=["submissions"])


@submissions.get(
    "", response_model=Page[SubmissionRead], operation_id="submissions.list", responses=error_responses(422)
)
def list_submissions(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    review: Annotated[IdQuery, Query(description="Review id.")] = None,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state under review (any case).")] = None,
    theme: Annotated[IdQuery, Query(description="Theme id.")] = None,
    organisation: Annotated[IdQuery, Query(description="Id of an organisation among the parties.")] = None,
    cited_in_summary: bool | None = None,
) -> Page[SubmissionRead]:
    """Ordered by id. Pseudonymous organisations appear under their public name (real name: admins and members)."""
    return service.list_submissions(
        session,
        principal,
        page,
        review_id=review,
        state_code=state,
        theme_id=theme,
        organisation_id=organisation,
        cited_in_summary=cited_in_summary,
    )


@submissions.get(
    "/{submission_id}",
    response_model=SubmissionRead,
    operation_id="submissions.get",
    responses=error_responses(404, 422),
)
def get_submission(submission_id: IdPath, session: SessionDep, principal: Public, response: Response) -> SubmissionRead:
    submission = service.get_submission(session, submission_id)
    return with_etag(response, service.submission_read(session, principal, submission))


@submissions.post(
    "",
    response_model=SubmissionRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="submissions.create",
    responses=error_responses(401, 403, 422),
)
def create_submission(
    data: SubmissionCreate, session: SessionDep, principal: CanWriteSubmissions, idem: IdempotencyDep
) -> SubmissionRead:
    """NHRIs and CSOs submit for reviews of their own state; admins for any."""
    return idem.saved(service.submission_read(session, principal, service.create_submission(session, principal, data)))


@submissions.patch(
    "/{submission_id}",
    response_model=SubmissionRead,
    operation_id="submissions.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_submission(
    submission_id: IdPath,
    data: SubmissionUpdate,
    session: SessionDep,
    principal: CanWriteSubmissions,
    response: Response,
    if_match: IfMatch = None,
) -> SubmissionRead:
    """`parties` and `themes`, when given, replace the current ones."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_submission(session, submission_id, for_update=True),
        read=lambda submission: service.submission_read(session, principal, submission),
        change=lambda submission: service.update_submission(session, principal, submission, data),
    )


@submissions.delete(
    "/{submission_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="submissions.delete",
    responses=error_responses(401, 403, 404),
)
def delete_submission(submission_id: IdPath, session: SessionDep, principal: CanWriteSubmissions) -> None:
    service.delete_submission(session, principal, submission_id)
