"""Who sees and changes what in the advocacy workspace: the one place these rules live.

CSOs who prepare a review face reprisals, so everything a coalition writes is its own: it is read by
the coalition's active member organisations (and admins) and by nobody else — absent from lists,
counts and exports, a 404 by id — except a brief once published, which everyone may read. A reprisal
incident is its organisation's (and admins'), unless the organisation shares it with the NHRI of the
incident's state. Every clause here is SQL, so services filter before they count or page.
"""

from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, true
from sqlmodel import Session, col, select

from api.advocacy.models import (
    Brief,
    BriefStatus,
    BriefTarget,
    Coalition,
    CoalitionMember,
    CoalitionRole,
    MembershipStatus,
    ReprisalIncident,
    WorkingGroup,
    WorkingGroupMember,
)
from api.auth.models import Organisation, OrganisationKind
from api.auth.permissions import Permission, Scope
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden, NotFound

# Organisations that may found or join a coalition, and record reprisal incidents.
COALITION_KINDS = frozenset({OrganisationKind.cso, OrganisationKind.nhri})


class NotCoalitionLead(Forbidden):
    slug, title = "not-coalition-lead", "Not a lead of the coalition"


class NotWorkingGroupMember(Forbidden):
    slug, title = "not-working-group-member", "Not a member of the working group"


class NotCoChair(Forbidden):
    slug, title = "not-co-chair", "Not a co-chair of the working group"


class NotIncidentRecorder(Forbidden):
    slug, title = "not-incident-recorder", "Not the organisation that recorded the incident"


class LastCoalitionLead(Conflict):
    slug, title = "last-coalition-lead", "The coalition's last lead"


class TooManyCoChairs(Conflict):
    slug, title = "too-many-co-chairs", "Too many co-chairs"


MAX_CO_CHAIRS = 2  # a working group's co-chairs, as coalitions run them


def member_coalition_ids(principal: Principal) -> Any:
    """The coalitions the caller's organisation is an active member of (a subquery)."""
    return select(CoalitionMember.coalition_id).where(
        CoalitionMember.organisation_id == principal.organisation_id,
        CoalitionMember.status == MembershipStatus.active,
    )


def lead_coalition_ids(principal: Principal) -> Any:
    return member_coalition_ids(principal).where(col(CoalitionMember.role) == CoalitionRole.lead)


def member_of(principal: Principal, coalition_id_column: Any) -> ColumnElement[bool]:
    """Rows of a coalition the caller belongs to (admins: every row). Anonymous callers: none."""
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return false()
    return col(coalition_id_column).in_(member_coalition_ids(principal))


def visible_coalitions(principal: Principal) -> ColumnElement[bool]:
    """A coalition is seen by its active members, and by an organisation it invited (to answer)."""
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return false()
    return col(Coalition.id).in_(
        select(CoalitionMember.coalition_id).where(
            CoalitionMember.organisation_id == principal.organisation_id,
            col(CoalitionMember.status).in_([MembershipStatus.active, MembershipStatus.invited]),
        )
    )


def coalition_rows(principal: Principal) -> ColumnElement[bool]:
    """Working groups, contacts, outreach: rows with a `coalition_id` the caller's coalitions own.
    Use as `member_of(principal, Model.coalition_id)`; this is the Coalition table's own form."""
    return member_of(principal, Coalition.id)


def sees_name_only(principal: Principal, own_status: MembershipStatus | None) -> bool:
    """An organisation a coalition invited (`own_status`, not yet in) sees its name and state, to decide
    whether to join, and nothing else of it (no description, founder, counts or dates); admins see all."""
    return own_status is MembershipStatus.invited and not principal.is_admin


def visible_invitations(principal: Principal) -> ColumnElement[bool]:
    """Pending invitations (`CoalitionMember` rows still `invited`): the invited organisation's own, and
    admins' every one. Anonymous callers: none."""
    pending = col(CoalitionMember.status) == MembershipStatus.invited
    if principal.is_admin:
        return pending
    if principal.organisation_id is None:
        return false()
    return and_(pending, col(CoalitionMember.organisation_id) == principal.organisation_id)


def active_cso_or_nhri(organisation: Organisation | None) -> bool:
    """An organisation that may found or join a coalition, and record reprisal incidents: an active CSO or
    NHRI (the kinds whose people hold the advocacy permissions)."""
    return organisation is not None and organisation.is_active and organisation.kind in COALITION_KINDS


