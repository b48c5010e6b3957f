"""Coalition membership: the member organisations, which a lead invites and which join by accepting;
leads change roles and remove members, an organisation leaves by removing itself (the last lead stays),
and an organisation answers its own invitations. Leaving drops the organisation's working-group seats.
Services flush, never commit; every write goes through the ORM session, so the audit listener records it.
"""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from api.advocacy import policy
from api.advocacy.coalitions.coalitions_service import (
    CURRENT,
    coalition_organisation,
    get_member_coalition,
    get_writable_coalition,
)
from api.advocacy.coalitions.schemas import InvitationRead, MemberInvite, MemberRead, MemberUpdate
from api.advocacy.models import (
    Coalition,
    CoalitionMember,
    CoalitionRole,
    MembershipStatus,
    WorkingGroup,
    WorkingGroupMember,
)
from api.auth.principal import Principal
from api.auth.refs import organisation_refs
from api.core.errors import Conflict, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow


class AlreadyCoalitionMember(Conflict):
    slug, title = "already-coalition-member", "Already a member of the coalition"


# --- members ------------------------------------------------------------------------------------


def member_reads(session: Session, principal: Principal, rows: Sequence[CoalitionMember]) -> list[MemberRead]:
    refs = organisation_refs(
        session, principal, [*(m.organisation_id for m in rows), *(m.invited_by_organisation_id for m in rows)]
    )
    return [
        MemberRead(
            organisation=refs[m.organisation_id],
            role=m.role,
            status=m.status,
            invited_by=refs.get(m.invited_by_organisation_id) if m.invited_by_organisation_id is not None else None,
            invited_at=m.invited_at,
            decided_at=m.decided_at,
        )
        for m in rows
    ]


