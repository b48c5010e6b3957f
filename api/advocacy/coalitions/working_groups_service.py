"""A coalition's working groups: their themes and their member organisations (active members of the
coalition, at most two co-chairs). Members of the coalition read them; its leads create and delete them;
a group's co-chairs and the coalition's leads change them and seat or unseat members, and an organisation
may leave a group itself. Services flush, never commit; every write goes through the ORM session, so the
audit listener records it.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.advocacy import links, policy
from api.advocacy.coalitions.coalitions_service import get_member_coalition
from api.advocacy.coalitions.memberships_service import membership
from api.advocacy.coalitions.schemas import (
    GroupMemberRead,
    GroupMemberWrite,
    WorkingGroupCreate,
    WorkingGroupRead,
    WorkingGroupUpdate,
)
from api.advocacy.models import Brief, MembershipStatus, WorkingGroup, WorkingGroupMember, WorkingGroupTheme
from api.auth.principal import Principal
from api.auth.refs import organisation_refs
from api.core.errors import Conflict, InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.taxonomy.models import Theme


class WorkingGroupHasBriefs(Conflict):
    slug, title = "working-group-has-briefs", "The working group has briefs"


def working_group_reads(
    session: Session, principal: Principal, groups: Sequence[WorkingGroup]
) -> list[WorkingGroupRead]:
    ids = [stored_id(g) for g in groups]
    themes: dict[int, list[int]] = defaultdict(list)
    for group_id, theme_id in session.exec(
        select(WorkingGroupTheme.working_group_id, WorkingGroupTheme.theme_id)
        .where(col(WorkingGroupTheme.working_group_id).in_(ids))
        .order_by(col(WorkingGroupTheme.working_group_id), col(WorkingGroupTheme.theme_id))
    ):
        themes[group_id].append(theme_id)
    memberships = list(
        session.exec(
            select(WorkingGroupMember)
            .where(col(WorkingGroupMember.working_group_id).in_(ids), policy.seated_group_members())
            .order_by(col(WorkingGroupMember.is_co_chair).desc(), col(WorkingGroupMember.organisation_id))
        )
    )
    refs = organisation_refs(session, principal, (m.organisation_id for m in memberships))
    members: dict[int, list[GroupMemberRead]] = defaultdict(list)
    for m in memberships:
        members[m.working_group_id].append(
            GroupMemberRead(organisation=refs[m.organisation_id], is_co_chair=m.is_co_chair)
        )
    briefs: dict[int, int] = {
        group_id: n
        for group_id, n in session.execute(
            select(Brief.working_group_id, func.count())
            .where(col(Brief.working_group_id).in_(ids))
            .group_by(col(Brief.working_group_id))
        )
    }
    return [
        WorkingGroupRead(
            id=stored_id(g),
            coalition_id=g.coalition_id,
            name=g.name,
            description=g.description,
            themes=themes[stored_id(g)],
            members=members[stored_id(g)],
            brief_count=briefs.get(stored_id(g), 0),
            created_at=g.created_at,
            updated_at=g.updated_at,
        )
        for g in groups
    ]


def working_group_read(session: Session, principal: Principal, group: WorkingGroup) -> WorkingGroupRead:
    return working_group_reads(session, principal, [group])[0]


def list_working_groups(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    coalition_id: int | None = None,
    theme_id: int | None = None,
) -> Page[WorkingGroupRead]:
    stmt = select(WorkingGroup).where(policy.member_of(principal, WorkingGroup.coalition_id))
    if coalition_id is not None:
        stmt = stmt.where(WorkingGroup.coalition_id == coalition_id)
    if theme_id is not None:
        stmt = stmt.where(
            col(WorkingGroup.id).in_(
                select(WorkingGroupTheme.working_group_id).where(WorkingGroupTheme.theme_id == theme_id)
            )
        )
    page = paginate(session, stmt, params, [Sort(WorkingGroup.created_at), Sort(WorkingGroup.id)])
    return Page[Any](
        items=working_group_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_working_group(
    session: Session, principal: Principal, group_id: int, *, for_update: bool = False
) -> WorkingGroup:
    """A group of one of the caller's coalitions (else a 404). `for_update` locks the coalition's row,
    then the group's: the order every write of a group or of its members takes (no deadlock), and the
    row `remove_member` locks too, so a group seat is never given to an organisation leaving meanwhile."""
    visible = policy.member_of(principal, WorkingGroup.coalition_id)
    if for_update:  # (a group not found is get_visible's 404 below)
        coalition_id = session.exec(
            select(WorkingGroup.coalition_id).where(col(WorkingGroup.id) == group_id, visible)
        ).first()
        if coalition_id is not None:
            get_member_coalition(session, principal, coalition_id, for_update=True)
    group: WorkingGroup = policy.get_visible(
        session, WorkingGroup, group_id, visible, "Working group", for_update=for_update
    )
    return group


def get_chaired_working_group(session: Session, principal: Principal, group_id: int) -> WorkingGroup:
    """A group the caller may manage: its co-chairs and the coalition's leads (404, then 403)."""
    group = get_working_group(session, principal, group_id, for_update=True)
    policy.require_co_chair(session, principal, group)
    return group