def visible_briefs(principal: Principal) -> ColumnElement[bool]:
    """Published briefs are public; the rest are the coalition's."""
    published = col(Brief.status) == BriefStatus.published
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return published
    return or_(published, col(Brief.working_group_id).in_(member_working_group_scope(principal)))


def member_briefs(principal: Principal) -> ColumnElement[bool]:
    """Briefs of the caller's coalitions, whatever their status: what targets, outreach, uptake and
    the adoption window hang on (those stay the coalition's after a brief is published)."""
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return false()
    return col(Brief.working_group_id).in_(member_working_group_scope(principal))


def member_brief_ids(principal: Principal) -> Any:
    """Ids of the briefs of the caller's coalitions, whatever their status (a subquery)."""
    return select(Brief.id).where(member_briefs(principal))


def member_targets(principal: Principal) -> ColumnElement[bool]:
    """A target is its brief's coalition's, even once the brief is published."""
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return false()
    return col(BriefTarget.brief_id).in_(member_brief_ids(principal))


def member_working_group_scope(principal: Principal) -> Any:
    """Working groups of the caller's coalitions (every member of a coalition reads all its groups)."""
    return select(WorkingGroup.id).where(col(WorkingGroup.coalition_id).in_(member_coalition_ids(principal)))


def is_lead(session: Session, principal: Principal, coalition_id: int) -> bool:
    if principal.is_admin:
        return True
    return (
        session.exec(lead_coalition_ids(principal).where(CoalitionMember.coalition_id == coalition_id)).first()
        is not None
    )


def require_lead(session: Session, principal: Principal, coalition_id: int) -> None:
    """Inviting, removing members, creating working groups and editing the coalition: its leads."""
    if not is_lead(session, principal, coalition_id):
        raise NotCoalitionLead("Only a lead organisation of the coalition may do this.")


def seated_group_members() -> ColumnElement[bool]:
    """`WorkingGroupMember` rows that count: their organisation is an active member of the group's
    coalition. A row left behind by an organisation that left (or was removed) gives no rights and takes
    no co-chair seat, and does not come back to life if the organisation is invited again."""
    return (
        select(CoalitionMember.id)
        .join(WorkingGroup, col(WorkingGroup.coalition_id) == col(CoalitionMember.coalition_id))
        .where(
            col(WorkingGroup.id) == col(WorkingGroupMember.working_group_id),
            col(CoalitionMember.organisation_id) == col(WorkingGroupMember.organisation_id),
            CoalitionMember.status == MembershipStatus.active,
        )
        .correlate_except(CoalitionMember, WorkingGroup)
        .exists()
    )


def working_group_role(session: Session, principal: Principal, working_group_id: int) -> WorkingGroupMember | None:
    """The caller's organisation's seat in the group, if it is an active member of the coalition."""
    if principal.organisation_id is None:
        return None
    return session.exec(
        select(WorkingGroupMember).where(
            WorkingGroupMember.working_group_id == working_group_id,
            WorkingGroupMember.organisation_id == principal.organisation_id,
            seated_group_members(),
        )
    ).first()


def require_group_member(session: Session, principal: Principal, group: WorkingGroup) -> None:
    """Writing a group's briefs, targets and uptake decisions: its members, and the coalition's leads."""
    if principal.is_admin or is_lead(session, principal, group.coalition_id):
        return
    if working_group_role(session, principal, group.id or 0) is None:
        raise NotWorkingGroupMember("Only members of the working group (or the coalition's leads) may do this.")


def require_co_chair(session: Session, principal: Principal, group: WorkingGroup) -> None:
    """Agreeing and publishing a brief: the group's co-chairs, and the coalition's leads."""
    if principal.is_admin or is_lead(session, principal, group.coalition_id):
        return
    membership = working_group_role(session, principal, group.id or 0)
    if membership is None or not membership.is_co_chair:
        raise NotCoChair("Only a co-chair of the working group (or a lead of the coalition) may do this.")


def get_member_brief(session: Session, principal: Principal, brief_id: int, *, for_update: bool = False) -> Brief:
    """A brief of the caller's coalitions, published or not (what its asks, targets and uptake are
    reached through); else a 404 identical to a missing id. `for_update` locks it: every write to a
    brief or its asks does, so concurrent writes (two asks numbered at once) take turns."""
    brief: Brief = get_visible(session, Brief, brief_id, member_briefs(principal), "Brief", for_update=for_update)
    return brief


