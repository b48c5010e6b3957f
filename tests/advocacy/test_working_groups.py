"""/advocacy/working-groups: leads create them, co-chairs and leads run them, at most two co-chairs,
members only from the coalition, deletion waits for briefs, and nobody outside the coalition sees them."""

import httpx
from sqlmodel import Session, select

from api.advocacy.models import WorkingGroup, WorkingGroupMember, WorkingGroupTheme
from api.audit.models import AuditAction
from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.core.rows import stored_id
from api.settings import Settings
from tests.cycle.helpers import audit, problem
from tests.cycle_factories import create_theme
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_user
from tests.helpers import patch_after_read


async def test_a_lead_creates_a_working_group_and_members_read_it(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition = w.advocacy.coalitions[OWN_STATE]
    theme, other_theme = w.cycle.theme, create_theme(session, "Rights of the child")
    lead, member = w.headers("cso", settings), w.headers("nhri", settings)
    data = {"coalition_id": coalition.id, "name": " Children ", "themes": [other_theme.id, theme.id, theme.id]}
    problem(await client.post("/advocacy/working-groups", headers=member, json=data), 403, slug="not-coalition-lead")
    created = await client.post("/advocacy/working-groups", headers={**lead, "Idempotency-Key": "wg-1"}, json=data)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["name"] == "Children" and body["coalition_id"] == coalition.id
    assert (
        body["themes"] == sorted([stored_id(theme), stored_id(other_theme)])
        and body["members"] == []
        and body["brief_count"] == 0
    )
    replay = await client.post("/advocacy/working-groups", headers={**lead, "Idempotency-Key": "wg-1"}, json=data)
    assert replay.json() == body
    assert len(session.exec(select(WorkingGroup).where(WorkingGroup.name == "Children")).all()) == 1
    assert audit(session, "working_group", AuditAction.create, str(body["id"]))

    read = await client.get(f"/advocacy/working-groups/{body['id']}", headers=member)
    assert read.status_code == 200 and read.json() == body
    by_theme = (await client.get(f"/advocacy/working-groups?theme={other_theme.id}", headers=member)).json()
    assert [g["id"] for g in by_theme["items"]] == [body["id"]]
    by_coalition = (await client.get(f"/advocacy/working-groups?coalition={coalition.id}", headers=member)).json()
    assert by_coalition["total"] == 2
    world_group = next(g for g in by_coalition["items"] if g["id"] == w.advocacy.working_groups[OWN_STATE].id)
    assert world_group["members"] == [
        {"organisation": {"id": w.org("cso").id, "name": "cso org of SVN", "kind": "cso"}, "is_co_chair": True},
        {"organisation": {"id": w.org("nhri").id, "name": "nhri org of SVN", "kind": "nhri"}, "is_co_chair": False},
    ]
    assert world_group["brief_count"] == 2

    unknown_theme = {**data, "themes": [999_999]}
    problem(await client.post("/advocacy/working-groups", headers=lead, json=unknown_theme), 422, "themes")
    # Another coalition is unknown to the caller: the same 404 as a missing one.
    foreign = {**data, "coalition_id": w.advocacy.coalitions[OTHER_STATE].id}
    problem(await client.post("/advocacy/working-groups", headers=lead, json=foreign), 404)
    problem(await client.post("/advocacy/working-groups", headers=lead, json={**data, "coalition_id": 999_999}), 404)


async def test_co_chairs_edit_the_group_with_if_match_and_themes_are_replaced(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    group = w.advocacy.working_groups[OWN_STATE]
    path = f"/advocacy/working-groups/{group.id}"
    co_chair = w.headers("cso", settings)  # also the coalition's lead
    problem(await client.patch(path, headers=co_chair, json={"name": "X"}), 428, slug="precondition-required")
    problem(await client.patch(path, headers={**co_chair, "If-Match": '"stale"'}, json={"name": "X"}), 412)
    # The NHRI is a plain member of the group and of the coalition.
    problem(
        await patch_after_read(client, path, headers=w.headers("nhri", settings), json={"name": "X"}),
        403,
        slug="not-co-chair",
    )
    new_theme = create_theme(session, "Housing")
    changed = await patch_after_read(client, path, headers=co_chair, json={"themes": [new_theme.id]})
    assert changed.status_code == 200 and changed.json()["themes"] == [new_theme.id]
    links = session.exec(select(WorkingGroupTheme).where(WorkingGroupTheme.working_group_id == group.id)).all()
    assert [link.theme_id for link in links] == [new_theme.id]
    problem(await patch_after_read(client, path, headers=co_chair, json={"themes": None}), 422, "themes")
    unknown = await patch_after_read(client, path, headers=co_chair, json={"themes": [new_theme.id, 999_999]})
    problem(unknown, 422, "themes")
    assert "999999" in unknown.json()["detail"]
    session.expire_all()
    links = session.exec(select(WorkingGroupTheme).where(WorkingGroupTheme.working_group_id == group.id)).all()
    assert [link.theme_id for link in links] == [new_theme.id]  # refused as a whole: the set is unchanged
    # A co-chair who is not a lead edits too: make the NHRI co-chair, the CSO the only lead.
    nhri_id = w.org("nhri").id
    made = await client.put(f"{path}/members/{nhri_id}", headers=co_chair, json={"is_co_chair": True})
    assert made.status_code == 200
    renamed = await patch_after_read(client, path, headers=w.headers("nhri", settings), json={"name": "Roma & Sinti"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Roma & Sinti"
    assert renamed.json()["themes"] == [new_theme.id]  # left alone when omitted


async def test_at_most_two_co_chairs_and_members_only_from_the_coalition(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    coalition, group = w.advocacy.coalitions[OWN_STATE], w.advocacy.working_groups[OWN_STATE]
    lead = w.headers("cso", settings)
    path = f"/advocacy/working-groups/{group.id}/members"
    third = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Third CSO")
    third_user = create_user(session, third)
    third_headers = bearer(create_access_token(stored_id(third_user), settings)[0])
    # Not (yet) an active member of the coalition: 422 naming the organisation.
    problem(await client.put(f"{path}/{third.id}", headers=lead, json={}), 422, "organisation_id")
    await client.post(f"/advocacy/coalitions/{coalition.id}/members", headers=lead, json={"organisation_id": third.id})
    problem(await client.put(f"{path}/{third.id}", headers=lead, json={}), 422, "organisation_id")  # only invited
    await client.post(f"/advocacy/invitations/{coalition.id}/accept", headers=third_headers)

    assert (await client.put(f"{path}/{w.org('nhri').id}", headers=lead, json={"is_co_chair": True})).status_code == 200
    too_many = await client.put(f"{path}/{third.id}", headers=lead, json={"is_co_chair": True})
    problem(too_many, 409, slug="too-many-co-chairs")
    assert session.get(WorkingGroupMember, (group.id, third.id)) is None
    plain = await client.put(f"{path}/{third.id}", headers=lead, json={"is_co_chair": False})
    assert plain.status_code == 200
    assert [(m["organisation"]["id"], m["is_co_chair"]) for m in plain.json()["members"]] == [
        *sorted([(w.org("cso").id, True), (w.org("nhri").id, True)]),
        (third.id, False),
    ]
    # Re-putting a co-chair as co-chair is not a third one.
    assert (await client.put(f"{path}/{w.org('nhri').id}", headers=lead, json={"is_co_chair": True})).status_code == 200
    # A plain member cannot manage the group, but may leave it; co-chairs remove others.
    problem(await client.put(f"{path}/{w.org('nhri').id}", headers=third_headers, json={}), 403, slug="not-co-chair")
    problem(await client.delete(f"{path}/{w.org('nhri').id}", headers=third_headers), 403, slug="not-co-chair")
    assert (await client.delete(f"{path}/{third.id}", headers=third_headers)).status_code == 204
    problem(await client.delete(f"{path}/{third.id}", headers=lead), 404)
    assert (await client.delete(f"{path}/{w.org('nhri').id}", headers=lead)).status_code == 204
    assert session.get(WorkingGroupMember, (group.id, w.org("nhri").id)) is None
    assert audit(session, "working_group_member", AuditAction.delete)


async def test_deleting_a_group_waits_for_its_briefs(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    lead = w.headers("cso", settings)
    group = w.advocacy.working_groups[OWN_STATE]
    problem(
        await client.delete(f"/advocacy/working-groups/{group.id}", headers=lead), 409, slug="working-group-has-briefs"
    )
    data = {"coalition_id": w.advocacy.coalitions[OWN_STATE].id, "name": "Empty", "themes": [w.cycle.theme.id]}
    made = (await client.post("/advocacy/working-groups", headers=lead, json=data)).json()
    await client.put(f"/advocacy/working-groups/{made['id']}/members/{w.org('nhri').id}", headers=lead, json={})
    member = w.headers("nhri", settings)
    problem(
        await client.delete(f"/advocacy/working-groups/{made['id']}", headers=member), 403, slug="not-coalition-lead"
    )
    assert (await client.delete(f"/advocacy/working-groups/{made['id']}", headers=lead)).status_code == 204
    assert session.get(WorkingGroup, made["id"]) is None
    assert not session.exec(select(WorkingGroupMember).where(WorkingGroupMember.working_group_id == made["id"])).all()
    assert not session.exec(select(WorkingGroupTheme).where(WorkingGroupTheme.working_group_id == made["id"])).all()
    assert audit(session, "working_group", AuditAction.delete, str(made["id"]))


async def test_outsiders_see_no_working_group(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    group = w.advocacy.working_groups[OWN_STATE]
    outsider = w.headers("nhri", settings, OTHER_STATE)  # a member of the other state's coalition
    listed = (await client.get("/advocacy/working-groups", headers=outsider)).json()
    assert [g["id"] for g in listed["items"]] == [w.advocacy.working_groups[OTHER_STATE].id]
    by_theme = (await client.get(f"/advocacy/working-groups?theme={w.cycle.theme.id}", headers=outsider)).json()
    assert group.id not in [g["id"] for g in by_theme["items"]]
    path = f"/advocacy/working-groups/{group.id}"
    problem(await client.get(path, headers=outsider), 404)
    problem(await client.patch(path, headers={**outsider, "If-Match": "*"}, json={"name": "X"}), 404)
    problem(await client.delete(path, headers=outsider), 404)
    problem(await client.delete(f"{path}/members/{w.org('nhri').id}", headers=outsider), 404)
    for role, status in (("government", 403), ("academic", 403), ("anonymous", 401)):
        assert (await client.get(path, headers=w.headers(role, settings))).status_code == status
    admin = (await client.get("/advocacy/working-groups", headers=w.headers("admin", settings))).json()
    assert admin["total"] == 2
