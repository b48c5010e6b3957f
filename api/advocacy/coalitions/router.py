"""HTTP for coalitions, their members and invitations, and working groups; the rules are in `service`
and `api.advocacy.policy`."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.advocacy.coalitions import coalitions_service, memberships_service, working_groups_service
from api.advocacy.coalitions.schemas import (
    CoalitionCreate,
    CoalitionRead,
    CoalitionUpdate,
    GroupMemberWrite,
    InvitationRead,
    MemberInvite,
    MemberRead,
    MemberUpdate,
    WorkingGroupCreate,
    WorkingGroupRead,
    WorkingGroupUpdate,
)
from api.auth.deps import CanAnswerCoalitionInvitations, CanReadAdvocacy, CanWriteAdvocacy
from api.core.pagination import Page
from api.core.types import StateCode
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

coalitions = APIRouter(prefix="/advocacy/coalitions", tags=["coalitions"])
invitations = APIRouter(prefix="/advocacy/invitations", tags=["coalitions"])
working_groups = APIRouter(prefix="/advocacy/working-groups", tags=["working-groups"])


# --- coalitions ---------------------------------------------------------------------------------


@coalitions.get(
    "", response_model=Page[CoalitionRead], operation_id="coalitions.list", responses=error_responses(401, 403, 422)
)
def list_coalitions(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
) -> Page[CoalitionRead]:
    """The coalitions your organisation is an active member of or invited to (admins: all), oldest first, each
    with your membership and its counts of active members and working groups. A coalition that invited
    you shows only its name and state until you accept."""
    return coalitions_service.list_coalitions(session, principal, page, state_code=state)


@coalitions.post(
    "",
    response_model=CoalitionRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="coalitions.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_coalition(
    data: CoalitionCreate, session: SessionDep, principal: CanWriteAdvocacy, response: Response, idem: IdempotencyDep
) -> CoalitionRead:
    """Your organisation (a CSO or NHRI) founds the coalition and joins it as its active lead. Admins name
    `lead_organisation_id`."""
    coalition = coalitions_service.create_coalition(session, principal, data)
    return idem.saved(with_etag(response, coalitions_service.coalition_read(session, principal, coalition)), response)


@coalitions.get(
    "/{coalition_id}",
    response_model=CoalitionRead,
    operation_id="coalitions.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_coalition(
    coalition_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response
) -> CoalitionRead:
    """A coalition you are in (or invited to: name and state only). The `ETag` header is what `If-Match`
    expects on PATCH."""
    coalition = coalitions_service.get_coalition(session, principal, coalition_id)
    return with_etag(response, coalitions_service.coalition_read(session, principal, coalition))


@coalitions.patch(
    "/{coalition_id}",
    response_model=CoalitionRead,
    operation_id="coalitions.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_coalition(
    coalition_id: IdPath,
    data: CoalitionUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> CoalitionRead:
    """Leads rename or re-describe the coalition. Send `If-Match` with the ETag you read."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: coalitions_service.get_writable_coalition(session, principal, coalition_id),
        read=lambda coalition: coalitions_service.coalition_read(session, principal, coalition),
        change=lambda coalition: coalitions_service.update_coalition(session, coalition, data),
    )


