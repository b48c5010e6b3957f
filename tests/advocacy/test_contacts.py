"""Mission contacts: any active member of the coalition keeps them; nobody else sees them."""

import httpx
from sqlmodel import Session

from api.advocacy.models import MissionContact, Outreach
from api.settings import Settings
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.helpers import assert_problem


def _new(world: World, **over: object) -> dict[str, object]:
    return {
        "coalition_id": world.advocacy.coalitions[OWN_STATE].id,
        "state_code": "bra",
        "mission": "Embassy of Brazil",
        "city": "Ljubljana",
        "person": "Deputy Head of Mission",
        "channel": "e-mail",
        "notes": "Met at the pre-session.",
    } | over


async def test_a_member_records_a_contact_with_idempotency(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    headers = advocacy_world.headers("nhri", settings) | {"Idempotency-Key": "contact-1"}  # a plain member
    r = await client.post("/advocacy/contacts", json=_new(advocacy_world), headers=headers)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["state_code"] == "BRA" and created["person"] == "Deputy Head of Mission"
    replay = await client.post("/advocacy/contacts", json=_new(advocacy_world), headers=headers)
    assert replay.json()["id"] == created["id"] and replay.headers["idempotent-replayed"] == "true"
    got = await client.get(f"/advocacy/contacts/{created['id']}", headers=advocacy_world.headers("cso", settings))
    assert got.json() == created


async def test_create_refuses_another_coalition_and_unknown_states(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    other = advocacy_world.advocacy.coalitions[OTHER_STATE].id
    r = await client.post(
        "/advocacy/contacts",
        json=_new(advocacy_world, coalition_id=other),
        headers=advocacy_world.headers("cso", settings),
    )
    assert_problem(r, 404, "not-found", f"Coalition {other} not found")
    r = await client.post(
        "/advocacy/contacts",
        json=_new(advocacy_world, state_code="XYZ"),
        headers=advocacy_world.headers("cso", settings),
    )
    assert assert_problem(r, 422, "validation-error", "Unknown state")["field"] == "state_code"
    r = await client.post(
        "/advocacy/contacts", json=_new(advocacy_world, person="  "), headers=advocacy_world.headers("cso", settings)
    )
    assert r.status_code == 422


async def test_lists_filter_and_stay_the_coalitions(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    extra = MissionContact(
        coalition_id=built.coalitions[OWN_STATE].id or 0,
        state_code="FRA",
        mission="Embassy of France",
        person="Attaché",
    )
    session.add(extra)
    session.flush()
    own = advocacy_world.headers("cso", settings)
    listed = (await client.get("/advocacy/contacts", headers=own)).json()
    assert [c["id"] for c in listed["items"]] == [extra.id, built.contacts[OWN_STATE].id]  # by state: FRA, HRV
    assert listed["total"] == 2
    by_state = (await client.get("/advocacy/contacts?state=fra", headers=own)).json()
    assert [c["id"] for c in by_state["items"]] == [extra.id]

    other = advocacy_world.headers("cso", settings, OTHER_STATE)
    theirs = (await client.get("/advocacy/contacts", headers=other)).json()
    assert [c["id"] for c in theirs["items"]] == [built.contacts[OTHER_STATE].id] and theirs["total"] == 1
    filtered = await client.get(f"/advocacy/contacts?coalition={built.coalitions[OWN_STATE].id}", headers=other)
    assert filtered.json()["total"] == 0
    url = f"/advocacy/contacts/{extra.id}"
    assert_problem(await client.get(url, headers=other), 404, "not-found", f"Contact {extra.id} not found")
    assert (await client.patch(url, json={"person": "x"}, headers=other | {"If-Match": "*"})).status_code == 404
    assert (await client.delete(url, headers=other)).status_code == 404
    for headers, status in [(advocacy_world.headers("government", settings), 403), ({}, 401)]:
        assert (await client.get("/advocacy/contacts", headers=headers)).status_code == status
        assert (await client.get(url, headers=headers)).status_code == status


async def test_update_with_if_match_and_moving_state_unlinks_outreach(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    contact, outreach = advocacy_world.advocacy.contacts[OWN_STATE], advocacy_world.advocacy.outreach[OWN_STATE]
    url, headers = f"/advocacy/contacts/{contact.id}", advocacy_world.headers("cso", settings)
    assert (await client.patch(url, json={"city": "Vienna"}, headers=headers)).status_code == 428
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(url, json={"city": None, "channel": "Signal"}, headers=headers | {"If-Match": etag})
    assert r.status_code == 200 and (r.json()["city"], r.json()["channel"]) == (None, "Signal")
    assert (await client.patch(url, json={"city": "x"}, headers=headers | {"If-Match": etag})).status_code == 412
    null = await client.patch(url, json={"person": None}, headers=headers | {"If-Match": "*"})
    assert null.status_code == 422
    still_linked = session.get_one(Outreach, outreach.id)
    assert still_linked.contact_id == contact.id

    moved = await client.patch(url, json={"state_code": "FRA"}, headers=headers | {"If-Match": "*"})
    assert moved.status_code == 200 and moved.json()["state_code"] == "FRA"
    session.expire_all()
    assert session.get_one(Outreach, outreach.id).contact_id is None  # the outreach was with HRV


async def test_delete_keeps_the_outreach_without_the_link(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    contact, outreach = advocacy_world.advocacy.contacts[OWN_STATE], advocacy_world.advocacy.outreach[OWN_STATE]
    headers = advocacy_world.headers("nhri", settings)
    assert (await client.delete(f"/advocacy/contacts/{contact.id}", headers=headers)).status_code == 204
    assert (await client.get(f"/advocacy/contacts/{contact.id}", headers=headers)).status_code == 404
    kept = await client.get(f"/advocacy/outreach/{outreach.id}", headers=headers)
    assert kept.status_code == 200 and kept.json()["contact_id"] is None
