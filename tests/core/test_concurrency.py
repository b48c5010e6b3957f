"""ETag on reads and If-Match on updates: a stale writer gets 412 and changes nothing."""

import pytest

from tests.helpers import assert_problem


@pytest.mark.parametrize("kind", ["state", "organisation", "user"])
async def test_stale_if_match_is_412_and_loses_nothing(client, world, settings, kind):
    admin = world.headers("admin", settings)
    url, field = {
        "state": ("/states/SVN", "name"),
        "organisation": (f"/organisations/{world.org('nhri').id}", "public_name"),
        "user": (f"/users/{world.user('nhri').id}", "full_name"),
    }[kind]
    first = await client.get(url, headers=admin)
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')

    ministry_a = await client.patch(url, headers={**admin, "If-Match": etag}, json={field: "Edited by A"})
    assert ministry_a.status_code == 200, ministry_a.text
    assert ministry_a.headers["etag"] != etag

    ministry_b = await client.patch(url, headers={**admin, "If-Match": etag}, json={field: "Edited by B"})
    body = assert_problem(ministry_b, 412, "precondition-failed", "changed since you read it")
    assert body["field"] == "If-Match"
    assert (await client.get(url, headers=admin)).json()[field] == "Edited by A"

    fresh = await client.patch(
        url, headers={**admin, "If-Match": ministry_a.headers["etag"]}, json={field: "Edited by B"}
    )
    assert fresh.status_code == 200
    assert fresh.json()[field] == "Edited by B"


async def test_if_match_star_and_absent_header_update(client, world, settings):
    admin = world.headers("admin", settings)
    assert (
        await client.patch("/states/HRV", headers={**admin, "If-Match": "*"}, json={"name": "Hrvatska"})
    ).status_code == 200
    assert (await client.patch("/states/HRV", headers=admin, json={"name": "Croatia"})).status_code == 200


async def test_etag_is_stable_while_nothing_changes(client, world):
    first = await client.get("/states/SVN")
    second = await client.get("/states/SVN")
    assert first.headers["etag"] == second.headers["etag"]