@coalitions.delete(
    "/{coalition_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="coalitions.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_coalition(coalition_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """Leads delete a coalition that holds no working groups, contacts or outreach (409
    `coalition-not-empty` otherwise)."""
    coalitions_service.delete_coalition(session, principal, coalition_id)


# --- members ------------------------------------------------------------------------------------


@coalitions.get(
    "/{coalition_id}/members",
    response_model=Page[MemberRead],
    operation_id="coalitions.list_members",
    responses=error_responses(401, 403, 404, 422),
)
def list_members(
    coalition_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, page: PageDep
) -> Page[MemberRead]:
    """The coalition's active member organisations, by organisation id, pseudonymous ones under their
    public name."""
    return memberships_service.list_members(session, principal, page, coalition_id)


@coalitions.post(
    "/{coalition_id}/members",
    response_model=MemberRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="coalitions.invite_member",
    responses=error_responses(401, 403, 404, 409, 422),
)
def invite_member(
    coalition_id: IdPath, data: MemberInvite, session: SessionDep, principal: CanWriteAdvocacy, idem: IdempotencyDep
) -> MemberRead:
    """A lead invites an active CSO or NHRI; it joins once it accepts (`/advocacy/invitations`).
    Inviting one that declined or left re-opens its invitation; an active member is a 409
    `already-coalition-member`."""
    member = memberships_service.invite_member(session, principal, coalition_id, data)
    return idem.saved(memberships_service.member_reads(session, principal, [member])[0])


@coalitions.patch(
    "/{coalition_id}/members/{organisation_id}",
    response_model=MemberRead,
    operation_id="coalitions.update_member",
    responses=error_responses(401, 403, 404, 409, 422),
)
def update_member(
    coalition_id: IdPath, organisation_id: IdPath, data: MemberUpdate, session: SessionDep, principal: CanWriteAdvocacy
) -> MemberRead:
    """Leads change a member's role; the last lead cannot step down (409 `last-coalition-lead`)."""
    member = memberships_service.update_member(session, principal, coalition_id, organisation_id, data)
    return memberships_service.member_reads(session, principal, [member])[0]


@coalitions.delete(
    "/{coalition_id}/members/{organisation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="coalitions.remove_member",
    responses=error_responses(401, 403, 404, 409, 422),
)
def remove_member(
    coalition_id: IdPath, organisation_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy
) -> None:
    """A lead removes a member or withdraws an invitation; a member organisation leaves by removing
    itself. It then sees nothing of the coalition, and its working-group memberships go. The last lead
    cannot leave (409 `last-coalition-lead`)."""
    memberships_service.remove_member(session, principal, coalition_id, organisation_id)


# --- invitations --------------------------------------------------------------------------------


@invitations.get(
    "",
    response_model=Page[InvitationRead],
    operation_id="coalitions.list_invitations",
    responses=error_responses(401, 403, 422),
)
def list_coalition_invitations(
    session: SessionDep, principal: CanAnswerCoalitionInvitations, page: PageDep
) -> Page[InvitationRead]:
    """Your organisation's pending invitations (admins: every organisation's), newest first, each with
    the coalition's name and state and who invited you."""
    return memberships_service.list_invitations(session, principal, page)


@invitations.post(
    "/{coalition_id}/accept",
    response_model=InvitationRead,
    operation_id="coalitions.accept_invitation",
    responses=error_responses(401, 403, 404, 422),
)
def accept_coalition_invitation(
    coalition_id: IdPath, session: SessionDep, principal: CanAnswerCoalitionInvitations
) -> InvitationRead:
    """Your organisation joins the coalition (idempotent). Without an invitation: 404."""
    return memberships_service.answer_invitation(session, principal, coalition_id, accept=True)


@invitations.post(
    "/{coalition_id}/decline",
    response_model=InvitationRead,
    operation_id="coalitions.decline_invitation",
    responses=error_responses(401, 403, 404, 422),
)
def decline_coalition_invitation(
    coalition_id: IdPath, session: SessionDep, principal: CanAnswerCoalitionInvitations
) -> InvitationRead:
    """Your organisation declines (idempotent); a lead may invite it again. Without an invitation: 404."""
    return memberships_service.answer_invitation(session, principal, coalition_id, accept=False)


# --- working groups -----------------------------------------------------------------------------


@working_groups.get(
    "",
    response_model=Page[WorkingGroupRead],
    operation_id="working_groups.list",
    responses=error_responses(401, 403, 422),
)
def list_working_groups(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    coalition: Annotated[IdQuery, Query(description="Only the working groups of this coalition.")] = None,
    theme: Annotated[IdQuery, Query(description="Only the working groups on this theme.")] = None,
) -> Page[WorkingGroupRead]:
    """The working groups of your organisation's coalitions (admins: all), oldest first, with members
    and themes."""
    return working_groups_service.list_working_groups(session, principal, page, coalition_id=coalition, theme_id=theme)


@working_groups.post(
    "",
    response_model=WorkingGroupRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="working_groups.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_working_group(
    data: WorkingGroupCreate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    idem: IdempotencyDep,
) -> WorkingGroupRead:
    """A lead of the coalition creates a working group on some themes; add its members and co-chairs
    with PUT `/advocacy/working-groups/{id}/members/{organisation_id}`."""
    group = working_groups_service.create_working_group(session, principal, data)
    return idem.saved(
        with_etag(response, working_groups_service.working_group_read(session, principal, group)), response
    )


@working_groups.get(
    "/{working_group_id}",
    response_model=WorkingGroupRead,
    operation_id="working_groups.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_working_group(
    working_group_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response
) -> WorkingGroupRead:
    """A working group of one of your coalitions. The `ETag` header is what `If-Match` expects on PATCH."""
    group = working_groups_service.get_working_group(session, principal, working_group_id)
    return with_etag(response, working_groups_service.working_group_read(session, principal, group))


@working_groups.patch(
    "/{working_group_id}",
    response_model=WorkingGroupRead,
    operation_id="working_groups.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_working_group(
    working_group_id: IdPath,
    data: WorkingGroupUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> WorkingGroupRead:
    """The group's co-chairs and the coalition's leads edit it; `themes`, when given, replaces the set.
    Send `If-Match` with the ETag you read."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: working_groups_service.get_chaired_working_group(session, principal, working_group_id),
        read=lambda group: working_groups_service.working_group_read(session, principal, group),
        change=lambda group: working_groups_service.update_working_group(session, group, data),
    )


@working_groups.delete(
    "/{working_group_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="working_groups.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_working_group(working_group_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """The coalition's leads delete a group without briefs (409 `working-group-has-briefs` otherwise)."""
    working_groups_service.delete_working_group(session, principal, working_group_id)


@working_groups.put(
    "/{working_group_id}/members/{organisation_id}",
    response_model=WorkingGroupRead,
    operation_id="working_groups.put_member",
    responses=error_responses(401, 403, 404, 409, 422),
)
def put_group_member(
    working_group_id: IdPath,
    organisation_id: IdPath,
    data: GroupMemberWrite,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
) -> WorkingGroupRead:
    """Co-chairs and leads add an active member organisation of the coalition to the group (else 422 on
    `organisation_id`) or change whether it co-chairs; a third co-chair is a 409 `too-many-co-chairs`.
    Answers the group."""
    group = working_groups_service.put_group_member(session, principal, working_group_id, organisation_id, data)
    return with_etag(response, working_groups_service.working_group_read(session, principal, group))


@working_groups.delete(
    "/{working_group_id}/members/{organisation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="working_groups.remove_member",
    responses=error_responses(401, 403, 404, 422),
)
def remove_group_member(
    working_group_id: IdPath, organisation_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy
) -> None:
    """Co-chairs and leads remove an organisation from the group; an organisation may leave it itself."""
    working_groups_service.remove_group_member(session, principal, working_group_id, organisation_id)


routers: list[APIRouter] = [coalitions, invitations, working_groups]
