"""/advocacy/coalitions and /advocacy/invitations: founding, invitations, what an invitee sees, leaving,
the last lead, pseudonyms, and the coalition's privacy towards everyone not in it."""

import httpx
from sqlmodel import Session, select

from api.advocacy.models import Coalition, CoalitionMember, MembershipStatus, WorkingGroupMember
from api.audit.models import AuditAction
from api.auth.models import Organisation, OrganisationKind
from api.auth.security import create_access_token
from api.core.rows import stored_id
from api.settings import Settings
from tests.cycle.helpers import audit, problem
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_user
from tests.helpers import patch_after_read


def org_headers(session: Session, settings: Settings, organisation: Organisation) -> dict[str, str]:
    user = create_user(session, organisation)
    token, _ = create_access_token(stored_id(user), settings)
    return bearer(token)


def new_cso(session: Session, name: str, public_name: str | None = None) -> Organisation:
    return create_organisation(session, OrganisationKind.cso, OWN_STATE, name=name, public_name=public_name)


async def test_a_cso_founds_a_coalition_and_leads_it(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    headers = w.headers("cso", settings)
    created = await client.post(
        "/advocacy/coalitions", headers=headers, json={"name": "  Coalition for UPR  ", "description": "Fourth cycle."}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["name"] == "Coalition for UPR" and body["state_code"] == OWN_STATE  # the organisation's state
    assert body["membership"] == {"status": "active", "role": "lead"}
    assert body["created_by"] == {"id": w.org("cso").id, "name": "cso org of SVN", "kind": "cso"}
    assert (body["member_count"], body["working_group_count"]) == (1, 0)
    read = await client.get(f"/advocacy/coalitions/{body['id']}", headers=headers)
    assert read.json() == body and read.headers["ETag"] == created.headers["ETag"]
    assert audit(session, "coalition", AuditAction.create, str(body["id"]))

    listed = (await client.get("/advocacy/coalitions", headers=headers)).json()
    assert [c["id"] for c in listed["items"]] == [w.advocacy.coalitions[OWN_STATE].id, body["id"]]  # oldest first
    world_one = listed["items"][0]
    assert (world_one["member_count"], world_one["working_group_count"]) == (2, 1)

    other_state = await client.post(
        "/advocacy/coalitions", headers=w.headers("nhri", settings), json={"name": "NHRI network", "state_code": "hrv"}
    )
    assert other_state.status_code == 201 and other_state.json()["state_code"] == OTHER_STATE
    unknown = await client.post("/advocacy/coalitions", headers=headers, json={"name": "X", "state_code": "ZZZ"})
    problem(unknown, 422, "state_code")


async def test_who_may_found_a_coalition(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    for role, status in (("government", 403), ("un", 403), ("academic", 403), ("anonymous", 401)):
        r = await client.post("/advocacy/coalitions", headers=w.headers(role, settings), json={"name": "X"})
        assert r.status_code == status, (role, r.text)
    # A CSO cannot found one for another organisation; an admin must name an active CSO or NHRI.
    foreign = await client.post(
        "/advocacy/coalitions",
        headers=w.headers("cso", settings),
        json={"name": "X", "lead_organisation_id": w.org("nhri").id},
    )
    problem(foreign, 422, "lead_organisation_id")
    admin = w.headers("admin", settings)
    problem(await client.post("/advocacy/coalitions", headers=admin, json={"name": "X"}), 422, "lead_organisation_id")
    government = {"name": "X", "lead_organisation_id": w.org("government").id}
    problem(await client.post("/advocacy/coalitions", headers=admin, json=government), 422, "lead_organisation_id")
    made = await client.post(
        "/advocacy/coalitions", headers=admin, json={"name": "X", "lead_organisation_id": w.org("nhri", OTHER_STATE).id}
    )
    assert made.status_code == 201 and made.json()["state_code"] == OTHER_STATE
    lead = session.exec(select(CoalitionMember).where(CoalitionMember.coalition_id == made.json()["id"])).one()
    assert (lead.organisation_id, lead.role, lead.status) == (w.org("nhri", OTHER_STATE).id, "lead", "active")


async def test_a_replayed_idempotency_key_founds_one_coalition(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    headers = {**advocacy_world.headers("cso", settings), "Idempotency-Key": "found-1"}
    first = await client.post("/advocacy/coalitions", headers=headers, json={"name": "Once"})
    again = await client.post("/advocacy/coalitions", headers=headers, json={"name": "Once"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["ETag"] == first.headers["ETag"]
    assert len(session.exec(select(Coalition).where(Coalition.name == "Once")).all()) == 1


async def test_invitation_accepted_declined_and_what_the_invitee_sees(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    lead = w.headers("cso", settings)
    newcomer = new_cso(session, "Roma Youth Network")
    newcomer_headers = org_headers(session, settings, newcomer)

    invited = await client.post(
        f"/advocacy/coalitions/{coalition.id}/members", headers=lead, json={"organisation_id": newcomer.id}
    )
    assert invited.status_code == 201, invited.text
    assert invited.json()["status"] == "invited" and invited.json()["invited_by"]["id"] == w.org("cso").id

    pending = (await client.get("/advocacy/invitations", headers=newcomer_headers)).json()
    assert pending["total"] == 1
    # Another organisation's invitation is not the lead's to see; admins see every organisation's.
    assert (await client.get("/advocacy/invitations", headers=lead)).json()["total"] == 0
    admin = (await client.get("/advocacy/invitations", headers=w.headers("admin", settings))).json()
    assert [(i["coalition_id"], i["organisation"]["id"]) for i in admin["items"]] == [(coalition.id, newcomer.id)]
    assert pending["items"][0] | {"invited_at": None} == {
        "coalition_id": coalition.id,
        "coalition_name": coalition.name,
        "state_code": OWN_STATE,
        "organisation": {"id": newcomer.id, "name": "Roma Youth Network", "kind": "cso"},
        "role": "member",
        "status": "invited",
        "invited_by": {"id": w.org("cso").id, "name": "cso org of SVN", "kind": "cso"},
        "invited_at": None,
        "decided_at": None,
    }
    # Invited, not yet in: the name and state only; nothing else of the coalition.
    seen = (await client.get(f"/advocacy/coalitions/{coalition.id}", headers=newcomer_headers)).json()
    assert seen["name"] == coalition.name and seen["state_code"] == OWN_STATE
    assert seen["membership"] == {"status": "invited", "role": "member"}
    assert [seen[k] for k in ("description", "created_by", "member_count", "working_group_count", "updated_at")] == [
        None
    ] * 5
    listed = (await client.get("/advocacy/coalitions", headers=newcomer_headers)).json()
    assert [c["id"] for c in listed["items"]] == [coalition.id] and listed["items"][0] == seen
    members = await client.get(f"/advocacy/coalitions/{coalition.id}/members", headers=newcomer_headers)
    problem(members, 404)
    groups = (await client.get("/advocacy/working-groups", headers=newcomer_headers)).json()
    assert groups == {"items": [], "total": 0, "next_cursor": None}
    problem(
        await client.get(
            f"/advocacy/working-groups/{w.advocacy.working_groups[OWN_STATE].id}", headers=newcomer_headers
        ),
        404,
    )
    # The coalition's other members do not see the invitation among the members.
    before = (await client.get(f"/advocacy/coalitions/{coalition.id}/members", headers=lead)).json()
    assert newcomer.id not in [m["organisation"]["id"] for m in before["items"]]

    accepted = await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=newcomer_headers)
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    again = await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=newcomer_headers)
    assert again.status_code == 200 and again.json() == accepted.json()
    assert (await client.get("/advocacy/invitations", headers=newcomer_headers)).json()["total"] == 0
    now = (await client.get(f"/advocacy/coalitions/{coalition.id}", headers=newcomer_headers)).json()
    assert now["membership"] == {"status": "active", "role": "member"} and now["member_count"] == 3
    groups = (await client.get("/advocacy/working-groups", headers=newcomer_headers)).json()
    assert groups["total"] == 1
    # An active member cannot decline any more (it leaves instead), nor be invited again.
    problem(await client.post(f"/advocacy/invitations/{coalition.id}/decline", headers=newcomer_headers), 404)
    re_invite = await client.post(
        f"/advocacy/coalitions/{coalition.id}/members", headers=lead, json={"organisation_id": newcomer.id}
    )
    problem(re_invite, 409, slug="already-coalition-member")


async def test_declining_and_reinviting(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    lead = w.headers("cso", settings)
    newcomer = new_cso(session, "Legal Aid Centre")
    headers = org_headers(session, settings, newcomer)
    path = f"/advocacy/coalitions/{coalition.id}/members"
    assert (await client.post(path, headers=lead, json={"organisation_id": newcomer.id})).status_code == 201
    declined = await client.post(f"/advocacy/invitations/{coalition.id}/decline", headers=headers)
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    problem(await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=headers), 404)
    problem(await client.get(f"/advocacy/coalitions/{coalition.id}", headers=headers), 404)
    assert (await client.get("/advocacy/coalitions", headers=headers)).json()["total"] == 0
    # Inviting again re-opens the invitation.
    reopened = await client.post(path, headers=lead, json={"organisation_id": newcomer.id, "role": "lead"})
    assert reopened.status_code == 201 and (reopened.json()["status"], reopened.json()["role"]) == ("invited", "lead")
    accepted = await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=headers)
    assert (accepted.json()["status"], accepted.json()["role"]) == ("active", "lead")
    # Only active CSOs and NHRIs are invited; only leads invite; no invitation answers 404.
    problem(
        await client.post(path, headers=lead, json={"organisation_id": w.org("government").id}), 422, "organisation_id"
    )
    problem(await client.post(path, headers=lead, json={"organisation_id": 999_999}), 422, "organisation_id")
    member = w.headers("nhri", settings)
    forbidden = await client.post(path, headers=member, json={"organisation_id": w.org("cso", OTHER_STATE).id})
    problem(forbidden, 403, slug="not-coalition-lead")
    problem(
        await client.post(
            f"/advocacy/invitations/{coalition.id}/accept", headers=w.headers("cso", settings, OTHER_STATE)
        ),
        404,
    )
    problem(await client.post("/advocacy/invitations/999999/accept", headers=headers), 404)


async def test_invitations_are_answered_by_people_not_scripts(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    _, secret = advocacy_world.service_tokens[("cso", OWN_STATE)]
    problem(await client.get("/advocacy/invitations", headers=bearer(secret)), 403)
    for role, status in (("government", 403), ("anonymous", 401)):
        r = await client.get("/advocacy/invitations", headers=advocacy_world.headers(role, settings))
        assert r.status_code == status


async def test_leaving_removes_working_group_memberships_and_all_sight(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition, group = w.advocacy.coalitions[OWN_STATE], w.advocacy.working_groups[OWN_STATE]
    nhri = w.headers("nhri", settings)
    # A plain member cannot remove another organisation, but may leave itself.
    problem(
        await client.delete(f"/advocacy/coalitions/{coalition.id}/members/{w.org('cso').id}", headers=nhri),
        403,
        slug="not-coalition-lead",
    )
    left = await client.delete(f"/advocacy/coalitions/{coalition.id}/members/{w.org('nhri').id}", headers=nhri)
    assert left.status_code == 204, left.text
    row = session.exec(
        select(CoalitionMember).where(
            CoalitionMember.coalition_id == coalition.id, CoalitionMember.organisation_id == w.org("nhri").id
        )
    ).one()
    assert row.status is MembershipStatus.left and row.decided_at is not None
    assert session.get(WorkingGroupMember, (group.id, w.org("nhri").id)) is None
    assert audit(session, "working_group_member", AuditAction.delete)
    problem(await client.get(f"/advocacy/coalitions/{coalition.id}", headers=nhri), 404)
    assert (await client.get("/advocacy/working-groups", headers=nhri)).json()["total"] == 0
    members = (
        await client.get(f"/advocacy/coalitions/{coalition.id}/members", headers=w.headers("cso", settings))
    ).json()
    assert [m["organisation"]["id"] for m in members["items"]] == [w.org("cso").id]
    # Leaving twice: no longer a member.
    again = await client.delete(f"/advocacy/coalitions/{coalition.id}/members/{w.org('nhri').id}", headers=nhri)
    problem(again, 404)


async def test_the_last_lead_cannot_leave_or_step_down(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    lead = w.headers("cso", settings)
    cso_path = f"/advocacy/coalitions/{coalition.id}/members/{w.org('cso').id}"
    nhri_path = f"/advocacy/coalitions/{coalition.id}/members/{w.org('nhri').id}"
    problem(await client.delete(cso_path, headers=lead), 409, slug="last-coalition-lead")
    problem(await client.patch(cso_path, headers=lead, json={"role": "member"}), 409, slug="last-coalition-lead")
    # A member cannot change roles; a lead makes the NHRI lead, then may step down.
    problem(
        await client.patch(nhri_path, headers=w.headers("nhri", settings), json={"role": "lead"}),
        403,
        slug="not-coalition-lead",
    )
    promoted = await client.patch(nhri_path, headers=lead, json={"role": "lead"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "lead"
    stepped = await client.patch(cso_path, headers=lead, json={"role": "member"})
    assert stepped.status_code == 200 and stepped.json()["role"] == "member"
    # Now the CSO is a plain member: it can no longer invite, and the NHRI is the last lead.
    problem(await client.delete(nhri_path, headers=w.headers("nhri", settings)), 409, slug="last-coalition-lead")
    assert (await client.delete(cso_path, headers=lead)).status_code == 204


async def test_a_pseudonymous_member_is_shown_under_its_public_name(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    hidden = new_cso(session, "Real Name Defenders", public_name="Defenders A")
    headers = org_headers(session, settings, hidden)
    lead = w.headers("cso", settings)
    invite = await client.post(
        f"/advocacy/coalitions/{coalition.id}/members", headers=lead, json={"organisation_id": hidden.id}
    )
    assert invite.json()["organisation"]["name"] == "Defenders A"
    await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=headers)
    path = f"/advocacy/coalitions/{coalition.id}/members"
    names = {
        m["organisation"]["id"]: m["organisation"]["name"]
        for m in (await client.get(path, headers=lead)).json()["items"]
    }
    assert names[hidden.id] == "Defenders A"
    own = {
        m["organisation"]["id"]: m["organisation"]["name"]
        for m in (await client.get(path, headers=headers)).json()["items"]
    }
    assert own[hidden.id] == "Real Name Defenders"  # itself
    admin = (await client.get(path, headers=w.headers("admin", settings))).json()["items"]
    assert {m["organisation"]["name"] for m in admin} >= {"Real Name Defenders"}
    group = w.advocacy.working_groups[OWN_STATE]
    added = await client.put(f"/advocacy/working-groups/{group.id}/members/{hidden.id}", headers=lead, json={})
    assert added.status_code == 200
    assert "Real Name Defenders" not in added.text and "Defenders A" in added.text


async def test_another_coalition_and_outsiders_see_nothing(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    coalition, group = w.advocacy.coalitions[OWN_STATE], w.advocacy.working_groups[OWN_STATE]
    outsider = w.headers("cso", settings, OTHER_STATE)  # leads the other state's coalition
    listed = (await client.get("/advocacy/coalitions", headers=outsider)).json()
    assert [c["id"] for c in listed["items"]] == [w.advocacy.coalitions[OTHER_STATE].id] and listed["total"] == 1
    groups = (await client.get("/advocacy/working-groups", headers=outsider)).json()
    assert [g["id"] for g in groups["items"]] == [w.advocacy.working_groups[OTHER_STATE].id]
    filtered = await client.get(f"/advocacy/working-groups?coalition={coalition.id}", headers=outsider)
    assert filtered.json()["total"] == 0
    for path in (
        f"/advocacy/coalitions/{coalition.id}",
        f"/advocacy/coalitions/{coalition.id}/members",
        f"/advocacy/working-groups/{group.id}",
        "/advocacy/coalitions/999999",
    ):
        problem(await client.get(path, headers=outsider), 404)
    problem(
        await client.patch(
            f"/advocacy/coalitions/{coalition.id}", headers={**outsider, "If-Match": "*"}, json={"name": "Mine"}
        ),
        404,
    )
    problem(await client.delete(f"/advocacy/coalitions/{coalition.id}", headers=outsider), 404)
    problem(
        await client.post(
            f"/advocacy/coalitions/{coalition.id}/members",
            headers=outsider,
            json={"organisation_id": w.org("cso", OTHER_STATE).id},
        ),
        404,
    )
    problem(
        await client.delete(f"/advocacy/coalitions/{coalition.id}/members/{w.org('nhri').id}", headers=outsider), 404
    )
    problem(
        await client.put(
            f"/advocacy/working-groups/{group.id}/members/{w.org('cso', OTHER_STATE).id}", headers=outsider, json={}
        ),
        404,
    )
    for role, status in (("government", 403), ("un", 403), ("anonymous", 401)):
        for path in ("/advocacy/coalitions", f"/advocacy/coalitions/{coalition.id}", "/advocacy/working-groups"):
            r = await client.get(path, headers=w.headers(role, settings))
            assert r.status_code == status, (role, path)
    # Admins see every coalition.
    admin = (await client.get("/advocacy/coalitions", headers=w.headers("admin", settings))).json()
    assert admin["total"] == 2 and admin["items"][0]["membership"] is None


async def test_update_needs_if_match_and_a_lead(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    path = f"/advocacy/coalitions/{w.advocacy.coalitions[OWN_STATE].id}"
    lead = w.headers("cso", settings)
    problem(await client.patch(path, headers=lead, json={"name": "New"}), 428, slug="precondition-required")
    problem(await client.patch(path, headers={**lead, "If-Match": '"stale"'}, json={"name": "New"}), 412)
    problem(
        await patch_after_read(client, path, headers=w.headers("nhri", settings), json={"name": "New"}),
        403,
        slug="not-coalition-lead",
    )
    changed = await patch_after_read(client, path, headers=lead, json={"name": " New name ", "description": "D"})
    assert changed.status_code == 200 and (changed.json()["name"], changed.json()["description"]) == ("New name", "D")
    assert changed.headers["ETag"] == (await client.get(path, headers=lead)).headers["ETag"]
    problem(await patch_after_read(client, path, headers=lead, json={"name": None}), 422, "name")


async def test_delete_waits_until_the_coalition_is_empty(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    lead = w.headers("cso", settings)
    full = await client.delete(f"/advocacy/coalitions/{w.advocacy.coalitions[OWN_STATE].id}", headers=lead)
    body = problem(full, 409, slug="coalition-not-empty")
    assert "working groups" in body["detail"] and "contacts" in body["detail"] and "outreach" in body["detail"]
    made = (await client.post("/advocacy/coalitions", headers=lead, json={"name": "Short-lived"})).json()
    problem(await client.delete(f"/advocacy/coalitions/{made['id']}", headers=w.headers("nhri", settings)), 404)
    assert (await client.delete(f"/advocacy/coalitions/{made['id']}", headers=lead)).status_code == 204
    assert session.get(Coalition, made["id"]) is None
    assert not session.exec(select(CoalitionMember).where(CoalitionMember.coalition_id == made["id"])).all()
    assert audit(session, "coalition", AuditAction.delete, str(made["id"]))


async def test_a_lead_withdraws_an_invitation(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    lead = w.headers("cso", settings)
    newcomer = new_cso(session, "Withdrawn CSO")
    headers = org_headers(session, settings, newcomer)
    path = f"/advocacy/coalitions/{coalition.id}/members"
    await client.post(path, headers=lead, json={"organisation_id": newcomer.id})
    assert (await client.delete(f"{path}/{newcomer.id}", headers=lead)).status_code == 204
    assert (await client.get("/advocacy/invitations", headers=headers)).json()["total"] == 0
    problem(await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=headers), 404)
    problem(await client.get(f"/advocacy/coalitions/{coalition.id}", headers=headers), 404)
    assert audit(session, "coalition_member", AuditAction.update)
