"""HTTP for stakeholder submissions; every read goes through the pseudonym and consent rules of the
service. An organisation named by another answers its invitation here."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.auth.deps import CanAnswerSubmissionInvitations, CanWriteSubmissions, Public
from api.core.pagination import Page
from api.core.types import StateCode
from api.cycle import submissions_service as service
from api.cycle.models import PartyConsent
from api.cycle.schemas import SubmissionCreate, SubmissionInvitationRead, SubmissionRead, SubmissionUpdate
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
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
    cited_in_summary: Annotated[
        bool | None, Query(description="Only submissions cited (true) or not cited (false) in the OHCHR summary.")
    ] = None,
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
    "/invitations",
    response_model=Page[SubmissionInvitationRead],
    operation_id="submissions.list_invitations",
    responses=error_responses(401, 403, 422),
)
def list_invitations(
    session: SessionDep,
    principal: CanAnswerSubmissionInvitations,
    page: PageDep,
    consent: Annotated[PartyConsent | None, Query(description="Only invitations in this state.")] = None,
    submission: Annotated[IdQuery, Query(description="Submission id.")] = None,
) -> Page[SubmissionInvitationRead]:
    """Every party naming your organisation (admins: any organisation), newest first: `invited` ones
    await your answer; accepted and declined ones you may change."""
    return service.list_invitations(session, principal, page, consent=consent, submission_id=submission)


@submissions.post(
    "/{submission_id}/parties/{party_id}/accept",
    response_model=SubmissionInvitationRead,
    operation_id="submissions.accept_invitation",
    responses=error_responses(401, 403, 404, 422),
)
def accept_invitation(
    submission_id: IdPath, party_id: IdPath, session: SessionDep, principal: CanAnswerSubmissionInvitations
) -> SubmissionInvitationRead:
    """Your organisation agrees to be shown as this party (idempotent; a declined party may accept later)."""
    return service.answer_invitation(session, principal, submission_id, party_id, PartyConsent.accepted)


@submissions.post(
    "/{submission_id}/parties/{party_id}/decline",
    response_model=SubmissionInvitationRead,
    operation_id="submissions.decline_invitation",
    responses=error_responses(401, 403, 404, 422),
)
def decline_invitation(
    submission_id: IdPath, party_id: IdPath, session: SessionDep, principal: CanAnswerSubmissionInvitations
) -> SubmissionInvitationRead:
    """Your organisation is not shown as this party (idempotent; also withdraws an accepted party)."""
    return service.answer_invitation(session, principal, submission_id, party_id, PartyConsent.declined)


@submissions.get(
    "/{submission_id:int}",
    response_model=SubmissionRead,
    operation_id="submissions.get",
    responses=error_responses(404, 422),
)
def get_submission(submission_id: IdPath, session: SessionDep, principal: Public, response: Response) -> SubmissionRead:
    """One stakeholder submission with its parties and themes. Public; a registered organisation is named as a party
    only once it consented."""
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
    "/{submission_id:int}",
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
    if_match: RequiredIfMatch,
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
    "/{submission_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="submissions.delete",
    responses=error_responses(401, 403, 404),
)
def delete_submission(submission_id: IdPath, session: SessionDep, principal: CanWriteSubmissions) -> None:
    """Delete a submission: admins, or an NHRI or CSO of the reviewed state that signed it."""
    service.delete_submission(session, principal, submission_id)
