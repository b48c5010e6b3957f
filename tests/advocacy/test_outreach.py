"""The outreach log: the coalition's own briefs and contacts only, dates that make sense, the due
follow-ups (oldest first, until marked done), and nobody else's eyes."""

from datetime import date

import httpx
import pytest
from sqlmodel import Session

from api.advocacy.models import MissionContact, Outreach, OutreachKind
from api.core import clock
from api.settings import Settings
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.helpers import assert_problem

TODAY = date(2019, 11, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _new(world: World, **over: object) -> dict[str, object]:
    built = world.advocacy
    return {
        "coalition_id": built.coalitions[OWN_STATE].id,
        "state_code": OTHER_STATE,
        "kind": "briefing",
        "held_on": "2019-09-20",
        "attendees": "Two coalition members; the First Secretary.",
        "briefs": [built.published[OWN_STATE].id, built.drafts[OWN_STATE].id],
        "contact_id": built.contacts[OWN_STATE].id,
        "outcome": "Will consider raising segregated classes.",
        "follow_up_on": "2019-09-25",
    } | over


async def test_log_an_outreach_with_briefs_and_idempotency(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers("nhri", settings) | {"Idempotency-Key": "o-1"}
    r = await client.post("/advocacy/outreach", json=_new(advocacy_world), headers=headers)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["briefs"] == sorted([built.published[OWN_STATE].id or 0, built.drafts[OWN_STATE].id or 0])
    assert (created["kind"], created["held_on"], created["follow_up_done"]) == ("briefing", "2019-09-20", False)
    replay = await client.post("/advocacy/outreach", json=_new(advocacy_world), headers=headers)
    assert replay.json()["id"] == created["id"] and replay.headers["idempotent-replayed"] == "true"


async def test_briefs_must_be_the_coalitions(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers("cso", settings)
    theirs = built.published[OTHER_STATE].id  # public, but another coalition's
    for brief_id in (theirs, 2_000_000):
        r = await client.post("/advocacy/outreach", json=_new(advocacy_world, briefs=[brief_id]), headers=headers)
        body = assert_problem(r, 422, "validation-error", f"Not a brief of coalition {built.coalitions[OWN_STATE].id}")
        assert body["field"] == "briefs" and str(brief_id) in body["detail"]


async def test_dates_contact_and_coalition_are_checked(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers("cso", settings)
    cases = [
        (_new(advocacy_world, held_on="2019-11-02"), "held_on", "in the future"),
        (_new(advocacy_world, follow_up_on="2019-09-19"), "follow_up_on", "before `held_on`"),
        (_new(advocacy_world, state_code="FRA"), "contact_id", "is at a mission of HRV, not of FRA"),
        (_new(advocacy_world, contact_id=built.contacts[OTHER_STATE].id), "contact_id", "is not a contact"),
        (_new(advocacy_world, state_code="XYZ", contact_id=None), "state_code", "Unknown state"),
    ]
    for body, field, detail in cases:
        r = await client.post("/advocacy/outreach", json=body, headers=headers)
        assert assert_problem(r, 422, "validation-error", detail)["field"] == field
    r = await client.post("/advocacy/outreach", json=_new(advocacy_world, kind="lunch"), headers=headers)
    assert r.status_code == 422
    other = built.coalitions[OTHER_STATE].id
    r = await client.post(
        "/advocacy/outreach", json=_new(advocacy_world, coalition_id=other, briefs=[], contact_id=None), headers=headers
    )
    assert_problem(r, 404, "not-found", f"Coalition {other} not found")
    today = await client.post(
        "/advocacy/outreach",
        json=_new(advocacy_world, held_on="2019-11-01", follow_up_on="2019-11-01"),
        headers=headers,
    )
    assert today.status_code == 201


async def test_list_filters(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers("cso", settings)
    world_outreach = built.outreach[OWN_STATE].id  # a meeting with HRV on 2019-09-12, the draft presented
    email = (
        await client.post(
            "/advocacy/outreach",
            json=_new(
                advocacy_world,
                kind="email",
                held_on="2019-10-15",
                follow_up_on=None,
                briefs=[built.published[OWN_STATE].id],
            ),
            headers=headers,
        )
    ).json()["id"]

    async def ids(query: str) -> list[int]:
        r = await client.get(f"/advocacy/outreach{query}", headers=headers)
        assert r.status_code == 200, r.text
        return [o["id"] for o in r.json()["items"]]

    assert await ids("") == [email, world_outreach]  # latest first
    assert await ids("?kind=meeting") == [world_outreach]
    assert await ids(f"?brief={built.drafts[OWN_STATE].id}") == [world_outreach]
    assert await ids(f"?brief={built.published[OWN_STATE].id}") == [email]
    assert await ids("?held_from=2019-10-01") == [email]
    assert await ids("?held_to=2019-09-30") == [world_outreach]
    assert await ids("?held_from=2019-09-12&held_to=2019-09-12") == [world_outreach]
    assert await ids("?state=fra") == []
    assert await ids(f"?coalition={built.coalitions[OWN_STATE].id}") == [email, world_outreach]
    r = await client.get("/advocacy/outreach?held_from=2019-10-01&held_to=2019-09-01", headers=headers)
    assert assert_problem(r, 422, "validation-error", "before `held_from`")["field"] == "held_to"


async def test_follow_ups_due_oldest_first_until_done(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers("cso", settings)
    world_outreach = built.outreach[OWN_STATE].id  # follow-up on 2019-10-01
    earlier = (await client.post("/advocacy/outreach", json=_new(advocacy_world), headers=headers)).json()["id"]
    later = (
        await client.post("/advocacy/outreach", json=_new(advocacy_world, follow_up_on="2019-12-01"), headers=headers)
    ).json()["id"]
    session.add(
        Outreach(
            coalition_id=built.coalitions[OWN_STATE].id or 0,
            state_code=OTHER_STATE,
            kind=OutreachKind.event,
            held_on=date(2019, 9, 1),
            follow_up_on=date(2019, 9, 2),
            follow_up_done=True,
        )
    )
    session.flush()

    async def due(query: str = "", as_: dict[str, str] = headers) -> list[int]:
        r = await client.get(f"/advocacy/outreach/follow-ups-due{query}", headers=as_)
        assert r.status_code == 200, r.text
        return [o["id"] for o in r.json()["items"]]

    assert await due() == [earlier, world_outreach]  # due by today (2019-11-01), oldest first; done ones not
    assert await due("?until=2019-09-30") == [earlier]
    assert await due("?until=2019-12-31") == [earlier, world_outreach, later]
    assert await due(f"?coalition={built.coalitions[OWN_STATE].id}") == [earlier, world_outreach]
    assert await due(as_=advocacy_world.headers("cso", settings, OTHER_STATE)) == [built.outreach[OTHER_STATE].id]

    url = f"/advocacy/outreach/{earlier}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    done = await client.patch(url, json={"follow_up_done": True}, headers=headers | {"If-Match": etag})
    assert done.status_code == 200 and done.json()["follow_up_done"] is True
    assert await due() == [world_outreach]


async def test_update_replaces_briefs_and_rechecks_the_rules(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    outreach = built.outreach[OWN_STATE]
    url, headers = f"/advocacy/outreach/{outreach.id}", advocacy_world.headers("cso", settings)
    assert (await client.patch(url, json={"outcome": "x"}, headers=headers)).status_code == 428
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(
        url, json={"briefs": [built.published[OWN_STATE].id], "outcome": "Agreed"}, headers=headers | {"If-Match": etag}
    )
    assert r.status_code == 200, r.text
    assert (r.json()["briefs"], r.json()["outcome"]) == ([built.published[OWN_STATE].id], "Agreed")
    assert (await client.patch(url, json={"outcome": "y"}, headers=headers | {"If-Match": etag})).status_code == 412

    star = headers | {"If-Match": "*"}
    bad = [
        ({"briefs": [built.drafts[OTHER_STATE].id]}, "briefs"),
        ({"held_on": "2019-12-01"}, "held_on"),
        ({"follow_up_on": "2019-09-01"}, "follow_up_on"),  # before the stored held_on (2019-09-12)
        ({"state_code": "FRA"}, "contact_id"),  # the stored contact is at HRV's mission
    ]
    for body, field in bad:
        assert (await client.patch(url, json=body, headers=star)).json()["field"] == field
    fra = MissionContact(
        coalition_id=built.coalitions[OWN_STATE].id or 0, state_code="FRA", mission="Embassy of France", person="Consul"
    )
    session.add(fra)
    session.flush()
    moved = await client.patch(url, json={"state_code": "FRA", "contact_id": fra.id}, headers=star)
    assert moved.status_code == 200 and (moved.json()["state_code"], moved.json()["contact_id"]) == ("FRA", fra.id)
    assert (await client.patch(url, json={"briefs": None}, headers=star)).status_code == 422
    cleared = await client.patch(url, json={"briefs": []}, headers=star)
    assert cleared.json()["briefs"] == []


async def test_delete(client: httpx.AsyncClient, advocacy_world: World, settings: Settings) -> None:
    outreach = advocacy_world.advocacy.outreach[OWN_STATE]
    headers = advocacy_world.headers("nhri", settings)
    assert (await client.delete(f"/advocacy/outreach/{outreach.id}", headers=headers)).status_code == 204
    assert (await client.get(f"/advocacy/outreach/{outreach.id}", headers=headers)).status_code == 404
    listed = await client.get(
        f"/advocacy/outreach?brief={advocacy_world.advocacy.drafts[OWN_STATE].id}", headers=headers
    )
    assert listed.json()["total"] == 0


async def test_nobody_else_sees_the_log(client: httpx.AsyncClient, advocacy_world: World, settings: Settings) -> None:
    """Another coalition's member: absent from lists and totals (filtered by this coalition or its brief,
    even a published one), 404 by id and on writes; a government: 403; anonymous: 401."""
    built = advocacy_world.advocacy
    outreach_id = built.outreach[OWN_STATE].id
    url = f"/advocacy/outreach/{outreach_id}"
    other = advocacy_world.headers("cso", settings, OTHER_STATE)
    theirs = (await client.get("/advocacy/outreach", headers=other)).json()
    assert [o["id"] for o in theirs["items"]] == [built.outreach[OTHER_STATE].id] and theirs["total"] == 1
    for query in (f"coalition={built.coalitions[OWN_STATE].id}", f"brief={built.drafts[OWN_STATE].id}"):
        assert (await client.get(f"/advocacy/outreach?{query}", headers=other)).json()["total"] == 0
    assert_problem(await client.get(url, headers=other), 404, "not-found", f"Outreach {outreach_id} not found")
    patched = await client.patch(url, json={"follow_up_done": True}, headers=other | {"If-Match": "*"})
    assert patched.status_code == 404
    assert (await client.delete(url, headers=other)).status_code == 404
    for headers, status in [(advocacy_world.headers("government", settings), 403), ({}, 401)]:
        for path in ("/advocacy/outreach", "/advocacy/outreach/follow-ups-due", url):
            assert (await client.get(path, headers=headers)).status_code == status
    admin = (await client.get("/advocacy/outreach", headers=advocacy_world.headers("admin", settings))).json()
    assert admin["total"] == 2
