"""Coalitions: founding one (its lead organisation joins as its first active lead), reading, editing and
deleting it, and loading it for the other parts of the package. Who sees and changes what is
`api.advocacy.policy`'s: a coalition's rows are read by its active members (and admins) and nobody
else, in SQL; an invited organisation sees the coalition's name and state (to decide whether to join)
and nothing else of it. Services flush, never commit; every write goes through the ORM session, so
the audit listener records it.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.advocacy import links, policy
from api.advocacy.coalitions.schemas import CoalitionCreate, CoalitionRead, CoalitionUpdate, Membership
from api.advocacy.models import (
    Coalition,
    CoalitionMember,
    CoalitionRole,
    MembershipStatus,
    MissionContact,
    Outreach,
    WorkingGroup,
)
from api.auth.models import Organisation
from api.auth.principal import Principal
from api.auth.refs import organisation_refs
from api.core.errors import Conflict, InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes

CURRENT = (MembershipStatus.active, MembershipStatus.invited)  # a membership row that still counts


class CoalitionNotEmpty(Conflict):
    slug, title = "coalition-not-empty", "The coalition still holds work"


# --- organisations, as the caller may name them -------------------------------------------------


def coalition_organisation(session: Session, organisation_id: int | None, field: str) -> Organisation:
    """An active CSO or NHRI named in a body (anything else: a 422 naming the field)."""
    organisation = session.get(Organisation, organisation_id) if organisation_id is not None else None
    if organisation is None or not policy.active_cso_or_nhri(organisation):
        raise InvalidInput(f"Organisation {organisation_id} is not an active CSO or NHRI.", field=field)
    return organisation


# --- coalitions ---------------------------------------------------------------------------------


def coalition_reads(session: Session, principal: Principal, coalitions: Sequence[Coalition]) -> list[CoalitionRead]:
    """Read shapes for a page, in a fixed number of queries."""
    ids = [stored_id(c) for c in coalitions]
    mine: dict[int, CoalitionMember] = {}
    if principal.organisation_id is not None:
        mine = {
            m.coalition_id: m
            for m in session.exec(
                select(CoalitionMember).where(
                    col(CoalitionMember.coalition_id).in_(ids),
                    CoalitionMember.organisation_id == principal.organisation_id,
                )
            )
        }
    members: dict[int, int] = {
        coalition_id: n
        for coalition_id, n in session.execute(
            select(CoalitionMember.coalition_id, func.count())
            .where(col(CoalitionMember.coalition_id).in_(ids), CoalitionMember.status == MembershipStatus.active)
            .group_by(col(CoalitionMember.coalition_id))
        )
    }
    groups: dict[int, int] = {
        coalition_id: n
        for coalition_id, n in session.execute(
            select(WorkingGroup.coalition_id, func.count())
            .where(col(WorkingGroup.coalition_id).in_(ids))
            .group_by(col(WorkingGroup.coalition_id))
        )
    }
    founders = organisation_refs(session, principal, (c.created_by_organisation_id for c in coalitions))
    reads = []
    for c in coalitions:
        coalition_id = stored_id(c)
        own = mine.get(coalition_id)
        membership = Membership(status=own.status, role=own.role) if own and own.status in CURRENT else None
        if policy.sees_name_only(principal, membership.status if membership else None):
            reads.append(
                CoalitionRead(
                    id=coalition_id,
                    name=c.name,
                    state_code=c.state_code,
                    description=None,
                    membership=membership,
                    created_by=None,
                    member_count=None,
                    working_group_count=None,
                    created_at=None,
                    updated_at=None,
                )
            )
            continue
        reads.append(
            CoalitionRead(
                id=coalition_id,
                name=c.name,
                state_code=c.state_code,
                description=c.description,
                membership=membership,
                created_by=founders.get(c.created_by_organisation_id),
                member_count=members.get(coalition_id, 0),
                working_group_count=groups.get(coalition_id, 0),
                created_at=c.created_at,
                updated_at=c.updated_at,
            )
        )
    return reads


def coalition_read(session: Session, principal: Principal, coalition: Coalition) -> CoalitionRead:
    return coalition_reads(session, principal, [coalition])[0]


def list_coalitions(
    session: Session, principal: Principal, params: PageParams, *, state_code: str | None = None
) -> Page[CoalitionRead]:
    stmt = select(Coalition).where(policy.visible_coalitions(principal))
    if state_code:
        stmt = stmt.where(Coalition.state_code == state_code.upper())
    page = paginate(session, stmt, params, [Sort(Coalition.created_at), Sort(Coalition.id)])
    return Page[Any](
        items=coalition_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_coalition(session: Session, principal: Principal, coalition_id: int) -> Coalition:
    """A coalition the caller is in or invited to; else a 404 identical to a missing id."""
    coalition: Coalition = policy.get_visible(
        session, Coalition, coalition_id, policy.visible_coalitions(principal), "Coalition"
    )
    return coalition


def get_member_coalition(
    session: Session, principal: Principal, coalition_id: int, *, for_update: bool = False
) -> Coalition:
    """A coalition the caller's organisation is an active member of (admins: any); locked for a write,
    so two concurrent changes of its membership are judged one after the other."""
    coalition: Coalition = policy.get_visible(
        session, Coalition, coalition_id, policy.coalition_rows(principal), "Coalition", for_update=for_update
    )
    return coalition


def get_writable_coalition(session: Session, principal: Principal, coalition_id: int) -> Coalition:
    coalition = get_member_coalition(session, principal, coalition_id, for_update=True)
    policy.require_lead(session, principal, coalition_id)
    return coalition


def create_coalition(session: Session, principal: Principal, data: CoalitionCreate) -> Coalition:
    """The caller's organisation (admins: `lead_organisation_id`) founds it and joins as its active lead."""
    if principal.is_admin:
        if data.lead_organisation_id is None:
            raise InvalidInput(
                "Admins must name the coalition's lead organisation (an active CSO or NHRI).",
                field="lead_organisation_id",
            )
        lead = coalition_organisation(session, data.lead_organisation_id, "lead_organisation_id")
    else:
        if data.lead_organisation_id is not None and data.lead_organisation_id != principal.organisation_id:
            raise InvalidInput(
                "Only admins found a coalition for another organisation; leave `lead_organisation_id` out.",
                field="lead_organisation_id",
            )
        # The gate (`CanWriteAdvocacy`) lets in only CSO and NHRI people: their own organisation founds it.
        lead = session.get_one(Organisation, principal.organisation_id)
    state_code = links.require_existing_state(session, data.state_code or lead.state_code)
    coalition = Coalition(
        name=data.name, description=data.description, state_code=state_code, created_by_organisation_id=stored_id(lead)
    )
    session.add(coalition)
    session.flush()
    session.add(
        CoalitionMember(
            coalition_id=stored_id(coalition),
            organisation_id=stored_id(lead),
            role=CoalitionRole.lead,
            status=MembershipStatus.active,
            decided_at=utcnow(),
        )
    )
    session.flush()
    return coalition


def update_coalition(session: Session, coalition: Coalition, data: CoalitionUpdate) -> Coalition:
    """`coalition` comes from `get_writable_coalition`."""
    before = coalition.model_dump(include={"name", "description"})
    apply_changes(coalition, data)
    if coalition.model_dump(include={"name", "description"}) != before:
        coalition.updated_at = utcnow()
        session.add(coalition)
        session.flush()
    return coalition


def delete_coalition(session: Session, principal: Principal, coalition_id: int) -> None:
    """Leads delete an empty coalition: its working groups, contacts and outreach go first (a 409 while
    any is left). Its membership rows go with it."""
    coalition = get_writable_coalition(session, principal, coalition_id)
    held = [
        what
        for what, model in (("working groups", WorkingGroup), ("contacts", MissionContact), ("outreach", Outreach))
        if session.exec(select(model.id).where(model.coalition_id == coalition_id)).first() is not None
    ]
    if held:
        raise CoalitionNotEmpty(f"The coalition still has {', '.join(held)}; delete them first.")
    for member in session.exec(select(CoalitionMember).where(CoalitionMember.coalition_id == coalition_id)):
        session.delete(member)
    session.flush()
    session.delete(coalition)
    session.flush()