def _replace_themes(session: Session, group: WorkingGroup, ids: Sequence[int]) -> bool:
    """Make `ids` (checked to exist) the group's themes; whether that changed them."""
    return links.replace_links(session, WorkingGroupTheme, "working_group_id", stored_id(group), "theme_id", ids)


def create_working_group(session: Session, principal: Principal, data: WorkingGroupCreate) -> WorkingGroup:
    """A lead of the coalition creates it (a coalition the caller is not in is a 404, as everywhere in the
    workspace: the same answer as a missing id)."""
    get_member_coalition(session, principal, data.coalition_id, for_update=True)
    policy.require_lead(session, principal, data.coalition_id)
    links.require_existing_ids(session, Theme, data.themes, "themes", "theme")
    group = WorkingGroup(coalition_id=data.coalition_id, name=data.name, description=data.description)
    session.add(group)
    session.flush()
    _replace_themes(session, group, data.themes)
    session.flush()
    return group


def update_working_group(session: Session, group: WorkingGroup, data: WorkingGroupUpdate) -> WorkingGroup:
    """`group` comes from `get_chaired_working_group`; `themes`, when given, replaces the set."""
    before = group.model_dump(include={"name", "description"})
    changed = False
    if data.themes is not None:
        links.require_existing_ids(session, Theme, data.themes, "themes", "theme")
        changed = _replace_themes(session, group, data.themes)
    apply_changes(group, data, exclude={"themes"})
    if changed or group.model_dump(include={"name", "description"}) != before:
        group.updated_at = utcnow()
        session.add(group)
    session.flush()
    return group


def delete_working_group(session: Session, principal: Principal, group_id: int) -> None:
    """Leads delete a group without briefs (a 409 while it has any), with its members and themes."""
    group = get_working_group(session, principal, group_id, for_update=True)
    policy.require_lead(session, principal, group.coalition_id)
    if session.exec(select(Brief.id).where(Brief.working_group_id == group_id)).first() is not None:
        raise WorkingGroupHasBriefs("The working group has briefs; delete or move them first.")
    for row in [
        *session.exec(select(WorkingGroupMember).where(WorkingGroupMember.working_group_id == group_id)),
        *session.exec(select(WorkingGroupTheme).where(WorkingGroupTheme.working_group_id == group_id)),
    ]:
        session.delete(row)
    session.flush()
    session.delete(group)
    session.flush()


def put_group_member(
    session: Session, principal: Principal, group_id: int, organisation_id: int, data: GroupMemberWrite
) -> WorkingGroup:
    """Co-chairs and leads add an active member organisation of the coalition to the group, or change
    whether it co-chairs (at most two co-chairs)."""
    group = get_chaired_working_group(session, principal, group_id)
    member = membership(session, group.coalition_id, organisation_id)
    if member is None or member.status is not MembershipStatus.active:
        raise InvalidInput(
            f"Organisation {organisation_id} is not an active member of the group's coalition.",
            field="organisation_id",
        )
    if data.is_co_chair:
        policy.require_co_chair_room(session, group_id, organisation_id)
    row = session.get(WorkingGroupMember, (group_id, organisation_id))
    if row is None:
        row = WorkingGroupMember(working_group_id=group_id, organisation_id=organisation_id)
    if row.is_co_chair != data.is_co_chair or row not in session:
        row.is_co_chair = data.is_co_chair
        session.add(row)
        group.updated_at = utcnow()
        session.add(group)
    session.flush()
    return group


def remove_group_member(session: Session, principal: Principal, group_id: int, organisation_id: int) -> None:
    """Co-chairs and leads remove an organisation from the group; an organisation may leave it itself."""
    group = get_working_group(session, principal, group_id, for_update=True)
    if organisation_id != principal.organisation_id:
        policy.require_co_chair(session, principal, group)
    row = session.get(WorkingGroupMember, (group_id, organisation_id))
    if row is None:
        raise NotFound(f"Organisation {organisation_id} is not in working group {group_id}.")
    session.delete(row)
    group.updated_at = utcnow()
    session.add(group)
    session.flush()
