"""/sessions: Working Group sessions, filterable by cycle; a session's cycle must exist."""

from tests.cycle.helpers import problem
from tests.cycle_factories import create_cycle, create_upr_session


async def test_list_in_number_order_and_filtered_by_cycle(client, world, session):
    create_cycle(session, 4, start_year=2022, end_year=None)
    for number, cycle, year in ((41, 4, 2022), (34, 3, 2019), (28, 3, 2017), (42, 4, 2023)):
        create_upr_session(session, number, cycle, year)
    everything = await client.get("/sessions")
    assert [s["number"] for s in everything.json()["items"]] == [28, 34, 41, 42]
    third = await client.get("/sessions?cycle=3")
    assert [s["number"] for s in third.json()["items"]] == [28, 34]
    assert third.json()["total"] == 2
    assert [s["number"] for s in (await client.get("/sessions?cycle=4")).json()["items"]] == [41, 42]
    assert (await client.get("/sessions?cycle=9")).json() == {"items": [], "total": 0, "next_cursor": None}


async def test_get_and_404(client, world, session):
    create_upr_session(session, 34)
    response = await client.get("/sessions/34")
    assert response.status_code == 200
    assert response.json() == {"number": 34, "cycle_number": 3, "year": 2019, "start_date": None, "end_date": None}
    problem(await client.get("/sessions/99"), 404, detail="Session 99")


async def test_admin_creates_a_session_of_an_existing_cycle(client, world, settings, session):
    create_cycle(session, 3)
    admin = world.headers("admin", settings)
    body = {"number": 34, "cycle_number": 3, "year": 2019, "start_date": "2019-11-04", "end_date": "2019-11-15"}
    response = await client.post("/sessions", headers=admin, json=body)
    assert response.status_code == 201, response.text
    assert response.json() == body
    problem(await client.post("/sessions", headers=admin, json=body), 409, "number", slug="already-exists")
    problem(
        await client.post("/sessions", headers=admin, json={**body, "number": 35, "cycle_number": 7}),
        422,
        "cycle_number",
        "Cycle 7",
    )
    problem(
        await client.post("/sessions", headers=admin, json={**body, "number": 35, "end_date": "2019-11-01"}),
        422,
        detail="end_date",
    )
    problem(await client.post("/sessions", headers=world.headers("cso", settings), json=body), 403)


async def test_patch(client, world, settings, session):
    create_upr_session(session, 34)
    admin = world.headers("admin", settings)
    response = await client.patch("/sessions/34", headers=admin, json={"start_date": "2019-11-04"})
    assert response.status_code == 200, response.text
    assert response.json()["start_date"] == "2019-11-04"
    problem(await client.patch("/sessions/34", headers=admin, json={"end_date": "2019-11-01"}), 422, "end_date")
    problem(await client.patch("/sessions/34", headers=admin, json={"cycle_number": 8}), 422, "cycle_number")
    problem(await client.patch("/sessions/34", headers=admin, json={"year": None}), 422, "year")
    problem(await client.patch("/sessions/77", headers=admin, json={"year": 2020}), 404)
    etag = (await client.get("/sessions/34")).headers["etag"]
    assert (
        await client.patch("/sessions/34", headers={**admin, "If-Match": etag}, json={"year": 2020})
    ).status_code == 200
    problem(await client.patch("/sessions/34", headers={**admin, "If-Match": etag}, json={"year": 2021}), 412)
