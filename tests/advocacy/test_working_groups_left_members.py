"""A working-group row left behind by an organisation that is no longer an active member of the
coalition (as the race of `put_group_member` against `remove_member` could leave one before both locked
the coalition's row) counts for nothing: no co-chair rights, no seat, not listed, and not revived when the
organisation is invited again."""

import httpx
import pytest
from sqlmodel import Session

from api.advocacy import policy
from api.advocacy.models import CoalitionMember, MembershipStatus, WorkingGroupMember
from api.auth.models import Organisation, OrganisationKind
from api.auth.permissions import Role, grants_for
from api.auth.principal import Principal, PrincipalKind
from api.auth.security import create_access_token
from api.core.rows import stored_id
from api.core.types import utcnow
from api.settings import Settings
from tests.cycle.helpers import problem
from tests.factories import OWN_STATE, World, bearer, create_organisation, create_user


def _left_co_chair(session: Session, w: World, status: MembershipStatus = MembershipStatus.left) -> Organisation:
    """A CSO whose coalition membership is `status` but which kept a co-chair row in the group."""
    extra = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Extra CSO")
    coalition, group = w.advocacy.coalitions[OWN_STATE], w.advocacy.working_groups[OWN_STATE]
    session.add(
        CoalitionMember(
            coalition_id=stored_id(coalition),
            organisation_id=stored_id(extra),
            status=status,
            invited_by_organisation_id=stored_id(w.org("cso")),
            invited_at=utcnow(),
            decided_at=None if status is MembershipStatus.invited else utcnow(),
        )
    )
    session.add(
        WorkingGroupMember(working_group_id=stored_id(group), organisation_id=stored_id(extra), is_co_chair=True)
    )
    session.flush()
    return extra


def _principal(organisation: Organisation) -> Principal:
    return Principal(
        PrincipalKind.user,
        Role.cso,
        user_id=None,
        organisation_id=stored_id(organisation),
        state_code=organisation.state_code,
        grants=grants_for(Role.cso),
    )


@pytest.mark.parametrize("status", [MembershipStatus.left, MembershipStatus.invited, MembershipStatus.declined])
def test_a_stale_group_row_gives_no_rights(advocacy_world: World, session: Session, status: MembershipStatus) -> None:
    w = advocacy_world
    group = w.advocacy.working_groups[OWN_STATE]
    extra = _principal(_left_co_chair(session, w, status))
    assert policy.working_group_role(session, extra, stored_id(group)) is None
    with pytest.raises(policy.NotCoChair):
        policy.require_co_chair(session, extra, group)
    with pytest.raises(policy.NotWorkingGroupMember):
        policy.require_group_member(session, extra, group)
    # The same row counts once the organisation is an active member (the rule reads the coalition).
    seated = _principal(w.org("cso"))
    role = policy.working_group_role(session, seated, stored_id(group))
    assert role is not None and role.is_co_chair
    with pytest.raises(policy.NotCoChair):
        policy.require_co_chair(session, _principal(w.org("nhri")), group)  # a plain member, still
    policy.require_group_member(session, _principal(w.org("nhri")), group)


async def test_a_left_co_chair_takes_no_seat_is_not_listed_and_is_not_revived(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition, group = w.advocacy.coalitions[OWN_STATE], w.advocacy.working_groups[OWN_STATE]
    extra = _left_co_chair(session, w)
    extra_headers = bearer(create_access_token(stored_id(create_user(session, extra)), settings)[0])
    lead, nhri = w.headers("cso", settings), w.headers("nhri", settings)
    members = f"/advocacy/working-groups/{group.id}/members"

    # Two rows say co-chair (the CSO's and the stale one): the NHRI still gets the second seat.
    read = (await client.get(f"/advocacy/working-groups/{group.id}", headers=nhri)).json()
    assert [m["organisation"]["id"] for m in read["members"]] == [w.org("cso").id, w.org("nhri").id]
    seated = await client.put(f"{members}/{w.org('nhri').id}", headers=lead, json={"is_co_chair": True})
    assert seated.status_code == 200, seated.text
    assert [(m["organisation"]["id"], m["is_co_chair"]) for m in seated.json()["members"]] == sorted(
        [(w.org("cso").id, True), (w.org("nhri").id, True)]
    )
    # The left organisation sees nothing of the group and cannot manage it.
    problem(await client.get(f"/advocacy/working-groups/{group.id}", headers=extra_headers), 404)
    problem(await client.put(f"{members}/{extra.id}", headers=extra_headers, json={"is_co_chair": True}), 404)

    # Invited again and accepted: a member with no seat, not a co-chair again.
    invited = await client.post(
        f"/advocacy/coalitions/{coalition.id}/members", headers=lead, json={"organisation_id": extra.id}
    )
    assert invited.status_code == 201, invited.text
    assert (await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=extra_headers)).status_code == 200
    assert session.get(WorkingGroupMember, (group.id, extra.id)) is None
    read = (await client.get(f"/advocacy/working-groups/{group.id}", headers=extra_headers)).json()
    assert extra.id not in [m["organisation"]["id"] for m in read["members"]]
    path = f"/advocacy/working-groups/{group.id}"
    etag = (await client.get(path, headers=extra_headers)).headers["ETag"]
    problem(
        await client.patch(path, headers={**extra_headers, "If-Match": etag}, json={"name": "Taken over"}),
        403,
        slug="not-co-chair",
    )
    # Both seats are taken by active members: the re-joined organisation gets none.
    problem(
        await client.put(f"{members}/{extra.id}", headers=lead, json={"is_co_chair": True}),
        409,
        slug="too-many-co-chairs",
    )
