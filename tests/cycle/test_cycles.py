"""/cycles: public reads in number order, admin writes, If-Match on PATCH."""

from tests.cycle.helpers import problem
from tests.cycle_factories import create_cycle


async def test_list_is_ordered_by_number_and_pages(client, world, session):
    for number, start in ((4, 2022), (1, 2008), (3, 2017), (2, 2012)):
        create_cycle(session, number, start_year=start, end_year=None if number == 4 else start + 4)
    first = await client.get("/cycles?limit=3")
    assert first.status_code == 200, first.text
    body = first.json()
    assert [c["number"] for c in body["items"]] == [1, 2, 3]
    assert body["total"] == 4
    assert body["items"][0] == {"number": 1, "start_year": 2008, "end_year": 2012}
    second = await client.get(f"/cycles?limit=3&cursor={body['next_cursor']}")
    assert [c["number"] for c in second.json()["items"]] == [4]
    assert second.json()["items"][0]["end_year"] is None
    assert second.json()["next_cursor"] is None


async def test_get_has_an_etag_and_unknown_is_404(client, world, session):
    create_cycle(session, 3)
    response = await client.get("/cycles/3")
    assert response.status_code == 200
    assert response.json() == {"number": 3, "start_year": 2017, "end_year": 2022}
    assert response.headers["etag"]
    problem(await client.get("/cycles/9"), 404, detail="Cycle 9")
    problem(await client.get("/cycles/three"), 422, "number")


async def test_admin_creates_a_cycle(client, world, settings):
    response = await client.post(
        "/cycles", headers=world.headers("admin", settings), json={"number": 4, "start_year": 2022, "end_year": 2027}
    )
    assert response.status_code == 201, response.text
    assert response.json() == {"number": 4, "start_year": 2022, "end_year": 2027}
    assert (await client.get("/cycles/4")).status_code == 200


async def test_create_refusals(client, world, settings, session):
    create_cycle(session, 3)
    admin = world.headers("admin", settings)
    problem(
        await client.post("/cycles", headers=admin, json={"number": 3, "start_year": 2017}),
        409,
        "number",
        slug="already-exists",
    )
    problem(
        await client.post("/cycles", headers=admin, json={"number": 5, "start_year": 2027, "end_year": 2026}),
        422,
        detail="end_year",
    )
    problem(await client.post("/cycles", headers=admin, json={"number": 0, "start_year": 2027}), 422, "number")
    problem(await client.post("/cycles", headers=admin, json={"number": 5, "start_year": 1990}), 422, "start_year")
    problem(await client.post("/cycles", json={"number": 5, "start_year": 2027}), 401)
    problem(
        await client.post(
            "/cycles", headers=world.headers("government", settings), json={"number": 5, "start_year": 2027}
        ),
        403,
    )


async def test_patch_updates_and_checks_the_merged_years(client, world, settings, session):
    create_cycle(session, 4, start_year=2022, end_year=None)
    admin = world.headers("admin", settings)
    response = await client.patch("/cycles/4", headers=admin, json={"end_year": 2027})
    assert response.status_code == 200, response.text
    assert response.json()["end_year"] == 2027
    problem(await client.patch("/cycles/4", headers=admin, json={"end_year": 2021}), 422, "end_year")
    problem(await client.patch("/cycles/4", headers=admin, json={"start_year": 2028}), 422, "end_year")
    problem(await client.patch("/cycles/4", headers=admin, json={"start_year": None}), 422, "start_year")
    reopened = await client.patch("/cycles/4", headers=admin, json={"end_year": None})
    assert reopened.json()["end_year"] is None
    problem(await client.patch("/cycles/8", headers=admin, json={"end_year": 2030}), 404)


async def test_stale_if_match_is_412(client, world, settings, session):
    create_cycle(session, 4, start_year=2022, end_year=None)
    admin = world.headers("admin", settings)
    etag = (await client.get("/cycles/4")).headers["etag"]
    first = await client.patch("/cycles/4", headers={**admin, "If-Match": etag}, json={"end_year": 2027})
    assert first.status_code == 200
    problem(
        await client.patch("/cycles/4", headers={**admin, "If-Match": etag}, json={"end_year": 2026}), 412, "If-Match"
    )
    assert (await client.get("/cycles/4")).json()["end_year"] == 2027
