"""Reprisal incidents: the recording organisation's (and admins'), the NHRI's of its state once shared,
nobody else's — absent from lists and totals, a 404 by id; only the recorder changes one; audited."""

from datetime import date
from typing import Any

import httpx
import pytest
from sqlmodel import Session

from api.advocacy.models import ReprisalIncident
from api.audit.models import AuditAction
from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.core import clock
from api.settings import Settings
from tests.cycle.helpers import audit, problem
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_user

PATH = "/advocacy/reprisal-incidents"
TODAY = date(2024, 5, 15)
BODY = {
    "occurred_on": "2024-03-02",
    "kind": "smear_campaign",
    "description": "Pro-government media called us foreign agents after our UPR pre-session statement.",
    "reported_to_un": True,
}


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def second_cso(session: Session, advocacy_world: World, settings: Settings) -> dict[str, str]:
    """Headers of a user of another CSO of the own state (not in any coalition with the first)."""
    org = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Second CSO of SVN")
    user = create_user(session, org)
    assert user.id is not None
    token, _ = create_access_token(user.id, settings)
    return bearer(token)


def h(world: World, settings: Settings, role: str, state: str = OWN_STATE) -> dict[str, str]:
    return world.headers(role, settings, state)


async def record(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await client.post(PATH, json=BODY | body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def ids_listed(client: httpx.AsyncClient, headers: dict[str, str], query: str = "") -> tuple[set[int], int]:
    response = await client.get(f"{PATH}{query}", headers=headers)
    assert response.status_code == 200, response.text
    page = response.json()
    return {item["id"] for item in page["items"]}, page["total"]


async def patch(
    client: httpx.AsyncClient, headers: dict[str, str], incident_id: int, body: dict[str, Any]
) -> httpx.Response:
    read = await client.get(f"{PATH}/{incident_id}", headers=headers)
    assert read.status_code == 200, read.text
    return await client.patch(f"{PATH}/{incident_id}", json=body, headers=headers | {"If-Match": read.headers["ETag"]})


async def test_a_csos_incident_is_seen_by_nobody_else_until_shared(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, second_cso: dict[str, str]
) -> None:
    w = advocacy_world
    cso = h(w, settings, "cso")
    created = await record(client, cso)
    incident_id = created["id"]
    assert created["state_code"] == OWN_STATE
    assert created["organisation"] == {"id": w.org("cso").id, "name": "cso org of SVN", "kind": "cso"}
    assert (created["reported_to_un"], created["shared_with_nhri"]) == (True, False)

    own_ids, own_total = await ids_listed(client, cso)
    assert incident_id in own_ids
    assert own_ids == {incident_id, w.advocacy.incidents[("cso", OWN_STATE)].id}
    assert own_total == 2

    missing = await client.get(f"{PATH}/999999", headers=second_cso)
    for headers in (
        second_cso,
        h(w, settings, "nhri"),
        h(w, settings, "nhri", OTHER_STATE),
        h(w, settings, "cso", OTHER_STATE),
    ):
        ids, total = await ids_listed(client, headers)
        assert incident_id not in ids
        assert total == len(ids)
        assert total == (0 if headers is second_cso else 1)  # the NHRI's / other CSO's own incident only
        hidden = await client.get(f"{PATH}/{incident_id}", headers=headers)
        problem(hidden, 404)
        assert hidden.json()["detail"] == missing.json()["detail"].replace("999999", str(incident_id))
        # nor may they change or delete what they cannot see
        problem(
            await client.patch(f"{PATH}/{incident_id}", json={"kind": "other"}, headers=headers | {"If-Match": "*"}),
            404,
        )
        problem(await client.delete(f"{PATH}/{incident_id}", headers=headers), 404)

    # roles without the permission: refused by the gate, the same for an existing and a missing id
    government = h(w, settings, "government")
    problem(await client.get(PATH, headers=government), 403)
    problem(await client.get(f"{PATH}/{incident_id}", headers=government), 403)
    problem(await client.get(f"{PATH}/999999", headers=government), 403)
    problem(await client.post(PATH, json=BODY, headers=government), 403)
    problem(await client.get(PATH), 401)
    problem(await client.get(f"{PATH}/{incident_id}"), 401)

    admin_ids, _ = await ids_listed(client, h(w, settings, "admin"))
    assert incident_id in admin_ids


async def test_sharing_opens_it_to_the_nhri_of_that_state_only_and_unsharing_closes_it(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings, second_cso: dict[str, str]
) -> None:
    w = advocacy_world
    cso_org = w.org("cso")
    cso_org.public_name = "Roma Rights Watch"  # a pseudonymous CSO
    session.add(cso_org)
    cso, nhri = h(w, settings, "cso"), h(w, settings, "nhri")
    incident_id = (await record(client, cso))["id"]

    shared = await patch(client, cso, incident_id, {"shared_with_nhri": True})
    assert shared.status_code == 200, shared.text
    assert shared.json()["shared_with_nhri"] is True
    assert shared.json()["organisation"]["name"] == "cso org of SVN"  # the CSO sees its own name

    ids, total = await ids_listed(client, nhri)
    assert incident_id in ids and total == 2  # with the NHRI's own
    read = await client.get(f"{PATH}/{incident_id}", headers=nhri)
    assert read.status_code == 200, read.text
    assert read.json()["organisation"] == {"id": cso_org.id, "name": "Roma Rights Watch", "kind": "cso"}
    assert read.json()["description"] == BODY["description"]
    assert (await ids_listed(client, nhri, "?shared=true"))[0] == {incident_id}

    # the NHRI reads it but may not change or delete it
    problem(
        await client.patch(
            f"{PATH}/{incident_id}", json={"kind": "other"}, headers=nhri | {"If-Match": read.headers["ETag"]}
        ),
        403,
        slug="not-incident-recorder",
    )
    problem(await client.delete(f"{PATH}/{incident_id}", headers=nhri), 403, slug="not-incident-recorder")

    # nobody else gains anything from the sharing
    for headers in (second_cso, h(w, settings, "nhri", OTHER_STATE), h(w, settings, "cso", OTHER_STATE)):
        assert incident_id not in (await ids_listed(client, headers))[0]
        problem(await client.get(f"{PATH}/{incident_id}", headers=headers), 404)

    unshared = await patch(client, cso, incident_id, {"shared_with_nhri": False})
    assert unshared.status_code == 200, unshared.text
    ids, total = await ids_listed(client, nhri)
    assert incident_id not in ids and total == 1
    problem(await client.get(f"{PATH}/{incident_id}", headers=nhri), 404)


async def test_an_nhri_incident_shared_is_still_its_own_and_another_states_nhri_never_sees_it(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    other_cso = h(w, settings, "cso", OTHER_STATE)
    incident_id = (await record(client, other_cso, shared_with_nhri=True))["id"]
    assert incident_id in (await ids_listed(client, h(w, settings, "nhri", OTHER_STATE)))[0]
    assert incident_id not in (await ids_listed(client, h(w, settings, "nhri", OWN_STATE)))[0]
    problem(await client.get(f"{PATH}/{incident_id}", headers=h(w, settings, "nhri", OWN_STATE)), 404)


async def test_create_rules(client: httpx.AsyncClient, advocacy_world: World, settings: Settings) -> None:
    w = advocacy_world
    cso, admin = h(w, settings, "cso"), h(w, settings, "admin")
    problem(await client.post(PATH, json=BODY | {"occurred_on": "2024-05-16"}, headers=cso), 422, "occurred_on")
    problem(await client.post(PATH, json=BODY | {"occurred_on": "2005-12-31"}, headers=cso), 422, "occurred_on")
    problem(await client.post(PATH, json=BODY | {"description": "   "}, headers=cso), 422)
    problem(await client.post(PATH, json=BODY | {"kind": "rumour"}, headers=cso), 422)
    # an organisation records its own incidents only
    problem(
        await client.post(PATH, json=BODY | {"organisation_id": w.org("cso", OTHER_STATE).id}, headers=cso),
        403,
        slug="not-own-organisation",
    )
    own = await record(client, cso, organisation_id=w.org("cso").id, occurred_on=TODAY.isoformat())
    assert own["organisation"]["id"] == w.org("cso").id
    # admins name the organisation, an active CSO or NHRI; the state is that organisation's
    problem(await client.post(PATH, json=BODY, headers=admin), 422, "organisation_id")
    problem(
        await client.post(PATH, json=BODY | {"organisation_id": w.org("government").id}, headers=admin),
        422,
        "organisation_id",
    )
    problem(await client.post(PATH, json=BODY | {"organisation_id": 999999}, headers=admin), 422, "organisation_id")
    for_nhri = await record(client, admin, organisation_id=w.org("nhri", OTHER_STATE).id)
    assert for_nhri["state_code"] == OTHER_STATE
    assert for_nhri["organisation"]["kind"] == "nhri"
    assert for_nhri["id"] in (await ids_listed(client, h(w, settings, "nhri", OTHER_STATE)))[0]


async def test_create_replays_with_the_same_idempotency_key(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    cso = h(advocacy_world, settings, "cso") | {"Idempotency-Key": "incident-2024-03-02"}
    first = await client.post(PATH, json=BODY, headers=cso)
    again = await client.post(PATH, json=BODY, headers=cso)
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert (await ids_listed(client, h(advocacy_world, settings, "cso")))[1] == 2  # one created, with the world's


async def test_update_needs_if_match_and_checks_dates(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    cso = h(advocacy_world, settings, "cso")
    incident = await record(client, cso)
    url = f"{PATH}/{incident['id']}"
    problem(await client.patch(url, json={"kind": "threat"}, headers=cso), 428, slug="precondition-required")
    problem(await client.patch(url, json={"kind": "threat"}, headers=cso | {"If-Match": '"stale"'}), 412)
    problem(await patch(client, cso, incident["id"], {"occurred_on": "2030-01-01"}), 422, "occurred_on")
    problem(await patch(client, cso, incident["id"], {"description": None}), 422, "description")
    changed = await patch(client, cso, incident["id"], {"kind": "threat", "reported_to_un": False})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["kind"], changed.json()["reported_to_un"]) == ("threat", False)
    assert changed.json()["updated_at"] > incident["updated_at"]
    assert changed.json()["description"] == incident["description"]


async def test_list_filters(client: httpx.AsyncClient, advocacy_world: World, settings: Settings) -> None:
    cso = h(advocacy_world, settings, "cso")
    world_incident = advocacy_world.advocacy.incidents[("cso", OWN_STATE)].id  # 2019, threat, not reported
    new = (await record(client, cso, shared_with_nhri=True))["id"]  # 2024, smear campaign, reported
    assert (await ids_listed(client, cso, "?year=2019"))[0] == {world_incident}
    assert (await ids_listed(client, cso, "?year=2024"))[0] == {new}
    assert (await ids_listed(client, cso, "?kind=smear_campaign"))[0] == {new}
    assert (await ids_listed(client, cso, "?reported_to_un=false"))[0] == {world_incident}
    assert (await ids_listed(client, cso, "?shared=true"))[0] == {new}
    assert (await ids_listed(client, cso, "?state=svn"))[0] == {new, world_incident}
    assert (await ids_listed(client, cso, f"?state={OTHER_STATE}"))[0] == set()
    listed = await client.get(PATH, headers=cso)
    assert [item["id"] for item in listed.json()["items"]] == [new, world_incident]  # latest first
    problem(await client.get(f"{PATH}?year=1999", headers=cso), 422)


async def test_delete_and_every_write_is_audited(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    cso = h(advocacy_world, settings, "cso")
    incident_id = (await record(client, cso))["id"]
    assert (await patch(client, cso, incident_id, {"shared_with_nhri": True})).status_code == 200
    deleted = await client.delete(f"{PATH}/{incident_id}", headers=cso)
    assert deleted.status_code == 204, deleted.text
    problem(await client.get(f"{PATH}/{incident_id}", headers=cso), 404)
    assert session.get(ReprisalIncident, incident_id) is None

    user_id = advocacy_world.user("cso").id
    [created] = audit(session, "reprisal_incident", AuditAction.create, str(incident_id))
    [updated] = audit(session, "reprisal_incident", AuditAction.update, str(incident_id))
    [removed] = audit(session, "reprisal_incident", AuditAction.delete, str(incident_id))
    assert {created.actor_user_id, updated.actor_user_id, removed.actor_user_id} == {user_id}
    assert created.changes["kind"] == "smear_campaign"
    assert updated.changes["shared_with_nhri"] == [False, True]

    # the admin deletes another's; the recorder's other incidents stay
    world_incident = advocacy_world.advocacy.incidents[("nhri", OTHER_STATE)].id
    removed_by_admin = await client.delete(f"{PATH}/{world_incident}", headers=h(advocacy_world, settings, "admin"))
    assert removed_by_admin.status_code == 204, removed_by_admin.text
    [entry] = audit(session, "reprisal_incident", AuditAction.delete, str(world_incident))
    assert entry.actor_user_id == advocacy_world.user("admin").id