def list_members(session: Session, principal: Principal, params: PageParams, coalition_id: int) -> Page[MemberRead]:
    """The active member organisations, by organisation id (never by name: a pseudonym's order would
    betray the real name)."""
    get_member_coalition(session, principal, coalition_id)
    stmt = select(CoalitionMember).where(
        CoalitionMember.coalition_id == coalition_id, CoalitionMember.status == MembershipStatus.active
    )
    page = paginate(session, stmt, params, [Sort(CoalitionMember.organisation_id), Sort(CoalitionMember.id)])
    return Page[Any](items=member_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


def membership(session: Session, coalition_id: int, organisation_id: int) -> CoalitionMember | None:
    return session.exec(
        select(CoalitionMember).where(
            CoalitionMember.coalition_id == coalition_id, CoalitionMember.organisation_id == organisation_id
        )
    ).first()


def _current_membership(session: Session, coalition_id: int, organisation_id: int) -> CoalitionMember:
    member = membership(session, coalition_id, organisation_id)
    if member is None or member.status not in CURRENT:
        raise NotFound(f"Organisation {organisation_id} is not a member of coalition {coalition_id}.")
    return member


def invite_member(session: Session, principal: Principal, coalition_id: int, data: MemberInvite) -> CoalitionMember:
    """A lead invites an active CSO or NHRI; inviting an organisation that declined or left re-opens its
    invitation, inviting one already invited answers its invitation (with the role now asked)."""
    get_writable_coalition(session, principal, coalition_id)
    organisation = coalition_organisation(session, data.organisation_id, "organisation_id")
    member = membership(session, coalition_id, stored_id(organisation))
    if member is not None and member.status is MembershipStatus.active:
        raise AlreadyCoalitionMember(f"Organisation {data.organisation_id} is already a member of the coalition.")
    if member is None or member.status is not MembershipStatus.invited:  # new, or re-opened
        if member is None:
            member = CoalitionMember(coalition_id=coalition_id, organisation_id=stored_id(organisation))
        member.status = MembershipStatus.invited
        member.invited_by_organisation_id = principal.organisation_id
        member.invited_at = utcnow()
        member.decided_at = None
    member.role = data.role
    session.add(member)
    session.flush()
    return member


def update_member(
    session: Session, principal: Principal, coalition_id: int, organisation_id: int, data: MemberUpdate
) -> CoalitionMember:
    """Leads change a member's (or an invitation's) role; the last lead may not step down."""
    get_writable_coalition(session, principal, coalition_id)
    member = _current_membership(session, coalition_id, organisation_id)
    if (
        member.status is MembershipStatus.active
        and member.role is CoalitionRole.lead
        and data.role is not CoalitionRole.lead
    ):
        policy.require_other_lead(session, coalition_id, organisation_id)
    if member.role is not data.role:
        member.role = data.role
        session.add(member)
        session.flush()
    return member


def remove_member(session: Session, principal: Principal, coalition_id: int, organisation_id: int) -> None:
    """A lead removes a member (or withdraws an invitation); an organisation leaves by removing itself.
    Either way its status becomes `left` and its working-group memberships go; the last lead stays."""
    get_member_coalition(session, principal, coalition_id, for_update=True)
    if organisation_id != principal.organisation_id:
        policy.require_lead(session, principal, coalition_id)
    member = _current_membership(session, coalition_id, organisation_id)
    if member.status is MembershipStatus.active and member.role is CoalitionRole.lead:
        policy.require_other_lead(session, coalition_id, organisation_id)
    member.status = MembershipStatus.left
    member.decided_at = utcnow()
    session.add(member)
    _drop_group_seats(session, coalition_id, organisation_id)
    session.flush()


def _drop_group_seats(session: Session, coalition_id: int, organisation_id: int) -> None:
    """The organisation's rows in the coalition's working groups go (the coalition's row is locked: every
    working-group membership write locks it first, so none can slip one back in)."""
    group_ids = select(WorkingGroup.id).where(WorkingGroup.coalition_id == coalition_id)
    for row in session.exec(
        select(WorkingGroupMember).where(
            WorkingGroupMember.organisation_id == organisation_id,
            col(WorkingGroupMember.working_group_id).in_(group_ids),
        )
    ):
        session.delete(row)


# --- invitations --------------------------------------------------------------------------------


def invitation_reads(session: Session, principal: Principal, rows: Sequence[CoalitionMember]) -> list[InvitationRead]:
    coalitions = {
        stored_id(c): c
        for c in session.exec(select(Coalition).where(col(Coalition.id).in_(sorted({m.coalition_id for m in rows}))))
    }
    refs = organisation_refs(
        session, principal, [*(m.organisation_id for m in rows), *(m.invited_by_organisation_id for m in rows)]
    )
    return [
        InvitationRead(
            coalition_id=m.coalition_id,
            coalition_name=coalitions[m.coalition_id].name,
            state_code=coalitions[m.coalition_id].state_code,
            organisation=refs[m.organisation_id],
            role=m.role,
            status=m.status,
            invited_by=refs.get(m.invited_by_organisation_id) if m.invited_by_organisation_id is not None else None,
            invited_at=m.invited_at,
            decided_at=m.decided_at,
        )
        for m in rows
    ]


def list_invitations(session: Session, principal: Principal, params: PageParams) -> Page[InvitationRead]:
    """The caller's organisation's pending invitations (admins: every organisation's), newest first."""
    stmt = select(CoalitionMember).where(policy.visible_invitations(principal))
    page = paginate(
        session, stmt, params, [Sort(CoalitionMember.invited_at, descending=True), Sort(CoalitionMember.id, True)]
    )
    return Page[Any](
        items=invitation_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def answer_invitation(session: Session, principal: Principal, coalition_id: int, accept: bool) -> InvitationRead:
    """Accept (status `active`) or decline (`declined`) the caller's organisation's invitation. Answering
    again the same way changes nothing; with no pending invitation (nor that answer) it is a 404."""
    session.exec(select(Coalition.id).where(col(Coalition.id) == coalition_id).with_for_update()).first()
    member = (
        membership(session, coalition_id, principal.organisation_id) if principal.organisation_id is not None else None
    )
    answered = MembershipStatus.active if accept else MembershipStatus.declined
    if member is None or member.status not in (MembershipStatus.invited, answered):
        raise NotFound(f"Your organisation has no invitation from coalition {coalition_id}.")
    if member.status is MembershipStatus.invited:
        if accept:  # (re)joining starts with no working-group seat, whatever an old row says
            _drop_group_seats(session, coalition_id, member.organisation_id)
        member.status = answered
        member.decided_at = utcnow()
        session.add(member)
        session.flush()
    return invitation_reads(session, principal, [member])[0]