def require_brief_group(session: Session, principal: Principal, brief: Brief) -> WorkingGroup:
    """Writing a brief's content, targets and uptake: its working group's members and the coalition's
    leads (403 otherwise). Answers the group."""
    group = session.get_one(WorkingGroup, brief.working_group_id)
    require_group_member(session, principal, group)
    return group


def require_content_editor(session: Session, principal: Principal, brief: Brief, group: WorkingGroup) -> None:
    """A brief's content and asks: group members edit a draft; an agreed or published brief, only its
    co-chairs and the coalition's leads."""
    if brief.status is not BriefStatus.draft:
        require_co_chair(session, principal, group)


def require_other_lead(session: Session, coalition_id: int, organisation_id: int) -> None:
    """The last active lead of a coalition may not leave, be removed or be demoted: someone must manage it."""
    others = session.exec(
        select(CoalitionMember.id).where(
            CoalitionMember.coalition_id == coalition_id,
            CoalitionMember.organisation_id != organisation_id,
            CoalitionMember.role == CoalitionRole.lead,
            CoalitionMember.status == MembershipStatus.active,
        )
    ).first()
    if others is None:
        raise LastCoalitionLead("The coalition's last lead cannot leave or step down; make another member lead first.")


def require_co_chair_room(session: Session, working_group_id: int, organisation_id: int) -> None:
    """A working group has at most `MAX_CO_CHAIRS` co-chairs (organisations that left hold none)."""
    others = session.exec(
        select(WorkingGroupMember.organisation_id).where(
            WorkingGroupMember.working_group_id == working_group_id,
            WorkingGroupMember.organisation_id != organisation_id,
            col(WorkingGroupMember.is_co_chair).is_(True),
            seated_group_members(),
        )
    ).all()
    if len(others) >= MAX_CO_CHAIRS:
        raise TooManyCoChairs(
            f"The working group already has {MAX_CO_CHAIRS} co-chairs; make one a plain member first."
        )


def visible_incidents(principal: Principal) -> ColumnElement[bool]:
    """An incident: its organisation's and admins'; shared ones also the NHRI's of the same state."""
    if principal.is_admin:
        return true()
    if principal.organisation_id is None:
        return false()
    own = col(ReprisalIncident.organisation_id) == principal.organisation_id
    shared = and_(
        col(ReprisalIncident.shared_with_nhri).is_(True),
        col(ReprisalIncident.state_code).in_(
            select(Organisation.state_code).where(
                col(Organisation.id) == principal.organisation_id, Organisation.kind == OrganisationKind.nhri
            )
        ),
    )
    return or_(own, shared)


def counted_incidents(principal: Principal) -> ColumnElement[bool]:
    """The incidents behind the caller's anonymised counts (`/advocacy/reprisal-incidents/counts`): of
    every state for a caller whose count permission reaches any state (admins), else of the caller's own
    state only (the permission is own_state); never the caller's own organisation's, so recording (then
    deleting) incidents of its own cannot pad a withheld cell of its view into an exact figure."""
    every_state = principal.grants.get(Permission.reprisal_incidents_count) is Scope.any
    if not every_state and principal.state_code is None:
        return false()
    clauses = [] if every_state else [col(ReprisalIncident.state_code) == principal.state_code]
    if principal.organisation_id is not None:
        clauses.append(col(ReprisalIncident.organisation_id) != principal.organisation_id)
    return and_(true(), *clauses)


def require_own_incident(principal: Principal, incident: ReprisalIncident) -> None:
    """Only the recording organisation (or an admin) changes an incident; the NHRI it is shared with reads it."""
    if not (principal.is_admin or incident.organisation_id == principal.organisation_id):
        raise NotIncidentRecorder("Only the organisation that recorded the incident may change it.")


def get_visible(
    session: Session, model: Any, row_id: int, clause: ColumnElement[bool], what: str, *, for_update: bool = False
) -> Any:
    """One row the caller may see, else a 404 identical to a missing id; `for_update` locks it (a write
    that checks a rule over the row's neighbours before it changes them)."""
    stmt = select(model).where(col(model.id) == row_id, clause)
    row = session.exec(stmt.with_for_update() if for_update else stmt).first()
    if row is None:
        raise NotFound(f"{what} {row_id} not found.")
    return row
