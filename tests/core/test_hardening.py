"""Inputs that once reached a 500, and safeguards found in review: each is a 4xx problem now."""

import pytest

from tests.factories import bearer
from tests.helpers import assert_problem

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/organisations/{HUGE}",
        f"/users/{HUGE}",
        f"/users?organisation_id={HUGE}",
        f"/audit-log?actor={HUGE}",
        "/states?offset=9223372036854775808",
    ],
)
async def test_out_of_range_ids_and_offsets_are_422(client, world, settings, path):
    response = await client.get(path, headers=world.headers("admin", settings))
    assert_problem(response, 422, "validation-error", "")


async def test_out_of_range_id_in_a_body_is_422_naming_it(client, world, settings):
    response = await client.post(
        "/users",
        headers=world.headers("admin", settings),
        json={
            "email": "big@example.org",
            "full_name": "Big",
            "password": "a long enough password",
            "organisation_id": 10**30,
        },
    )
    assert assert_problem(response, 422, "validation-error", "organisation_id")["field"] == "organisation_id"


@pytest.mark.parametrize("cursor", ["W251bGxd", "W" * 4000, "[" * 3000])
async def test_forged_cursors_are_422(client, cursor):
    response = await client.get("/states", params={"cursor": cursor})
    assert assert_problem(response, 422, "validation-error", "cursor")["field"] == "cursor"


async def test_nul_characters_never_reach_a_500(client):
    response = await client.get("/states/%00")
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == "application/problem+json"
    listing = await client.get("/organisations?state=%00")
    assert assert_problem(listing, 422, "validation-error", "state")["field"] == "state"


async def test_nul_or_oversized_login_is_a_client_error(client):
    for username in ("a\x00b@example.org", "x" * 400 + "@example.org"):
        response = await client.post("/auth/token", data={"username": username, "password": "whatever"})
        assert response.status_code == 400, response.text
        assert response.json()["error"] == "invalid_request"  # RFC 6749 §5.2: the token endpoint's errors


async def test_malformed_json_names_the_body(client, world, settings):
    response = await client.post(
        "/states",
        headers={**world.headers("admin", settings), "Content-Type": "application/json"},
        content=b'{"code": ',
    )
    assert assert_problem(response, 422, "validation-error", "")["field"] == "body"


@pytest.mark.parametrize(
    ("url", "field"), [("/organisations/{org}", "name"), ("/users/{user}", "full_name"), ("/users/{user}", "is_active")]
)
async def test_patch_null_for_a_required_field_is_422_naming_it(client, world, settings, url, field):
    url = url.format(org=world.org("cso").id, user=world.user("cso").id)
    response = await client.patch(url, headers=world.headers("admin", settings), json={field: None})
    assert assert_problem(response, 422, "validation-error", field)["field"] == field


async def test_a_blank_pseudonym_is_refused_and_one_with_spaces_is_trimmed(client, world, settings):
    url = f"/organisations/{world.org('cso').id}"
    admin = world.headers("admin", settings)
    for blank in ("", "   "):
        response = await client.patch(url, headers=admin, json={"public_name": blank})
        assert assert_problem(response, 422, "validation-error", "public_name")["field"] == "public_name"
    assert (await client.patch(url, headers=admin, json={"public_name": "  Coalition B "})).json()[
        "public_name"
    ] == "Coalition B"
    assert (await client.get(url)).json()["name"] == "Coalition B"


async def test_token_responses_are_not_cached(client, world, settings):
    from tests.factories import PASSWORD

    login = await client.post("/auth/token", data={"username": world.user("nhri").email, "password": PASSWORD})
    assert "no-store" in login.headers["cache-control"].split(", ")  # RFC 6749 5.1
    issued = await client.post("/auth/service-tokens", headers=world.headers("nhri", settings), json={"name": "x"})
    assert "no-store" in issued.headers["cache-control"].split(", ")


async def test_a_service_token_stops_when_its_creator_is_deactivated(client, world, settings):
    issued = (
        await client.post("/auth/service-tokens", headers=world.headers("cso", settings), json={"name": "sync"})
    ).json()
    assert (await client.get("/auth/me", headers=bearer(issued["token"]))).status_code == 200
    await client.patch(
        f"/users/{world.user('cso').id}", headers=world.headers("admin", settings), json={"is_active": False}
    )
    assert_problem(
        await client.get("/auth/me", headers=bearer(issued["token"])),
        401,
        "unauthorized",
        "created this service token is deactivated",
    )


async def test_service_tokens_live_at_most_a_year(client, world, settings):
    response = await client.post(
        "/auth/service-tokens",
        headers=world.headers("nhri", settings),
        json={"name": "forever", "expires_in_days": 3650},
    )
    assert assert_problem(response, 422, "validation-error", "")["field"] == "expires_in_days"


async def test_wrong_current_passwords_are_throttled_like_logins(client, world, settings):
    headers = world.headers("nhri", settings)
    body = {"current_password": "wrong guess", "new_password": "a fresh long passphrase"}
    statuses = [
        (await client.post("/auth/me/password", headers=headers, json=body)).status_code
        for _ in range(settings.login_max_failures + 1)
    ]
    assert statuses == [422] * settings.login_max_failures + [429]
