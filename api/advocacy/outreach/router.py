"""HTTP for mission contacts and the outreach log; the rules are in `contacts_service` and
`outreach_service`."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.advocacy.models import OutreachKind
from api.advocacy.outreach import contacts_service, outreach_service
from api.advocacy.outreach.schemas import (
    ContactCreate,
    ContactRead,
    ContactUpdate,
    OutreachCreate,
    OutreachRead,
    OutreachUpdate,
)
from api.auth.deps import CanReadAdvocacy, CanWriteAdvocacy
from api.core.pagination import Page
from api.core.types import Day, StateCode, also_checked
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

contacts = APIRouter(prefix="/advocacy/contacts", tags=["contacts"])
outreach = APIRouter(prefix="/advocacy/outreach", tags=["outreach"])


# --- contacts ------------------------------------------------------------------------------------


@contacts.get(
    "", response_model=Page[ContactRead], operation_id="contacts.list", responses=error_responses(401, 403, 422)
)
def list_contacts(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    coalition: Annotated[IdQuery, Query(description="Only this coalition's contacts.")] = None,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the mission's state (any case).")] = None,
) -> Page[ContactRead]:
    """The contacts of your coalitions, by state then id (another coalition's are in neither the items
    nor the `total`)."""
    return contacts_service.list_contacts(session, principal, page, coalition_id=coalition, state_code=state)


@contacts.post(
    "",
    response_model=ContactRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="contacts.create",
    responses=error_responses(401, 403, 404, 422),
)
def create_contact(
    data: ContactCreate, session: SessionDep, principal: CanWriteAdvocacy, response: Response, idem: IdempotencyDep
) -> ContactRead:
    """Any active member organisation of the coalition records a contact at a permanent mission or
    embassy; only the coalition sees it. A coalition you are not a member of is a 404."""
    contact = contacts_service.create_contact(session, principal, data)
    return idem.saved(with_etag(response, contacts_service.contact_read(contact)), response)


@contacts.get(
    "/{contact_id}",
    response_model=ContactRead,
    operation_id="contacts.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_contact(contact_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response) -> ContactRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(
        response, contacts_service.contact_read(contacts_service.get_contact(session, principal, contact_id))
    )


@contacts.patch(
    "/{contact_id}",
    response_model=ContactRead,
    operation_id="contacts.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_contact(
    contact_id: IdPath,
    data: ContactUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> ContactRead:
    """Send `If-Match` with the ETag you read (428 without, 412 when stale). Moving the contact to
    another state unlinks it from the outreach with the former state."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: contacts_service.get_contact(session, principal, contact_id, for_update=True),
        read=contacts_service.contact_read,
        change=lambda contact: contacts_service.update_contact(session, contact, data),
    )


@contacts.delete(
    "/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="contacts.delete",
    responses=error_responses(401, 403, 404, 422),
)
def delete_contact(contact_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """Forgets the contact; the outreach that named it stays in the log, without the link."""
    contacts_service.delete_contact(session, principal, contact_id)


# --- outreach ------------------------------------------------------------------------------------


@outreach.get(
    "", response_model=Page[OutreachRead], operation_id="outreach.list", responses=error_responses(401, 403, 422)
)
def list_outreach(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    coalition: Annotated[IdQuery, Query(description="Only this coalition's outreach.")] = None,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the target state (any case).")] = None,
    kind: Annotated[OutreachKind | None, Query(description="Only outreach of this kind.")] = None,
    brief: Annotated[IdQuery, Query(description="Only outreach where this brief was presented.")] = None,
    held_from: Annotated[Day | None, Query(description="Held on or after this day.")] = None,
    held_to: Annotated[
        Day | None,
        Query(
            description="Held on or before this day.", json_schema_extra=also_checked("must not be before `held_from`")
        ),
    ] = None,
) -> Page[OutreachRead]:
    """The outreach log of your coalitions, latest first (another coalition's is in neither the items
    nor the `total`)."""
    return outreach_service.list_outreach(
        session,
        principal,
        page,
        coalition_id=coalition,
        state_code=state,
        kind=kind,
        brief_id=brief,
        held_from=held_from,
        held_to=held_to,
    )


@outreach.get(
    "/follow-ups-due",
    response_model=Page[OutreachRead],
    operation_id="outreach.follow_ups_due",
    responses=error_responses(401, 403, 422),
)
def follow_ups_due(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    coalition: Annotated[IdQuery, Query(description="Only this coalition's outreach.")] = None,
    until: Annotated[Day | None, Query(description="Follow-ups due on or before this day; today by default.")] = None,
) -> Page[OutreachRead]:
    """Outreach whose follow-up is due (on or before `until`) and not done, oldest first. A PATCH with
    `follow_up_done: true` takes one off the list."""
    return outreach_service.follow_ups_due(session, principal, page, coalition_id=coalition, until=until)


@outreach.post(
    "",
    response_model=OutreachRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="outreach.create",
    responses=error_responses(401, 403, 404, 422),
)
def create_outreach(
    data: OutreachCreate, session: SessionDep, principal: CanWriteAdvocacy, response: Response, idem: IdempotencyDep
) -> OutreachRead:
    """Any active member organisation of the coalition logs a meeting, briefing, e-mail or event with a
    target state: not in the future, presenting only the coalition's briefs (else 422 naming `briefs`),
    with one of its contacts at a mission of that state. A coalition you are not a member of is a 404."""
    row = outreach_service.create_outreach(session, principal, data)
    return idem.saved(with_etag(response, outreach_service.outreach_read(session, row)), response)


@outreach.get(
    "/{outreach_id:int}",  # `:int`: never takes `follow-ups-due` for an id (a 405, not a 422)
    response_model=OutreachRead,
    operation_id="outreach.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_outreach(
    outreach_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response
) -> OutreachRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    row = outreach_service.get_outreach(session, principal, outreach_id)
    return with_etag(response, outreach_service.outreach_read(session, row))


@outreach.patch(
    "/{outreach_id:int}",  # `:int`: never takes `follow-ups-due` for an id (a 405, not a 422)
    response_model=OutreachRead,
    operation_id="outreach.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_outreach(
    outreach_id: IdPath,
    data: OutreachUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> OutreachRead:
    """Send `If-Match` with the ETag you read (428 without, 412 when stale). `briefs`, when given,
    replaces the briefs presented; `follow_up_done: true` marks the follow-up done."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: outreach_service.get_outreach(session, principal, outreach_id, for_update=True),
        read=lambda row: outreach_service.outreach_read(session, row),
        change=lambda row: outreach_service.update_outreach(session, row, data),
    )


@outreach.delete(
    "/{outreach_id:int}",  # `:int`: never takes `follow-ups-due` for an id (a 405, not a 422)
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="outreach.delete",
    responses=error_responses(401, 403, 404, 422),
)
def delete_outreach(outreach_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """Removes the entry from the log, with the list of briefs presented."""
    outreach_service.delete_outreach(session, principal, outreach_id)


routers: list[APIRouter] = [contacts, outreach]
